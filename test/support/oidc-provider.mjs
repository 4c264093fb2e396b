// A real OpenID Connect provider for the OIDC e2e test, in its own process (oidc-provider is
// ESM-only). Reads OIDC_TEST_CONFIG = {"clients": [...], "accounts": {"<login>": {claims}}},
// listens on a free loopback port, prints {"issuer": "..."} on one line, and stops when its
// stdin closes, so it cannot outlive the test that started it.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const { clients, accounts } = JSON.parse(process.env.OIDC_TEST_CONFIG ?? '{}');
const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients,
  // devInteractions takes any login with any password; the login names the account.
  findAccount: async (_ctx, id) =>
    accounts[id] ? { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) } : undefined,
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  scopes: ['openid', 'email', 'profile'],
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['only-for-this-test-run'] },
  pkce: { required: () => true },
});
provider.on('server_error', (_ctx, error) => console.error(`[oidc-provider] ${error.stack ?? error}`));
server.on('request', provider.callback());

console.log(JSON.stringify({ issuer }));
process.stdin.resume();
process.stdin.once('end', () => server.close(() => process.exit(0)));
process.stdin.once('close', () => process.exit(0));
