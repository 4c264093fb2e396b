/** A row of a refused CSV upload, numbered as a spreadsheet shows it (the header is row 1). */
export interface RowProblem {
  row: number;
  column?: string;
  message: string;
}

/** RFC 9457 problem details, as every service and the console's server answer errors. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  rows?: RowProblem[];
  state?: string;
  errorId?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title);
  }
}

/** Reads a problem out of any error body; a body that is not one still becomes a readable problem. */
export function toProblem(status: number, body: unknown, statusText = ''): Problem {
  if (body && typeof body === 'object' && 'title' in body && typeof (body as Problem).title === 'string') {
    return { ...(body as Problem), status: (body as Problem).status ?? status };
  }
  return { type: 'about:blank', title: statusText || `Request failed (${status})`, status };
}

/** One sentence for a person: the detail, or the title, with field problems after it. */
export function describeProblem(problem: Problem): string {
  const base = problem.detail ?? problem.title;
  const fields = (problem.errors ?? []).filter((e) => !base.includes(e.message)).map((e) => `${e.field}: ${e.message}`);
  return fields.length > 0 ? `${base} (${fields.join('; ')})` : base;
}
