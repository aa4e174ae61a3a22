import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import {
  type CsvInput,
  type DaresImport,
  parseDaresDemandeursCommunes,
  parseUrssafCommuneApe,
  type UrssafImport,
} from '../../domain/portraits/emploi-import';
import { formatNumber } from '../../domain/portraits/format';
import type { AppContext } from '../platform/context';
import type { CliCommand, CliIo } from '../platform/module';
import { EMPLOI_COG } from './data';
import { loadEmploi } from './emploi-load';

// `pilote import emploi urssaf|dares FICHIER [--annee AAAA] [--apercu]`: reads a producer's newer
// open-data file in its published CSV format with the domain parsers, prints a preview (years,
// communes, totals beside the current ones, warnings), then merges it all-or-nothing: imported
// years replace the same years, other years stay (the jsonb `||` of PostgreSQL does exactly the
// domain's applyImport). Any error: French message, nothing written, non-zero exit.

const USAGE = 'import emploi urssaf|dares FICHIER [--annee AAAA] [--apercu]';

/** Reads a CSV in UTF-8 (with or without BOM) or Windows-1252, separated by « ; » or « , ». */
export async function readProducerCsv(file: string): Promise<CsvInput> {
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch {
    throw new Error(`Fichier introuvable : ${file}`);
  }
  let text = buffer.toString('utf8');
  if (text.includes('\ufffd')) text = iconv.decode(buffer, 'win1252');
  text = text.replace(/^\ufeff/, '');
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let headers: string[] = [];
  try {
    const records = parse(text, {
      delimiter,
      columns: (h: string[]) => {
        headers = h.map((x) => x.trim());
        return headers;
      },
      skip_empty_lines: true,
      relax_column_count: true,
    }) as Record<string, string>[];
    return { headers, records };
  } catch (error) {
    throw new Error(`Fichier CSV illisible : ${path.basename(file)} (${(error as Error).message})`);
  }
}

interface ParsedArgs {
  kind: 'urssaf' | 'dares';
  file: string;
  year?: number;
  previewOnly: boolean;
}

function parseArgs(args: string[]): ParsedArgs | string {
  const [kind, file, ...rest] = args;
  if (kind !== 'urssaf' && kind !== 'dares') {
    return `Type d'import « ${kind ?? ''} » inconnu ; attendu : urssaf (effectifs salariés) ou dares (demandeurs d'emploi). Usage : pilote ${USAGE}`;
  }
  if (!file) return `Fichier manquant. Usage : pilote ${USAGE}`;
  let year: number | undefined;
  let previewOnly = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--apercu' || arg === '--aperçu') previewOnly = true;
    else if (arg === '--annee' || arg === '--année') {
      const value = rest[++i] ?? '';
      if (!/^\d{4}$/.test(value))
        return `Option --annee : valeur « ${value} » invalide ; attendu une année (AAAA).`;
      year = Number(value);
    } else return `Option « ${arg} » inconnue. Usage : pilote ${USAGE}`;
  }
  return { kind, file, year, previewOnly };
}

