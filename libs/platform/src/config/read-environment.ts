import { readFileSync } from 'node:fs';
import { Transform, plainToInstance } from 'class-transformer';
import { IsInt, Max, Min, validateSync } from 'class-validator';

export type RawEnvironment = Record<string, unknown>;
type Schema<T> = new () => T;

/** A bad environment stops the process with one line per variable: what is wrong with it. */
export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: ReadonlyMap<string, string>) {
    super(`Invalid environment:\n${[...problems].map(([variable, message]) => `  ${variable}: ${message}`).join('\n')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

/**
 * A whole number in [min, max], given as digits. Anything else ("1.5", "1e3", "0x10", "ten")
 * stays as written and is refused, rather than read as some other number.
 */
export function WholeNumber(min: number, max: number = Number.MAX_SAFE_INTEGER): PropertyDecorator {
  const message =
    max === Number.MAX_SAFE_INTEGER ? `must be a whole number, ${min} or more` : `must be a whole number from ${min} to ${max}`;
  return (target, property) => {
    Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value))(target, property);
    IsInt({ message })(target, property);
    Min(min, { message })(target, property);
    Max(max, { message })(target, property);
  };
}

export interface ReadOptions {
  /** Variables that may instead be given as a file, named by `<VAR>_FILE` (secrets mounted by the platform). */
  fromFiles?: readonly string[];
}

/** The values a schema reads from the environment, and what is wrong with each bad variable (none: an empty map). */
export function problemsOf<T extends object>(
  schema: Schema<T>,
  raw: RawEnvironment,
  options: ReadOptions = {},
): { env: T; problems: Map<string, string> } {
  const problems = new Map<string, string>();
  // An empty variable is an unset one: its default applies.
  const given: RawEnvironment = {};
  for (const [name, value] of Object.entries(raw)) if (value !== '' && value !== undefined) given[name] = value;
  for (const variable of options.fromFiles ?? []) {
    const file = given[`${variable}_FILE`];
    if (given[variable] !== undefined || typeof file !== 'string') continue;
    try {
      given[variable] = readFileSync(file, 'utf8');
    } catch {
      problems.set(`${variable}_FILE`, `cannot read ${file}`);
    }
  }
  const env = plainToInstance(schema, given);
  for (const error of validateSync(env)) {
    // A file that could not be read is the problem to name, not the value missing because of it.
    if (problems.has(`${error.property}_FILE`)) continue;
    problems.set(error.property, [...new Set(Object.values(error.constraints ?? {}))].join('; '));
  }
  return { env, problems };
}

/**
 * Reads one namespace's variables through its schema (a class checked with class-validator), or
 * throws naming each variable that is wrong and why.
 */
export function readEnvironment<T extends object>(schema: Schema<T>, raw: RawEnvironment = process.env, options: ReadOptions = {}): T {
  const { env, problems } = problemsOf(schema, raw, options);
  if (problems.size > 0) throw new InvalidEnvironmentError(problems);
  return env;
}
