import { transferNoticeConfig } from './transfer-notice.config';

describe('transferNoticeConfig', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('stops a service that signs or checks transfer notices when the secret is missing, naming the variable', () => {
    delete process.env.TRANSFER_NOTICE_SECRET;
    expect(() => transferNoticeConfig()).toThrow(/TRANSFER_NOTICE_SECRET/);
  });

  it("reads the secret, a tolerance of 300 s by default, the webhook URL, and the gateway's API key and where to trade it", () => {
    process.env.TRANSFER_NOTICE_SECRET = 's'.repeat(32);
    delete process.env.TRANSFER_NOTICE_TOLERANCE_SECONDS;
    process.env.TRANSFER_NOTICE_URL = 'http://localhost:3002/transfer-notices';
    process.env.TRANSFER_NOTICE_API_KEY = 'tl_0123456789abcdef_secret';
    process.env.IDENTITY_TOKEN_URL = 'http://localhost:3002/auth/token';
    expect(transferNoticeConfig()).toEqual({
      secret: 's'.repeat(32),
      toleranceSeconds: 300,
      url: 'http://localhost:3002/transfer-notices',
      apiKey: 'tl_0123456789abcdef_secret',
      tokenUrl: 'http://localhost:3002/auth/token',
    });
  });
});
