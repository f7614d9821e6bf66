export * from './mail-transport';
export * from './message-id';
export * from './outbox';
export * from './templates/html';
export * from './templates/task-notices';
