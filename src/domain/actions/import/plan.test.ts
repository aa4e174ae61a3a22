import { describe, expect, it } from 'vitest';
import { type Action, validateAction } from '../action';
import { ACTION_COLUMNS, type ColumnKey } from '../columns';
import { type ExistingAction, planImport } from './plan';
import type { ParsedRow } from './rows';

const action = (input: Partial<Action> & { title: string }): Action => {
  const r = validateAction({ tiId: 'ti-8405', ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
const allColumns = ACTION_COLUMNS.map((c) => c.key);
const parsed = (rows: Action[], columns: ColumnKey[] = allColumns, ids: (string | null)[] = []) => ({
  actions: rows.map((a, i): ParsedRow => ({ line: i + 2, id: ids[i] ?? null, action: a })),
  columns,
});

const existing: ExistingAction[] = [
  {
    id: 'a1',
    ...action({ title: 'Campus des métiers', statut: 'en-cours', externalRef: 'G-1', plannedBudget: 1000 }),
  },
  { id: 'a2', ...action({ title: 'Requalification de la friche', statut: 'amont' }) },
  { id: 'a3', ...action({ title: 'Tiers-lieu', statut: 'etude' }) },
];

describe('planImport', () => {
  it('re-importing the same data changes nothing', () => {
    const plan = planImport(parsed(existing.map(({ id: _id, ...a }) => a)), existing);
    expect(plan.errors).toEqual([]);
    expect(plan.counts).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(plan.rows.map((r) => [r.existingId, r.matchedOn])).toEqual([
      ['a1', 'externalRef'],
      ['a2', 'title'],
      ['a3', 'title'],
    ]);
  });

  it('matches on id, then external reference, then TI + title (case, accents ignored) and lists field changes', () => {
    const plan = planImport(
      parsed(
        [
          action({
            title: 'Campus des métiers industriels',
            externalRef: 'G-1',
            statut: 'realise',
            plannedBudget: 1000,
          }),
          action({ title: 'REQUALIFICATION DE LA FRICHE', statut: 'en-cours' }),
          action({ title: 'Nouvelle action' }),
          action({ title: 'Tiers lieu renommé', statut: 'etude' }),
        ],
        allColumns,
        [null, null, null, 'a3'],
      ),
      existing,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.counts).toEqual({ created: 1, updated: 3, unchanged: 0 });
    expect(plan.rows[0]!.changes).toEqual([
      { field: 'title', before: 'Campus des métiers', after: 'Campus des métiers industriels' },
      { field: 'statut', before: 'en-cours', after: 'realise' },
    ]);
    expect(plan.rows[1]!.changes).toEqual([
      { field: 'title', before: 'Requalification de la friche', after: 'REQUALIFICATION DE LA FRICHE' },
      { field: 'statut', before: 'amont', after: 'en-cours' },
    ]);
    expect(plan.rows[2]).toMatchObject({ kind: 'created', existingId: null });
    expect(plan.rows[3]).toMatchObject({ kind: 'updated', existingId: 'a3', matchedOn: 'id' });
  });

  it('only touches the columns present in the file', () => {
    const plan = planImport(
      parsed([action({ title: 'Campus des métiers', statut: 'realise' })], ['tiId', 'title', 'statut']),
      existing,
    );
    expect(plan.rows[0]!.changes).toEqual([{ field: 'statut', before: 'en-cours', after: 'realise' }]);
    expect(plan.rows[0]!.action).toMatchObject({
      externalRef: 'G-1',
      plannedBudget: 1000,
      statut: 'realise',
    });
  });

  it('refuses two lines designating the same action', () => {
    const plan = planImport(
      parsed([
        action({ title: 'Campus', externalRef: 'G-1' }),
        action({ title: 'Campus des métiers' }),
        action({ title: 'X' }),
        action({ title: 'x' }),
      ]),
      existing,
    );
    expect(plan.errors.map((e) => e.line)).toEqual([3, 5]);
    expect(plan.errors[0]!.message).toMatch(/même action que la ligne 2/);
  });

  it('does not confuse two actions with the same title but different external references', () => {
    const plan = planImport(parsed([action({ title: 'Campus des métiers', externalRef: 'G-2' })]), existing);
    expect(plan.rows[0]!.kind).toBe('created');
  });
});
