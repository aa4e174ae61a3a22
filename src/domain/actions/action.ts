// The action sheet (fiche action) of one Territoire d'industrie and its validation rules.
// validateAction() is the single gate every write goes through (form, API, import, demo), so that
// an action stored anywhere always satisfies the same rules and compares equal field for field.

import {
  type AxeCode,
  isAxe,
  isStatut,
  isThematique,
  type StatutCode,
  THEMATIQUES,
  type ThematiqueCode,
} from './vocabulary';

/** What a caller may send: loosely typed, validated by validateAction(). */
export interface ActionInput {
  tiId: string;
  title: string;
  description?: string | null;
  /** Axis code; missing or empty means « Transversal / non classé ». */
  axe?: string | null;
  thematiques?: readonly string[] | null;
  /** Status code; null/empty = « Non renseigné ». */
  statut?: string | null;
  /** Porteur: the organisation that leads the action. */
  owner?: string | null;
  partners?: readonly string[] | null;
  /** Budget prévisionnel, euros. */
  plannedBudget?: number | null;
  /** Financements obtenus, euros. */
  fundingObtained?: number | null;
  /** ISO dates YYYY-MM-DD. */
  startDate?: string | null;
  endDate?: string | null;
  filiere?: string | null;
  tags?: readonly string[] | null;
  /** Identifier the action had in the tool it was imported from (Grist row id, etc.). */
  externalRef?: string | null;
}

/** A validated action sheet: trimmed, deduplicated, canonical order, empty text → null. */
export interface Action {
  tiId: string;
  title: string;
  description: string | null;
  axe: AxeCode;
  /** Deduplicated, in the vocabulary's order (so that two equal sets compare equal). */
  thematiques: ThematiqueCode[];
  statut: StatutCode | null;
  owner: string | null;
  partners: string[];
  plannedBudget: number | null;
  fundingObtained: number | null;
  startDate: string | null;
  endDate: string | null;
  filiere: string | null;
  tags: string[];
  externalRef: string | null;
}

export type ActionField = keyof Action;

/** Every field of an action, in the order of the export columns. */
export const ACTION_FIELDS: readonly ActionField[] = [
  'tiId',
  'title',
  'description',
  'axe',
  'thematiques',
  'statut',
  'owner',
  'partners',
  'plannedBudget',
  'fundingObtained',
  'startDate',
  'endDate',
  'filiere',
  'tags',
  'externalRef',
];

export interface FieldError {
  field: ActionField;
  message: string;
}

export type ValidationResult = { ok: true; value: Action } | { ok: false; errors: FieldError[] };

export const LIMITS = {
  title: 300,
  description: 10_000,
  owner: 300,
  listItem: 200,
  listLength: 50,
  filiere: 200,
  externalRef: 200,
  /** 100 billion euros: anything above is a typing error, not an industrial project. */
  amount: 100_000_000_000,
} as const;

/**
 * Separator of multi-valued cells (partners, tags, thématiques) in exports. A partner or a tag may
 * therefore not contain « ; » itself: validateAction() refuses it, which is what makes
 * export → import give back exactly the same lists.
 */
export const LIST_SEPARATOR = ';';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2024-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 1900;
}

const thematiqueOrder = new Map<string, number>(THEMATIQUES.map((t, i) => [t.code, i]));

/** Canonical form of a thématique list: deduplicated, in the vocabulary's order. */
export function sortThematiques(codes: readonly ThematiqueCode[]): ThematiqueCode[] {
  return [...new Set(codes)].sort((a, b) => thematiqueOrder.get(a)! - thematiqueOrder.get(b)!);
}

const cleanText = (value: string | null | undefined): string | null => {
  if (value === null || value === undefined) return null;
  const trimmed = String(value).replace(/\r\n?/g, '\n').trim();
  return trimmed === '' ? null : trimmed;
};

/** Single-line text: inner runs of spaces collapse, so that « Région  Grand Est » equals « Région Grand Est ». */
const cleanLine = (value: string | null | undefined): string | null => {
  const text = cleanText(value);
  return text === null ? null : text.replace(/\s+/g, ' ');
};

/** Deduplicates (case- and space-insensitively, first spelling wins) a list of single-line texts. */
function cleanList(field: ActionField, values: readonly string[] | null | undefined, errors: FieldError[]) {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of values ?? []) {
    const item = cleanLine(raw);
    if (item === null) continue;
    if (item.includes(LIST_SEPARATOR)) {
      errors.push({
        field,
        message: `« ${item} » ne peut pas contenir « ; », qui sépare les éléments d'une liste`,
      });
      continue;
    }
    if (item.length > LIMITS.listItem) {
      errors.push({ field, message: `« ${item.slice(0, 40)}… » dépasse ${LIMITS.listItem} caractères` });
      continue;
    }
    const key = item.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  if (out.length > LIMITS.listLength)
    errors.push({ field, message: `au plus ${LIMITS.listLength} éléments` });
  return out;
}

