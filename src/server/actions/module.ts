import type { ServerModule } from '../platform/module';
import { actionsCommands } from './commands';
import { seedDemoActions } from './demo';
import { actionsRoutes } from './routes';

// Action plans: the action sheets of the 183 territories, their history, import and export, and
// the demonstration plans. Other modules use: demoActionStates() (demo.ts), the `actions` table
// and GET /api/v1/actions, /api/v1/stats/actions.

export const actionsModule: ServerModule = {
  name: 'actions',
  async routes(app, ctx) {
    await actionsRoutes(app, ctx);
  },
  seedDemo: seedDemoActions,
  commands: actionsCommands,
};

export { type DemoActionState, demoActionId, demoActionStates } from './demo';
