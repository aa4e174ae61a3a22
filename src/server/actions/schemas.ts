import { Type } from 'typebox';
import { AXES, LIMITS, STATUTS, THEMATIQUES } from '../../domain/actions';

// OpenAPI descriptions of the action-plan API. Keys are French camelCase; codes come from the
// vocabulary (src/domain/actions/vocabulary.ts) so that the schema and the rules never drift apart.

const codes = (list: readonly { code: string }[]) => list.map((x) => x.code);
const Enum = (values: readonly string[], description?: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    description ? { description } : {},
  );

export const ActionIdParams = Type.Object({
  id: Type.String({ format: 'uuid', description: "Identifiant de l'action (UUID)" }),
});

const filters = {
  ti: Type.Optional(
    Type.String({ pattern: '^ti-[0-9]{4}$', description: 'Territoire, par exemple ti-8405' }),
  ),
  region: Type.Optional(
    Type.String({ pattern: '^[0-9]{2}$', description: 'Code INSEE de la région, par exemple 84' }),
  ),
  axe: Type.Optional(Type.String({ description: `Axe : ${codes(AXES).join(', ')}` })),
  thematique: Type.Optional(Type.String({ description: `Thématique : ${codes(THEMATIQUES).join(', ')}` })),
  statut: Type.Optional(
    Type.String({ description: `Statut : ${codes(STATUTS).join(', ')} ou non-renseigne (aucun statut)` }),
  ),
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'Recherche plein texte en français (intitulé, description, porteur, partenaires…)',
    }),
  ),
  archivee: Type.Optional(
    Enum(['non', 'oui', 'tous'], 'Actions archivées : non (par défaut), oui (seulement), tous'),
  ),
  demo: Type.Optional(Enum(['oui', 'non'], 'Seulement les données de démonstration (oui) ou aucune (non)')),
};

export const ListQuery = Type.Object({
  ...filters,
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  sort: Type.Optional(
    Type.String({
      description:
        'Tri : intitule, territoire, region, axe, statut, porteur, budgetPrevisionnel, financementsObtenus, dateDebut, dateFin, modifieLe ; « - » devant pour décroissant',
    }),
  ),
});

export const ExportQuery = Type.Object(filters);

export const StatsQuery = Type.Object({
  groupBy: Enum(['axe', 'thematique', 'statut', 'region'], 'Regroupement'),
  ti: filters.ti,
  region: filters.region,
  axe: filters.axe,
  thematique: filters.thematique,
  statut: filters.statut,
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

const nullableString = (maxLength: number, description?: string) =>
  Type.Union([Type.String({ maxLength }), Type.Null()], description ? { description } : {});
const nullableAmount = (description: string) =>
  Type.Union([Type.Number({ minimum: 0 }), Type.Null()], { description });
const nullableDate = (description: string) =>
  Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), Type.Null()], { description });
const stringList = Type.Array(Type.String({ maxLength: LIMITS.listItem }), { maxItems: LIMITS.listLength });

/** Editable fields of a sheet (all optional in a PATCH). */
const editable = {
  intitule: Type.String({ maxLength: LIMITS.title, description: "Intitulé de l'action" }),
  description: nullableString(LIMITS.description),
  axe: Type.String({ description: `Axe : ${codes(AXES).join(', ')}` }),
  thematiques: Type.Array(Type.String(), { maxItems: 15, description: 'Codes de thématiques' }),
  statut: Type.Union([Type.String(), Type.Null()], {
    description: `Statut : ${codes(STATUTS).join(', ')} ; null ou non-renseigne pour « Non renseigné »`,
  }),
  porteur: nullableString(LIMITS.owner),
  partenaires: stringList,
  budgetPrevisionnel: nullableAmount('Budget prévisionnel en euros'),
  financementsObtenus: nullableAmount('Financements obtenus en euros'),
  dateDebut: nullableDate('Date de début AAAA-MM-JJ'),
  dateFin: nullableDate('Date de fin AAAA-MM-JJ'),
  filiere: nullableString(LIMITS.filiere),
  etiquettes: stringList,
  referenceExterne: nullableString(LIMITS.externalRef),
};

export const CreateBody = Type.Object(
  {
    territoire: Type.String({ pattern: '^ti-[0-9]{4}$', description: 'Territoire de la fiche' }),
    ...editable,
    intitule: editable.intitule,
    description: Type.Optional(editable.description),
    axe: Type.Optional(editable.axe),
    thematiques: Type.Optional(editable.thematiques),
    statut: Type.Optional(editable.statut),
    porteur: Type.Optional(editable.porteur),
    partenaires: Type.Optional(editable.partenaires),
    budgetPrevisionnel: Type.Optional(editable.budgetPrevisionnel),
    financementsObtenus: Type.Optional(editable.financementsObtenus),
    dateDebut: Type.Optional(editable.dateDebut),
    dateFin: Type.Optional(editable.dateFin),
    filiere: Type.Optional(editable.filiere),
    etiquettes: Type.Optional(editable.etiquettes),
    referenceExterne: Type.Optional(editable.referenceExterne),
  },
  { additionalProperties: false },
);

export const PatchBody = Type.Object(
  {
    version: Type.Integer({
      minimum: 1,
      description: 'Version de la fiche sur laquelle porte la modification (verrou optimiste)',
    }),
    ...Object.fromEntries(Object.entries(editable).map(([k, v]) => [k, Type.Optional(v)])),
  },
  { additionalProperties: false },
);

export const VersionQuery = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1, description: 'Version attendue (verrou optimiste)' })),
});

export const BulkBody = Type.Object(
  {
    ids: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 5000, uniqueItems: true }),
    statut: Type.Union([Type.String(), Type.Null()], {
      description: 'Nouveau statut de toutes ces actions (null ou non-renseigne : « Non renseigné »)',
    }),
  },
  { additionalProperties: false },
);

export const ImportQuery = Type.Object({
  dryRun: Type.Optional(Type.Boolean({ default: true, description: 'true : aperçu sans rien enregistrer' })),
  ti: filters.ti,
});

export const ErrorSchema = Type.Object({ message: Type.String() });
