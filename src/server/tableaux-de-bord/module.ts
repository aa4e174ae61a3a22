import type { ServerModule } from '../platform/module';
import { dashboardsRoutes } from './routes';

// National, regional and territorial dashboards of the action plans (issue 6). Reads the action
// plans (actions module), campaign snapshots (campagnes module) and the portraits' figures; the PDF
// printer is the portraits module's.
export const tableauxDeBordModule: ServerModule = {
  name: 'tableaux-de-bord',
  async routes(app, ctx) {
    await dashboardsRoutes(app, ctx);
  },
};
