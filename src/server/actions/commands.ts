import type { CliCommand } from '../platform/module';

// CLI commands of the actions module: `seed demo` (every module's demonstration data) and
// `import actions FILE`.

export const actionsCommands: CliCommand[] = [
  {
    words: ['seed', 'demo'],
    usage: 'seed demo',
    description: 'Crée les données de démonstration de tous les modules (sans effet si elles existent déjà)',
    async run(_args, io) {
      // Imported here: modules.ts imports this module (a static import would be circular).
      const { MODULES } = await import('../modules');
      for (const module of MODULES) {
        const done = await module.loadReference?.(io.ctx);
        if (done) io.out(`Données de référence : ${done}`);
      }
      let any = false;
      for (const module of MODULES) {
        const done = await module.seedDemo?.(io.ctx);
        if (done) {
          any = true;
          io.out(`Données de démonstration (${module.name}) : ${done}`);
        }
      }
      if (!any) io.out('Données de démonstration déjà présentes : rien à faire.');
      return 0;
    },
  },
];
