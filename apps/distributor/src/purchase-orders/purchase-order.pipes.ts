import { Injectable, type PipeTransform, type Type, type ValidationError, type ValidationPipe } from '@nestjs/common';
import { ProblemException, createValidationPipe, flattenValidationErrors, type FieldProblem } from '@tradelane/platform';
import { PurchaseOrderDto, PurchaseOrderTermsDto, type PurchaseOrderInput, type PurchaseOrderTerms } from './dto/purchase-order.dto';
import { MAX_LINES_PER_ORDER } from './intake-limits';

const LIMIT_CONSTRAINTS = new Set(['maxLength', 'arrayMaxSize']);

export const limitExceeded = (errors: FieldProblem[]) =>
  new ProblemException(
    422,
    'limit-exceeded',
    'Purchase order exceeds a limit',
    errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    errors,
  );

export const tooManyLines = (count: number, field = 'lines') =>
  limitExceeded([{ field, message: `must hold at most ${MAX_LINES_PER_ORDER} lines, not ${count}` }]);

/**
 * Keeps, at every depth, the values that fail only a size limit. A value that also fails
 * another rule (missing, wrong type, wrong format) is malformed rather than too big.
 */
function overLimitOnly(errors: ValidationError[]): ValidationError[] {
  return errors.flatMap((error) => {
    const failed = Object.keys(error.constraints ?? {});
    const overLimit = failed.length > 0 && failed.every((name) => LIMIT_CONSTRAINTS.has(name));
    const children = overLimitOnly(error.children ?? []);
    if (!overLimit && children.length === 0) return [];
    return [{ ...error, constraints: overLimit ? error.constraints : {}, children }];
  });
}

/**
 * The platform's validation, except that a value beyond a size limit is a 422 naming the field:
 * the request is understood, it is just more than the distributor takes.
 */
function limitAwareValidation(parent: string): ValidationPipe {
  return createValidationPipe({
    parent,
    refine: (errors) => {
      const overLimit = flattenValidationErrors(overLimitOnly(errors), parent);
      return overLimit.length > 0 ? limitExceeded(overLimit) : undefined;
    },
  });
}

function validate<T>(validation: ValidationPipe, value: unknown, metatype: Type<T>): Promise<T> {
  return validation.transform(value, { type: 'body', metatype });
}

/**
 * Checks a JSON purchase order. The route types its body by an interface, so the global
 * pipe leaves it alone and an order of too many lines is refused before its lines are validated.
 */
@Injectable()
export class PurchaseOrderPipe implements PipeTransform<unknown, Promise<PurchaseOrderInput>> {
  private readonly validation = limitAwareValidation('');

  transform(body: unknown): Promise<PurchaseOrderInput> {
    const lines = (body as { lines?: unknown } | null)?.lines;
    if (Array.isArray(lines) && lines.length > MAX_LINES_PER_ORDER) throw tooManyLines(lines.length);
    return validate(this.validation, body, PurchaseOrderDto);
  }
}

const badOrderPart = (message: string) =>
  new ProblemException(400, 'validation', 'Invalid request', `order: ${message}`, [{ field: 'order', message }]);

/** Checks the `order` part of a CSV upload: the order without its lines, as JSON text (its size is multer's limit). */
@Injectable()
export class PurchaseOrderTermsPipe implements PipeTransform<unknown, Promise<PurchaseOrderTerms>> {
  private readonly validation = limitAwareValidation('order');

  transform(part: unknown): Promise<PurchaseOrderTerms> {
    if (typeof part !== 'string' || part.trim() === '') throw badOrderPart('is required: the order without its lines, as JSON');
    let terms: unknown;
    try {
      terms = JSON.parse(part);
    } catch {
      throw badOrderPart('is not valid JSON');
    }
    if (typeof terms !== 'object' || terms === null || Array.isArray(terms)) throw badOrderPart('must be a JSON object');
    return validate(this.validation, terms, PurchaseOrderTermsDto);
  }
}
