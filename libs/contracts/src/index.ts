export * from './pipe-check';
