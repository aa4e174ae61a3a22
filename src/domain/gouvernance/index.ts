// Public API of the gouvernance domain: binômes, chefs de projet, coordinators, COPIL and events.
export * from './demo';
export * from './import';
export * from './privacy';
export * from './published';
export * from './summary';
export type * from './types';
export * from './vocabulary';
