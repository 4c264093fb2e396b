import { DatabaseEnvironment, HttpEnvironment, TemporalEnvironment } from './namespaces';
import { InvalidEnvironmentError, problemsOf, type RawEnvironment } from './read-environment';

/**
 * The check ConfigModule runs at start over what every service reads (database, Temporal,
 * HTTP), so that all of their bad variables are named at once; each namespace reads its own
 * schema again when it is loaded, and the areas only some services have (identity keys,
 * transfer notices, payers) are checked by theirs.
 */
export function validateEnvironment(raw: RawEnvironment): RawEnvironment {
  const problems = new Map<string, string>();
  for (const schema of [DatabaseEnvironment, TemporalEnvironment, HttpEnvironment]) {
    for (const [variable, message] of problemsOf<object>(schema, raw, {}).problems) problems.set(variable, message);
  }
  if (problems.size > 0) throw new InvalidEnvironmentError(problems);
  return raw;
}
