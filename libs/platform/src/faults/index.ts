export * from './fault-plan';
export * from './fault-injector';
export * from './activity-faults';
export * from './http-faults';
