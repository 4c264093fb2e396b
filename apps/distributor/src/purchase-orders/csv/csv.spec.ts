import { CsvSyntaxError, guessDelimiter, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, CRLF and a BOM', () => {
    const text = '\uFEFFsku,quantity\r\n"BOLT,M8",5\r\n"say ""hi""",7\r\n"two\r\nlines",9\r\nlast,1';
    expect(parseCsv(text)).toEqual([
      { row: 1, fields: ['sku', 'quantity'] },
      { row: 2, fields: ['BOLT,M8', '5'] },
      { row: 3, fields: ['say "hi"', '7'] },
      { row: 4, fields: ['two\r\nlines', '9'] },
      // The record above spans two lines of the file but is one row of a spreadsheet.
      { row: 5, fields: ['last', '1'] },
    ]);
  });

  it('keeps blank lines as rows, drops the final line break, and keeps empty fields', () => {
    expect(parseCsv('a,b\n\nc,\n')).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: [''] },
      { row: 3, fields: ['c', ''] },
    ]);
  });

  it('splits on the delimiter it is given', () => {
    expect(parseCsv('sku;quantity\nNUT-M8;3', ';')).toEqual([
      { row: 1, fields: ['sku', 'quantity'] },
      { row: 2, fields: ['NUT-M8', '3'] },
    ]);
  });

  it('names the row of a quoted field that is never closed, or is followed by more text', () => {
    const open = (() => {
      try {
        parseCsv('sku,quantity\nA,1\n"B,2\nC,3');
      } catch (error) {
        return error;
      }
    })();
    expect(open).toBeInstanceOf(CsvSyntaxError);
    expect(open).toMatchObject({ row: 3, message: 'a quoted field is not closed' });
    expect(() => parseCsv('sku,quantity\n"A"x,1')).toThrow(expect.objectContaining({ row: 2 }));
  });
});

describe('guessDelimiter', () => {
  it('takes a semicolon only when the header has no comma', () => {
    expect(guessDelimiter('sku;quantity\nA;1')).toBe(';');
    expect(guessDelimiter('sku,quantity\n"A;B",1')).toBe(',');
  });
});
