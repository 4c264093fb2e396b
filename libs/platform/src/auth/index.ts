export * from './roles';
export * from './access-token';
export * from './access.guard';
export * from './decorators';
export * from './identity.config';
export * from './rate-limiter';
export * from './token-client';
export * from './ownership';
