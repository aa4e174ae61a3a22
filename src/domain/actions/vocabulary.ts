// The programme's vocabulary for action plans: the 4 axes (plus transversal), the 15 thématiques
// and the statuts, with their French labels as published by the programme (bilan, Nov. 2024).
// Codes are stable identifiers stored in the database and used in the API; labels are for people.

export const AXES = [
  { code: 'competences', label: 'Compétences et attractivité', short: 'Compétences' },
  { code: 'foncier', label: 'Foncier industriel', short: 'Foncier' },
  { code: 'innovation', label: 'Innovation', short: 'Innovation' },
  { code: 'transition', label: 'Transition écologique', short: 'Transition écologique' },
  { code: 'transversal', label: 'Transversal / non classé', short: 'Transversal' },
] as const;
export type AxeCode = (typeof AXES)[number]['code'];

export const THEMATIQUES = [
  { code: 'valorisation-industrie', label: "Valorisation de l'industrie", axe: 'competences' },
  { code: 'nouvelles-formations', label: 'Nouvelles formations', axe: 'competences' },
  { code: 'rh-marque-employeur', label: 'RH / Marque employeur', axe: 'competences' },
  { code: 'besoin-formation', label: 'Besoin formation', axe: 'competences' },
  { code: 'aide-installation', label: "Aide à l'installation", axe: 'competences' },
  { code: 'transition-energetique', label: 'Transition énergétique', axe: 'transition' },
  { code: 'eit', label: 'Écologie industrielle et territoriale (EIT)', axe: 'transition' },
  { code: 'gestion-eau', label: "Gestion de l'eau", axe: 'transition' },
  { code: 'infrastructures-numeriques', label: 'Infrastructures numériques', axe: 'innovation' },
  { code: 'usages-numeriques', label: 'Usages numériques', axe: 'innovation' },
  { code: 'tiers-lieux', label: 'Tiers lieux', axe: 'innovation' },
  { code: 'ecosysteme-innovation', label: "Écosystème d'innovation et recherche", axe: 'innovation' },
  { code: 'sites-cles-en-main', label: 'Sites clés en main', axe: 'foncier' },
  { code: 'requalification-friche', label: 'Requalification friche', axe: 'foncier' },
  { code: 'optimisation-foncier', label: 'Optimisation / densification foncier', axe: 'foncier' },
] as const satisfies readonly { code: string; label: string; axe: AxeCode }[];
export type ThematiqueCode = (typeof THEMATIQUES)[number]['code'];

// Statuts a person can give an action. « Non renseigné » is deliberately NOT one of them: it is
// what an action is when nobody has given it a status (status IS NULL in the database), and it
// appears only in reports.
export const STATUTS = [
  { code: 'amont', label: 'Amont / action à initier', short: 'Amont' },
  { code: 'etude', label: 'En étude préalable', short: 'En étude' },
  { code: 'en-cours', label: 'En cours de réalisation', short: 'En cours' },
  { code: 'en-pause', label: 'En pause / à débloquer', short: 'En pause' },
  { code: 'realise', label: 'Réalisé', short: 'Réalisé' },
  { code: 'abandonne', label: 'Abandonné', short: 'Abandonné' },
] as const;
export type StatutCode = (typeof STATUTS)[number]['code'];

export const NON_RENSEIGNE = {
  code: 'non-renseigne',
  label: 'Non renseigné',
  short: 'Non renseigné',
} as const;
/** Every status as it appears in reports, « Non renseigné » last. */
export const STATUTS_REPORTED = [...STATUTS, NON_RENSEIGNE] as const;
export type StatutReportedCode = StatutCode | typeof NON_RENSEIGNE.code;

const byCode = <T extends { code: string }>(list: readonly T[]) =>
  new Map(list.map((item) => [item.code, item]));
const axesByCode = byCode(AXES);
const thematiquesByCode = byCode(THEMATIQUES);
const statutsByCode = byCode(STATUTS_REPORTED);

export const isAxe = (code: string): code is AxeCode => axesByCode.has(code);
export const isThematique = (code: string): code is ThematiqueCode => thematiquesByCode.has(code);
export const isStatut = (code: string): code is StatutCode =>
  code !== NON_RENSEIGNE.code && statutsByCode.has(code);

export const axeLabel = (code: string): string => axesByCode.get(code)?.label ?? code;
export const thematiqueLabel = (code: string): string => thematiquesByCode.get(code)?.label ?? code;
/** Label of a status; a missing status reads « Non renseigné ». */
export const statutLabel = (code: string | null | undefined): string =>
  statutsByCode.get(code ?? NON_RENSEIGNE.code)?.label ?? String(code);
export const thematiqueAxe = (code: ThematiqueCode): AxeCode => thematiquesByCode.get(code)!.axe;
