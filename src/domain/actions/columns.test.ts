// Export → import gives back the same data, field for field: through the column definitions
// alone, then through a real CSV (UTF-8 BOM, « ; ») and a real XLSX workbook built in memory.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Action, validateAction } from './action';
import {
  ACTION_COLUMNS,
  type ExportContext,
  exportHeaders,
  exportRow,
  formatAmountFr,
  formatDateFr,
} from './columns';
import { planImport } from './import/plan';
import { parseActionRows } from './import/rows';
import { createTiLookup } from './import/values';
import { AXES, STATUTS, THEMATIQUES } from './vocabulary';

const territories = [
  { id: 'ti-8405', nom: "Vallée de l'Arve" },
  { id: 'ti-0103', nom: 'Terres de Cannes et Industries d’Avenir' },
];
const ctx: ExportContext = { tiName: (id) => territories.find((t) => t.id === id)?.nom };
const tiLookup = createTiLookup(territories);

const make = (input: Parameters<typeof validateAction>[0]): Action => {
  const r = validateAction(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

// Every axis, every thématique, every status (and none), tricky text and amounts.
const actions: (Action & { id: string })[] = [
  {
    id: 'a-1',
    ...make({
      tiId: 'ti-8405',
      title: 'Requalification de la friche de l’ancienne filature ; phase 2, « lot A »',
      description: 'Première ligne\nSeconde ligne avec "guillemets" et ; point-virgule',
      axe: 'foncier',
      thematiques: THEMATIQUES.map((t) => t.code),
      statut: 'en-cours',
      owner: 'Intercommunalité – Vallée de l’Arve',
      partners: ['Banque des Territoires', 'Bpifrance, direction régionale', 'ADEME'],
      plannedBudget: 1_200_000.5,
      fundingObtained: 1_500_000,
      startDate: '2024-03-12',
      endDate: '2026-12-31',
      filiere: 'Décolletage',
      tags: ['France 2030', 'Fonds vert'],
      externalRef: 'grist-42',
    }),
  },
  {
    id: 'a-formula',
    ...make({
      tiId: 'ti-8405',
      title: '=HYPERLINK("http://exemple.invalid")',
      description: '- premier point\n- second point',
      owner: '@entreprise',
      partners: ['+Partenaire', 'ADEME'],
      tags: ["'déjà cité"],
      externalRef: '-12',
    }),
  },
  ...AXES.map((a, i) => ({
    id: `a-axe-${i}`,
    ...make({
      tiId: 'ti-0103',
      title: `Action ${a.short}`,
      axe: a.code,
      statut: STATUTS[i % STATUTS.length]!.code,
    }),
  })),
  ...STATUTS.map((s, i) => ({
    id: `a-statut-${i}`,
    ...make({
      tiId: 'ti-0103',
      title: `Statut ${s.short}`,
      statut: s.code,
      plannedBudget: i * 1000.25,
      fundingObtained: 0,
    }),
  })),
];

const strip = ({ id: _id, ...a }: Action & { id: string }): Action => a;

describe('columns', () => {
  it('has one French header per column, unique', () => {
    const headers = exportHeaders();
    expect(new Set(headers).size).toBe(ACTION_COLUMNS.length);
    expect(headers).toEqual([
      'Identifiant',
      'Territoire',
      'Intitulé',
      'Description',
      'Axe',
      'Thématiques',
      'Statut',
      'Porteur',
      'Partenaires',
      'Budget prévisionnel (€)',
      'Financements obtenus (€)',
      'Date de début',
      'Date de fin',
      'Filière',
      'Étiquettes',
      'Référence externe',
    ]);
  });

  it('writes labels, not codes, and French numbers and dates in CSV', () => {
    const row = exportRow(actions[0]!, ctx, 'csv');
    expect(row[1]).toBe("Vallée de l'Arve");
    expect(row[4]).toBe('Foncier industriel');
    expect(row[6]).toBe('En cours de réalisation');
    expect(row[8]).toBe('Banque des Territoires; Bpifrance, direction régionale; ADEME');
    expect(row[9]).toBe('1200000,5');
    expect(row[11]).toBe('12/03/2024');
    expect(exportRow(actions[2]!, ctx, 'csv')[6]).toBe(STATUTS[0].label);
    expect(formatAmountFr(0.5)).toBe('0,5');
    const formula = exportRow(actions[1]!, ctx, 'csv');
    expect([formula[2], formula[3], formula[7], formula[8], formula[14], formula[15]]).toEqual([
      '\'=HYPERLINK("http://exemple.invalid")',
      "'- premier point\n- second point",
      "'@entreprise",
      "'+Partenaire; ADEME",
      "''déjà cité",
      "'-12",
    ]);
    expect(exportRow(actions[1]!, ctx, 'xlsx')[2]).toBe('=HYPERLINK("http://exemple.invalid")');
    expect(formatDateFr('2024-01-02')).toBe('02/01/2024');
    const empty = exportRow({ ...actions[2]!, statut: null }, ctx, 'csv');
    expect(empty[6]).toBe('Non renseigné');
    expect(empty[9]).toBe('');
  });

  it.each([
    'csv',
    'xlsx',
  ] as const)('round-trips every column through format → parse (%s cells)', (target) => {
    const rows = actions.map((a) => exportRow(a, ctx, target));
    const parsed = parseActionRows(rows, { headers: exportHeaders(), tiLookup });
    expect(parsed.errors).toEqual([]);
    expect(parsed.actions.map((p) => p.action)).toEqual(actions.map(strip));
    expect(parsed.actions.map((p) => p.id)).toEqual(actions.map((a) => a.id));
    const plan = planImport(parsed, actions);
    expect(plan.counts).toEqual({ created: 0, updated: 0, unchanged: actions.length });
  });

  it('round-trips through a real CSV file: UTF-8 with BOM, « ; », quoted cells', () => {
    const csv = `\uFEFF${stringify([exportHeaders(), ...actions.map((a) => exportRow(a, ctx, 'csv'))], { delimiter: ';' })}`;
    const records: string[][] = parse(csv, { delimiter: ';', bom: true, relax_column_count: true });
    const [headers, ...rows] = records;
    const parsed = parseActionRows(rows, { headers: headers!, tiLookup });
    expect(parsed.errors).toEqual([]);
    expect(parsed.actions.map((p) => p.action)).toEqual(actions.map(strip));
  });

  it('round-trips through a real XLSX workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Actions');
    ws.addRow(exportHeaders());
    for (const a of actions) ws.addRow(exportRow(a, ctx, 'xlsx'));
    const buffer = await wb.xlsx.writeBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buffer);
    const sheet = back.getWorksheet('Actions')!;
    const values: unknown[][] = [];
    sheet.eachRow((row) => {
      values.push((row.values as unknown[]).slice(1));
    });
    const [headers, ...rows] = values;
    const parsed = parseActionRows(rows, { headers: headers!, tiLookup });
    expect(parsed.errors).toEqual([]);
    expect(parsed.actions.map((p) => p.action)).toEqual(actions.map(strip));
  });
});
