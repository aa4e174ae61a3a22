// Decides what an import does, row by row, before anything is written: create, update (with the
// field-level changes) or leave unchanged. Re-importing the same file must give « unchanged »
// everywhere, so rows are matched on stable keys, in this order:
//   1. the platform identifier (« Identifiant » column of our own export), within the same TI;
//   2. the external reference (id in the tool the plan came from), within the same TI;
//   3. the TI + the title, compared with normalizeText (case, accents, punctuation ignored).
// Actions of the TI that the file does not mention are left alone: an import never deletes.
// Only the columns present in the file are compared and written, so that a file without, say,
// a « Budget » column does not erase budgets.

import { normalizeText } from '../../shared/text';
import { ACTION_FIELDS, type Action, type ActionField, sameFieldValue } from '../action';
import type { ColumnKey } from '../columns';
import type { ImportError, ParseResult } from './rows';

export interface ExistingAction extends Action {
  id: string;
}

export interface FieldChange {
  field: ActionField;
  before: Action[ActionField];
  after: Action[ActionField];
}

export type PlanKind = 'created' | 'updated' | 'unchanged';

export interface PlannedRow {
  line: number;
  kind: PlanKind;
  /** The matched action, null for a creation. */
  existingId: string | null;
  /** How it was matched (null for a creation). */
  matchedOn: 'id' | 'externalRef' | 'title' | null;
  /** The full action to store: for an update, the existing action with the file's columns applied. */
  action: Action;
  /** Field-level changes of an update (empty otherwise). */
  changes: FieldChange[];
}

export interface ImportPlan {
  rows: PlannedRow[];
  /** Conflicts found while matching (two lines for one action…): the import must not be applied. */
  errors: ImportError[];
  counts: Record<PlanKind, number>;
}

const titleKey = (tiId: string, title: string) => `${tiId}\u0000${normalizeText(title)}`;
const refKey = (tiId: string, ref: string) => `${tiId}\u0000${ref.trim().toLowerCase()}`;

export function planImport(
  parsed: Pick<ParseResult, 'actions' | 'columns'>,
  existing: readonly ExistingAction[],
): ImportPlan {
  const byId = new Map(existing.map((a) => [a.id, a]));
  const byRef = new Map<string, ExistingAction>();
  const byTitle = new Map<string, ExistingAction>();
  for (const a of existing) {
    if (a.externalRef) byRef.set(refKey(a.tiId, a.externalRef), a);
    byTitle.set(titleKey(a.tiId, a.title), a);
  }
  const present = new Set<ColumnKey>(parsed.columns);
  // tiId is the scope of the match, never changed by an import.
  const fields = ACTION_FIELDS.filter((f) => f !== 'tiId' && present.has(f));

  const rows: PlannedRow[] = [];
  const errors: ImportError[] = [];
  const claimedBy = new Map<string, number>(); // existing id or new-action key → first line
  const counts: Record<PlanKind, number> = { created: 0, updated: 0, unchanged: 0 };

  for (const row of parsed.actions) {
    const a = row.action;
    let match: ExistingAction | undefined;
    let matchedOn: PlannedRow['matchedOn'] = null;
    const candidateById = row.id ? byId.get(row.id) : undefined;
    if (candidateById && candidateById.tiId === a.tiId) [match, matchedOn] = [candidateById, 'id'];
    if (!match && a.externalRef) {
      const m = byRef.get(refKey(a.tiId, a.externalRef));
      if (m) [match, matchedOn] = [m, 'externalRef'];
    }
    if (!match) {
      const m = byTitle.get(titleKey(a.tiId, a.title));
      // An existing action carrying another external reference is another action with the same title.
      if (
        m &&
        !(a.externalRef && m.externalRef && refKey(a.tiId, a.externalRef) !== refKey(m.tiId, m.externalRef))
      ) {
        [match, matchedOn] = [m, 'title'];
      }
    }

    const claimKeys = match
      ? [`id:${match.id}`]
      : [`t:${titleKey(a.tiId, a.title)}`, ...(a.externalRef ? [`r:${refKey(a.tiId, a.externalRef)}`] : [])];
    const firstLine = claimKeys.map((k) => claimedBy.get(k)).find((l) => l !== undefined);
    if (firstLine !== undefined) {
      errors.push({
        line: row.line,
        column: null,
        message: `cette ligne désigne la même action que la ligne ${firstLine} (même référence externe ou même intitulé dans le même territoire)`,
      });
      continue;
    }
    for (const k of claimKeys) claimedBy.set(k, row.line);

    if (!match) {
      rows.push({
        line: row.line,
        kind: 'created',
        existingId: null,
        matchedOn: null,
        action: a,
        changes: [],
      });
      counts.created++;
      continue;
    }
    const next: Action = { ...stripId(match) };
    const changes: FieldChange[] = [];
    for (const f of fields) {
      if (sameFieldValue(match[f], a[f])) continue;
      changes.push({ field: f, before: match[f], after: a[f] });
      (next as unknown as Record<string, unknown>)[f] = a[f];
    }
    const kind: PlanKind = changes.length > 0 ? 'updated' : 'unchanged';
    counts[kind]++;
    rows.push({ line: row.line, kind, existingId: match.id, matchedOn, action: next, changes });
  }
  return { rows, errors, counts };
}

function stripId(a: ExistingAction): Action {
  const out: Record<string, unknown> = {};
  for (const f of ACTION_FIELDS) out[f] = a[f];
  return out as unknown as Action;
}
