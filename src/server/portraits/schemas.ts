import { Type } from 'typebox';

export const TerritoryIdParams = Type.Object({
  id: Type.String({
    pattern: '^ti-[0-9]{4}$',
    description: "Identifiant du Territoire d'industrie (ti-RRnn)",
  }),
});

export const RegionCodeParams = Type.Object({
  code: Type.String({ pattern: '^[0-9]{2}$', description: 'Code INSEE de la région (2 chiffres)' }),
});

export const ChoroplethQuery = Type.Object({
  indicateur: Type.String({ description: 'Code de l’indicateur (voir /api/v1/cartes/indicateurs)' }),
  niveau: Type.String({ description: 'ti (Territoires d’industrie) ou epci (intercommunalités membres)' }),
  methode: Type.Optional(Type.String({ description: 'quantiles ou jenks (seuils naturels)' })),
  classes: Type.Optional(Type.Integer({ minimum: 1, maximum: 9, description: 'Nombre de classes (1 à 9)' })),
  campagne: Type.Optional(
    Type.String({ description: 'Campagne de mise à jour (indicateurs des plans d’action)' }),
  ),
});

export const ErrorSchema = Type.Object({ message: Type.String() });
