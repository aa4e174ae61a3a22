import { MODULES } from '../modules';
import type { AppContext } from './context';
import type { CliCommand } from './module';

// The CLI's command table: platform commands plus every module's. Used both by the `pilote`
// process and by the running server when the CLI hands it a command (cli-bridge.ts).

const platformCommands: CliCommand[] = [
  {
    words: ['migrate'],
    usage: 'migrate',
    description: 'Applique les migrations de la base de données (déjà fait à chaque ouverture)',
    async run(_args, io) {
      io.out('Base de données à jour : toutes les migrations sont appliquées.');
      return 0;
    },
  },
];

export function allCommands(): CliCommand[] {
  return [...platformCommands, ...MODULES.flatMap((m) => m.commands ?? [])];
}

export function findCommand(args: string[]): { command: CliCommand; rest: string[] } | null {
  const matches = allCommands()
    .filter((c) => c.words.every((w, i) => args[i] === w))
    .sort((a, b) => b.words.length - a.words.length);
  const command = matches[0];
  return command ? { command, rest: args.slice(command.words.length) } : null;
}

export async function runCommand(
  args: string[],
  ctx: AppContext,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const found = findCommand(args);
  if (!found) {
    err(`Commande inconnue : « ${args.join(' ')} ». Tapez « pilote aide » pour la liste des commandes.`);
    return 2;
  }
  return found.command.run(found.rest, { ctx, out, err });
}
