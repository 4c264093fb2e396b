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

  it('reads the secret, a tolerance of 300 s by default, and the webhook URL', () => {
    process.env.TRANSFER_NOTICE_SECRET = 's'.repeat(32);
    delete process.env.TRANSFER_NOTICE_TOLERANCE_SECONDS;
    process.env.TRANSFER_NOTICE_URL = 'http://localhost:3002/transfer-notices';
    expect(transferNoticeConfig()).toEqual({ secret: 's'.repeat(32), toleranceSeconds: 300, url: 'http://localhost:3002/transfer-notices' });
  });
});
