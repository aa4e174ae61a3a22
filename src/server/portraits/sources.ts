import { SOURCES as PORTRAIT_SOURCES, type SourceCode } from '../../domain/portraits/sources';
import type { Source } from '../../domain/territoires/source';
import { SOURCES as REFERENTIEL_SOURCES } from '../territoires/sources';

// The portraits' sources in the platform's source shape (producer, dataset, date, licence), as
// printed under every figure, table and map by the web app's SourceNote.

const LO = 'Licence Ouverte / Etalab 2.0';

const FRENCH_DATE = (iso: string | null) => iso ?? 'date de l’import';

export function portraitSource(code: SourceCode, updatedOn?: string | null): Source {
  const s = PORTRAIT_SOURCES[code];
  const [producteur, ...rest] = s.label.split(', ');
  if (code === 'plans_action') {
    return {
      libelle: "plans d'action des Territoires d'industrie (fiches action mises à jour par les territoires)",
      producteur: 'Pilote TI',
      date: 'en continu',
      licence: 'Données de pilotage du programme',
    };
  }
  return {
    libelle: rest.join(', '),
    producteur: producteur!,
    date: FRENCH_DATE(updatedOn ?? s.updatedOn),
    licence: LO,
  };
}

export const PORTRAIT_SOURCE_LIST = (emploiUpdatedOn: string | null): Source[] => [
  portraitSource('urssaf', emploiUpdatedOn),
  portraitSource('dares', emploiUpdatedOn),
  REFERENTIEL_SOURCES.cog2023,
  portraitSource('insee_densite'),
  REFERENTIEL_SOURCES.zonages,
  REFERENTIEL_SOURCES.perimetres,
];
