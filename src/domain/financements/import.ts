// Import of laureates and Rebond missions from spreadsheet rows. A laureate is placed in its TI from
// its commune code, or from its SIREN when the commune is missing. An unknown commune or SIREN is an
// error; a known commune outside every TI is not: the laureate is kept with `horsTi` and reported in
// `horsTi` so that the platform can show the ones it could not attach to a territory.

import {
  type Cells,
  type ColumnDef,
  formatNumber,
  type ImportOptions,
  type ImportResult,
  importRows,
  quote,
  type RowsInput,
} from '../shared/import-kit';
import type { PlaceLookup } from '../territoires/places';
import type { Laureate, RebondMission } from './types';
import { DISPOSITIFS, type DispositifCode, FILIERES } from './vocabulary';

export const LAUREATE_COLUMNS = [
  { key: 'id', label: 'Identifiant', synonyms: ['ID', 'Référence', 'N° dossier', 'Numéro de dossier'] },
  { key: 'dispositif', label: 'Dispositif', synonyms: ['Mesure', 'Programme', "Type d'aide", 'Fonds'] },
  {
    key: 'beneficiaire',
    label: 'Bénéficiaire',
    required: true,
    synonyms: [
      'Entreprise',
      'Porteur',
      'Porteur de projet',
      'Raison sociale',
      'Structure',
      'Lauréat',
      'Organisme',
    ],
  },
  { key: 'siren', label: 'SIREN', synonyms: ['SIRET', 'N° SIREN', 'Numéro SIREN', 'SIREN du bénéficiaire'] },
  { key: 'projet', label: 'Projet', synonyms: ['Intitulé du projet', 'Nom du projet', 'Objet', 'Intitulé'] },
  {
    key: 'commune',
    label: 'Code commune',
    synonyms: ['Code INSEE', 'INSEE', 'Code commune INSEE', 'code_insee', 'insee_com'],
  },
  {
    key: 'subvention',
    label: 'Subvention (€)',
    required: true,
    synonyms: ['Subvention', "Montant de l'aide", 'Aide accordée', 'Montant subvention', 'Montant', 'Aide'],
  },
  {
    key: 'investissement',
    label: 'Investissement (€)',
    synonyms: [
      "Montant de l'investissement",
      'Investissement total',
      'Coût total',
      'Coût du projet',
      'Assiette',
    ],
  },
  {
    key: 'emploisPrevus',
    label: 'Emplois prévus',
    synonyms: ["Créations d'emplois", 'Emplois créés', 'Créations prévisionnelles', 'Emplois prévisionnels'],
  },
  {
    key: 'emploisConditionnes',
    label: 'Emplois conditionnés',
    synonyms: ["Emplois conditionnés par l'aide", 'Dont emplois conditionnés', 'Emplois conditionnés aides'],
  },
  { key: 'filiere', label: 'Filière', synonyms: ['Catégorie de filière', 'Chaîne de valeur', 'Catégorie'] },
  {
    key: 'attenuationClimat',
    label: 'Atténuation du changement climatique',
    synonyms: ['Atténuation climat', 'Climat', 'Contribue à l’atténuation du changement climatique'],
  },
  {
    key: 'economieCirculaire',
    label: 'Économie circulaire',
    synonyms: ['Transition vers une économie circulaire', 'Contribue à l’économie circulaire', 'Circularité'],
  },
  { key: 'annee', label: 'Année', synonyms: ['Millésime', "Année de l'aide", "Année d'attribution"] },
  { key: 'mission', label: 'Mission Rebond', synonyms: ['Identifiant mission', 'Mission', 'ID mission'] },
  { key: 'actions', label: 'Actions liées', synonyms: ['Actions', 'Fiches action', 'Identifiants actions'] },
] as const satisfies readonly ColumnDef[];
type LaureateKey = (typeof LAUREATE_COLUMNS)[number]['key'];

export interface LaureateImportContext extends ImportOptions {
  places: PlaceLookup;
  /** Scheme of a file that has no « Dispositif » column (e.g. an export of the Fonds vert alone). */
  dispositif?: DispositifCode;
  /** Year of a file that has no « Année » column. */
  annee?: number;
  /** Prefix of the ids given to rows without one (default « import »). */
  idPrefix?: string;
}

export interface LaureateImportResult extends ImportResult<Laureate> {
  /** Laureates whose commune exists but lies outside every TI: imported, but not attached to a TI. */
  horsTi: { line: number; beneficiaire: string; communeInsee: string; communeNom: string }[];
}

