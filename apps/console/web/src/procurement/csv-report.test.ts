import { describe, expect, it } from 'vitest';
import { badRowsFirst, csvReport, splitCsvLine } from './csv-report';

describe("the CSV upload's row report", () => {
  const file = 'sku;quantity;priceCeilingMinor\r\nBOLT-M8;100;40\r\nbad sku;0;\r\nNUT-M8;"1;0";\r\n';
  it('puts each problem beside its row, numbered as a spreadsheet (header = 1)', () => {
    const report = csvReport(file, { rows: [{ row: 3, column: 'sku', message: 'bad' }, { row: 3, column: 'quantity', message: 'at least 1' }, { row: 4, message: 'x' }, { row: 900, message: 'far away' }] });
    expect(report.header).toEqual(['sku', 'quantity', 'priceCeilingMinor']);
    expect(report.total).toBe(3);
    expect(report.rows.map((r) => [r.row, r.problems.length])).toEqual([[2, 0], [3, 2], [4, 1]]);
    expect(report.rows[2]?.cells).toEqual(['NUT-M8', '1;0', '']);
    expect(report.otherProblems).toEqual([{ row: 900, message: 'far away' }]);
    expect(badRowsFirst(report).map((r) => r.row)).toEqual([3, 4, 2]);
  });
  it('splits quoted cells', () => {
    expect(splitCsvLine('"a,""b""",c', ',')).toEqual(['a,"b"', 'c']);
  });
  it('limits the preview to the first rows', () => {
    const long = ['sku,quantity', ...Array.from({ length: 50 }, (_, i) => `S${i},1`)].join('\n');
    expect(csvReport(long, { rows: [{ row: 40, message: 'm' }] }, 5).rows).toHaveLength(5);
  });
});
