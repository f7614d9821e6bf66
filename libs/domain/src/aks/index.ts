export * from './target-groups';
export * from './nik';
export * from './case-row';
export * from './recap';
export * from './facts';
export * from './stage-outputs';
export * from './retention';
