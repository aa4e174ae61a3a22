import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../../domain/comptes/policy';
import type { Database, Sql } from '../db/database';
import { cliArgs, cliChoice } from './import-command';
import { runImport, tableImporter } from './import-pipeline';

// The shared pipeline on a recording fake database: what is written, when, and what is reported.

function fakeDb() {
  const log: string[] = [];
  const tx: Sql = {
    query: async (text: string) => {
      log.push(text.includes('audit_log') ? 'audit' : text);
      return { rows: [] };
    },
    exec: async () => {},
  };
  const db = {
    ...tx,
    engine: 'pglite',
    close: async () => {},
    transaction: async <T>(work: (tx: Sql) => Promise<T>) => {
      log.push('begin');
      const result = await work(tx);
      log.push('commit');
      return result;
    },
  } as Database;
  return { db, log };
}

const who = { actor: ANONYMOUS, ip: 'test', session: null };
const csv = (text: string) => Buffer.from(text, 'utf8');

/** A toy importer: a row is valid when its « Nom » is not empty. */
const importer = (log: string[], saved: () => void = () => {}) =>
  tableImporter({
    entity: 'essais',
    parse: async (sheet) => {
      const items = sheet.rows.flatMap((row, i) => (row[0] ? [{ id: `e${i}`, nom: String(row[0]) }] : []));
      const errors = sheet.rows.flatMap((row, i) =>
        row[0]
          ? []
          : [{ line: sheet.lineNumbers[i]!, column: 'Nom', message: 'valeur obligatoire manquante' }],
      );
      return { items, errors };
    },
    save: async (_tx, items) => log.push(`save ${items.length}`),
    saved,
  });

describe('runImport', () => {
  it('saves and audits in one transaction, then runs `saved`, and reports', async () => {
    const { db, log } = fakeDb();
    let dropped = 0;
    const report = await runImport(
      db,
      csv('Nom;Autre\nA;1\nB;2\n'),
      'essais.csv',
      { simulation: false, who },
      importer(log, () => dropped++),
    );
    expect(log).toEqual(['begin', 'save 2', 'audit', 'commit']);
    expect(dropped).toBe(1);
    expect(report).toEqual({
      simulation: false,
      fichier: 'essais.csv',
      format: 'csv',
      lignes: 2,
      valides: 2,
      erreurs: [],
      horsTi: [],
      enregistres: 2,
      apercu: [
        { id: 'e0', nom: 'A' },
        { id: 'e1', nom: 'B' },
      ],
    });
  });

  it('writes nothing for a simulation or while one error remains, and says where the error is', async () => {
    const { db, log } = fakeDb();
    const dry = await runImport(db, csv('Nom\nA\n'), 'a.csv', { simulation: true, who }, importer(log));
    expect(dry.enregistres).toBe(0);
    const wrong = await runImport(
      db,
      csv('Nom;X\nA;1\n;2\n'),
      'b.csv',
      { simulation: false, who },
      importer(log),
    );
    expect(log).toEqual([]);
    expect(wrong.enregistres).toBe(0);
    expect(wrong.valides).toBe(1);
    expect(wrong.erreurs.map((e) => e.texte)).toEqual([
      'Ligne 3, colonne « Nom » : valeur obligatoire manquante',
    ]);
  });

  it('refuses an unreadable file with a French 400 before parsing', async () => {
    const { db } = fakeDb();
    await expect(
      runImport(db, new Uint8Array(), 'vide.csv', { simulation: true, who }, importer([])),
    ).rejects.toMatchObject({ statusCode: 400, message: 'Fichier vide : aucune ligne à importer.' });
  });
});

describe('CLI flags', () => {
  it('reads --flag value, --flag=value and boolean flags', () => {
    const { positional, flags } = cliArgs(['f.csv', '--table', 'binomes', '--annee=2024', '--dry-run']);
    expect(positional).toEqual(['f.csv']);
    expect([...flags]).toEqual([
      ['table', 'binomes'],
      ['annee', '2024'],
      ['dry-run', true],
    ]);
  });

  it('accepts a known choice and names the expected ones otherwise', () => {
    const flags = new Map<string, string | true>([
      ['table', 'binomes'],
      ['x', 'zz'],
    ]);
    expect(cliChoice(flags, 'table', ['binomes', 'evenements'], 'Table inconnue')).toBe('binomes');
    expect(cliChoice(flags, 'absent', ['binomes'], 'Table inconnue')).toBeUndefined();
    expect(() => cliChoice(flags, 'x', ['a', 'b', 'c'], 'Table inconnue')).toThrow(
      'Table inconnue : « zz » ; attendu a, b ou c.',
    );
  });
});
