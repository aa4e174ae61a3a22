// Import of the governance from spreadsheet rows: binôme members, chefs de projet, regional
// coordinators and events. Same tolerance, preview and all-or-nothing rule as the action plans.

import {
  type Cells,
  type ColumnDef,
  type ImportOptions,
  type ImportResult,
  importRows,
  matchVocabulary,
  quote,
  type RowsInput,
} from '../shared/import-kit';
import type { PlaceLookup, TerritoryInfo } from '../territoires/places';
import type { BinomeMember, ChefDeProjet, Coordinator, GovernanceEvent } from './types';
import { EVENT_KINDS, eventKindLabel, eventScope, FONCTIONS, MEMBER_KINDS, TAILLES } from './vocabulary';

export interface GouvernanceImportContext extends ImportOptions {
  places: Required<Pick<PlaceLookup, 'territory' | 'region'>>;
  idPrefix?: string;
}

const TERRITORY_COLUMN = {
  key: 'territoire',
  label: "Territoire d'industrie",
  required: true,
  synonyms: ['TI', 'Territoire', 'id_ti', 'Identifiant TI'],
} as const;
const PERSON_COLUMNS = [
  { key: 'id', label: 'Identifiant', synonyms: ['ID', 'Référence'] },
  { key: 'prenom', label: 'Prénom', synonyms: ['Prenom', 'First name'] },
  { key: 'nom', label: 'Nom', required: true, synonyms: ['Nom de famille', 'Nom et prénom', 'Prénom Nom'] },
  {
    key: 'email',
    label: 'Courriel',
    synonyms: ['Email', 'E-mail', 'Adresse électronique', 'Mail', 'Adresse mail'],
  },
  {
    key: 'telephone',
    label: 'Téléphone',
    synonyms: ['Tél', 'Tel', 'Téléphone portable', 'Portable', 'Mobile'],
  },
] as const;

function readTerritory<K extends string>(
  cells: Cells<K | 'territoire'>,
  places: GouvernanceImportContext['places'],
): TerritoryInfo | undefined {
  const text = cells.text('territoire', true);
  if (!text) return undefined;
  const territory = places.territory(text);
  if (!territory)
    return cells.error(
      'territoire',
      `territoire ${quote(text)} inconnu ; attendu un identifiant (ti-…) ou un nom de TI`,
    );
  return territory;
}

function readPerson<K extends string>(cells: Cells<K | 'prenom' | 'nom' | 'email' | 'telephone'>) {
  return {
    prenom: cells.text('prenom') ?? null,
    nom: cells.text('nom', true),
    email: cells.email('email'),
    telephone: cells.phone('telephone'),
  };
}

export const BINOME_COLUMNS = [
  ...PERSON_COLUMNS,
  TERRITORY_COLUMN,
  {
    key: 'kind',
    label: 'Type',
    required: true,
    synonyms: ['Collège', 'Élu ou industriel', 'Qualité', 'Rôle'],
  },
  { key: 'mandat', label: 'Mandat', synonyms: ['Fonction élective', 'Mandat électif'] },
  { key: 'collectivite', label: 'Collectivité', synonyms: ['Institution', 'Intercommunalité', 'Commune'] },
  { key: 'entreprise', label: 'Entreprise', synonyms: ['Société', 'Raison sociale', 'Organisation'] },
  {
    key: 'taille',
    label: "Taille d'entreprise",
    synonyms: ['Taille', "Catégorie d'entreprise", 'Type entreprise'],
  },
  { key: 'fonction', label: 'Fonction', synonyms: ["Fonction dans l'entreprise", 'Poste'] },
] as const satisfies readonly ColumnDef[];

