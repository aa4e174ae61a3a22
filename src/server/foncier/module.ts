import { importCommand } from '../platform/files/import-command';
import type { ServerModule } from '../platform/module';
import { seedFoncier } from './demo';
import { importLandNeeds, importSites } from './import';
import { foncierRoutes } from './routes';

export const foncierModule: ServerModule = {
  name: 'foncier',
  routes: foncierRoutes,
  seedDemo: seedFoncier,
  commands: [
    importCommand(
      ['import', 'sites'],
      'sites clés en main',
      'Importe les sites clés en main France 2030 (CSV ou XLSX)',
      importSites,
    ),
    importCommand(
      ['import', 'besoins-fonciers'],
      'besoins fonciers',
      'Importe les besoins fonciers des territoires (CSV ou XLSX)',
      importLandNeeds,
    ),
  ],
};
