// The columns of an action-plan file: ONE list used by the export and by the import, so that what
// we write is exactly what we read back. Each column says its French header, how a value is
// written (labels, not codes) and which header spellings an import accepts.

import { type Action, type ActionField, LIST_SEPARATOR } from './action';
import { axeLabel, statutLabel, thematiqueLabel } from './vocabulary';

export type ColumnKey = 'id' | ActionField;

/** What an export writes in one cell. CSV cells are always strings; XLSX keeps numbers and dates. */
export type CellValue = string | number | Date | null;
export type ExportTarget = 'csv' | 'xlsx';

/** An action as exported: its fields plus the platform's identifier when it has one. */
export type ExportableAction = Action & { id?: string | null };

export interface ExportContext {
  /** Name of a TI from its id (« Vallée de l'Arve »); the id itself if unknown. */
  tiName: (tiId: string) => string | undefined;
}

export interface ColumnDef {
  key: ColumnKey;
  /** Header written by the export, in French. */
  header: string;
  /** Other spellings accepted on import (compared with foldHeader: case, accents, plural, € ignored). */
  synonyms: readonly string[];
  format: (action: ExportableAction, ctx: ExportContext, target: ExportTarget) => CellValue;
}

/** Lists are written « a; b; c ». Items never contain « ; » (validateAction refuses it). */
export const joinList = (values: readonly string[]): string => values.join(`${LIST_SEPARATOR} `);

/** 1200000.5 → "1200000,5": French decimal comma, no thousands separator (spreadsheets read it as a number). */
export function formatAmountFr(value: number): string {
  return String(value).replace('.', ',');
}

