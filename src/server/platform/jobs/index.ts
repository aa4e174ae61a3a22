// Persisted job scheduler shared by the modules (campaign reminders first): schedule once by key,
// run once across instances, survive restarts, driven by ctx.clock.
export { ManualClock } from './manual-clock';
export {
  cancelJobs,
  type JobContext,
  type JobHandler,
  LEASE_MS,
  type NewJob,
  type RunReport,
  registerJobHandler,
  retryDelayMs,
  runDueJobs,
  scheduleJob,
  startJobRunner,
} from './scheduler';
