// Public API of the foncier domain: sites clés en main France 2030 and the territories' land needs.
export * from './demo';
export * from './import';
export * from './published';
export * from './summary';
export type * from './types';
export * from './vocabulary';
