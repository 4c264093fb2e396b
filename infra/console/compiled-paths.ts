import { join } from 'node:path';
import { register } from 'tsconfig-paths';

// The compiled tree keeps the @tradelane/* imports; resolve them inside dist/ as start.mjs does
// with TS_NODE_BASEURL, so `node dist/infra/console/api-documents.js` runs on its own.
register({
  baseUrl: join(__dirname, '..', '..'),
  paths: {
    '@tradelane/contracts': ['libs/contracts/src'],
    '@tradelane/edi': ['libs/edi/src'],
    '@tradelane/platform': ['libs/platform/src'],
    '@tradelane/workflows': ['workflows'],
  },
});
