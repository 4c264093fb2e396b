import type { Response } from 'express';

const TYPE_BASE = 'urn:tradelane:problem:';

/** RFC 9457 problem details, as the services answer them. */
export function sendProblem(response: Response, status: number, type: string, title: string, detail: string): void {
  response.status(status).type('application/problem+json').json({ type: TYPE_BASE + type, title, status, detail });
}
