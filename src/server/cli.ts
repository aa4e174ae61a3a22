import { MODULES } from './modules';
import { allCommands, runCommand } from './platform/cli-commands';
import { loadConfig } from './platform/config';
import { DataDirLockedError, readLiveServer } from './platform/runtime-lock';
import { openPlatformContext, startPlatform } from './platform/start';

// `pilote` — the platform's command line. `serve` runs the server; every other command runs on the
// configured database. With the embedded database, when a server already holds the data folder,
// the command is handed to that server (PGlite lets one process open a folder at a time).

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function main(args: string[]): Promise<number> {
  const [first] = args;
  if (!first || ['aide', 'help', '--help', '-h'].includes(first)) {
    printHelp();
    return first ? 0 : 2;
  }
  if (first === 'serve') return serve();
  const config = loadConfig();
  if (!config.databaseUrl) {
    const live = readLiveServer(config.dataDir);
    if (live) return forward(live.port, live.token, args);
  }
  const { ctx, release } = await openPlatformContext({ loadData: false, config: { demo: false } });
  try {
    return await runCommand(args, ctx, out, err);
  } finally {
    await release();
  }
}

async function serve(): Promise<number> {
  const started = Date.now();
  const platform = await startPlatform({ log: out, logger: process.env.LOG_LEVEL !== undefined });
  const { config } = platform.ctx;
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  const port = new URL(platform.url).port;
  out('');
  out(
    `Pilote TI est prêt : http://${shownHost}:${port}  (démarré en ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  out(
    config.databaseUrl
      ? 'Base de données : serveur PostgreSQL (DATABASE_URL)'
      : `Base de données : PGlite embarquée dans ${config.dataDir}`,
  );
  for (const module of MODULES)
    for (const line of (await module.startupNotes?.(platform.ctx)) ?? []) out(line);
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    out('Arrêt en cours…');
    await platform.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise<number>(() => {}); // runs until stopped
}

async function forward(port: number, token: string, args: string[]): Promise<number> {
  const absolute = args.map((a) =>
    /^\.{0,2}\//.test(a) || /\.(csv|xlsx|json)$/i.test(a) ? resolvePath(a) : a,
  );
  const response = await fetch(`http://127.0.0.1:${port}/internal/cli`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pilote-cli-token': token },
    body: JSON.stringify({ args: absolute }),
  });
  if (!response.ok) {
    err(`Le serveur en cours d'exécution a refusé la commande (HTTP ${response.status}).`);
    return 1;
  }
  const result = (await response.json()) as {
    code: number;
    lines: { stream: 'out' | 'err'; text: string }[];
  };
  for (const line of result.lines) (line.stream === 'out' ? out : err)(line.text);
  return result.code;
}

function resolvePath(file: string): string {
  return new URL(file, `file://${process.cwd()}/`).pathname;
}

function printHelp() {
  out('Usage : pilote <commande> [options]');
  out('');
  out(`${'  serve'.padEnd(48)}Démarre la plateforme (serveur web et API)`);
  for (const c of allCommands()) out(`  ${c.usage}`.padEnd(48) + c.description);
  out('');
  out('Configuration par variables d’environnement : PORT, DATABASE_URL, DATA_DIR (voir README.md).');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    if (error instanceof DataDirLockedError) {
      err(`${error.message} Arrêtez-le ou pointez DATA_DIR vers un autre dossier.`);
    } else {
      err(`Erreur : ${error.message}`);
    }
    process.exit(1);
  },
);
