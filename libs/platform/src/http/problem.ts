import { HttpException } from '@nestjs/common';

export interface FieldProblem {
  field: string;
  message: string;
}

/** RFC 9457 problem details. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
  errorId?: string;
  /** For a request the order refused in its state: that state (e.g. `completed`). */
  state?: string;
}

/** Members a problem may carry beyond the standard ones (RFC 9457, section 3.2). */
export type ProblemExtensions = Pick<ProblemDetails, 'state'>;

export const PROBLEM_TYPE_BASE = 'urn:tradelane:problem:';

/** Thrown by services for a request that is understood but cannot be done; maps 1:1 to a problem body. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly problemType: string,
    readonly title: string,
    detail?: string,
    readonly errors?: FieldProblem[],
    extensions?: ProblemExtensions,
  ) {
    super({ type: PROBLEM_TYPE_BASE + problemType, title, status, detail, errors, ...extensions }, status);
  }
}

export const notFound = (what: string, id: string) =>
  new ProblemException(404, 'not-found', `${what} not found`, `no ${what} with id ${id}`);

export const conflict = (detail: string) => new ProblemException(409, 'conflict', 'Conflict with current state', detail);

export const unprocessable = (errors: FieldProblem[], detail?: string) =>
  new ProblemException(
    422,
    'unprocessable',
    'Request cannot be processed',
    detail ?? errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    errors,
  );
