// The portraits and thematic maps domain: pure rules, no I/O. See README.md for the rules.
export * from './actions-figures';
export * from './choropleth';
export * from './classification';
export * from './comparison';
export * from './emploi-import';
export * from './employment';
export * from './format';
export * from './indicators';
export * from './overlaps';
export * from './portrait';
export * from './published';
export * from './sources';
export * from './typologies';
