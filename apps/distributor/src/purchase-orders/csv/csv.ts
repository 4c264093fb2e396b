/** One record of a CSV file; `row` is the row a spreadsheet shows it on (the first is 1). */
export interface CsvRecord {
  row: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * RFC 4180 records: quoted fields may hold delimiters, doubled quotes and line breaks; records
 * end with LF, CRLF or CR; a leading BOM is dropped. Rows are numbered as a spreadsheet shows
 * them: a cell holding a line break stays on its row, and a blank line is kept as a record of
 * one empty field.
 */
export function parseCsv(text: string, delimiter = ','): CsvRecord[] {
  const records: CsvRecord[] = [];
  const end = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let row = 1;
  while (i < end) {
    const recordRow = row;
    const fields: string[] = [];
    for (;;) {
      let field: string;
      if (text[i] === '"') {
        let value = '';
        let from = i + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote < 0) throw new CsvSyntaxError(row, 'a quoted field is not closed');
          value += text.slice(from, quote);
          if (text[quote + 1] !== '"') {
            i = quote + 1;
            break;
          }
          value += '"';
          from = quote + 2;
        }
        if (i < end && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
          throw new CsvSyntaxError(row, 'a quoted field must be followed by a delimiter or the end of the row');
        }
        field = value;
      } else {
        let stop = i;
        while (stop < end && text[stop] !== delimiter && text[stop] !== '\r' && text[stop] !== '\n') stop++;
        field = text.slice(i, stop);
        i = stop;
      }
      fields.push(field);
      if (i < end && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    row++;
    records.push({ row: recordRow, fields });
  }
  return records;
}

/** Spreadsheets set to a comma decimal separator write `;` between fields. */
export function guessDelimiter(text: string): ',' | ';' {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
}
