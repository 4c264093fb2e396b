import fc from 'fast-check';
import { CsvSyntaxError, guessDelimiter, parseCsv } from './csv';

type Eol = '\n' | '\r\n' | '\r';

interface Printing {
  delimiter: ',' | ';';
  bom: boolean;
  eols: Eol[];
  quoteAll: boolean;
}

/**
 * RFC 4180 as a spreadsheet writes it: a field is quoted when it holds the delimiter, a quote or
 * a line break (or, at the very start of the text, a BOM of its own); every record ends with a
 * line break, so a last record of one empty field is not lost.
 */
function printCsv(records: string[][], p: Printing): string {
  const field = (value: string, first: boolean) =>
    p.quoteAll || /["\r\n]/.test(value) || value.includes(p.delimiter) || (first && !p.bom && value.startsWith('\uFEFF'))
      ? `"${value.replaceAll('"', '""')}"`
      : value;
  const body = records
    .map((fields, r) => fields.map((v, i) => field(v, r === 0 && i === 0)).join(p.delimiter) + p.eols[r % p.eols.length])
    .join('');
  return (p.bom ? '\uFEFF' : '') + body;
}

/** Text that is mostly what breaks CSV: delimiters, quotes, line breaks, a BOM, spaces, any code point. */
const awkwardText = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(',', ';', '"', '\r', '\n', ' ', '\uFEFF', 'ä', '\u2028') },
    { weight: 3, arbitrary: fc.constantFrom('a', 'B', '7', '-') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  ),
  maxLength: 12,
});

const printing: fc.Arbitrary<Printing> = fc.record({
  delimiter: fc.constantFrom(',', ';'),
  bom: fc.boolean(),
  // A lone CR followed by an LF is one CRLF, so a file mixes LF and CRLF, or ends its rows with CR only.
  eols: fc.constantFrom<Eol[]>(['\n'], ['\r\n'], ['\r'], ['\n', '\r\n'], ['\r\n', '\r\n', '\n']),
  quoteAll: fc.boolean(),
});

const records = fc.array(fc.array(awkwardText, { minLength: 1, maxLength: 6 }), { maxLength: 10 });

describe('parseCsv over generated records', () => {
  it('parses printed records back to the same fields, numbering rows as a spreadsheet does', () => {
    fc.assert(
      fc.property(records, printing, (written, p) => {
        const parsed = parseCsv(printCsv(written, p), p.delimiter);
        expect(parsed.map((r) => r.fields)).toEqual(written);
        expect(parsed.map((r) => r.row)).toEqual(written.map((_, i) => i + 1));
      }),
    );
  });

  it('never throws anything but its own syntax error on arbitrary text, and numbers the rows it reads 1, 2, 3…', () => {
    const text = fc.oneof(awkwardText.map((t) => t.repeat(3)), fc.string({ unit: 'binary', maxLength: 200 }), records.chain((r) => printing.map((p) => printCsv(r, p).slice(0, -1) + '"x')));
    fc.assert(
      fc.property(text, fc.constantFrom(',', ';'), (t, delimiter) => {
        try {
          const parsed = parseCsv(t, delimiter);
          expect(parsed.map((r) => r.row)).toEqual(parsed.map((_, i) => i + 1));
          for (const r of parsed) expect(r.fields.length).toBeGreaterThanOrEqual(1);
        } catch (error) {
          expect(error).toBeInstanceOf(CsvSyntaxError);
          expect((error as CsvSyntaxError).row).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a quote left open is a syntax error naming the row it opened on', () => {
    fc.assert(
      fc.property(records, printing, (written, p) => {
        const text = printCsv(written, p) + '"never closed';
        expect(() => parseCsv(text, p.delimiter)).toThrow(CsvSyntaxError);
        try {
          parseCsv(text, p.delimiter);
        } catch (error) {
          expect((error as CsvSyntaxError).row).toBe(written.length + 1);
        }
      }),
    );
  });

  it('guesses the delimiter a header row of plain column names was written with', () => {
    const names = fc.array(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _]{0,12}$/), { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(names, printing, (header, p) => {
        expect(guessDelimiter(printCsv([header, ['x']], { ...p, bom: false, quoteAll: false }))).toBe(p.delimiter);
      }),
    );
  });
});
