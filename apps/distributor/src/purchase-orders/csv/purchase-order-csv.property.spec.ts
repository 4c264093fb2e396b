import { HttpException } from '@nestjs/common';
import fc from 'fast-check';
import type { PurchaseOrderLine } from '@tradelane/contracts';
import { quantity, sku } from '../../../../../test/support/arbitraries';
import { readPurchaseOrderCsv } from './purchase-order-csv';

type Line = Omit<PurchaseOrderLine, 'lineNo'>;
type Column = keyof Line;

interface Layout {
  /** the columns in the order the file has them, each with the header a spreadsheet gave it */
  columns: { column: Column; header: string }[];
  delimiter: ',' | ';';
  eol: '\n' | '\r\n' | '\r';
  bom: boolean;
  /** after which data rows a blank row is left */
  blankAfter: number[];
  /** quote every cell, or only those that need it */
  quoteAll: boolean;
  /** spaces, tabs and line breaks around cells, which the reader trims */
  padding: string;
}

const headers: Record<Column, fc.Arbitrary<string>> = {
  sku: fc.constantFrom('sku', 'SKU', ' Sku '),
  quantity: fc.constantFrom('quantity', 'Quantity', 'qty', 'QTY'),
  priceCeilingMinor: fc.constantFrom('priceCeilingMinor', 'price_ceiling_minor', 'Price Ceiling (minor)'),
};

const line: fc.Arbitrary<Line> = fc.record(
  { sku, quantity, priceCeilingMinor: fc.integer({ min: 0, max: 1_000_000_000_000 }) },
  { requiredKeys: ['sku', 'quantity'] },
);

const layout = (withCeiling: boolean): fc.Arbitrary<Layout> =>
  fc.record({
    columns: fc
      .shuffledSubarray<Column>(['sku', 'quantity', 'priceCeilingMinor'], { minLength: 3, maxLength: 3 })
      .map((cs) => cs.filter((c) => withCeiling || c !== 'priceCeilingMinor'))
      .chain((cs) => fc.tuple(...cs.map((column) => headers[column].map((header) => ({ column, header }))))),
    delimiter: fc.constantFrom(',', ';'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    blankAfter: fc.array(fc.nat({ max: 30 }), { maxLength: 3 }),
    quoteAll: fc.boolean(),
    padding: fc.constantFrom('', ' ', '\t', ' \n', '\r\n '),
  });

/** Prints the lines as a spreadsheet would save them; `rows` are the spreadsheet rows of the data lines. */
function printOrderCsv(lines: Line[], l: Layout, cellOf: (line: Line, c: Column, index: number) => string = defaultCell): { text: string; rows: number[] } {
  const cell = (value: string, padded: boolean) => {
    const v = padded ? `${l.padding}${value}${l.padding}` : value;
    return l.quoteAll || /["\r\n]/.test(v) || v.includes(l.delimiter) ? `"${v.replaceAll('"', '""')}"` : v;
  };
  const out: string[] = [l.columns.map((c) => cell(c.header, false)).join(l.delimiter)];
  const rows: number[] = [];
  lines.forEach((ln, i) => {
    out.push(l.columns.map((c) => cell(cellOf(ln, c.column, i), true)).join(l.delimiter));
    rows.push(out.length);
    for (const after of l.blankAfter) if (after === i) out.push('');
  });
  return { text: (l.bom ? '\uFEFF' : '') + out.join(l.eol) + l.eol, rows };
}

const defaultCell = (ln: Line, c: Column) => (ln[c] === undefined ? '' : String(ln[c]));

const read = (text: string) => readPurchaseOrderCsv(Buffer.from(text, 'utf8'));

const orderCsv = fc
  .array(line, { minLength: 1, maxLength: 30 })
  .chain((lines) => layout(lines.some((x) => x.priceCeilingMinor !== undefined)).map((l) => ({ lines, layout: l })));

describe('readPurchaseOrderCsv over generated orders', () => {
  it('reads printed lines back as the same lines, on the rows a spreadsheet shows them', () => {
    fc.assert(
      fc.property(orderCsv, ({ lines, layout: l }) => {
        const { text, rows } = printOrderCsv(lines, l);
        const parsed = read(text);
        expect(parsed.problems).toEqual([]);
        expect(parsed.lines.map((x) => ({ ...x.line }))).toEqual(lines);
        expect(parsed.lines.map((x) => x.row)).toEqual(rows);
      }),
    );
  });

  it('reports exactly the rows with a bad quantity or ceiling, by their row, and keeps the others', () => {
    const badQuantity = fc.constantFrom('0', '-1', '1.5', '1e3', 'ten', '', '10000001', '0x10');
    const badCeiling = fc.constantFrom('-1', '2.50', 'free', '1000000000001');
    fc.assert(
      fc.property(
        orderCsv,
        fc.array(fc.tuple(fc.nat(), fc.boolean(), badQuantity, badCeiling), { minLength: 1, maxLength: 5 }),
        ({ lines, layout: l }, spoil) => {
          const withCeiling = l.columns.some((c) => c.column === 'priceCeilingMinor');
          const bad = new Map<number, { column: Column; value: string }>();
          for (const [at, ceiling, q, c] of spoil) {
            const column = ceiling && withCeiling ? 'priceCeilingMinor' : 'quantity';
            bad.set(at % lines.length, { column, value: column === 'quantity' ? q : c });
          }
          const { text, rows } = printOrderCsv(lines, l, (ln, c, i) => (bad.get(i)?.column === c ? bad.get(i)!.value : defaultCell(ln, c)));
          const parsed = read(text);
          const columnOnRow = new Map([...bad.entries()].map(([i, b]) => [rows[i], b.column]));
          const badRows = [...columnOnRow.keys()].sort((a, b) => a - b);
          expect([...new Set(parsed.problems.map((p) => p.row))].sort((a, b) => a - b)).toEqual(badRows);
          for (const p of parsed.problems) expect(p.column).toBe(columnOnRow.get(p.row));
          expect(parsed.lines.map((x) => x.row)).toEqual(rows.filter((r) => !badRows.includes(r)));
        },
      ),
    );
  });

  it('never fails with anything but a 4xx problem on arbitrary bytes or text', () => {
    const header = fc.constantFrom('sku,quantity\n', 'SKU;Qty;priceCeilingMinor\r\n', '', 'sku,quantity,sku\n', '\uFEFFsku,quantity\n');
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
      fc.tuple(header, fc.string({ unit: 'binary', maxLength: 200 })).map(([h, t]) => Buffer.from(h + t, 'utf8')),
      fc
        .tuple(header, fc.array(fc.constantFrom('A-1', '"', ',', ';', '\n', '\r', '5', '-', ' ', '1e9', '\0', '""'), { maxLength: 60 }))
        .map(([h, parts]) => Buffer.from(h + parts.join(''), 'utf8')),
    );
    fc.assert(
      fc.property(input, (file) => {
        try {
          const parsed = readPurchaseOrderCsv(file);
          for (const l of parsed.lines) expect(l.line.quantity).toBeGreaterThanOrEqual(1);
        } catch (error) {
          expect(error).toBeInstanceOf(HttpException);
          const status = (error as HttpException).getStatus();
          expect(status).toBeGreaterThanOrEqual(400);
          expect(status).toBeLessThan(500);
        }
      }),
      { numRuns: 300 },
    );
  });
});
