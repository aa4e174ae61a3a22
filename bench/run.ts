import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openPlatformContext } from '../src/server/platform/start';
import { type Bench, type BenchRecord, runLoad } from './lib';

// `npm run bench [-- filter]`: starts Pilote TI as its own process on a fresh embedded database
// (first start: reference + demonstration data), measures the first and a later start, then runs
// every bench/scenarios/*.ts against it. Results: bench/results/latest.json and a table.

const ROOT = path.resolve(import.meta.dirname, '..');
const filter = process.argv[2];
const port = 3400 + Math.floor(Math.random() * 500);
const dataDir = mkdtempSync(path.join(tmpdir(), 'pilote-bench-'));
const records: BenchRecord[] = [];
let server: ChildProcess | null = null;

async function startServer(): Promise<number> {
  const started = Date.now();
  server = spawn(process.execPath, [path.join(ROOT, 'bin/pilote.js'), 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  for (;;) {
    if (server.exitCode !== null) throw new Error(`Le serveur s'est arrêté :\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      if (response.ok) return Date.now() - started;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopServer() {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server!.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}

function serverMemoryMiB(): number {
  if (!server?.pid) return 0;
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

const bench: Bench = {
  url: `http://127.0.0.1:${port}`,
  load: (p, options) => runLoad(`http://127.0.0.1:${port}${p}`, options),
  async time(fn) {
    const t = performance.now();
    const result = await fn();
    return { ms: Math.round(performance.now() - t), result };
  },
  record: (entry) => {
    records.push(entry);
    const mark = entry.ok === undefined ? '' : entry.ok ? '  ✓' : '  ✗';
    console.log(
      `  ${entry.scenario} · ${entry.metric}: ${entry.value} ${entry.unit}${entry.target ? ` (objectif ${entry.target})` : ''}${mark}`,
    );
  },
  baseline: (connections) => runLoad(`http://127.0.0.1:${port}/api/v1/sante`, { connections, seconds: 5 }),
  async withDatabase(work) {
    await stopServer();
    const { ctx, release } = await openPlatformContext({
      config: { dataDir, databaseUrl: undefined, demo: false },
      loadData: false,
    });
    try {
      return await work(ctx);
    } finally {
      await release();
      await startServer();
    }
  },
  serverMemoryMiB,
};

async function main() {
  console.log(
    `Banc d'essai Pilote TI — ${new Date().toISOString()} — ${process.platform}, Node ${process.version}`,
  );
  const firstStart = await startServer();
  bench.record({
    scenario: 'démarrage',
    metric: 'premier démarrage (référentiel + démo)',
    value: firstStart,
    unit: 'ms',
    target: '< 60000',
    ok: firstStart < 60_000,
  });
  bench.record({
    scenario: 'démarrage',
    metric: 'mémoire après premier démarrage',
    value: serverMemoryMiB(),
    unit: 'MiB',
  });
  await stopServer();
  const laterStart = await startServer();
  bench.record({
    scenario: 'démarrage',
    metric: 'démarrage suivant',
    value: laterStart,
    unit: 'ms',
    target: '< 5000',
    ok: laterStart < 5000,
  });
  bench.record({
    scenario: 'démarrage',
    metric: 'mémoire au repos',
    value: serverMemoryMiB(),
    unit: 'MiB',
    target: '≤ 150',
    ok: serverMemoryMiB() <= 150,
  });

  const dir = path.join(ROOT, 'bench/scenarios');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && (!filter || f.includes(filter)))
    .sort();
  for (const file of files) {
    console.log(`\n▶ ${file}`);
    const scenario = (await import(pathToFileURL(path.join(dir, file)).href)).default as (
      b: Bench,
    ) => Promise<void>;
    try {
      await scenario(bench);
    } catch (error) {
      console.error(`  ✗ ${file} a échoué : ${(error as Error).message}`);
      records.push({ scenario: file, metric: 'erreur', value: 0, unit: '', ok: false });
    }
  }
  bench.record({
    scenario: 'fin',
    metric: 'mémoire du serveur après les scénarios',
    value: serverMemoryMiB(),
    unit: 'MiB',
  });
  await stopServer();
  rmSync(dataDir, { recursive: true, force: true });
  const out = path.join(ROOT, 'bench/results/latest.json');
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, records }, null, 2)}\n`,
  );
  console.log('\nRésultats :');
  console.table(
    records.map((r) => ({
      scénario: r.scenario,
      mesure: r.metric,
      valeur: r.value,
      unité: r.unit,
      objectif: r.target ?? '',
      atteint: r.ok === undefined ? '' : r.ok ? 'oui' : 'non',
    })),
  );
  console.log(`Écrit dans ${path.relative(process.cwd(), out)}`);
}

main().catch(async (error) => {
  console.error(error);
  await stopServer();
  process.exit(1);
});
