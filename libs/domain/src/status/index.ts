export * from './work-status';
export * from './blockers';
export * from './unit-performance';
export * from './indicator-attainment';
export * from './portal-milestones';
