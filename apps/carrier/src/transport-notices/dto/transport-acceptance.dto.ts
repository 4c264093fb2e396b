import type { PipeTransform } from '@nestjs/common';
import { ProblemException, type FieldProblem } from '@tradelane/platform';

/**
 * An acceptance carries nothing: who accepts is the caller's actor, from the token. A body naming
 * anyone (`acceptedBy`, or any other field) is refused with the 400 the validation pipe gives for
 * an unknown field. A pipe rather than an empty DTO class: class-validator refuses a class without
 * rules (forbidUnknownValues) before it looks at the body.
 */
export const noAcceptanceFields: PipeTransform<unknown, Record<string, never>> = {
  transform(value: unknown): Record<string, never> {
    if (value === undefined || value === null) return {};
    if (typeof value !== 'object' || Array.isArray(value)) throw refused([{ field: 'body', message: 'must be an object without fields' }]);
    const fields = Object.keys(value);
    if (fields.length > 0) throw refused(fields.map((field) => ({ field, message: `property ${field} should not exist` })));
    return {};
  },
};

/** The acceptance's body as the OpenAPI document shows it: none, or an empty object. */
export const transportAcceptanceBody = {
  required: false,
  description: "Nothing: the person who accepts is the caller's actor (the signed-in person, or the API key)",
  schema: { type: 'object', properties: {}, additionalProperties: false },
} as const;

function refused(problems: FieldProblem[]): ProblemException {
  return new ProblemException(400, 'validation', 'Invalid request', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
}
