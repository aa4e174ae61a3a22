// Public API of the financements domain: laureates of the programme's funds and Rebond missions.
export * from './demo';
export * from './import';
export type { ImportError, ImportResult, RowsInput } from './import-kit';
export { formatImportError } from './import-kit';
export type {
  CommuneInfo,
  DemoCommune,
  DemoTerritory,
  PlaceLookup,
  SirenInfo,
  TerritoryInfo,
} from './places';
export { createPlaceLookup } from './places';
export * from './published';
export * from './summary';
export type * from './types';
export * from './vocabulary';
