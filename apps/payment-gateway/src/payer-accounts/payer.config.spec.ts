import { payerConfig } from './payer.config';

describe('payerConfig', () => {
  const saved = process.env;
  afterEach(() => {
    process.env = saved;
  });

  it('lets a buyer without a payer account pay up to 1,000,000.00 by default', () => {
    process.env = {};
    expect(payerConfig()).toEqual({ defaultCreditLimitMinor: 100_000_000 });
    process.env = { PAYER_DEFAULT_CREDIT_LIMIT_MINOR: '0' };
    expect(payerConfig()).toEqual({ defaultCreditLimitMinor: 0 });
  });

  it('stops the gateway on a limit that is not a whole number of minor units, naming the variable', () => {
    process.env = { PAYER_DEFAULT_CREDIT_LIMIT_MINOR: '12.50' };
    expect(() => payerConfig()).toThrow('Invalid environment:\n  PAYER_DEFAULT_CREDIT_LIMIT_MINOR: must be a whole number, 0 or more');
  });
});
