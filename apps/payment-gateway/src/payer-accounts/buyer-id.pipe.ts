import { Injectable, type PipeTransform } from '@nestjs/common';
import { PATTERN_OF, ProblemException } from '@tradelane/platform';

/** Buyer ids are short slugs (e.g. `muster-maschinenbau`); anything else is a 400 naming the parameter. */
@Injectable()
export class BuyerIdPipe implements PipeTransform<string, string> {
  static readonly [PATTERN_OF] = /^[A-Za-z0-9._-]{1,100}$/;

  transform(value: string): string {
    if (!BuyerIdPipe[PATTERN_OF].test(value)) {
      throw new ProblemException(400, 'validation', 'Invalid request', 'buyerId must be 1-100 letters, digits, dot, dash or underscore', [
        { field: 'buyerId', message: 'must be 1-100 letters, digits, dot, dash or underscore' },
      ]);
    }
    return value;
  }
}
