import { ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
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

/** Where a pipe (instance, or class as a static) keeps the pattern it enforces, for the OpenAPI document. */
export const PATTERN_OF = Symbol('tradelane:pattern');

/** A path parameter that must match a pattern; a bad one is a 400 naming the parameter. */
export function patternParam(name: string, pattern: RegExp, expected: string): PipeTransform<string, string> & { [PATTERN_OF]: RegExp } {
  return {
    [PATTERN_OF]: pattern,
    transform(value: string): string {
      if (typeof value === 'string' && pattern.test(value)) return value;
      throw new ProblemException(400, 'validation', 'Invalid request', `${name} must be ${expected}`, [
        { field: name, message: `must be ${expected}` },
      ]);
    },
  };
}
