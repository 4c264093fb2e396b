import { HttpException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PROBLEM_TYPE_BASE, type FieldProblem } from '@tradelane/platform';
import { PurchaseOrderLineDto } from '../dto/purchase-order.dto';
import { MAX_LINES_PER_ORDER } from '../intake-limits';
import { tooManyLines } from '../purchase-order.pipes';
import { CsvSyntaxError, guessDelimiter, parseCsv, type CsvRecord } from './csv';

type Column = 'sku' | 'quantity' | 'priceCeilingMinor';
const REQUIRED: Column[] = ['sku', 'quantity'];
const COLUMNS = new Map<string, Column>([
  ['sku', 'sku'],
  ['quantity', 'quantity'],
  ['qty', 'quantity'],
  ['priceceilingminor', 'priceCeilingMinor'],
]);

/** What is wrong with one cell or row of an uploaded CSV; rows are numbered as a spreadsheet shows them. */
export interface RowProblem {
  row: number;
  column?: string;
  message: string;
}

export interface CsvLine {
  row: number;
  line: PurchaseOrderLineDto;
}

/** The good rows of an upload and what is wrong with the others. */
export interface PurchaseOrderCsv {
  lines: CsvLine[];
  problems: RowProblem[];
}

/** A CSV with bad rows is refused as a whole: 422 with every problem found, by row. */
export class CsvRowsProblem extends HttpException {
  constructor(rows: RowProblem[], fields: FieldProblem[] = []) {
    const sorted = [...rows].sort((a, b) => a.row - b.row);
    super(
      {
        type: `${PROBLEM_TYPE_BASE}csv-rows`,
        title: 'The CSV has rows that cannot be taken',
        status: 422,
        detail: `${sorted.length} problem(s) in the CSV file; nothing was stored`,
        errors: [...(sorted.length > 0 ? [{ field: 'lines', message: 'has rows that cannot be taken; see rows' }] : []), ...fields],
        rows: sorted,
      },
      422,
    );
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads the lines of a purchase order from a CSV file: a header row, then sku, quantity and an optional price ceiling. */
export function readPurchaseOrderCsv(file: Buffer): PurchaseOrderCsv {
  let text: string;
  try {
    text = decoder.decode(file);
  } catch {
    throw fileProblem('must be UTF-8 text');
  }
  let records: CsvRecord[];
  try {
    records = parseCsv(text, guessDelimiter(text)).filter((r) => r.fields.some((f) => f.trim() !== ''));
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new CsvRowsProblem([{ row: error.row, message: error.message }]);
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) throw fileProblem(`is empty; ${expectedColumns()}`);
  const columns = readHeader(header);
  if (!Array.isArray(columns)) throw new CsvRowsProblem(columns.problems);
  if (rows.length === 0) throw fileProblem('holds no lines after its header row');
  if (rows.length > MAX_LINES_PER_ORDER) throw tooManyLines(rows.length);

  const lines: CsvLine[] = [];
  const problems: RowProblem[] = [];
  for (const record of rows) {
    const read = readRow(record, columns);
    if ('line' in read) lines.push({ row: record.row, line: read.line });
    else problems.push(...read.problems);
  }
  return { lines, problems };
}

const fileProblem = (message: string) => new CsvRowsProblem([], [{ field: 'lines', message }]);

const expectedColumns = () => 'expected columns sku, quantity and optionally priceCeilingMinor';

function readHeader(header: CsvRecord): (Column | undefined)[] | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const columns = header.fields.map((name) => {
    const column = COLUMNS.get(name.trim().toLowerCase().replace(/[^a-z0-9]/g, ''));
    if (!column) problems.push({ row: header.row, column: name, message: `unknown column; ${expectedColumns()}` });
    return column;
  });
  for (const column of new Set(columns)) {
    if (column && columns.indexOf(column) !== columns.lastIndexOf(column)) {
      problems.push({ row: header.row, column, message: 'appears more than once' });
    }
  }
  for (const column of REQUIRED) if (!columns.includes(column)) problems.push({ row: header.row, column, message: 'column is missing' });
  return problems.length > 0 ? { problems } : columns;
}

const WHOLE_NUMBER = /^\d+$/;

function readRow(record: CsvRecord, columns: (Column | undefined)[]): { line: PurchaseOrderLineDto } | { problems: RowProblem[] } {
  const { row, fields } = record;
  if (fields.length > columns.length) {
    return { problems: [{ row, message: `has ${fields.length} fields; the header has ${columns.length}` }] };
  }
  const cell = (column: Column) => {
    const at = columns.indexOf(column);
    return at < 0 ? '' : (fields[at] ?? '').trim();
  };
  const problems: RowProblem[] = [];
  const sku = cell('sku');
  const quantity = cell('quantity');
  const ceiling = cell('priceCeilingMinor');
  if (sku === '') problems.push({ row, column: 'sku', message: 'is required' });
  if (!WHOLE_NUMBER.test(quantity) || Number(quantity) < 1) problems.push({ row, column: 'quantity', message: 'must be a positive integer' });
  if (ceiling !== '' && !WHOLE_NUMBER.test(ceiling)) {
    problems.push({ row, column: 'priceCeilingMinor', message: 'must be a whole number of minor units' });
  }
  const line = plainToInstance(PurchaseOrderLineDto, {
    sku,
    quantity: Number(quantity),
    ...(ceiling !== '' ? { priceCeilingMinor: Number(ceiling) } : {}),
  });
  const reported = new Set(problems.map((p) => p.column));
  for (const error of validateSync(line)) {
    if (reported.has(error.property)) continue;
    for (const message of Object.values(error.constraints ?? {})) {
      problems.push({ row, column: error.property, message: message.replace(new RegExp(`^${error.property} `), '') });
    }
  }
  return problems.length > 0 ? { problems } : { line };
}
