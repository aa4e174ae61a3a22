// Parsers of the cell values of an imported action plan. They accept what people actually type in a
// spreadsheet (« En cours », « 1 200 000 € », « 12/03/2024 », several thématiques in one cell) and
// what a spreadsheet library hands back (numbers, Excel serial dates, Date objects, rich text).
// Each returns the value or a French message saying what was expected.

import { normalizeText } from '../../shared/text';
import {
  AXES,
  type AxeCode,
  NON_RENSEIGNE,
  STATUTS,
  type StatutCode,
  THEMATIQUES,
  type ThematiqueCode,
} from '../vocabulary';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/**
 * The text of a cell whatever the reader produced: strings, numbers, booleans, Date objects and
 * the objects exceljs returns for rich text ({ richText: [{ text }] }), links ({ text }) and
 * formulas ({ result }). Empty → ''.
 */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'object') {
    const o = cell as { richText?: { text?: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(o.richText))
      return o.richText
        .map((r) => r.text ?? '')
        .join('')
        .trim();
    if (o.text !== undefined) return cellText(o.text);
    if (o.result !== undefined) return cellText(o.result);
  }
  return String(cell).trim();
}

/** The raw value of a cell after unwrapping exceljs objects (formulas give their result). */
function cellValue(cell: unknown): unknown {
  if (cell && typeof cell === 'object' && !(cell instanceof Date)) {
    const o = cell as { result?: unknown };
    if (o.result !== undefined) return o.result;
    return cellText(cell);
  }
  return cell;
}

/**
 * Undoes the export's spreadsheet-formula protection (see protectFormula in columns.ts): a text
 * cell that starts with « ' » followed by ' = + - @ gets its apostrophe back off.
 */
export const unprotectFormula = (text: string): string =>
  /^'['=+\-@\t\r]/.test(text) ? text.slice(1) : text;

/** normalizeText plus a crude singular: each word loses a final « s » (« thématiques » = « thématique »). */
export function fold(value: string): string {
  return normalizeText(value)
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w))
    .join(' ');
}

const quote = (values: readonly string[]) => values.map((v) => `« ${v} »`).join(', ');

// ---------------------------------------------------------------------------------------------
// Statut

const STATUT_SYNONYMS: Record<StatutCode | 'null', readonly string[]> = {
  amont: [
    'amont',
    'a initier',
    'action a initier',
    'a lancer',
    'a demarrer',
    'a venir',
    'en projet',
    'idee',
    'envisage',
    'non demarre',
    'pas commence',
  ],
  etude: [
    'etude',
    'en etude',
    'etude prealable',
    'en cours d etude',
    'en reflexion',
    'diagnostic',
    'etude en cours',
    'faisabilite',
  ],
  'en-cours': [
    'en cours',
    'en cours de realisation',
    'realisation',
    'en realisation',
    'demarre',
    'lance',
    'engage',
    'en cours de mise en oeuvre',
    'mise en oeuvre',
  ],
  'en-pause': [
    'en pause',
    'pause',
    'a debloquer',
    'bloque',
    'bloquee',
    'suspendu',
    'suspendue',
    'en attente',
    'en suspens',
  ],
  realise: [
    'realise',
    'realisee',
    'termine',
    'terminee',
    'fait',
    'faite',
    'acheve',
    'achevee',
    'finalise',
    'finalisee',
    'clos',
    'close',
    'cloture',
    'cloturee',
  ],
  abandonne: ['abandonne', 'abandonnee', 'annule', 'annulee', 'abandon', 'arrete', 'arretee'],
  null: ['non renseigne', 'nr', 'n c', 'nc', 'inconnu', 'a renseigner'],
};

const statutIndex = (() => {
  const index = new Map<string, StatutCode | null>();
  const add = (key: string, code: StatutCode | null) => index.set(fold(key), code);
  for (const s of STATUTS) {
    add(s.code, s.code);
    add(s.label, s.code);
    add(s.short, s.code);
  }
  add(NON_RENSEIGNE.code, null);
  add(NON_RENSEIGNE.label, null);
  for (const [code, words] of Object.entries(STATUT_SYNONYMS)) {
    for (const w of words) add(w, code === 'null' ? null : (code as StatutCode));
  }
  return index;
})();

