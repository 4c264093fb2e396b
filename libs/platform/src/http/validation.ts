import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
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

/** The path of the first string holding NUL, which PostgreSQL text cannot store; undefined if none. */
export function nulPath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return undefined;
  for (const [key, member] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    const found = nulPath(member, at);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Refuses NUL in any string of a body, query or path before the DTO's own checks, for every DTO at once. */
class TextValidationPipe extends ValidationPipe {
  constructor(
    options: ConstructorParameters<typeof ValidationPipe>[0],
    private readonly parent: string,
  ) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const found = nulPath(value, metadata.type === 'body' ? this.parent : (metadata.data ?? ''));
      if (found !== undefined) {
        const field = found || metadata.type;
        throw new ProblemException(422, 'validation', 'Invalid request', `${field}: must not contain NUL (U+0000)`, [
          { field, message: 'must not contain NUL (U+0000)' },
        ]);
      }
    }
    return super.transform(value, metadata);
  }
}

/** One validation setup for every service: unknown fields are refused, types and ranges checked. */
export function createValidationPipe({ parent = '', refine }: ValidationSetup = {}): ValidationPipe {
  return new TextValidationPipe({
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
  }, parent);
}