function checkAmount(
  field: ActionField,
  value: number | null | undefined,
  errors: FieldError[],
): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    errors.push({ field, message: 'le montant doit être un nombre' });
    return null;
  }
  if (value < 0) {
    errors.push({ field, message: 'le montant ne peut pas être négatif' });
    return null;
  }
  if (value > LIMITS.amount) {
    errors.push({ field, message: 'le montant dépasse 100 milliards d’euros' });
    return null;
  }
  // Cents at most: compare with a tolerance because 0.1 + 0.2 is not 0.3 in binary.
  const cents = Math.round(value * 100);
  if (Math.abs(cents - value * 100) > 1e-6 * Math.max(1, value)) {
    errors.push({ field, message: 'le montant a au plus deux décimales (centimes)' });
    return null;
  }
  return cents / 100;
}

function checkDate(
  field: ActionField,
  value: string | null | undefined,
  errors: FieldError[],
): string | null {
  const text = cleanText(value);
  if (text === null) return null;
  if (!isIsoDate(text)) {
    errors.push({ field, message: `« ${text} » n'est pas une date valide (AAAA-MM-JJ)` });
    return null;
  }
  return text;
}

function checkLength(field: ActionField, value: string | null, max: number, errors: FieldError[]) {
  if (value !== null && value.length > max) {
    errors.push({ field, message: `${max} caractères au plus (${value.length} reçus)` });
  }
}

/**
 * Validates and normalises an action sheet.
 *
 * Rules decided here:
 * - title required, ≤ 300 characters; single line (inner whitespace collapsed);
 * - axis: one of the 4 axes or « transversal »; missing → transversal (« non classé »);
 * - thématiques: known codes, deduplicated, vocabulary order; they need NOT belong to the action's
 *   axis (the programme's own tables count transversal actions under several thématiques);
 * - statut: a settable status or null (« Non renseigné »);
 * - amounts ≥ 0, at most 2 decimals. Funding obtained MAY exceed the planned budget: the budget is
 *   an early estimate that territories rarely update, and co-financings often exceed it, so
 *   refusing would block honest data; dashboards can flag it instead;
 * - dates are ISO calendar dates; the end date may not precede the start date;
 * - partners and tags: trimmed, deduplicated case-insensitively, no « ; » inside one item.
 */
export function validateAction(input: ActionInput): ValidationResult {
  const errors: FieldError[] = [];

  const tiId = cleanLine(input.tiId);
  if (tiId === null) errors.push({ field: 'tiId', message: 'le territoire est obligatoire' });

  const title = cleanLine(input.title);
  if (title === null) errors.push({ field: 'title', message: "l'intitulé est obligatoire" });
  checkLength('title', title, LIMITS.title, errors);

  const description = cleanText(input.description);
  checkLength('description', description, LIMITS.description, errors);

  const axeRaw = cleanLine(input.axe);
  let axe: AxeCode = 'transversal';
  if (axeRaw !== null) {
    if (isAxe(axeRaw)) axe = axeRaw;
    else errors.push({ field: 'axe', message: `axe « ${axeRaw} » inconnu` });
  }

  const thematiques: ThematiqueCode[] = [];
  for (const raw of input.thematiques ?? []) {
    const code = cleanLine(raw);
    if (code === null) continue;
    if (isThematique(code)) thematiques.push(code);
    else errors.push({ field: 'thematiques', message: `thématique « ${code} » inconnue` });
  }

  const statutRaw = cleanLine(input.statut);
  let statut: StatutCode | null = null;
  if (statutRaw !== null && statutRaw !== 'non-renseigne') {
    if (isStatut(statutRaw)) statut = statutRaw;
    else errors.push({ field: 'statut', message: `statut « ${statutRaw} » inconnu` });
  }

  const owner = cleanLine(input.owner);
  checkLength('owner', owner, LIMITS.owner, errors);
  const partners = cleanList('partners', input.partners, errors);
  const tags = cleanList('tags', input.tags, errors);

  const plannedBudget = checkAmount('plannedBudget', input.plannedBudget, errors);
  const fundingObtained = checkAmount('fundingObtained', input.fundingObtained, errors);

  const startDate = checkDate('startDate', input.startDate, errors);
  const endDate = checkDate('endDate', input.endDate, errors);
  if (startDate && endDate && endDate < startDate) {
    errors.push({ field: 'endDate', message: 'la date de fin précède la date de début' });
  }

  const filiere = cleanLine(input.filiere);
  checkLength('filiere', filiere, LIMITS.filiere, errors);
  const externalRef = cleanLine(input.externalRef);
  checkLength('externalRef', externalRef, LIMITS.externalRef, errors);

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      tiId: tiId!,
      title: title!,
      description,
      axe,
      thematiques: sortThematiques(thematiques),
      statut,
      owner,
      partners,
      plannedBudget,
      fundingObtained,
      startDate,
      endDate,
      filiere,
      tags,
      externalRef,
    },
  };
}

/** Field-by-field equality of two validated actions (lists compared in order: they are canonical). */
export function sameFieldValue(a: Action[ActionField], b: Action[ActionField]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}
