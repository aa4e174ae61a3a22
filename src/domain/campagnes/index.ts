// The campaigns module's pure domain, in one import for the server and the web: calendar and
// permission-free rules, progress roll-up, comparison, stuck actions, reminders, demonstration plan.

export * from './compare';
export * from './demo';
export * from './progress';
export * from './reminders';
export * from './rules';
export * from './stuck';