export function parseBinomeRows(rows: RowsInput, ctx: GouvernanceImportContext): ImportResult<BinomeMember> {
  return importRows(
    rows,
    BINOME_COLUMNS,
    (cells, line) => {
      const territory = readTerritory(cells, ctx.places);
      const person = readPerson(cells);
      const kind = cells.choice('kind', MEMBER_KINDS, true);
      const mandat = cells.text('mandat') ?? null;
      const entreprise = cells.text('entreprise') ?? null;
      const taille = kind === 'industriel' ? cells.choice('taille', TAILLES) : null;
      if (kind === 'elu' && !mandat)
        cells.error('mandat', "valeur manquante ; attendu le mandat de l'élu (« Maire de … »)");
      if (kind === 'industriel' && !entreprise)
        cells.error('entreprise', "valeur manquante ; attendu l'entreprise de l'industriel");
      // A function outside the programme's list is kept as written (« Autre fonction »), not refused.
      const fonctionText = kind === 'industriel' ? (cells.text('fonction') ?? null) : null;
      const fonction = fonctionText === null ? null : (matchVocabulary(fonctionText, FONCTIONS) ?? 'autre');
      if (!territory || !kind || !person.nom || person.email === undefined || person.telephone === undefined)
        return undefined;
      if (taille === undefined) return undefined;
      return {
        id: cells.text('id') ?? `${ctx.idPrefix ?? 'import'}-${line}`,
        tiId: territory.id,
        reg: territory.reg,
        kind,
        prenom: person.prenom,
        nom: person.nom,
        email: person.email,
        telephone: person.telephone,
        mandat: kind === 'elu' ? mandat : null,
        collectivite: kind === 'elu' ? (cells.text('collectivite') ?? null) : null,
        entreprise: kind === 'industriel' ? entreprise : null,
        taille,
        fonction,
        fonctionLibelle: fonction === 'autre' ? fonctionText : null,
        demo: false,
      };
    },
    ctx,
  );
}

export const CHEF_DE_PROJET_COLUMNS = [
  ...PERSON_COLUMNS,
  TERRITORY_COLUMN,
  {
    key: 'structure',
    label: 'Structure employeuse',
    synonyms: ['Structure', 'Employeur', 'Structure porteuse'],
  },
  {
    key: 'depuis',
    label: 'En poste depuis',
    synonyms: ['Date de prise de poste', 'Prise de poste', "Date d'arrivée"],
  },
  {
    key: 'cofinance',
    label: 'Poste cofinancé',
    synonyms: ['Cofinancé', 'Cofinancement État', 'Cofinancement'],
  },
  {
    key: 'montant',
    label: 'Cofinancement État (€)',
    synonyms: ['Montant du cofinancement', 'Montant cofinancé', 'Subvention État'],
  },
] as const satisfies readonly ColumnDef[];

export function parseChefDeProjetRows(
  rows: RowsInput,
  ctx: GouvernanceImportContext,
): ImportResult<ChefDeProjet> {
  return importRows(
    rows,
    CHEF_DE_PROJET_COLUMNS,
    (cells, line) => {
      const territory = readTerritory(cells, ctx.places);
      const person = readPerson(cells);
      const depuis = cells.date('depuis');
      const cofinance = cells.boolean('cofinance');
      const montant = cells.number('montant', { expected: 'un montant en euros' });
      if (typeof montant === 'number' && montant > 0 && cofinance === false)
        cells.error(
          'montant',
          'montant de cofinancement pour un poste déclaré non cofinancé ; attendu une cellule vide',
        );
      if (
        !territory ||
        !person.nom ||
        person.email === undefined ||
        person.telephone === undefined ||
        depuis === undefined ||
        cofinance === undefined ||
        montant === undefined
      )
        return undefined;
      return {
        id: cells.text('id') ?? `${ctx.idPrefix ?? 'import'}-${line}`,
        tiId: territory.id,
        reg: territory.reg,
        prenom: person.prenom,
        nom: person.nom,
        email: person.email,
        telephone: person.telephone,
        structure: cells.text('structure') ?? null,
        enPosteDepuis: depuis,
        // A co-financing amount says the post is co-financed even when the yes/no column is empty.
        cofinance: cofinance ?? (montant ?? 0) > 0,
        cofinancementEtatEuros: montant,
        demo: false,
      };
    },
    ctx,
  );
}

const REGION_COLUMN = {
  key: 'region',
  label: 'Région',
  synonyms: ['Code région', 'reg', 'insee_reg', 'Région (code)'],
} as const;

