import {
  type Action,
  type ActionField,
  type ActionInput,
  axeLabel,
  statutLabel,
  thematiqueLabel,
} from '../../domain/actions';
import type { ActionRow } from './store';
import type { TiDirectory } from './territories';

// The public shape of an action sheet: French camelCase keys, codes with their labels. The domain
// field names (English) never leave the server.

/** API key of each domain field (also used in history entries and conflict details). */
export const API_KEYS: Record<ActionField, string> = {
  tiId: 'territoire',
  title: 'intitule',
  description: 'description',
  axe: 'axe',
  thematiques: 'thematiques',
  statut: 'statut',
  owner: 'porteur',
  partners: 'partenaires',
  plannedBudget: 'budgetPrevisionnel',
  fundingObtained: 'financementsObtenus',
  startDate: 'dateDebut',
  endDate: 'dateFin',
  filiere: 'filiere',
  tags: 'etiquettes',
  externalRef: 'referenceExterne',
};
export const FIELD_OF_KEY = new Map(Object.entries(API_KEYS).map(([f, k]) => [k, f as ActionField]));

/** French label of each field (history timeline, conflict screen, messages). */
export const FIELD_LABELS: Record<ActionField, string> = {
  tiId: 'Territoire',
  title: 'Intitulé',
  description: 'Description',
  axe: 'Axe',
  thematiques: 'Thématiques',
  statut: 'Statut',
  owner: 'Porteur',
  partners: 'Partenaires',
  plannedBudget: 'Budget prévisionnel',
  fundingObtained: 'Financements obtenus',
  startDate: 'Date de début',
  endDate: 'Date de fin',
  filiere: 'Filière',
  tags: 'Étiquettes',
  externalRef: 'Référence externe',
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function territoireRef(directory: TiDirectory, id: string) {
  const t = directory.byId.get(id);
  return { id, nom: t?.nom ?? id };
}
export function regionRef(directory: TiDirectory, code: string) {
  return { code, nom: directory.regions.get(code) ?? code };
}

/** One line of a list: no description, no lists of partners or tags. */
export function presentItem(row: ActionRow, directory: TiDirectory) {
  return {
    id: row.id,
    territoire: territoireRef(directory, row.territoire_id),
    region: regionRef(directory, row.region_code),
    intitule: row.title,
    axe: row.axe,
    axeLibelle: axeLabel(row.axe),
    thematiques: row.thematiques,
    statut: row.statut,
    statutLibelle: statutLabel(row.statut),
    porteur: row.owner,
    budgetPrevisionnel: row.planned_budget,
    financementsObtenus: row.funding_obtained,
    dateDebut: row.start_date,
    dateFin: row.end_date,
    referenceExterne: row.external_ref,
    version: row.version,
    modifieLe: iso(row.updated_at),
    archivee: row.archived_at !== null,
    demo: row.demo,
  };
}

/** The whole sheet. */
export function presentAction(row: ActionRow, directory: TiDirectory) {
  return {
    ...presentItem(row, directory),
    description: row.description,
    thematiquesLibelles: row.thematiques.map(thematiqueLabel),
    partenaires: row.partners,
    filiere: row.filiere,
    etiquettes: row.tags,
    creeLe: iso(row.created_at),
    archiveeLe: iso(row.archived_at),
    revueLe: iso(row.last_reviewed_at),
  };
}

/** A field value as the API shows it (the same shapes as the sheet). */
export const apiValue = (_field: ActionField, value: unknown) => value ?? null;

/** Domain input from an API body (French keys); only the keys present are returned. */
export function inputFromBody(body: Record<string, unknown>): Partial<ActionInput> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const field = FIELD_OF_KEY.get(key);
    if (field) out[field] = value;
  }
  return out as Partial<ActionInput>;
}

/** Plain domain Action of a row, for diffs. */
export type { Action };