export function parseLaureateRows(rows: RowsInput, ctx: LaureateImportContext): LaureateImportResult {
  const horsTi: LaureateImportResult['horsTi'] = [];
  const result = importRows(
    rows,
    LAUREATE_COLUMNS,
    (cells, line) => {
      const laureate = readLaureate(cells, line, ctx);
      if (laureate?.horsTi)
        horsTi.push({
          line,
          beneficiaire: laureate.beneficiaire,
          communeInsee: laureate.communeInsee,
          communeNom: laureate.communeNom,
        });
      return laureate;
    },
    ctx,
  );
  // A row with an error is not imported, so it is not reported as « hors TI » either.
  const failed = new Set(result.errors.map((error) => error.line));
  return { ...result, horsTi: horsTi.filter((entry) => !failed.has(entry.line)) };
}

function readLaureate(
  cells: Cells<LaureateKey>,
  line: number,
  ctx: LaureateImportContext,
): Laureate | undefined {
  let dispositif: DispositifCode | null | undefined = ctx.dispositif ?? null;
  if (cells.has('dispositif') || !ctx.dispositif) dispositif = cells.choice('dispositif', DISPOSITIFS, true);
  const beneficiaire = cells.text('beneficiaire', true);
  const siren = cells.siren('siren');
  const place = placeLaureate(cells, ctx.places, siren);
  const subvention = cells.number('subvention', { required: true, expected: 'un montant en euros' });
  const investissement = cells.number('investissement', { expected: 'un montant en euros' });
  const emploisPrevus = cells.number('emploisPrevus', {
    integer: true,
    expected: "un nombre entier d'emplois",
  });
  const emploisConditionnes = cells.number('emploisConditionnes', {
    integer: true,
    expected: "un nombre entier d'emplois",
  });
  const filiere = cells.choice('filiere', FILIERES);
  const attenuationClimat = cells.boolean('attenuationClimat');
  const economieCirculaire = cells.boolean('economieCirculaire');
  const annee =
    cells.has('annee') || ctx.annee === undefined ? cells.year('annee', { required: true }) : ctx.annee;
  if (
    typeof subvention === 'number' &&
    typeof investissement === 'number' &&
    investissement > 0 &&
    subvention > investissement
  )
    cells.error(
      'subvention',
      `la subvention (${formatNumber(subvention)} €) dépasse l'investissement (${formatNumber(investissement)} €)`,
    );
  if (
    typeof emploisPrevus === 'number' &&
    typeof emploisConditionnes === 'number' &&
    emploisConditionnes > emploisPrevus
  )
    cells.error(
      'emploisConditionnes',
      `${emploisConditionnes} emplois conditionnés pour ${emploisPrevus} emplois prévus ; attendu au plus ${emploisPrevus}`,
    );
  if (
    !dispositif ||
    !beneficiaire ||
    !place ||
    subvention == null ||
    investissement === undefined ||
    emploisPrevus === undefined ||
    emploisConditionnes === undefined ||
    filiere === undefined ||
    attenuationClimat === undefined ||
    economieCirculaire === undefined ||
    annee == null
  )
    return undefined;
  return {
    id: cells.text('id') ?? `${ctx.idPrefix ?? 'import'}-${line}`,
    dispositif,
    beneficiaire,
    siren: siren ?? null,
    projet: cells.text('projet') ?? '',
    ...place,
    subventionEuros: subvention,
    investissementEuros: investissement,
    emploisPrevus,
    emploisConditionnes,
    filiere,
    attenuationClimat,
    economieCirculaire,
    annee,
    missionId: cells.text('mission') ?? null,
    actionIds: cells.list('actions'),
    demo: false,
  };
}

type Place = Pick<Laureate, 'communeInsee' | 'communeNom' | 'dep' | 'reg' | 'tiId' | 'horsTi'>;

/**
 * Commune first; SIREN when the commune is missing. When the commune is given, the SIREN is only
 * checked for its form: the platform's list of companies is never complete, the commune is enough.
 */
function placeLaureate(
  cells: Cells<LaureateKey>,
  places: PlaceLookup,
  siren: string | null | undefined,
): Place | undefined {
  if (cells.has('commune')) {
    const insee = cells.insee('commune');
    if (!insee) return undefined;
    return placeFromCommune(cells, places, insee, 'commune');
  }
  if (siren === undefined) return undefined; // already reported as invalid
  if (siren === null)
    return cells.error(
      'commune',
      'valeur manquante ; attendu un code commune INSEE, ou à défaut un SIREN connu',
    );
  const known = places.siren?.(siren);
  if (!known)
    return cells.error('siren', `SIREN ${quote(siren)} inconnu ; attendu le SIREN d'un établissement connu`);
  if (known.communeInsee) return placeFromCommune(cells, places, known.communeInsee, 'siren');
  const territory = known.tiId ? places.territory?.(known.tiId) : undefined;
  if (!territory)
    return cells.error(
      'siren',
      `SIREN ${quote(siren)} sans commune ni territoire connus ; ajoutez le code commune`,
    );
  // Placed in a TI without a commune: the TI's region is known, its département is not.
  return { communeInsee: '', communeNom: '', dep: '', reg: territory.reg, tiId: territory.id, horsTi: false };
}