/** « En cours », « Terminé », « À initier », « en-pause », « Non renseigné » / empty → null… */
export function parseStatut(cell: unknown): Parsed<StatutCode | null> {
  const raw = cellText(cell);
  if (raw === '' || /^[-–—?]+$/.test(raw)) return ok(null);
  // « 3 - En cours », « 2. En étude »: numbered choice lists are common in shared spreadsheets.
  const key = fold(raw.replace(/^\s*\d+\s*[-–—:.)]\s*/, ''));
  if (statutIndex.has(key)) return ok(statutIndex.get(key)!);
  return fail(
    `valeur « ${raw} » inconnue ; attendu l'un de : ${quote([...STATUTS.map((s) => s.label), NON_RENSEIGNE.label])}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Axe

const AXE_SYNONYMS: Record<AxeCode, readonly string[]> = {
  competences: [
    'competence',
    'attractivite',
    'competences attractivite',
    'emploi',
    'formation',
    'emploi et competences',
  ],
  foncier: ['foncier', 'foncier industriel'],
  innovation: ['innovation', 'numerique'],
  transition: [
    'transition',
    'transition ecologique',
    'ecologie',
    'transition ecologique et energetique',
    'environnement',
    'te',
  ],
  transversal: [
    'transversal',
    'non classe',
    'transverse',
    'autre',
    'autres',
    'gouvernance',
    'animation',
    'transversal non classe',
  ],
};

const axeIndex = (() => {
  const index = new Map<string, AxeCode>();
  for (const a of AXES) {
    index.set(fold(a.code), a.code);
    index.set(fold(a.label), a.code);
    index.set(fold(a.short), a.code);
    for (const w of AXE_SYNONYMS[a.code]) index.set(fold(w), a.code);
  }
  return index;
})();

/** An axis by code, label or short label; empty → « Transversal / non classé ». */
export function parseAxe(cell: unknown): Parsed<AxeCode> {
  const raw = cellText(cell);
  if (raw === '') return ok('transversal');
  // « Axe 1 - Compétences et attractivité », « 2. Foncier »: the programme numbers its axes.
  const key = fold(raw.replace(/^\s*(axe\s*)?\d+\s*[-–—:.)]?\s*/i, ''));
  const found = axeIndex.get(key);
  if (found) return ok(found);
  return fail(`valeur « ${raw} » inconnue ; attendu l'un de : ${quote(AXES.map((a) => a.label))}`);
}

// ---------------------------------------------------------------------------------------------
// Thématiques

const THEMATIQUE_SYNONYMS: Partial<Record<ThematiqueCode, readonly string[]>> = {
  'valorisation-industrie': ['valorisation industrie', 'attractivite de l industrie', 'image de l industrie'],
  'rh-marque-employeur': ['rh', 'marque employeur', 'ressources humaines'],
  'besoin-formation': ['besoins en formation', 'besoin en formation', 'besoins formation'],
  'aide-installation': ['aide a l installation des salaries', 'installation', 'logement des salaries'],
  eit: ['eit', 'ecologie industrielle et territoriale', 'ecologie industrielle', 'economie circulaire'],
  'gestion-eau': ['eau', 'ressource en eau'],
  'tiers-lieux': ['tiers lieu', 'tiers-lieu'],
  'ecosysteme-innovation': [
    'ecosysteme d innovation',
    'recherche',
    'innovation et recherche',
    'ecosysteme innovation recherche',
  ],
  'sites-cles-en-main': ['site cle en main', 'sites cles en main france 2030'],
  'requalification-friche': [
    'friche',
    'friches',
    'requalification de friche',
    'requalification des friches',
    'reconversion de friche',
  ],
  'optimisation-foncier': [
    'optimisation fonciere',
    'densification fonciere',
    'optimisation du foncier',
    'densification',
  ],
};

const thematiqueIndex = (() => {
  const index = new Map<string, ThematiqueCode>();
  for (const t of THEMATIQUES) {
    index.set(fold(t.code), t.code);
    index.set(fold(t.label), t.code);
    for (const w of THEMATIQUE_SYNONYMS[t.code] ?? []) index.set(fold(w), t.code);
  }
  return index;
})();
const thematiqueKeys = [...thematiqueIndex.keys()];

