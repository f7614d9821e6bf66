export * from './pipe-check';
export * from './access';