export const COORDINATOR_COLUMNS = [
  ...PERSON_COLUMNS,
  { ...REGION_COLUMN, required: true },
  { key: 'structure', label: 'Structure', synonyms: ['Employeur', 'Service', 'Institution'] },
] as const satisfies readonly ColumnDef[];

function readRegion<K extends string>(
  cells: Cells<K | 'region'>,
  places: GouvernanceImportContext['places'],
  required: boolean,
): string | null | undefined {
  const text = cells.text('region', required);
  if (text === null || text === undefined) return text;
  const code = places.region(text);
  if (!code)
    return cells.error(
      'region',
      `région ${quote(text)} inconnue ; attendu un code (« 84 ») ou un nom de région`,
    );
  return code;
}

export function parseCoordinatorRows(
  rows: RowsInput,
  ctx: GouvernanceImportContext,
): ImportResult<Coordinator> {
  return importRows(
    rows,
    COORDINATOR_COLUMNS,
    (cells, line) => {
      const person = readPerson(cells);
      const reg = readRegion(cells, ctx.places, true);
      if (!reg || !person.nom || person.email === undefined || person.telephone === undefined)
        return undefined;
      return {
        id: cells.text('id') ?? `${ctx.idPrefix ?? 'import'}-${line}`,
        reg,
        prenom: person.prenom,
        nom: person.nom,
        email: person.email,
        telephone: person.telephone,
        structure: cells.text('structure') ?? null,
        demo: false,
      };
    },
    ctx,
  );
}

export const EVENT_COLUMNS = [
  { key: 'id', label: 'Identifiant', synonyms: ['ID', 'Référence'] },
  { key: 'kind', label: "Type d'événement", required: true, synonyms: ['Type', 'Nature', 'Instance'] },
  { key: 'titre', label: 'Intitulé', synonyms: ['Titre', 'Objet', 'Thème'] },
  { key: 'date', label: 'Date', required: true, synonyms: ['Date de la réunion', "Date de l'événement"] },
  { ...TERRITORY_COLUMN, required: false },
  REGION_COLUMN,
  {
    key: 'participants',
    label: 'Participants',
    synonyms: ['Nombre de participants', 'Participants (nombre)'],
  },
  {
    key: 'organisations',
    label: 'Organisations représentées',
    synonyms: ['Organisations', 'Structures présentes'],
  },
] as const satisfies readonly ColumnDef[];

export function parseEventRows(
  rows: RowsInput,
  ctx: GouvernanceImportContext,
): ImportResult<GovernanceEvent> {
  return importRows(
    rows,
    EVENT_COLUMNS,
    (cells, line) => {
      const kind = cells.choice('kind', EVENT_KINDS, true);
      const date = cells.date('date', true);
      const participants = cells.number('participants', {
        integer: true,
        expected: 'un nombre entier de participants',
      });
      const scope = kind ? eventScope(kind) : null;
      // A local COPIL belongs to a TI, a regional COPIL to a region; national events to neither.
      let territory: TerritoryInfo | undefined;
      let reg: string | null | undefined = null;
      if (scope === 'ti' && !cells.has('territoire'))
        cells.error(
          'territoire',
          `valeur manquante ; un ${quote(eventKindLabel(kind!))} se rattache à un Territoire d'industrie (identifiant ti-… ou nom)`,
        );
      else if (scope === 'ti') territory = readTerritory(cells, ctx.places);
      if (scope === 'region' && !cells.has('region'))
        reg = cells.error(
          'region',
          `valeur manquante ; un ${quote(eventKindLabel(kind!))} se rattache à une région (code ou nom)`,
        );
      else if (scope === 'region') reg = readRegion(cells, ctx.places, true);
      if (territory) reg = territory.reg;
      if (!kind || !date || participants === undefined || reg === undefined) return undefined;
      if (scope === 'ti' && !territory) return undefined;
      return {
        id: cells.text('id') ?? `${ctx.idPrefix ?? 'import'}-${line}`,
        kind,
        titre: cells.text('titre') ?? '',
        date,
        tiId: territory?.id ?? null,
        reg: scope === 'national' ? null : reg,
        participants,
        organisations: cells.list('organisations'),
        demo: false,
      };
    },
    ctx,
  );
}