/** One thématique by code, label, synonym, or an unambiguous prefix of one of them. */
function matchThematique(piece: string): ThematiqueCode | undefined {
  const key = fold(piece);
  if (key === '') return undefined;
  const exact = thematiqueIndex.get(key);
  if (exact) return exact;
  const candidates = new Set(
    thematiqueKeys.filter((k) => k.startsWith(key) && key.length >= 3).map((k) => thematiqueIndex.get(k)!),
  );
  return candidates.size === 1 ? [...candidates][0] : undefined;
}

/**
 * Several thématiques in one cell, separated by « ; », « | », newlines, « , » or « / ». Labels may
 * themselves contain « / » (« RH / Marque employeur ») or « , »: pieces are therefore re-joined
 * greedily, the longest run of pieces that names a thématique winning.
 */
export function parseThematiques(cell: unknown): Parsed<ThematiqueCode[]> {
  const raw = cellText(cell);
  const out: ThematiqueCode[] = [];
  const unknown: string[] = [];
  for (const group of raw.split(/[;|\n\r•]+/)) {
    const pieces = group
      .split(/[,/]/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    let i = 0;
    while (i < pieces.length) {
      let matched = 0;
      for (let j = pieces.length; j > i; j--) {
        const code = matchThematique(pieces.slice(i, j).join(' '));
        if (code) {
          out.push(code);
          matched = j - i;
          break;
        }
      }
      if (matched === 0) {
        unknown.push(pieces[i]!);
        i++;
      } else i += matched;
    }
  }
  if (unknown.length > 0) {
    return fail(
      `thématique${unknown.length > 1 ? 's' : ''} ${quote(unknown)} inconnue${unknown.length > 1 ? 's' : ''} ; attendu parmi : ${quote(THEMATIQUES.map((t) => t.label))}`,
    );
  }
  return ok([...new Set(out)]);
}

// ---------------------------------------------------------------------------------------------
// Lists (partners, tags)

/** « Région ; CCI ; Bpifrance » (also « | » and newlines). Commas are kept: « Bpifrance, direction régionale » is one name. */
export function parseList(cell: unknown): Parsed<string[]> {
  return ok(
    cellText(cell)
      .split(/[;|\n\r]+/)
      .map((v) => v.trim())
      .filter((v) => v !== ''),
  );
}

// ---------------------------------------------------------------------------------------------
// Amounts

const MULTIPLIERS: Record<string, number> = {
  '': 1,
  k: 1e3,
  ke: 1e3,
  m: 1e6,
  me: 1e6,
  md: 1e9,
  mde: 1e9,
  mds: 1e9,
  mdse: 1e9,
  millier: 1e3,
  milliers: 1e3,
  million: 1e6,
  millions: 1e6,
  milliard: 1e9,
  milliards: 1e9,
};

/**
 * An amount in euros: numbers, « 1 200 000 € », « 1 200 000,50 », « 1.200.000 », « 1,5 M€ »,
 * « 150 k€ », « 2 millions ». A single « , » is a decimal comma (French); a single « . » followed by
 * exactly three digits is a thousands separator (« 1.500 » = 1 500), otherwise a decimal point.
 * Negative amounts and text are refused; at most two decimals after conversion.
 */
export function parseAmount(cell: unknown): Parsed<number | null> {
  const value = cellValue(cell);
  if (typeof value === 'number') return checkAmount(value, String(value));
  const raw = cellText(value);
  if (raw === '' || /^[-–—]$/.test(raw)) return ok(null);
  let s = raw
    .toLowerCase()
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/€|euros?|eur/g, 'e');
  if (/^[-–−]/.test(s)) return fail(`montant « ${raw} » négatif ; attendu un montant positif en euros`);
  s = s.replace(/(ht|ttc)$/, '').replace(/e$/, '');
  const m = /^(\d[\d.,]*)([a-z]*)$/.exec(s);
  const multiplier = m ? (MULTIPLIERS[m[2]!.replace(/e$/, '')] ?? MULTIPLIERS[m[2]!]) : undefined;
  if (!m || multiplier === undefined) {
    return fail(
      `montant « ${raw} » illisible ; attendu un nombre d'euros, par exemple « 1 200 000 » ou « 1,5 M€ »`,
    );
  }
  let digits = m[1]!;
  const commas = (digits.match(/,/g) ?? []).length;
  const dots = (digits.match(/\./g) ?? []).length;
  if (commas > 0 && dots > 0) {
    // Both: the last one is the decimal separator.
    const decimal = digits.lastIndexOf(',') > digits.lastIndexOf('.') ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    digits = digits.split(thousands).join('').replace(decimal, '.');
  } else if (commas > 1) digits = digits.replace(/,/g, '');
  else if (commas === 1) digits = digits.replace(',', '.');
  else if (dots > 1) digits = digits.replace(/\./g, '');
  else if (dots === 1 && multiplier === 1 && /\.\d{3}$/.test(digits)) digits = digits.replace('.', '');
  const n = Number(digits);
  if (!Number.isFinite(n) || !/^\d+(\.\d+)?$/.test(digits)) {
    return fail(
      `montant « ${raw} » illisible ; attendu un nombre d'euros, par exemple « 1 200 000 » ou « 1,5 M€ »`,
    );
  }
  return checkAmount(Math.round(n * multiplier * 1e6) / 1e6, raw);
}

