import type { Source } from '../../domain/territoires/source';

// Provenance of the reference data, shown next to every figure, map and export that uses it
// (Licence Ouverte / Etalab 2.0 asks for the source and the date of its last update).

const LO = 'Licence Ouverte / Etalab 2.0';

export const SOURCES = {
  perimetres: {
    libelle: "Périmètres des Territoires d'industrie (Temps II, mise à jour de septembre 2024)",
    producteur: 'ANCT, service cartographie (superposeur-anct)',
    date: '2024-09-16',
    licence: LO,
  },
  perimetresTemps1: {
    libelle: "Périmètres des Territoires d'industrie (Temps I, 2019-2022)",
    producteur: 'ANCT, service cartographie (superposeur-V2)',
    date: '2023-11-14',
    licence: LO,
  },
  cog: {
    libelle: 'Découpage administratif, communes, EPCI et EPT (COG 2026), populations municipales',
    producteur: 'INSEE, DGCL, via @etalab/decoupage-administratif 6.0.0',
    date: '2026-01-01',
    licence: LO,
  },
  cog2023: {
    libelle: 'Découpage administratif (COG 2023)',
    producteur: 'INSEE, DGCL, via @etalab/decoupage-administratif 3.1.1',
    date: '2023-01-01',
    licence: LO,
  },
  zonages: {
    libelle:
      'Zonages des programmes ANCT (Action cœur de ville, Petites villes de demain, QPV 2024, massifs)',
    producteur: 'ANCT, service cartographie (superposeur-anct)',
    date: '2024-09-16',
    licence: LO,
  },
  grilles: {
    libelle: 'Grille communale de densité, typologie des ruralités, centralités',
    producteur: 'INSEE, ANCT (superposeur-V2, grilles)',
    date: '2026-01-01',
    licence: LO,
  },
} satisfies Record<string, Source>;
