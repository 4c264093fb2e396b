import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_TYPE_BASE } from '../http/problem';
import type { FaultInjector } from './fault-injector';

/** Faults at a request's entry, named `http:<METHOD> <path>`: held, delayed, answered with an error status, or dropped. */
export function httpFaults(injector: FaultInjector) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const point = `http:${req.method} ${req.path}`;
    injector.at(point).then(
      (outcome) => {
        if (outcome.kind === 'pass') return next();
        if (outcome.kind === 'reset') {
          req.socket.destroy();
          return;
        }
        if (outcome.status === 503) res.setHeader('Retry-After', '1');
        res
          .status(outcome.status)
          .type('application/problem+json')
          .send(JSON.stringify({ type: `${PROBLEM_TYPE_BASE}fault-injected`, title: 'Fault injected', status: outcome.status, detail: `at ${point}` }));
      },
      (error: unknown) => next(error),
    );
  };
}
