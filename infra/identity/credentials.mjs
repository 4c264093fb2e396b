// Development identities: the token signing key pair, an API key for each bootstrap organisation
// and a password for each demo person, made once under <dataDir> (git-ignored) and reused, never
// committed.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The platform's own organisations and the demo parties the seed data names. */
export const BOOTSTRAP_ORGANISATIONS = [
  { id: 'tradelane-ops', role: 'operator', name: 'Tradelane operations' },
  { id: 'tradelane-audit', role: 'auditor', name: 'Tradelane audit office' },
  { id: 'tradelane-pay', role: 'payment-gateway', name: 'Tradelane Pay' },
  { id: 'muster-maschinenbau', role: 'buyer', name: 'Muster Maschinenbau GmbH' },
  { id: 'acme-steel', role: 'supplier', name: 'Acme Steel GmbH' },
  { id: 'nordic-parts', role: 'supplier', name: 'Nordic Parts AB' },
  { id: 'baltic-lines', role: 'carrier', name: 'Baltic Lines' },
  { id: 'rhein-freight', role: 'carrier', name: 'Rhein Freight' },
];

/** Same format as apps/distributor/src/identity/api-key.ts: tl_<16 hex key id>_<256-bit secret>. */
export function makeApiKey() {
  return `tl_${randomBytes(8).toString('hex')}_${randomBytes(32).toString('base64url')}`;
}

/**
 * Demo people: an admin for every bootstrap organisation, and a member (a clerk) for each party
 * that trades, so that `npm start` has someone to sign in as in each role.
 */
export function bootstrapPeople() {
  const people = BOOTSTRAP_ORGANISATIONS.map((org) => ({
    organisationId: org.id,
    email: `admin@${org.id}.example`,
    name: `${org.name} admin`,
    role: 'admin',
  }));
  for (const org of BOOTSTRAP_ORGANISATIONS.filter((o) => ['buyer', 'supplier', 'carrier'].includes(o.role))) {
    people.push({ organisationId: org.id, email: `clerk@${org.id}.example`, name: `${org.name} clerk`, role: 'member' });
  }
  return people;
}

/** A password of 24 characters from 144 random bits: well inside the 12–256 rule. */
export function makePassword() {
  return randomBytes(18).toString('base64url');
}

function writeSecret(file, text) {
  writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
}

/**
 * Returns the environment every service needs to verify tokens (and the distributor to issue
 * them and register the bootstrap organisations), plus each bootstrap organisation's API key.
 */
export function provideIdentity(dataDir, { log = () => {} } = {}) {
  const dir = join(dataDir, 'identity');
  const credentials = join(dataDir, 'credentials');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  mkdirSync(credentials, { recursive: true, mode: 0o700 });
  const signingKeyFile = join(dir, 'signing-key.pem');
  const publicKeyFile = join(dir, 'public-key.pem');
  if (!existsSync(signingKeyFile)) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeSecret(signingKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
    log(`made a token signing key in ${signingKeyFile}`);
  }
  const keys = {};
  for (const org of BOOTSTRAP_ORGANISATIONS) {
    const file = join(credentials, `${org.id}.key`);
    if (!existsSync(file)) writeSecret(file, `${makeApiKey()}\n`);
    keys[org.id] = readFileSync(file, 'utf8').trim();
  }
  const passwords = join(credentials, 'people');
  mkdirSync(passwords, { recursive: true, mode: 0o700 });
  const people = bootstrapPeople().map((person) => {
    const file = join(passwords, `${person.email}.password`);
    if (!existsSync(file)) writeSecret(file, `${makePassword()}\n`);
    return { ...person, password: readFileSync(file, 'utf8').trim() };
  });
  const bootstrapFile = join(dir, 'bootstrap.json');
  writeFileSync(
    bootstrapFile,
    JSON.stringify({ organisations: BOOTSTRAP_ORGANISATIONS.map((org) => ({ ...org, apiKey: keys[org.id] })), people }, null, 2),
    { mode: 0o600 },
  );
  return {
    keys,
    /** who may sign in at POST /auth/sign-in, with the password made for them (kept under <dataDir>/credentials/people/) */
    people: people.map(({ organisationId, email, role, password }) => ({ organisationId, email, role, password })),
    credentialsDir: credentials,
    /** for every service */
    env: { IDENTITY_PUBLIC_KEYS_FILE: publicKeyFile },
    /** for the distributor only: it alone issues tokens */
    issuerEnv: { IDENTITY_SIGNING_KEY_FILE: signingKeyFile, IDENTITY_BOOTSTRAP_FILE: bootstrapFile },
    /** for the gateway only: it posts transfer notices as tradelane-pay */
    gatewayEnv: { TRANSFER_NOTICE_API_KEY: keys['tradelane-pay'] },
  };
}

/** The API key a stack keeps for one of its organisations, or undefined if it has none. */
export function readApiKey(dataDir, organisationId) {
  const file = join(dataDir, 'credentials', `${organisationId}.key`);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/** Trades an API key for an access token at the distributor's POST /auth/token. */
export async function tradeApiKey(tokenUrl, apiKey) {
  const res = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ apiKey }),
  });
  const text = await res.text();
  if (!res.ok) {
    let words = text;
    try {
      const problem = JSON.parse(text);
      words = [problem.title, problem.detail].filter(Boolean).join(': ');
    } catch {
      // not a problem document; show it as it came
    }
    throw new Error(`${res.status} from POST /auth/token: ${words}`);
  }
  const { accessToken, expiresIn } = JSON.parse(text);
  return { accessToken, expiresIn };
}
