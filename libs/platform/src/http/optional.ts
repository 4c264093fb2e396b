import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but not sent as null: class-validator's IsOptional lets null through
 * to the service (and a not-null column), while the documented schema allows no null.
 */
export const OptionalField = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined);
