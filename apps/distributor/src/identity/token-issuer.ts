import type { Provider } from '@nestjs/common';
import { AccessTokenIssuer, identityConfig } from '@tradelane/platform';

/** The one signer of access tokens, for API keys and sign-in sessions alike. */
export const accessTokenIssuer: Provider = {
  provide: AccessTokenIssuer,
  useFactory: () => {
    const config = identityConfig();
    if (!config.signingKey) {
      throw new Error('Invalid environment:\n  IDENTITY_SIGNING_KEY: the distributor issues access tokens and needs the Ed25519 private key (PEM), or IDENTITY_SIGNING_KEY_FILE');
    }
    return AccessTokenIssuer.fromPem(config.signingKey, config.tokenLifetimeSeconds);
  },
};
