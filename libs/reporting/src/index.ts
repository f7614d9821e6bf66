/** Semester report compilation and its XLSX/PDF renderings; pure apart from producing Buffers. */
export * from './planned-activities';
export * from './audit-facts';
export * from './compile';
export * from './xlsx';
export * from './pdf';
export * from './snapshot';
export * from './form-read';
