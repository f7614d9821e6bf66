// Public surface of libs/domain: pure computation over the convergence domain. No framework or
// I/O imports are allowed here (enforced by eslint.config.mjs).
export * from './regency-code';
