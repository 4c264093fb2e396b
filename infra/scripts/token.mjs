// `npm run -s token -- <organisation>`: prints an access token for one of the development
// organisations whose API keys `npm start` keeps under .data/credentials/.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = resolve(process.env.TRADELANE_DATA_DIR ?? join(root, '.data'));
const tokenUrl = process.env.IDENTITY_TOKEN_URL ?? 'http://127.0.0.1:3002/auth/token';
const organisation = process.argv[2];

if (!organisation || !/^[a-z0-9][a-z0-9-]*$/.test(organisation)) {
  console.error('usage: npm run -s token -- <organisation id>   (e.g. muster-maschinenbau, tradelane-ops)');
  process.exit(2);
}
let apiKey;
try {
  apiKey = readFileSync(join(dataDir, 'credentials', `${organisation}.key`), 'utf8').trim();
} catch {
  console.error(`no API key for ${organisation} in ${join(dataDir, 'credentials')}; start the stack once, or create one (README: Who may do what)`);
  process.exit(2);
}
const response = await fetch(tokenUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ apiKey }),
}).catch((error) => {
  console.error(`cannot reach ${tokenUrl}: ${error.message}`);
  process.exit(1);
});
const body = await response.json();
if (!response.ok) {
  console.error(`${response.status}: ${body.detail ?? body.title}`);
  process.exit(1);
}
console.log(body.accessToken);