export async function runEmploiImport(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.err(parsed);
    return 2;
  }
  const { ctx } = io;
  let input: CsvInput;
  try {
    input = await readProducerCsv(parsed.file);
  } catch (error) {
    io.err((error as Error).message);
    return 1;
  }
  const options = { year: parsed.year, maxYear: ctx.clock.now().getUTCFullYear(), firstLine: 2 };
  const result =
    parsed.kind === 'urssaf'
      ? parseUrssafCommuneApe(input, options)
      : parseDaresDemandeursCommunes(input, options);
  if (!result.ok) {
    io.err(`Import refusé : ${path.basename(parsed.file)} n'a pas été importé (aucune donnée modifiée).`);
    for (const e of result.errors) io.err(`  ${e}`);
    return 1;
  }
  const imported = result.value;
  await loadEmploi(ctx.db);
  await preview(ctx, imported, parsed.file, io);
  if (parsed.previewOnly) {
    io.out('Aperçu seulement (--apercu) : rien n’a été enregistré.');
    return 0;
  }
  await ctx.db.transaction(async (tx) => {
    const rows =
      imported.kind === 'urssaf'
        ? [...imported.communes].map(([insee, f]) => ({
            insee,
            salaries: JSON.stringify(f.salaries),
            industrie: JSON.stringify(f.salariesIndustrie ?? {}),
          }))
        : [...imported.communes].map(([insee, series]) => ({ insee, demandeurs: JSON.stringify(series) }));
    if (imported.kind === 'urssaf') {
      await tx.query(
        `INSERT INTO emploi_communes (insee, salaries, salaries_industrie)
         SELECT r.insee, r.salaries::jsonb, r.industrie::jsonb FROM json_to_recordset($1::json) AS r(insee text, salaries text, industrie text)
         ON CONFLICT (insee) DO UPDATE SET salaries = emploi_communes.salaries || EXCLUDED.salaries,
           salaries_industrie = emploi_communes.salaries_industrie || EXCLUDED.salaries_industrie`,
        [JSON.stringify(rows)],
      );
    } else {
      await tx.query(
        `INSERT INTO emploi_communes (insee, demandeurs)
         SELECT r.insee, r.demandeurs::jsonb FROM json_to_recordset($1::json) AS r(insee text, demandeurs text)
         ON CONFLICT (insee) DO UPDATE SET demandeurs = emploi_communes.demandeurs || EXCLUDED.demandeurs`,
        [JSON.stringify(rows)],
      );
    }
    await tx.query(
      'INSERT INTO emploi_imports (kind, fichier, annees, communes, imported_at) VALUES ($1, $2, $3, $4, $5)',
      [imported.kind, path.basename(parsed.file), imported.years, imported.communes.size, ctx.clock.now()],
    );
  });
  io.out(
    `Import enregistré : ${formatNumber(imported.communes.size)} communes, années ${imported.years.join(', ')}. Les portraits et les cartes en tiennent compte.`,
  );
  return 0;
}

async function preview(ctx: AppContext, imported: UrssafImport | DaresImport, file: string, io: CliIo) {
  const label = imported.kind === 'urssaf' ? 'effectifs salariés (URSSAF)' : "demandeurs d'emploi (DARES)";
  io.out(`Aperçu de ${path.basename(file)} — ${label}`);
  io.out(`  lignes lues : ${formatNumber(imported.lines)}`);
  io.out(`  communes : ${formatNumber(imported.communes.size)}`);
  io.out(`  années : ${imported.years.join(', ')}`);
  const known = new Set(
    (
      await ctx.db.query<{ insee: string }>('SELECT insee FROM communes WHERE cog = $1', [EMPLOI_COG])
    ).rows.map((r) => r.insee),
  );
  const unknown = [...imported.communes.keys()].filter((c) => !known.has(c));
  if (known.size > 0 && unknown.length > 0) {
    io.err(
      `Attention : ${unknown.length} code(s) commune absent(s) du COG ${EMPLOI_COG} (gardés tels quels) : ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ', …' : ''}`,
    );
  }
  const column = imported.kind === 'urssaf' ? 'salaries' : 'demandeurs';
  for (const year of imported.years) {
    let total = 0;
    if (imported.kind === 'urssaf')
      for (const f of imported.communes.values()) total += f.salaries[year] ?? 0;
    else for (const series of imported.communes.values()) total += series[year] ?? 0;
    const current = (
      await ctx.db.query<{ total: number | null }>(
        `SELECT sum((${column} ->> $1)::numeric) AS total FROM emploi_communes`,
        [String(year)],
      )
    ).rows[0]?.total;
    io.out(
      `  ${year} : ${formatNumber(total)} ${imported.kind === 'urssaf' ? 'emplois' : 'demandeurs'} (actuellement : ${current == null ? 'aucune donnée' : formatNumber(current)})`,
    );
  }
  for (const w of imported.warnings) io.err(`Attention : ${w}`);
}

export const emploiImportCommand: CliCommand = {
  words: ['import', 'emploi'],
  usage: USAGE,
  description:
    "Importe un fichier récent de l'URSSAF (effectifs salariés par commune × APE) ou de la DARES (demandeurs d'emploi par commune) ; --apercu pour seulement vérifier",
  run: runEmploiImport,
};
