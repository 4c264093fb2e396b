import { HttpException } from '@nestjs/common';
import { readPurchaseOrderCsv, CsvRowsProblem } from './purchase-order-csv';

const read = (text: string) => readPurchaseOrderCsv(Buffer.from(text, 'utf8'));
const refusal = (text: string) => {
  try {
    read(text);
  } catch (error) {
    if (error instanceof HttpException) return error.getResponse() as { status: number; rows?: unknown[]; errors: unknown[] };
    throw error;
  }
  throw new Error('expected the CSV to be refused');
};

describe('readPurchaseOrderCsv', () => {
  it('reads lines under a header in any case and column order, with an optional price ceiling', () => {
    const csv = read('Quantity,SKU,Price_Ceiling_Minor\r\n500,BOLT-M8,12\r\n3,NUT-M8,\r\n');
    expect(csv.problems).toEqual([]);
    expect(csv.lines).toEqual([
      { row: 2, line: { sku: 'BOLT-M8', quantity: 500, priceCeilingMinor: 12 } },
      { row: 3, line: { sku: 'NUT-M8', quantity: 3 } },
    ]);
  });

  it('reports every bad cell by the row a spreadsheet shows, counting blank lines', () => {
    const csv = read(['sku,quantity,priceCeilingMinor', 'BOLT-M8,1.5,', '', ',4,', 'bolt-m8,0,-3', 'NUT-M8,2,1,9'].join('\n'));
    expect(csv.lines).toEqual([]);
    expect(csv.problems).toEqual([
      { row: 2, column: 'quantity', message: 'must be a positive integer' },
      { row: 4, column: 'sku', message: 'is required' },
      { row: 5, column: 'quantity', message: 'must be a positive integer' },
      { row: 5, column: 'priceCeilingMinor', message: 'must be a whole number of minor units' },
      { row: 5, column: 'sku', message: 'must be upper-case letters, digits, dot, dash or underscore' },
      { row: 6, message: 'has 4 fields; the header has 3' },
    ]);
  });

  it('applies the same ranges as a JSON line', () => {
    expect(read('sku,quantity\nBOLT-M8,10000001').problems).toEqual([
      { row: 2, column: 'quantity', message: 'must not be greater than 10000000' },
    ]);
  });

  it('refuses a header without the required columns, or with unknown ones', () => {
    expect(refusal('sku,amount,constructor\nBOLT-M8,1,1').rows).toEqual([
      { row: 1, column: 'amount', message: expect.stringContaining('unknown column') },
      { row: 1, column: 'constructor', message: expect.stringContaining('unknown column') },
      { row: 1, column: 'quantity', message: 'column is missing' },
    ]);
  });

  it('refuses a file with no lines, more lines than an order may hold, or a broken quote', () => {
    expect(refusal('sku,quantity\r\n').errors).toEqual([{ field: 'lines', message: 'holds no lines after its header row' }]);
    const many = ['sku,quantity', ...Array.from({ length: 5001 }, (_, i) => `SKU-${i},1`)].join('\n');
    expect(refusal(many)).toMatchObject({ status: 422, errors: [{ field: 'lines', message: expect.stringContaining('5000') }] });
    expect(refusal('sku,quantity\nA,1\n"B,2').rows).toEqual([{ row: 3, message: 'a quoted field is not closed' }]);
  });

  it('refuses a file that is not UTF-8', () => {
    expect(readPurchaseOrderCsv.bind(null, Buffer.from([0x73, 0x6b, 0x75, 0xff, 0x0a]))).toThrow(CsvRowsProblem);
  });
});
