import { ParseUUIDPipe } from '@nestjs/common';
import { ProblemException } from './problem';

/** A path parameter that must be a UUID; a bad one is a 400 naming the parameter. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new ProblemException(400, 'validation', 'Invalid request', `${name} must be a UUID`, [
        { field: name, message: 'must be a UUID' },
      ]),
  });
}
