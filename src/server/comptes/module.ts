import { startMailDispatcher } from '../platform/mail';
import type { ServerModule } from '../platform/module';
import { demoAccountNotes, seedDemoAccounts } from './demo';
import { comptesRoutes } from './routes';

export const comptesModule: ServerModule = {
  name: 'comptes',
  routes: comptesRoutes,
  seedDemo: seedDemoAccounts,
  startupNotes: demoAccountNotes,
  // The outbox dispatcher is shared infrastructure; comptes owns mail and starts it.
  async start(ctx) {
    return startMailDispatcher(ctx);
  },
};
