/** The config namespaces every service loads; each validates its own variables when it is read. */
export * from './database.config';
export * from './temporal.config';
export * from './http.config';