function checkAmount(n: number, raw: string): Parsed<number | null> {
  if (!Number.isFinite(n)) return fail(`montant « ${raw} » illisible`);
  if (n < 0) return fail(`montant « ${raw} » négatif ; attendu un montant positif en euros`);
  if (Math.abs(Math.round(n * 100) - n * 100) > 1e-6 * Math.max(1, n)) {
    return fail(`montant « ${raw} » : deux décimales au plus (centimes)`);
  }
  return ok(Math.round(n * 100) / 100);
}

// ---------------------------------------------------------------------------------------------
// Dates

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string | undefined => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
};

/** Excel serial day number (1900 date system, with its fictitious 29/02/1900) → ISO date. */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

const DATE_HELP = 'attendu une date comme « 12/03/2024 » ou « 2024-03-12 »';

/**
 * A date: « 12/03/2024 » (day first, French), « 12-03-2024 », « 12.03.2024 », « 2024-03-12 »
 * (also with a time part), two-digit years (« 12/03/24 » → 2024), an Excel serial number, or a Date
 * object (read with its UTC calendar day, which is how spreadsheet libraries build them).
 */
export function parseDate(cell: unknown): Parsed<string | null> {
  const value = cellValue(cell);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail(`date invalide ; ${DATE_HELP}`);
    return ok(iso(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate())!);
  }
  if (typeof value === 'number') {
    const result = excelSerialToIso(value);
    return result ? ok(result) : fail(`date « ${value} » invalide ; ${DATE_HELP}`);
  }
  const raw = cellText(value);
  if (raw === '') return ok(null);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(raw);
  if (m) {
    const result = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    return result ? ok(result) : fail(`date « ${raw} » invalide ; ${DATE_HELP}`);
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s.*)?$/.exec(raw);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const result = iso(year, Number(m[2]), Number(m[1]));
    return result ? ok(result) : fail(`date « ${raw} » invalide ; ${DATE_HELP}`);
  }
  if (/^\d+(\.\d+)?$/.test(raw)) {
    const result = excelSerialToIso(Number(raw));
    if (result && Number(raw) > 10000) return ok(result);
  }
  return fail(`date « ${raw} » illisible ; ${DATE_HELP}`);
}

// ---------------------------------------------------------------------------------------------
// Territoire

export interface TiLookup {
  /** The TI id named by a cell: an id (« ti-8405 ») or a name, whatever the case, accents, dashes. */
  resolve(reference: string): string | undefined;
}

/** Builds the lookup from the référentiel (the caller reads it; this stays pure). */
export function createTiLookup(territories: readonly { id: string; nom: string }[]): TiLookup {
  // A name shared by two territories resolves to nothing rather than to the wrong one.
  const byKey = new Map<string, string | null>();
  const add = (key: string, id: string) => {
    const known = byKey.get(key);
    byKey.set(key, known === undefined || known === id ? id : null);
  };
  for (const t of territories) add(normalizeText(t.nom), t.id);
  // Ids win over names.
  for (const t of territories) byKey.set(normalizeText(t.id), t.id);
  return { resolve: (reference) => byKey.get(normalizeText(reference)) ?? undefined };
}
