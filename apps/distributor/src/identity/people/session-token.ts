import { secretTokenFormat } from '../secret-token';

/** A sign-in session reads `tls_<session id>_<secret>`, like an API key; only its hash is stored. */
export const sessionTokens = secretTokenFormat('tls');
