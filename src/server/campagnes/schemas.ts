import { Type } from 'typebox';

// Request shapes of the campaigns API (French keys, as the rest of the public API).

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const uuid = (description: string) => Type.String({ pattern: UUID, description });
const day = (description: string) => Type.String({ description, examples: ['2025-05-05'] });

export const CampaignIdParams = Type.Object({ id: uuid('Identifiant de la campagne') });
export const CampaignTerritoryParams = Type.Object({
  id: uuid('Identifiant de la campagne'),
  ti: Type.String({
    pattern: '^ti-[0-9]{4}$',
    description: 'Identifiant du territoire, par exemple ti-8405',
  }),
});
export const CampaignRegionParams = Type.Object({
  id: uuid('Identifiant de la campagne'),
  code: Type.String({ pattern: '^[0-9]{2}$', description: 'Code INSEE de la région, par exemple 84' }),
});

export const OpenCampaignBody = Type.Object(
  {
    nom: Type.String({ description: 'Nom de la campagne', examples: ['Campagne de mai 2025'] }),
    ouverture: day("Date d'ouverture (AAAA-MM-JJ)"),
    cloture: day('Date de clôture : dernier jour pour signer (AAAA-MM-JJ)'),
    territoires: Type.Optional(
      Type.Array(Type.String(), { description: 'Territoires concernés (tous par défaut)', maxItems: 500 }),
    ),
  },
  { additionalProperties: false },
);

export const UpdateCampaignBody = Type.Object(
  {
    nom: Type.Optional(Type.String()),
    ouverture: Type.Optional(day("Date d'ouverture (AAAA-MM-JJ)")),
    cloture: Type.Optional(day('Date de clôture (AAAA-MM-JJ)')),
  },
  { additionalProperties: false },
);

export const ReviewBody = Type.Object(
  {
    actions: Type.Array(uuid('Identifiant d’une action'), {
      minItems: 1,
      maxItems: 5000,
      description: 'Actions confirmées (toujours exactes) par le territoire',
    }),
  },
  { additionalProperties: false },
);

export const SendBackBody = Type.Object(
  { commentaire: Type.String({ maxLength: 2000, description: 'Ce que le territoire doit revoir' }) },
  { additionalProperties: false },
);

export const ManualReminderBody = Type.Object(
  {
    territoires: Type.Optional(
      Type.Array(Type.String({ pattern: '^ti-[0-9]{4}$' }), {
        maxItems: 500,
        description: 'Territoires à relancer (par défaut : tous ceux qui n’ont pas signé)',
      }),
    ),
  },
  { additionalProperties: false },
);

const scopeFilters = {
  region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'Code de région' })),
  territoire: Type.Optional(
    Type.String({ pattern: '^ti-[0-9]{4}$', description: 'Identifiant de territoire' }),
  ),
};

export const ProgressQuery = Type.Object(scopeFilters);
export const StuckQuery = Type.Object({
  ...scopeFilters,
  limite: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 20000, default: 2000, description: 'Actions listées au plus' }),
  ),
});

export const StatsQuery = Type.Object({
  groupBy: Type.Union(
    [Type.Literal('axe'), Type.Literal('thematique'), Type.Literal('statut'), Type.Literal('region')],
    {
      description: 'Regroupement',
    },
  ),
  region: scopeFilters.region,
});

export const StatsResponse = Type.Array(
  Type.Object({
    key: Type.String(),
    label: Type.String(),
    count: Type.Integer({
      description: "Nombre d'actions (une action compte une fois par thématique portée)",
    }),
  }),
);

export const ComparisonQuery = Type.Object({
  de: uuid('Première campagne (la plus ancienne, en général)'),
  a: uuid('Seconde campagne'),
  region: scopeFilters.region,
});

export const ErrorSchema = Type.Object({ message: Type.String() });
