import type { Problem } from '../api/problem';
import { badRowsFirst, csvReport } from './csv-report';

/** The distributor's per-row report beside the first rows of the file. */
export function CsvRowReport({ text, problem }: { text: string; problem: Problem }) {
  const report = csvReport(text, problem);
  const rows = badRowsFirst(report);
  const count = problem.rows?.length ?? 0;
  return (
    <div role="alert">
      <p className="error">
        {problem.title}: {count} problem(s). Nothing was ordered; fix the file and upload it again.
      </p>
      <table>
        <caption>Rows of the file with their problems</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            {report.header.map((name, i) => (
              <th scope="col" key={`${name}-${i}`}>
                {name}
              </th>
            ))}
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row} className={row.problems.length > 0 ? 'row-bad' : undefined}>
              <th scope="row">{row.row}</th>
              {report.header.map((_, i) => (
                <td key={i}>{row.cells[i] ?? ''}</td>
              ))}
              <td>{row.problems.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join('; ') || 'OK'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.otherProblems.length > 0 ? (
        <ul aria-label="Other problems">
          {report.otherProblems.map((p, i) => (
            <li key={i}>
              Row {p.row}
              {p.column ? `, ${p.column}` : ''}: {p.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
