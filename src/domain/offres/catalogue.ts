// The catalogue of support offers: one reviewed YAML file per offer (data/offres/<slug>.yaml),
// checked here field by field. Validation is pure (it takes the already-parsed YAML) and collects
// every problem of a file, each naming the file and the field, so that a broken catalogue is fixed
// in one pass and the server refuses to start rather than serve a half-read offer.

import {
  AXES,
  type AxeCode,
  isAxe,
  isStatut,
  isThematique,
  STATUTS,
  type StatutCode,
  THEMATIQUES,
  type ThematiqueCode,
} from '../actions/vocabulary';
import {
  isNature,
  isOffreStatut,
  isOperateur,
  isPorteur,
  isTerritoire,
  NATURES,
  type NatureCode,
  OFFRE_STATUTS,
  type OffreStatutCode,
  OPERATEURS,
  type OperateurCode,
  PORTEURS,
  type PorteurCode,
  TERRITOIRES,
  type TerritoireCode,
} from './vocabulary';

export interface OfferSource {
  /** The publication the description is drawn from (title, author, date). */
  publication: string;
  /** The seed file it was read in, when it is one of the programme's documents shipped with the project. */
  fichier?: string;
  /** Where in the publication (section, page heading). */
  passage?: string;
  /** Official address, only when the publication itself gives it. */
  url?: string;
}

export interface OfferRules {
  axes: AxeCode[];
  thematiques: ThematiqueCode[];
  /** Stages of an action the offer serves; empty = every stage. */
  statuts: StatutCode[];
  /** Kinds of territory the offer is reserved to; empty = every territory. */
  territoires: TerritoireCode[];
  /** Kinds of action owner the offer fits; empty = any owner. */
  porteurs: PorteurCode[];
}

export interface Offer {
  slug: string;
  titre: string;
  operateur: OperateurCode;
  partenaires: OperateurCode[];
  nature: NatureCode[];
  resume: string;
  description: string;
  beneficiaires: string;
  pour: PorteurCode[];
  montants: { texte: string; min?: number; max?: number };
  conditions: string;
  candidater: string;
  statut: OffreStatutCode;
  /** Why the offer has this status, or what is expected next. */
  statutPrecision?: string;
  /** ISO dates (AAAA-MM-JJ). */
  ouverture?: string;
  cloture?: string;
  regles: OfferRules;
  motsCles: string[];
  sources: OfferSource[];
  /** ISO date of the last review of the file. */
  miseAJour: string;
}

export interface OfferIssue {
  file: string;
  /** Dotted path of the field in the file, e.g. `regles.thematiques[1]`; empty for the whole file. */
  field: string;
  message: string;
}

export const formatOfferIssue = (issue: OfferIssue): string =>
  issue.field
    ? `${issue.file}, champ « ${issue.field} » : ${issue.message}`
    : `${issue.file} : ${issue.message}`;

export class OfferFileError extends Error {
  constructor(readonly issues: OfferIssue[]) {
    super(issues.map(formatOfferIssue).join('\n'));
    this.name = 'OfferFileError';
  }
}

export type OfferValidation = { ok: true; offer: Offer } | { ok: false; issues: OfferIssue[] };

const TOP_LEVEL_FIELDS = [
  'slug',
  'titre',
  'operateur',
  'partenaires',
  'nature',
  'resume',
  'description',
  'beneficiaires',
  'pour',
  'montants',
  'conditions',
  'candidater',
  'statut',
  'regles',
  'mots_cles',
  'source',
  'mise_a_jour',
] as const;
const RULE_FIELDS = ['axes', 'thematiques', 'statuts', 'territoires', 'porteurs'] as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `offres/friches-industrielles.yaml` → `friches-industrielles`. */
export const slugOfFileName = (fileName: string): string =>
  (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.ya?ml$/i, '');

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

const show = (value: unknown): string => {
  if (typeof value === 'string') return `« ${value} »`;
  if (value === null || value === undefined) return 'vide';
  return `« ${JSON.stringify(value)} »`;
};

const codes = (list: readonly { code: string }[]): string => list.map((item) => item.code).join(', ');

/** Collects issues for one file while reading its fields. */
class Reader {
  readonly issues: OfferIssue[] = [];
  constructor(private readonly file: string) {}

  fail(field: string, message: string): void {
    this.issues.push({ file: this.file, field, message });
  }

