import { tiDirectory } from '../actions/territories';
import { runDueJobs, startJobRunner } from '../platform/jobs';
import type { ServerModule } from '../platform/module';
import { seedDemoCampagnes } from './demo';
import { campagnesRoutes } from './routes';
import './close'; // registers the transitions job handler
import './reminders'; // registers the reminder job handler

// Six-monthly update campaigns: opening, reviews and sign-off by the territories, validation by the
// regions, reminders (persisted jobs), closing into a frozen snapshot, comparison between campaigns.
// The server also runs the platform's job scheduler (src/server/platform/jobs) from here.

export const campagnesModule: ServerModule = {
  name: 'campagnes',
  routes: campagnesRoutes,
  seedDemo: seedDemoCampagnes,
  async start(ctx) {
    // Jobs run inside a transaction: the territory directory must be loaded before (PGlite has one connection).
    await tiDirectory(ctx);
    return startJobRunner(ctx);
  },
  commands: [
    {
      words: ['jobs', 'run'],
      usage: 'jobs run',
      description: 'Exécute maintenant les tâches planifiées arrivées à échéance (rappels de campagne…)',
      async run(_args, io) {
        const report = await runDueJobs(io.ctx);
        io.out(
          `Tâches exécutées : ${report.done}, à réessayer : ${report.retried}, en échec : ${report.failed}.`,
        );
        return 0;
      },
    },
  ],
};
