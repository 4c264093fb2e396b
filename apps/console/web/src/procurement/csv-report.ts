import type { Problem, RowProblem } from '../api/problem';

/** A row of the uploaded file as the page shows it, with what the distributor said about it. */
export interface PreviewRow {
  row: number;
  cells: string[];
  problems: RowProblem[];
}

export interface CsvReport {
  header: string[];
  rows: PreviewRow[];
  /** problems on rows beyond the preview, or on the file as a whole (row 0 or 1) */
  otherProblems: RowProblem[];
  total: number;
}

/** Splits a CSV line on the delimiter the header uses (comma or semicolon), honouring quotes. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

/**
 * Puts the distributor's per-row report (422 `rows`, numbered as a spreadsheet: header = 1) next to
 * the first rows of the file, so a person sees each bad row beside its problem.
 */
export function csvReport(text: string, problem: Pick<Problem, 'rows'>, previewRows = 20): CsvReport {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  const headerLine = lines[0] ?? '';
  const delimiter = headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
  const byRow = new Map<number, RowProblem[]>();
  for (const rowProblem of problem.rows ?? []) byRow.set(rowProblem.row, [...(byRow.get(rowProblem.row) ?? []), rowProblem]);
  const rows: PreviewRow[] = [];
  for (let index = 1; index < lines.length && rows.length < previewRows; index++) {
    const row = index + 1;
    rows.push({ row, cells: splitCsvLine(lines[index] ?? '', delimiter), problems: byRow.get(row) ?? [] });
  }
  const shown = new Set(rows.map((r) => r.row));
  const otherProblems = (problem.rows ?? []).filter((p) => !shown.has(p.row));
  return { header: splitCsvLine(headerLine, delimiter), rows, otherProblems, total: Math.max(0, lines.length - 1) };
}

/** Rows with problems first, so the preview shows what needs fixing even in a long file. */
export function badRowsFirst(report: CsvReport): PreviewRow[] {
  return [...report.rows].sort((a, b) => Number(b.problems.length > 0) - Number(a.problems.length > 0) || a.row - b.row);
}
