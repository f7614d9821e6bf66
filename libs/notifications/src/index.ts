export * from './mail-transport';
export * from './message-id';
export * from './outbox';