function placeFromCommune(
  cells: Cells<LaureateKey>,
  places: PlaceLookup,
  insee: string,
  via: 'commune' | 'siren',
): Place | undefined {
  const commune = places.commune(insee);
  if (!commune)
    return via === 'commune'
      ? cells.error(
          'commune',
          `code commune ${quote(insee)} inconnu ; attendu un code commune INSEE existant`,
        )
      : cells.error('siren', `le SIREN renvoie à la commune ${quote(insee)}, inconnue du référentiel`);
  return {
    communeInsee: insee,
    communeNom: commune.nom,
    dep: commune.dep,
    reg: commune.reg,
    tiId: commune.tiId,
    horsTi: commune.tiId === null,
  };
}

export const REBOND_MISSION_COLUMNS = [
  { key: 'id', label: 'Identifiant', synonyms: ['ID', 'Référence', 'Mission Rebond', 'Identifiant mission'] },
  {
    key: 'territoire',
    label: "Territoire d'industrie",
    required: true,
    synonyms: ['TI', 'Territoire', 'id_ti'],
  },
  { key: 'nom', label: 'Mission', synonyms: ['Nom', 'Intitulé', 'Nom de la mission'] },
  { key: 'annee', label: 'Année', synonyms: ['Millésime', 'Année de lancement'] },
  { key: 'entretiens', label: 'Entretiens réalisés', synonyms: ['Entretiens', "Nombre d'entretiens"] },
  {
    key: 'projets',
    label: 'Projets recensés',
    synonyms: ['Projets identifiés', 'Projets', 'Nombre de projets'],
  },
  {
    key: 'investissements',
    label: 'Investissements recensés (€)',
    synonyms: ['Investissements identifiés', 'Investissements', 'Montant des investissements'],
  },
  {
    key: 'emplois',
    label: 'Emplois recensés',
    synonyms: ['Emplois identifiés', 'Emplois', 'Emplois à 3-5 ans'],
  },
  {
    key: 'entreprises',
    label: 'Entreprises soutenues',
    synonyms: ['Entreprises accompagnées', 'Projets soutenus', 'Lauréats'],
  },
  {
    key: 'enveloppe',
    label: 'Enveloppe Rebond (€)',
    required: true,
    synonyms: ['Enveloppe', 'Subventions', 'Subventions attribuées', 'Enveloppe Rebond'],
  },
  {
    key: 'ingenierie',
    label: 'Ingénierie (€)',
    synonyms: ['Coût de la mission', "Coût de l'ingénierie", 'Ingénierie'],
  },
] as const satisfies readonly ColumnDef[];

export interface RebondMissionImportContext extends ImportOptions {
  places: Required<Pick<PlaceLookup, 'territory'>>;
  idPrefix?: string;
}

export function parseRebondMissionRows(
  rows: RowsInput,
  ctx: RebondMissionImportContext,
): ImportResult<RebondMission> {
  return importRows(
    rows,
    REBOND_MISSION_COLUMNS,
    (cells, line) => {
      const tiText = cells.text('territoire', true);
      const territory = tiText ? ctx.places.territory(tiText) : undefined;
      if (tiText && !territory)
        cells.error(
          'territoire',
          `territoire ${quote(tiText)} inconnu ; attendu un identifiant (ti-…) ou un nom de TI`,
        );
      const count = (key: 'entretiens' | 'projets' | 'emplois' | 'entreprises') =>
        cells.number(key, { integer: true, expected: 'un nombre entier' });
      const entretiens = count('entretiens');
      const projets = count('projets');
      const emplois = count('emplois');
      const entreprises = count('entreprises');
      const investissements = cells.number('investissements', { expected: 'un montant en euros' });
      const enveloppe = cells.number('enveloppe', { required: true, expected: 'un montant en euros' });
      const ingenierie = cells.number('ingenierie', { expected: 'un montant en euros' });
      const annee = cells.year('annee');
      if (
        !territory ||
        entretiens === undefined ||
        projets === undefined ||
        emplois === undefined ||
        entreprises === undefined ||
        investissements === undefined ||
        enveloppe == null ||
        ingenierie === undefined ||
        annee === undefined
      )
        return undefined;
      return {
        id: cells.text('id') ?? `${ctx.idPrefix ?? 'import'}-${line}`,
        tiId: territory.id,
        reg: territory.reg,
        nom: cells.text('nom') ?? `Mission Rebond industriel — ${territory.nom}`,
        annee: annee ?? 2024,
        entretiens: entretiens ?? 0,
        projetsRecenses: projets ?? 0,
        investissementsRecensesEuros: investissements ?? 0,
        emploisRecenses: emplois ?? 0,
        entreprisesSoutenues: entreprises ?? 0,
        enveloppeEuros: enveloppe,
        ingenierieEuros: ingenierie,
        demo: false,
      };
    },
    ctx,
  );
}
