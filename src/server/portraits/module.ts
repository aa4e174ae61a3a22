import type { ServerModule } from '../platform/module';
import { emploiImportCommand } from './emploi-import-command';
import { loadEmploi } from './emploi-load';
import { pdfPrinter } from './pdf';
import { portraitsRoutes } from './routes';
import { portraitStore } from './store';

// Portraits and thematic maps (issue 6): per-commune employment data, territory / region /
// programme portraits, choropleths, the EPCI map layer and the PDF printer shared with the
// dashboards.
export const portraitsModule: ServerModule = {
  name: 'portraits',
  async routes(app, ctx) {
    await portraitsRoutes(app, ctx);
  },
  async loadReference(ctx) {
    const report = await loadEmploi(ctx.db);
    if (report.skipped) return null;
    portraitStore(ctx).invalidate();
    return `emploi par commune chargé (${report.communes} communes, URSSAF et DARES)`;
  },
  async start(ctx) {
    return async () => {
      await pdfPrinter(ctx).close();
    };
  },
  commands: [
    {
      ...emploiImportCommand,
      async run(args, io) {
        const code = await emploiImportCommand.run(args, io);
        portraitStore(io.ctx).invalidate();
        return code;
      },
    },
  ],
};
