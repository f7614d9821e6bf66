export * from './pipe-check';
export * from './access';
export * from './task';