  text(data: Record<string, unknown>, key: string, path: string, required = true): string | undefined {
    const value = data[key];
    if (value === undefined || value === null) {
      if (required) this.fail(path, 'champ obligatoire absent');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.fail(path, `texte attendu, trouvé ${show(value)}`);
      return undefined;
    }
    const trimmed = value.trim();
    if (!trimmed) {
      if (required) this.fail(path, 'texte vide');
      return undefined;
    }
    return trimmed;
  }

  date(data: Record<string, unknown>, key: string, path: string, required: boolean): string | undefined {
    const value = data[key];
    if (value === undefined || value === null) {
      if (required) this.fail(path, 'date obligatoire absente (format AAAA-MM-JJ)');
      return undefined;
    }
    // A YAML 1.1 parser may hand a Date over; keep only its calendar day.
    const iso = value instanceof Date ? value.toISOString().slice(0, 10) : value;
    if (typeof iso !== 'string' || !ISO_DATE.test(iso) || Number.isNaN(Date.parse(iso))) {
      this.fail(path, `${show(value)} n'est pas une date au format AAAA-MM-JJ`);
      return undefined;
    }
    return iso;
  }

  amount(data: Record<string, unknown>, key: string, path: string): number | undefined {
    const value = data[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      this.fail(path, `${show(value)} n'est pas un montant en euros (nombre positif)`);
      return undefined;
    }
    return value;
  }

  /** A list of codes from a fixed vocabulary; a single code is accepted as a one-item list. */
  codeList<T extends string>(
    data: Record<string, unknown>,
    key: string,
    path: string,
    vocabulary: { is: (code: string) => code is T; what: string; list: readonly { code: string }[] },
    required: boolean,
  ): T[] {
    const raw = data[key];
    if (raw === undefined || raw === null) {
      if (required) this.fail(path, `liste obligatoire absente ; attendu parmi : ${codes(vocabulary.list)}`);
      return [];
    }
    const items = Array.isArray(raw) ? raw : [raw];
    if (required && items.length === 0) this.fail(path, 'liste vide');
    const result: T[] = [];
    items.forEach((item, index) => {
      const itemPath = Array.isArray(raw) ? `${path}[${index}]` : path;
      if (typeof item !== 'string' || !vocabulary.is(item)) {
        this.fail(
          itemPath,
          `${show(item)} n'est pas ${vocabulary.what} connu${vocabulary.what.startsWith('une') ? 'e' : ''} ; attendu l'un de : ${codes(vocabulary.list)}`,
        );
        return;
      }
      if (result.includes(item)) {
        this.fail(itemPath, `${show(item)} est en double`);
        return;
      }
      result.push(item);
    });
    return result;
  }

  noUnknownFields(data: Record<string, unknown>, known: readonly string[], prefix: string): void {
    for (const key of Object.keys(data)) {
      if (!known.includes(key)) {
        this.fail(`${prefix}${key}`, `champ inconnu ; champs possibles : ${known.join(', ')}`);
      }
    }
  }
}

const AXE_VOCABULARY = { is: isAxe, what: 'un axe', list: AXES };
const THEMATIQUE_VOCABULARY = { is: isThematique, what: 'une thématique', list: THEMATIQUES };
const STATUT_VOCABULARY = { is: isStatut, what: 'un statut d’action', list: STATUTS };
const OPERATEUR_VOCABULARY = { is: isOperateur, what: 'un opérateur', list: OPERATEURS };
const NATURE_VOCABULARY = { is: isNature, what: 'une nature d’offre', list: NATURES };
const PORTEUR_VOCABULARY = { is: isPorteur, what: 'un type de porteur', list: PORTEURS };
const TERRITOIRE_VOCABULARY = { is: isTerritoire, what: 'un type de territoire', list: TERRITOIRES };

