import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ProblemException, type FieldProblem } from './problem';

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const error of errors) {
    const path = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      out.push({ field: path, message: message.replace(/^(?:[\w.[\]]+\.)?(\w+) /, '$1 ') });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, path));
  }
  return out;
}

export interface ValidationSetup {
  /** where the validated value sits in the request, for field paths (e.g. `order`) */
  parent?: string;
  /** a more specific problem for some failures; the 400 validation problem otherwise */
  refine?: (errors: ValidationError[]) => Error | undefined;
}

/** One validation setup for every service: unknown fields are refused, types and ranges checked. */
export function createValidationPipe({ parent = '', refine }: ValidationSetup = {}): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const refined = refine?.(errors);
      if (refined) return refined;
      const fields = flattenValidationErrors(errors, parent);
      return new ProblemException(
        400,
        'validation',
        'Invalid request',
        fields.map((f) => `${f.field}: ${f.message}`).join('; '),
        fields,
      );
    },
  });
}
