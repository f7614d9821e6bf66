// Public surface of libs/domain: pure computation over the convergence domain. No framework or
// I/O imports are allowed here (enforced by eslint.config.mjs).
export * from './regency-code';
export * from './common/provenance';
export * from './common/issues';
export * from './common/format-number';
export * from './regions/types';
export * from './regions/regions';
export * from './roles/roles';
export * from './roles/units';
export * from './calendar/local-date';
export * from './calendar/working-days';
export * from './calendar/holidays';
export * from './calendar/deadline';
export * from './calendar/format-id';
export * from './template/schema';
export * from './template/validate-template';
export * from './template/resolve';
export * from './template/yearly-template';
export * from './template/cycle-plan';
export * from './indicators/types';
export * from './indicators/catalogue';
export * from './indicators/evaluate';
export * from './analysis/hotspots';
export * from './analysis/focus-villages';
export * from './escalation/escalation-ladder';
export * from './tasks/task-lifecycle';
export * from './escalation/time-compression';