/** Checks one offer file's parsed content; returns every issue found, or the typed offer. */
export function validateOffer(fileName: string, data: unknown): OfferValidation {
  const r = new Reader(fileName);
  if (!isRecord(data)) {
    r.fail(
      '',
      'le fichier doit décrire une offre (une table de champs « clé: valeur »), il est vide ou mal formé',
    );
    return { ok: false, issues: r.issues };
  }
  r.noUnknownFields(data, TOP_LEVEL_FIELDS, '');

  const expectedSlug = slugOfFileName(fileName);
  const slug = r.text(data, 'slug', 'slug');
  if (slug !== undefined) {
    if (!SLUG.test(slug)) r.fail('slug', `${show(slug)} : minuscules, chiffres et tirets seulement`);
    else if (slug !== expectedSlug)
      r.fail('slug', `${show(slug)} doit être identique au nom du fichier (« ${expectedSlug} »)`);
  }

  const titre = r.text(data, 'titre', 'titre');
  const operateurs = r.codeList(data, 'operateur', 'operateur', OPERATEUR_VOCABULARY, true);
  if (Array.isArray(data.operateur))
    r.fail('operateur', 'un seul opérateur ; les autres vont dans « partenaires »');
  const partenaires = r.codeList(data, 'partenaires', 'partenaires', OPERATEUR_VOCABULARY, false);
  const nature = r.codeList(data, 'nature', 'nature', NATURE_VOCABULARY, true);
  const resume = r.text(data, 'resume', 'resume');
  const description = r.text(data, 'description', 'description');
  const beneficiaires = r.text(data, 'beneficiaires', 'beneficiaires');
  const pour = r.codeList(data, 'pour', 'pour', PORTEUR_VOCABULARY, true);
  const conditions = r.text(data, 'conditions', 'conditions');
  const candidater = r.text(data, 'candidater', 'candidater');
  const miseAJour = r.date(data, 'mise_a_jour', 'mise_a_jour', true);

  // montants: a text, or { texte, min?, max? }
  let montants: Offer['montants'] | undefined;
  if (typeof data.montants === 'string') {
    montants = { texte: r.text(data, 'montants', 'montants') ?? '' };
  } else if (isRecord(data.montants)) {
    const m = data.montants;
    r.noUnknownFields(m, ['texte', 'min', 'max'], 'montants.');
    const texte = r.text(m, 'texte', 'montants.texte');
    const min = r.amount(m, 'min', 'montants.min');
    const max = r.amount(m, 'max', 'montants.max');
    if (min !== undefined && max !== undefined && min > max)
      r.fail('montants.min', `le minimum (${min}) dépasse le maximum (${max})`);
    montants = { texte: texte ?? '', ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
  } else {
    r.fail('montants', 'champ obligatoire absent (un texte, ou « texte » avec « min » et « max » en euros)');
  }

  // statut: a code, or { etat, precision?, ouverture?, cloture? }
  let statut: OffreStatutCode | undefined;
  let statutPrecision: string | undefined;
  let ouverture: string | undefined;
  let cloture: string | undefined;
  const statutRaw = isRecord(data.statut) ? data.statut.etat : data.statut;
  const statutPath = isRecord(data.statut) ? 'statut.etat' : 'statut';
  if (typeof statutRaw === 'string' && isOffreStatut(statutRaw)) statut = statutRaw;
  else
    r.fail(
      statutPath,
      `${show(statutRaw)} n'est pas un statut d'offre ; attendu l'un de : ${codes(OFFRE_STATUTS)}`,
    );
  if (isRecord(data.statut)) {
    r.noUnknownFields(data.statut, ['etat', 'precision', 'ouverture', 'cloture'], 'statut.');
    statutPrecision = r.text(data.statut, 'precision', 'statut.precision', false);
    ouverture = r.date(data.statut, 'ouverture', 'statut.ouverture', false);
    cloture = r.date(data.statut, 'cloture', 'statut.cloture', false);
    if (ouverture && cloture && ouverture > cloture)
      r.fail('statut.cloture', `la clôture (${cloture}) précède l'ouverture (${ouverture})`);
  }

  // regles
  let regles: OfferRules = { axes: [], thematiques: [], statuts: [], territoires: [], porteurs: [] };
  if (!isRecord(data.regles)) {
    r.fail('regles', 'règles de rapprochement absentes (au moins « axes » ou « thematiques »)');
  } else {
    const g = data.regles;
    r.noUnknownFields(g, RULE_FIELDS, 'regles.');
    regles = {
      axes: r.codeList(g, 'axes', 'regles.axes', AXE_VOCABULARY, false),
      thematiques: r.codeList(g, 'thematiques', 'regles.thematiques', THEMATIQUE_VOCABULARY, false),
      statuts: r.codeList(g, 'statuts', 'regles.statuts', STATUT_VOCABULARY, false),
      territoires: r.codeList(g, 'territoires', 'regles.territoires', TERRITOIRE_VOCABULARY, false),
      porteurs: r.codeList(g, 'porteurs', 'regles.porteurs', PORTEUR_VOCABULARY, false),
    };
    const empty = (value: unknown) => value == null || (Array.isArray(value) && value.length === 0);
    if (empty(g.axes) && empty(g.thematiques))
      r.fail('regles', 'il faut au moins « axes » ou « thematiques » pour rapprocher l’offre des actions');
  }

  // mots_cles: optional list of texts
  const motsCles: string[] = [];
  if (data.mots_cles != null) {
    if (!Array.isArray(data.mots_cles)) r.fail('mots_cles', 'liste de mots attendue');
    else
      data.mots_cles.forEach((word, index) => {
        if (typeof word === 'string' && word.trim()) motsCles.push(word.trim());
        else r.fail(`mots_cles[${index}]`, `${show(word)} n'est pas un mot-clé`);
      });
  }

  // source: one object or a non-empty list of them
  const sources: OfferSource[] = [];
  if (data.source == null)
    r.fail('source', 'source obligatoire absente (publication dont la fiche est tirée)');
  else {
    const list = Array.isArray(data.source) ? data.source : [data.source];
    if (list.length === 0) r.fail('source', 'liste vide');
    list.forEach((item, index) => {
      const path = Array.isArray(data.source) ? `source[${index}]` : 'source';
      if (!isRecord(item)) {
        r.fail(path, 'attendu « publication » (et « fichier », « passage », « url » facultatifs)');
        return;
      }
      r.noUnknownFields(item, ['publication', 'fichier', 'passage', 'url'], `${path}.`);
      const publication = r.text(item, 'publication', `${path}.publication`);
      const fichier = r.text(item, 'fichier', `${path}.fichier`, false);
      const passage = r.text(item, 'passage', `${path}.passage`, false);
      const url = r.text(item, 'url', `${path}.url`, false);
      if (url && !/^https:\/\/[^\s]+$/.test(url))
        r.fail(`${path}.url`, `${show(url)} n'est pas une adresse https`);
      if (publication)
        sources.push({
          publication,
          ...(fichier && { fichier }),
          ...(passage && { passage }),
          ...(url && { url }),
        });
    });
  }

  if (r.issues.length > 0) return { ok: false, issues: r.issues };
  const offer: Offer = {
    slug: slug!,
    titre: titre!,
    operateur: operateurs[0]!,
    partenaires,
    nature,
    resume: resume!,
    description: description!,
    beneficiaires: beneficiaires!,
    pour,
    montants: montants!,
    conditions: conditions!,
    candidater: candidater!,
    statut: statut!,
    ...(statutPrecision && { statutPrecision }),
    ...(ouverture && { ouverture }),
    ...(cloture && { cloture }),
    regles,
    motsCles,
    sources,
    miseAJour: miseAJour!,
  };
  return { ok: true, offer };
}

/** Like validateOffer, but throws an OfferFileError naming the file and every broken field. */
export function parseOffer(fileName: string, data: unknown): Offer {
  const result = validateOffer(fileName, data);
  if (!result.ok) throw new OfferFileError(result.issues);
  return result.offer;
}

/**
 * Validates a whole catalogue: every file, then what only the set can tell (a slug used twice).
 * Returns the offers sorted by slug, or every issue of every file.
 */
export function validateCatalogue(
  files: readonly { fileName: string; data: unknown }[],
): { ok: true; offers: Offer[] } | { ok: false; issues: OfferIssue[] } {
  const issues: OfferIssue[] = [];
  const offers: Offer[] = [];
  const seen = new Map<string, string>();
  for (const { fileName, data } of files) {
    const result = validateOffer(fileName, data);
    if (!result.ok) {
      issues.push(...result.issues);
      continue;
    }
    const previous = seen.get(result.offer.slug);
    if (previous) {
      issues.push({
        file: fileName,
        field: 'slug',
        message: `« ${result.offer.slug} » déjà utilisé par ${previous}`,
      });
      continue;
    }
    seen.set(result.offer.slug, fileName);
    offers.push(result.offer);
  }
  if (files.length === 0)
    issues.push({ file: 'offres/', field: '', message: 'aucune offre dans le catalogue' });
  if (issues.length > 0) return { ok: false, issues };
  offers.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return { ok: true, offers };
}
