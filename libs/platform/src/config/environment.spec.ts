import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { identityConfig } from '../auth/identity.config';
import { transferNoticeConfig } from '../webhooks/transfer-notice.config';
import { validateEnvironment } from './environment';
import { databaseConfig, httpConfig, temporalConfig } from './namespaces';

const keys = generateKeyPairSync('ed25519');
const publicPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const privatePem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** What every service needs, valid. */
const base = {
  DATABASE_URL: 'postgres://tradelane@127.0.0.1:54329/tradelane',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
};

describe('the environment, one validated schema per namespace', () => {
  const saved = process.env;
  /** Runs `read` with exactly these variables set. */
  function withEnv<T>(vars: Record<string, string>, read: () => T): T {
    process.env = { ...vars };
    try {
      return read();
    } finally {
      process.env = saved;
    }
  }
  const failure = (vars: Record<string, string>, read: () => unknown): string => {
    try {
      withEnv(vars, read);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected the environment to be refused');
  };

  describe('at start (ConfigModule validate)', () => {
    it('takes a valid environment as it is', () => {
      expect(validateEnvironment({ ...base, PORT: '3002' })).toEqual({ ...base, PORT: '3002' });
    });

    it('names every bad variable of the areas every service reads, each with what is wrong', () => {
      expect(() =>
        validateEnvironment({ DATABASE_URL: 'mysql://x', TEMPORAL_ADDRESS: '127.0.0.1:7233', PORT: '70000', TEMPORAL_WORKERS_ENABLED: 'yes' }),
      ).toThrow(
        new Error(
          'Invalid environment:\n' +
            '  DATABASE_URL: must be a postgres:// connection URL\n' +
            '  TEMPORAL_WORKERS_ENABLED: must be true or false\n' +
            '  PORT: must be a whole number from 0 to 65535',
        ),
      );
    });

    it('names a required variable that is missing', () => {
      expect(() => validateEnvironment({ DATABASE_URL: base.DATABASE_URL })).toThrow(
        'Invalid environment:\n  TEMPORAL_ADDRESS: must be the host:port of the Temporal frontend',
      );
    });
  });

  describe('database and temporal', () => {
    it('read their variables, with the documented defaults for those unset or empty', () => {
      expect(withEnv(base, () => databaseConfig())).toEqual({ url: base.DATABASE_URL });
      expect(withEnv({ ...base, TEMPORAL_NAMESPACE: '' }, () => temporalConfig())).toEqual({
        address: '127.0.0.1:7233',
        namespace: 'default',
        taskQueuePrefix: '',
        workflowBundlePath: undefined,
        workersEnabled: true,
        // bounded, whatever the heap: the SDK's own default grows with it (docs/configuration.md)
        maxCachedWorkflows: 100,
      });
      expect(withEnv({ ...base, TEMPORAL_MAX_CACHED_WORKFLOWS: '5000' }, () => temporalConfig().maxCachedWorkflows)).toBe(5000);
      expect(
        withEnv({ ...base, TEMPORAL_WORKERS_ENABLED: 'false', TEMPORAL_MAX_CACHED_WORKFLOWS: '0', TEMPORAL_TASK_QUEUE_PREFIX: 't1-' }, () =>
          temporalConfig(),
        ),
      ).toMatchObject({ workersEnabled: false, maxCachedWorkflows: 0, taskQueuePrefix: 't1-' });
    });

    it.each([
      ['TEMPORAL_MAX_CACHED_WORKFLOWS', '-1', 'must be a whole number, 0 or more'],
      ['TEMPORAL_MAX_CACHED_WORKFLOWS', '1e3', 'must be a whole number, 0 or more'],
      ['TEMPORAL_TASK_QUEUE_PREFIX', 'a b', 'may hold letters, digits, dot, dash and underscore'],
    ])('refuses %s=%s', (variable, value, message) => {
      expect(failure({ ...base, [variable]: value }, () => temporalConfig())).toBe(`Invalid environment:\n  ${variable}: ${message}`);
    });
  });

  describe('http', () => {
    it("listens on 127.0.0.1 and leaves the port to the service's own default", () => {
      expect(withEnv({}, () => httpConfig())).toEqual({ port: undefined, host: '127.0.0.1', trustProxy: undefined });
      expect(withEnv({ PORT: '0', HOST: '0.0.0.0', TRUST_PROXY: 'loopback' }, () => httpConfig())).toEqual({ port: 0, host: '0.0.0.0', trustProxy: 'loopback' });
    });

    it.each(['65536', '30.5', 'http', '0x10'])('refuses PORT=%s, naming it', (port) => {
      expect(failure({ PORT: port }, () => httpConfig())).toBe('Invalid environment:\n  PORT: must be a whole number from 0 to 65535');
    });
  });

  describe('identity', () => {
    it('reads the keys inline, with the documented token lifetime and rate limits', () => {
      expect(withEnv({ IDENTITY_PUBLIC_KEYS: publicPem }, () => identityConfig())).toEqual({
        publicKeys: publicPem,
        signingKey: undefined,
        bootstrapFile: undefined,
        tokenLifetimeSeconds: 300,
        rateLimitPerMinute: 1200,
        tokenRateLimitPerMinute: 30,
      });
    });

    it('reads a key from its _FILE when the variable itself is unset, and names the _FILE it cannot read', () => {
      const dir = mkdtempSync(join(tmpdir(), 'identity-'));
      writeFileSync(join(dir, 'public.pem'), publicPem);
      writeFileSync(join(dir, 'signing.pem'), privatePem);
      const read = withEnv(
        { IDENTITY_PUBLIC_KEYS_FILE: join(dir, 'public.pem'), IDENTITY_SIGNING_KEY_FILE: join(dir, 'signing.pem'), IDENTITY_BOOTSTRAP_FILE: '/data/orgs.json' },
        () => identityConfig(),
      );
      expect(read).toMatchObject({ publicKeys: publicPem, signingKey: privatePem, bootstrapFile: '/data/orgs.json' });
      expect(failure({ IDENTITY_PUBLIC_KEYS_FILE: join(dir, 'missing.pem') }, () => identityConfig())).toBe(
        `Invalid environment:\n  IDENTITY_PUBLIC_KEYS_FILE: cannot read ${join(dir, 'missing.pem')}`,
      );
    });

    it('refuses a missing public key, a signing key that is no PEM key, and limits out of range, naming each', () => {
      expect(
        failure({ IDENTITY_SIGNING_KEY: 'secret', IDENTITY_TOKEN_TTL_SECONDS: '29', RATE_LIMIT_TOKEN_PER_MINUTE: '0' }, () => identityConfig()),
      ).toBe(
        'Invalid environment:\n' +
          '  IDENTITY_PUBLIC_KEYS: must hold the PEM public key(s) access tokens are verified with (or set IDENTITY_PUBLIC_KEYS_FILE)\n' +
          '  IDENTITY_SIGNING_KEY: must hold the PEM private key access tokens are signed with (or set IDENTITY_SIGNING_KEY_FILE)\n' +
          '  IDENTITY_TOKEN_TTL_SECONDS: must be a whole number from 30 to 86400\n' +
          '  RATE_LIMIT_TOKEN_PER_MINUTE: must be a whole number from 1 to 10000000',
      );
    });
  });

  describe('transfer notices', () => {
    const secret = 's'.repeat(32);

    it('refuses a short secret, a tolerance out of range and a webhook that is no URL, naming each', () => {
      expect(
        failure({ TRANSFER_NOTICE_SECRET: 'short', TRANSFER_NOTICE_TOLERANCE_SECONDS: '3601', TRANSFER_NOTICE_URL: 'distributor:3002' }, () =>
          transferNoticeConfig(),
        ),
      ).toBe(
        'Invalid environment:\n' +
          '  TRANSFER_NOTICE_SECRET: must be set, at least 32 characters (shared by the gateway and the distributor)\n' +
          '  TRANSFER_NOTICE_TOLERANCE_SECONDS: must be a whole number from 1 to 3600\n' +
          "  TRANSFER_NOTICE_URL: must be the http(s) URL of the distributor's transfer notice webhook",
      );
    });

    it('takes a tolerance from 1 to 3600 seconds', () => {
      expect(withEnv({ TRANSFER_NOTICE_SECRET: secret, TRANSFER_NOTICE_TOLERANCE_SECONDS: '1' }, () => transferNoticeConfig()).toleranceSeconds).toBe(1);
      expect(withEnv({ TRANSFER_NOTICE_SECRET: secret, TRANSFER_NOTICE_TOLERANCE_SECONDS: '3600' }, () => transferNoticeConfig()).toleranceSeconds).toBe(3600);
    });
  });
});
