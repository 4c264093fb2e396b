import { patternParam, uuidParam } from '@tradelane/platform';

export const organisationIdParam = patternParam('organisationId', /^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes, at most 64');
export const personIdParam = uuidParam('personId');
