export * from './money';
export * from './parties';
export * from './messages';
export * from './order-view';
export * from './activities';
export * from './dates';
export * from './failures';
