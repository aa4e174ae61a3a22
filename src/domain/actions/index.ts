// The actions module's pure domain, in one import for the server and the web:
// vocabulary, validation, export/import columns, import parsing and planning, demonstration plans.

export * from './action';
export * from './columns';
export { type CountDimension, countBy } from './demo/count';
export {
  DEFAULT_DEMO_SEED,
  type DemoAction,
  type DemoHistoryEvent,
  type DemoOptions,
  type DemoTerritory,
  demoStateAt,
  generateDemoActionPlans,
} from './demo/generate';
export * from './demo/targets';
export {
  columnHeader,
  foldHeader,
  type HeaderMatch,
  type MatchHeadersOptions,
  matchHeaders,
} from './import/headers';
export * from './import/plan';
export * from './import/rows';
export * from './import/values';
export * from './vocabulary';
