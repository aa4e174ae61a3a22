// Import of sites clés en main and land needs from spreadsheet rows (same tolerance, preview and
// all-or-nothing rule as the action plans: the caller saves nothing while `errors` is not empty).

import {
  type ColumnDef,
  type ImportOptions,
  type ImportResult,
  importRows,
  quote,
  type RowsInput,
} from '../shared/import-kit';
import type { PlaceLookup } from '../territoires/places';
import type { LandNeed, Site } from './types';
import { ATELIERS, BESOIN_TYPES, MATURITES } from './vocabulary';

export const SITE_COLUMNS = [
  { key: 'id', label: 'Identifiant', synonyms: ['ID', 'Référence'] },
  { key: 'nom', label: 'Site', required: true, synonyms: ['Nom du site', 'Nom', 'Intitulé'] },
  {
    key: 'commune',
    label: 'Code commune',
    required: true,
    synonyms: ['Code INSEE', 'INSEE', 'Code commune INSEE', 'code_insee', 'insee_com'],
  },
  {
    key: 'surface',
    label: 'Surface (ha)',
    required: true,
    synonyms: ['Surface', 'Superficie', 'Surface en hectares'],
  },
  { key: 'maturite', label: 'Maturité', required: true, synonyms: ['Niveau de maturité', 'Disponibilité'] },
  {
    key: 'recyclage',
    label: 'Recyclage foncier',
    synonyms: ['Recyclage', 'Friche', 'Site en recyclage foncier', 'Dynamique de recyclage foncier'],
  },
  {
    key: 'atelier',
    label: "Atelier d'accompagnement",
    synonyms: ['Atelier', 'Atelier tenu', 'Atelier réalisé'],
  },
  {
    key: 'feuilleDeRoute',
    label: 'Feuille de route restituée',
    synonyms: ['Feuille de route', 'Feuille de route remise', 'Restitution'],
  },
] as const satisfies readonly ColumnDef[];

export interface SiteImportContext extends ImportOptions {
  places: Pick<PlaceLookup, 'commune'>;
  idPrefix?: string;
}

export interface SiteImportResult extends ImportResult<Site> {
  /** Sites whose commune exists but lies outside every TI: imported, reported, not attached. */
  horsTi: { line: number; nom: string; communeInsee: string; communeNom: string }[];
}

export function parseSiteRows(rows: RowsInput, ctx: SiteImportContext): SiteImportResult {
  const horsTi: SiteImportResult['horsTi'] = [];
  const result = importRows(
    rows,
    SITE_COLUMNS,
    (cells, line) => {
      const nom = cells.text('nom', true);
      const insee = cells.insee('commune', true);
      const commune = insee ? ctx.places.commune(insee) : undefined;
      if (insee && !commune)
        cells.error(
          'commune',
          `code commune ${quote(insee)} inconnu ; attendu un code commune INSEE existant`,
        );
      const surface = cells.number('surface', { required: true, expected: 'une surface en hectares' });
      if (surface === 0)
        cells.error('surface', 'surface nulle ; attendu une surface en hectares supérieure à 0');
      const maturite = cells.choice('maturite', MATURITES, true);
      const recyclage = cells.boolean('recyclage');
      // « Oui » / « Non » are accepted for the workshop too (synonyms of « tenu » / « à venir »).
      const atelier = cells.choice('atelier', ATELIERS);
      const feuilleDeRoute = cells.boolean('feuilleDeRoute');
      if (
        !nom ||
        !commune ||
        !insee ||
        !surface ||
        !maturite ||
        recyclage === undefined ||
        atelier === undefined ||
        feuilleDeRoute === undefined
      )
        return undefined;
      if (commune.tiId === null) horsTi.push({ line, nom, communeInsee: insee, communeNom: commune.nom });
      return {
        id: cells.text('id') ?? `${ctx.idPrefix ?? 'import'}-${line}`,
        nom,
        communeInsee: insee,
        communeNom: commune.nom,
        dep: commune.dep,
        reg: commune.reg,
        tiId: commune.tiId,
        horsTi: commune.tiId === null,
        surfaceHa: surface,
        maturite,
        recyclageFoncier: recyclage ?? false,
        atelier: atelier ?? (feuilleDeRoute ? 'tenu' : 'a-venir'),
        feuilleDeRoute: feuilleDeRoute ?? false,
        demo: false,
      };
    },
    ctx,
  );
  const failed = new Set(result.errors.map((error) => error.line));
  return { ...result, horsTi: horsTi.filter((entry) => !failed.has(entry.line)) };
}

export const LAND_NEED_COLUMNS = [
  { key: 'id', label: 'Identifiant', synonyms: ['ID', 'Référence'] },
  {
    key: 'territoire',
    label: "Territoire d'industrie",
    required: true,
    synonyms: ['TI', 'Territoire', 'id_ti'],
  },
  {
    key: 'libelle',
    label: 'Besoin',
    required: true,
    synonyms: ['Intitulé', 'Libellé', 'Description', 'Projet'],
  },
  { key: 'type', label: 'Nature du besoin', synonyms: ['Type', 'Nature', 'Type de besoin'] },
  {
    key: 'surface',
    label: 'Surface (ha)',
    required: true,
    synonyms: ['Surface', 'Surface recherchée', 'Besoin en hectares', 'Superficie'],
  },
  { key: 'echeance', label: 'Échéance', synonyms: ['Horizon', 'Année', 'Année de besoin'] },
  { key: 'action', label: 'Action liée', synonyms: ['Action', 'Fiche action', 'Identifiant action'] },
] as const satisfies readonly ColumnDef[];

export interface LandNeedImportContext extends ImportOptions {
  places: Required<Pick<PlaceLookup, 'territory'>>;
  idPrefix?: string;
}

export function parseLandNeedRows(rows: RowsInput, ctx: LandNeedImportContext): ImportResult<LandNeed> {
  return importRows(
    rows,
    LAND_NEED_COLUMNS,
    (cells, line) => {
      const tiText = cells.text('territoire', true);
      const territory = tiText ? ctx.places.territory(tiText) : undefined;
      if (tiText && !territory)
        cells.error(
          'territoire',
          `territoire ${quote(tiText)} inconnu ; attendu un identifiant (ti-…) ou un nom de TI`,
        );
      const libelle = cells.text('libelle', true);
      const type = cells.choice('type', BESOIN_TYPES);
      const surface = cells.number('surface', { required: true, expected: 'une surface en hectares' });
      if (surface === 0)
        cells.error('surface', 'surface nulle ; attendu une surface en hectares supérieure à 0');
      const echeance = cells.year('echeance', { min: 2023, max: 2050 });
      if (!territory || !libelle || type === undefined || !surface || echeance === undefined)
        return undefined;
      return {
        id: cells.text('id') ?? `${ctx.idPrefix ?? 'import'}-${line}`,
        tiId: territory.id,
        reg: territory.reg,
        libelle,
        type,
        surfaceHa: surface,
        echeance,
        actionId: cells.text('action') ?? null,
        demo: false,
      };
    },
    ctx,
  );
}
