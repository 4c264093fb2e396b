// `npm run audit -- <command>`: the auditor API from a shell. Reads only; changes nothing.
// TRADELANE_AUDIT_URL is the distributor API (default http://127.0.0.1:3002).
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readApiKey, tradeApiKey } from '../identity/credentials.mjs';
import { main as verifyOffline } from './verify-offline.mjs';

const USAGE = `usage: npm run audit -- <command>

  timeline <orderId> [--csv]            the order's messages and events in order (JSON, or CSV)
  verify <orderId>                      check the order log's hash chain against its anchors (the workflow
                                        history, the signed checkpoints); exits 1 when anything disagrees
  export <orderId> [--out <file>]       the order's log, the checkpoints that cover it and the public keys (JSON)
  verify-offline --public-key <file> <bundle>
                                        check an exported bundle with the public key alone (PEM, JWK or JWK set):
                                        no network, no database; exits 1 at the first thing that does not hold
  checkpoints [--after <sequence>]      every signed checkpoint after the sequence, and the keys that verify them
  history <orderId> [--out <file>]      the Temporal event history of the order's workflow (JSON)
  replay <orderId>                      replay the order against the workflow code deployed now; exits 1 on divergence
  replay-window --from <ISO> --to <ISO> replay every order closed in the window; exits 1 if any diverged

verify-offline talks to nothing. The others talk to the distributor API at TRADELANE_AUDIT_URL
(default http://127.0.0.1:3002) as tradelane-audit: with the access token in TRADELANE_AUDIT_TOKEN
if set, else with one traded for the API key in <TRADELANE_DATA_DIR or .data>/credentials/tradelane-audit.key.`;

const base = (process.env.TRADELANE_AUDIT_URL ?? 'http://127.0.0.1:3002').replace(/\/+$/, '');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = resolve(process.env.TRADELANE_DATA_DIR ?? join(root, '.data'));
const keyFile = join(dataDir, 'credentials', 'tradelane-audit.key');

class UsageError extends Error {}

/** Splits `--name value` options (and bare `--flag`s) from positional arguments. */
function parse(args, { flags = [], options = [] }) {
  const positional = [];
  const given = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (flags.includes(name)) given[name] = true;
    else if (options.includes(name)) {
      if (i + 1 >= args.length || args[i + 1].startsWith('--')) throw new UsageError(`--${name} needs a value`);
      given[name] = args[++i];
    } else throw new UsageError(`unknown option ${arg}`);
  }
  return { positional, given };
}

function oneOrderId(positional) {
  if (positional.length !== 1) throw new UsageError('give exactly one order id');
  return encodeURIComponent(positional[0]);
}

let token;

/** The auditor's access token: given, or traded once per run for its API key (as infra/scripts/token.mjs does). */
async function accessToken() {
  if (token) return token;
  if (process.env.TRADELANE_AUDIT_TOKEN) return (token = process.env.TRADELANE_AUDIT_TOKEN.trim());
  const apiKey = readApiKey(dataDir, 'tradelane-audit');
  if (!apiKey) throw new Error(`no access token: set TRADELANE_AUDIT_TOKEN, or keep tradelane-audit's API key in ${keyFile}`);
  try {
    return (token = (await tradeApiKey(`${base}/auth/token`, apiKey)).accessToken);
  } catch (error) {
    throw new Error(error.cause ? `cannot reach the token issuer at ${base}: ${error.cause.message}` : error.message);
  }
}

function problemText(body) {
  try {
    const problem = JSON.parse(body);
    return [problem.title, problem.detail].filter(Boolean).join(': ');
  } catch {
    // not a problem document; show it as it came
    return body;
  }
}

async function get(path, accept = 'application/json') {
  const authorization = `Bearer ${await accessToken()}`;
  let res;
  try {
    res = await fetch(`${base}${path}`, { headers: { accept, authorization } });
  } catch (error) {
    throw new Error(`cannot reach the auditor API at ${base}: ${error.cause?.message ?? error.message}`);
  }
  const body = await res.text();
  if (!res.ok) throw new Error(`${res.status} from GET ${path}: ${problemText(body)}`);
  return body;
}

const print = (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

const commands = {
  async timeline(args) {
    const { positional, given } = parse(args, { flags: ['csv'] });
    const id = oneOrderId(positional);
    if (given.csv) process.stdout.write(await get(`/audit/orders/${id}/timeline.csv`, 'text/csv'));
    else print(JSON.parse(await get(`/audit/orders/${id}/timeline`)));
    return 0;
  },
  async verify(args) {
    const { positional } = parse(args, {});
    const result = JSON.parse(await get(`/audit/orders/${oneOrderId(positional)}/verify`));
    print(result);
    return result.intact ? 0 : 1;
  },
  async export(args) {
    const { positional, given } = parse(args, { options: ['out'] });
    const json = await get(`/audit/orders/${oneOrderId(positional)}/bundle`);
    if (given.out) {
      writeFileSync(given.out, json);
      process.stderr.write(`bundle written to ${given.out}\n`);
    } else process.stdout.write(`${json}\n`);
    return 0;
  },
  async 'verify-offline'(args) {
    const { positional, given } = parse(args, { options: ['public-key'] });
    if (!given['public-key'] || positional.length !== 1) throw new UsageError('give --public-key <file> and one bundle file');
    return verifyOffline(['--public-key', given['public-key'], positional[0]]);
  },
  async checkpoints(args) {
    const { positional, given } = parse(args, { options: ['after'] });
    if (positional.length > 0 || (given.after !== undefined && !/^\d+$/.test(given.after))) throw new UsageError('--after takes a sequence number');
    const checkpoints = [];
    let publicKeys = [];
    for (let after = Number(given.after ?? 0); after !== null; ) {
      const page = JSON.parse(await get(`/audit/checkpoints?after=${after}`));
      checkpoints.push(...page.checkpoints);
      publicKeys = page.publicKeys;
      after = page.next;
    }
    print({ checkpoints, publicKeys });
    return 0;
  },
  async history(args) {
    const { positional, given } = parse(args, { options: ['out'] });
    const json = await get(`/audit/orders/${oneOrderId(positional)}/history`);
    if (given.out) {
      writeFileSync(given.out, json);
      process.stderr.write(`history written to ${given.out}\n`);
    } else process.stdout.write(`${json}\n`);
    return 0;
  },
  async replay(args) {
    const { positional } = parse(args, {});
    const result = JSON.parse(await get(`/audit/orders/${oneOrderId(positional)}/replay`));
    print(result);
    return result.verdict === 'replayed' ? 0 : 1;
  },
  async 'replay-window'(args) {
    const { positional, given } = parse(args, { options: ['from', 'to'] });
    if (positional.length > 0 || !given.from || !given.to) throw new UsageError('give --from <ISO> and --to <ISO>');
    const query = new URLSearchParams({ closedAfter: given.from, closedBefore: given.to });
    const result = JSON.parse(await get(`/audit/replays?${query}`));
    print(result);
    if (result.truncated) process.stderr.write(`only the first ${result.limit} orders of the window were replayed\n`);
    return result.diverged === 0 ? 0 : 1;
  },
};

const [name, ...rest] = process.argv.slice(2);
const command = commands[name];
if (!command) {
  process.stderr.write(`${name && name !== '--help' && name !== 'help' ? `unknown command ${name}\n\n` : ''}${USAGE}\n`);
  process.exit(name === '--help' || name === 'help' ? 0 : 2);
}
try {
  process.exitCode = await command(rest);
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}
