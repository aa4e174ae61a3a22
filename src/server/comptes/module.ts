import type { ServerModule } from '../platform/module';
import { comptesRoutes } from './routes';

export const comptesModule: ServerModule = {
  name: 'comptes',
  routes: comptesRoutes,
};
