import { Type } from 'typebox';

// OpenAPI descriptions of the référentiel's responses (French keys: this is the public API of a
// French programme's open data).

export const SourceSchema = Type.Object(
  {
    libelle: Type.String(),
    producteur: Type.String(),
    date: Type.String({ format: 'date' }),
    licence: Type.String(),
    url: Type.Optional(Type.String()),
  },
  { $id: 'Source' },
);

const Region = Type.Object({ code: Type.String(), nom: Type.String() });

export const TerritorySummarySchema = Type.Object({
  id: Type.String({
    description: 'Identifiant ti-RRnn (RR = code INSEE de la région)',
    examples: ['ti-8405'],
  }),
  nom: Type.String(),
  region: Region,
  nbMembres: Type.Integer({ description: 'Groupements (EPCI, EPT) et communes isolées membres' }),
  nbCommunes: Type.Integer(),
  population: Type.Integer({ description: 'Population municipale (COG 2026)' }),
});

export const TerritoryListSchema = Type.Object({
  perimetre: Type.Object({ version: Type.String(), date: Type.String(), libelle: Type.String() }),
  total: Type.Integer(),
  items: Type.Array(TerritorySummarySchema),
  sources: Type.Array(Type.Ref('Source')),
});

export const TerritoryIdParams = Type.Object({
  id: Type.String({
    pattern: '^ti-[0-9]{4}$',
    description: 'Identifiant du territoire, par exemple ti-8405',
  }),
});
export const RegionCodeParams = Type.Object({
  code: Type.String({ pattern: '^[0-9]{2}$', description: 'Code INSEE de la région, par exemple 84' }),
});

export const SearchQuery = Type.Object({
  q: Type.String({
    minLength: 2,
    maxLength: 100,
    description: 'Nom ou code (INSEE, SIREN, ti-…), sans souci des accents',
  }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
});

export const ErrorSchema = Type.Object({ message: Type.String() });
