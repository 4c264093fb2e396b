// `npm run -s token -- <organisation>`: prints an access token for one of the development
// organisations whose API keys `npm start` keeps under .data/credentials/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readApiKey, tradeApiKey } from '../identity/credentials.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = resolve(process.env.TRADELANE_DATA_DIR ?? join(root, '.data'));
const tokenUrl = process.env.IDENTITY_TOKEN_URL ?? 'http://127.0.0.1:3002/auth/token';
const organisation = process.argv[2];

if (!organisation || !/^[a-z0-9][a-z0-9-]*$/.test(organisation)) {
  console.error('usage: npm run -s token -- <organisation id>   (e.g. muster-maschinenbau, tradelane-ops)');
  process.exit(2);
}
// Tokens are kept until shortly before they expire, so that a shell calling this per request
// does not run into the token endpoint's rate limit.
const cacheFile = join(dataDir, 'credentials', '.tokens', `${organisation}.json`);
try {
  const cached = JSON.parse(readFileSync(cacheFile, 'utf8'));
  if (cached.tokenUrl === tokenUrl && cached.expiresAt - 30_000 > Date.now()) {
    console.log(cached.accessToken);
    process.exit(0);
  }
} catch {
  // none yet
}
const apiKey = readApiKey(dataDir, organisation);
if (!apiKey) {
  console.error(`no API key for ${organisation} in ${join(dataDir, 'credentials')}; start the stack once, or create one (docs/api.md: Who may do what)`);
  process.exit(2);
}
let body;
try {
  body = await tradeApiKey(tokenUrl, apiKey);
} catch (error) {
  console.error(error.cause ? `cannot reach ${tokenUrl}: ${error.cause.message}` : error.message);
  process.exit(1);
}
mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
writeFileSync(cacheFile, JSON.stringify({ tokenUrl, accessToken: body.accessToken, expiresAt: Date.now() + body.expiresIn * 1000 }), { mode: 0o600 });
console.log(body.accessToken);
