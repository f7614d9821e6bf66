export * from './pipe-check';
export * from './access';
export * from './task';
export * from './cycle';
export * from './aks';
export * from './schedules';