/** "2024-03-12" → "12/03/2024". */
export function formatDateFr(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const text = (value: string | null) => value ?? '';
const amount = (value: number | null, target: ExportTarget): CellValue =>
  value === null ? (target === 'csv' ? '' : null) : target === 'csv' ? formatAmountFr(value) : value;
// XLSX dates are real dates (UTC midnight), so that a spreadsheet sorts and filters them as dates.
const date = (value: string | null, target: ExportTarget): CellValue =>
  value === null
    ? target === 'csv'
      ? ''
      : null
    : target === 'csv'
      ? formatDateFr(value)
      : new Date(`${value}T00:00:00Z`);

export const ACTION_COLUMNS: readonly ColumnDef[] = [
  {
    key: 'id',
    header: 'Identifiant',
    synonyms: ['ID', 'Id action', 'Identifiant action', "Identifiant de l'action", 'Identifiant Pilote TI'],
    format: (a) => a.id ?? '',
  },
  {
    key: 'tiId',
    header: 'Territoire',
    synonyms: [
      "Territoire d'industrie",
      'TI',
      'Nom TI',
      'Nom du territoire',
      'Code TI',
      'Identifiant TI',
      'id_ti',
      'lib_ti',
      'Territoire (TI)',
    ],
    format: (a, ctx) => ctx.tiName(a.tiId) ?? a.tiId,
  },
  {
    key: 'title',
    header: 'Intitulé',
    synonyms: [
      'Titre',
      "Intitulé de l'action",
      "Titre de l'action",
      "Nom de l'action",
      'Action',
      'Libellé',
      "Libellé de l'action",
      'Nom',
      'Projet',
      'Nom du projet',
    ],
    format: (a) => a.title,
  },
  {
    key: 'description',
    header: 'Description',
    synonyms: ['Descriptif', "Description de l'action", 'Résumé', 'Détail', 'Contenu', 'Objectifs'],
    format: (a) => text(a.description),
  },
  {
    key: 'axe',
    header: 'Axe',
    synonyms: ['Axe stratégique', 'Axe du plan', "Axe du plan d'action", 'Axe thématique', 'Axe prioritaire'],
    format: (a) => axeLabel(a.axe),
  },
  {
    key: 'thematiques',
    header: 'Thématiques',
    synonyms: ['Thématique(s)', 'Thématique', 'Thèmes', 'Thème(s)', 'Thème', 'Sous-thématiques'],
    format: (a) => joinList(a.thematiques.map(thematiqueLabel)),
  },
  {
    key: 'statut',
    header: 'Statut',
    synonyms: [
      'Avancement',
      'État',
      "État d'avancement",
      "Statut d'avancement",
      "Statut de l'action",
      'Situation',
    ],
    format: (a) => statutLabel(a.statut),
  },
  {
    key: 'owner',
    header: 'Porteur',
    synonyms: [
      'Porteur de projet',
      "Porteur de l'action",
      'Nom du porteur',
      'Structure porteuse',
      "Maître d'ouvrage",
      'Maîtrise d’ouvrage',
      'Pilote',
      'Responsable',
    ],
    format: (a) => text(a.owner),
  },
  {
    key: 'partners',
    header: 'Partenaires',
    synonyms: ['Partenaire(s)', 'Partenaire', 'Partenaires associés', 'Acteurs associés'],
    format: (a) => joinList(a.partners),
  },
  {
    key: 'plannedBudget',
    header: 'Budget prévisionnel (€)',
    synonyms: [
      'Budget',
      'Budget prévisionnel',
      'Budget total',
      'Coût',
      'Coût total',
      'Coût estimé',
      'Montant',
      'Montant prévisionnel',
    ],
    format: (a, _ctx, target) => amount(a.plannedBudget, target),
  },
  {
    key: 'fundingObtained',
    header: 'Financements obtenus (€)',
    synonyms: [
      'Financements obtenus',
      'Financement obtenu',
      'Financements acquis',
      'Subventions obtenues',
      'Montant obtenu',
    ],
    format: (a, _ctx, target) => amount(a.fundingObtained, target),
  },
  {
    key: 'startDate',
    header: 'Date de début',
    synonyms: ['Début', 'Date début', 'Date de démarrage', 'Démarrage', 'Date de lancement'],
    format: (a, _ctx, target) => date(a.startDate, target),
  },
  {
    key: 'endDate',
    header: 'Date de fin',
    synonyms: ['Fin', 'Date fin', 'Échéance', "Date d'achèvement", 'Date de fin prévue'],
    format: (a, _ctx, target) => date(a.endDate, target),
  },
  {
    key: 'filiere',
    header: 'Filière',
    synonyms: ['Filière industrielle', 'Filière concernée', 'Secteur', "Secteur d'activité"],
    format: (a) => text(a.filiere),
  },
  {
    key: 'tags',
    header: 'Étiquettes',
    synonyms: ['Étiquette', 'Tags', 'Tag', 'Mots-clés', 'Mots clés', 'Mot-clé'],
    format: (a) => joinList(a.tags),
  },
  {
    key: 'externalRef',
    header: 'Référence externe',
    synonyms: [
      'Réf. externe',
      'Ref externe',
      'Identifiant externe',
      'Id externe',
      'Référence Grist',
      'Id Grist',
      'Référence',
      'Réf.',
    ],
    format: (a) => text(a.externalRef),
  },
];

export const COLUMNS_BY_KEY = new Map(ACTION_COLUMNS.map((c) => [c.key, c]));

/** The header row of an export. */
export const exportHeaders = (): string[] => ACTION_COLUMNS.map((c) => c.header);

/**
 * A CSV opened in a spreadsheet runs a cell starting with = + - @ as a formula (CSV injection).
 * Such text cells are written with a leading « ' », which spreadsheets treat as « this is text »,
 * and which the import takes off again (unprotectFormula), so the round trip stays exact (a text
 * that itself starts with « ' » is protected too, for the same reason). XLSX cells
 * are typed strings and need no protection.
 */
export const protectFormula = (text: string): string => (/^['=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** One export row, in the order of exportHeaders(). */
export function exportRow(action: ExportableAction, ctx: ExportContext, target: ExportTarget): CellValue[] {
  return ACTION_COLUMNS.map((c) => {
    const value = c.format(action, ctx, target);
    return target === 'csv' && typeof value === 'string' ? protectFormula(value) : value;
  });
}
