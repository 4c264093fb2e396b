import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_TYPE_BASE } from '../http/problem';
import type { FaultInjector } from './fault-injector';

function problem(res: Response, status: number, point: string): void {
  if (status === 503) res.setHeader('Retry-After', '1');
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: `${PROBLEM_TYPE_BASE}fault-injected`, title: 'Fault injected', status, detail: `at ${point}` }));
}

/**
 * Faults at a request's entry (`http:<METHOD> <path>`: held, delayed, answered with an error
 * status, or dropped) and once its handler has answered, before the answer is sent
 * (`http-exit:<METHOD> <path>`: held, delayed or dropped, with the handler's work done).
 */
export function httpFaults(injector: FaultInjector) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const point = `${req.method} ${req.path}`;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    let ending = false;
    res.end = ((...args: unknown[]) => {
      if (ending) return end(...args);
      ending = true;
      injector.at(`http-exit:${point}`).then(
        (outcome) => (outcome.kind === 'reset' ? req.socket.destroy() : end(...args)),
        () => end(...args),
      );
      return res;
    }) as Response['end'];
    injector.at(`http:${point}`).then(
      (outcome) => {
        if (outcome.kind === 'pass') return next();
        if (outcome.kind === 'reset') {
          req.socket.destroy();
          return;
        }
        problem(res, outcome.status, `http:${point}`);
      },
      (error: unknown) => next(error),
    );
  };
}
