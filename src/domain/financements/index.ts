// Public API of the financements domain: laureates of the programme's funds and Rebond missions.

export type { ImportError, ImportResult, RowsInput } from '../shared/import-kit';
export { formatImportError } from '../shared/import-kit';
export * from './demo';
export * from './import';
export * from './published';
export * from './summary';
export type * from './types';
export * from './vocabulary';
