/**
 * Region colours of the national map. Paul Tol's "light" qualitative scheme, built to stay
 * distinguishable for colour-blind readers and to carry dark outlines; 8 colours for 18 regions,
 * assigned so that two neighbouring regions never share one (the overseas regions sit in separate
 * insets). The legend and the region outlines carry the same information without colour.
 */
export const REGION_COLOURS: Record<string, string> = {
  '01': '#EEDD88', // Guadeloupe
  '02': '#EE8866', // Martinique
  '03': '#44BB99', // Guyane
  '04': '#FFAABB', // La Réunion
  '06': '#99DDFF', // Mayotte
  '11': '#EEDD88', // Île-de-France
  '24': '#FFAABB', // Centre-Val de Loire
  '27': '#77AADD', // Bourgogne-Franche-Comté
  '28': '#EE8866', // Normandie
  '32': '#99DDFF', // Hauts-de-France
  '44': '#44BB99', // Grand Est
  '52': '#BBCC33', // Pays de la Loire
  '53': '#77AADD', // Bretagne
  '75': '#99DDFF', // Nouvelle-Aquitaine
  '76': '#EE8866', // Occitanie
  '84': '#BBCC33', // Auvergne-Rhône-Alpes
  '93': '#77AADD', // Provence-Alpes-Côte d'Azur
  '94': '#44BB99', // Corse
};

export const FALLBACK_COLOUR = '#DDDDDD';

export const regionColour = (code: string) => REGION_COLOURS[code] ?? FALLBACK_COLOUR;

/** MapLibre `match` expression on the feature's `reg` property. */
export function regionColourExpression(): unknown[] {
  return ['match', ['get', 'reg'], ...Object.entries(REGION_COLOURS).flat(), FALLBACK_COLOUR];
}

/** The map's own source line, printed under every national map. */
export const MAP_SOURCE = {
  libelle: 'périmètres des Territoires d’industrie',
  producteur: 'ANCT',
  date: 'septembre 2024',
  licence: 'Licence Ouverte 2.0',
};

/** Source of the territory maps: TI outline and the contours of its member intercommunalités. */
export const MEMBERS_MAP_SOURCES = [
  MAP_SOURCE,
  {
    libelle: 'Admin Express COG 2018, contours des intercommunalités recomposés au COG 2023',
    producteur: 'IGN',
    date: '2018',
    licence: 'Licence Ouverte 2.0',
  },
];
