import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

/** The password rule, as DTOs check it and problems name it. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
export const PASSWORD_RULE = `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`;

/** Argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane). */
const ARGON2: Options = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

let dummy: Promise<string> | undefined;

/**
 * Checks a password against a stored hash; with no hash (an unknown e-mail, a person who signs in
 * only through their provider) it checks against a made-up one, so the answer takes as long.
 */
export async function passwordMatches(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hashPassword('no one has this password, it is only for timing');
    await verify(await dummy, password);
    return false;
  }
  return verify(stored, password);
}
