// Compose's one-shot `tradelane-secrets`: the development identity (token signing key pair, the
// bootstrap organisations' API keys, the demo people's passwords; infra/identity/credentials.mjs, as
// npm start makes them) and the transfer notice secret, made once in a volume and kept. Never for
// a cluster: there the Secrets are made by the operator (docs/deploy.md).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { provideIdentity } from '../identity/credentials.mjs';

const dir = resolve(process.argv[2] ?? '/var/lib/tradelane');
mkdirSync(dir, { recursive: true });
const identity = provideIdentity(dir, { log: (m) => console.log(`[dev-secrets] ${m}`) });
const secretFile = join(dir, 'transfer-notice-secret');
if (!existsSync(secretFile)) writeFileSync(secretFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });

console.log(`[dev-secrets] development secrets are in ${dir}; sign in to the console as (organisation, role, e-mail, password):`);
for (const p of identity.people) console.log(`    ${p.organisationId.padEnd(20)} ${p.role.padEnd(7)} ${p.email.padEnd(36)} ${p.password}`);
