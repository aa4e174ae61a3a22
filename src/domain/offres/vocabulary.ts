// The fixed lists an offer file may use: operators, kinds of support, kinds of beneficiary/owner,
// kinds of territory and the offer's own status. Codes are what the YAML files and the API carry;
// labels are what people read. An unknown code in a file is a loading error, never a silent miss.

export const OPERATEURS = [
  { code: 'anct', label: 'Agence nationale de la cohésion des territoires (ANCT)', short: 'ANCT' },
  { code: 'dge', label: 'Direction générale des Entreprises (DGE)', short: 'DGE' },
  {
    code: 'delegation-ti',
    label: 'Délégation aux Territoires d’industrie (ANCT – DGE)',
    short: 'Délégation TI',
  },
  { code: 'banque-des-territoires', label: 'Banque des Territoires', short: 'Banque des Territoires' },
  { code: 'bpifrance', label: 'Bpifrance', short: 'Bpifrance' },
  {
    code: 'ademe',
    label: 'Agence de la transition écologique (ADEME)',
    short: 'ADEME',
  },
  { code: 'france-travail', label: 'France Travail', short: 'France Travail' },
  { code: 'business-france', label: 'Business France', short: 'Business France' },
  { code: 'action-logement', label: 'Action Logement', short: 'Action Logement' },
  { code: 'cerema', label: 'Cerema', short: 'Cerema' },
  { code: 'cnam', label: 'Conservatoire national des arts et métiers (CNAM)', short: 'CNAM' },
  { code: 'regions', label: 'Conseils régionaux', short: 'Régions' },
  {
    code: 'prefectures',
    label: 'Préfectures de région (services de l’État en région)',
    short: 'Préfectures',
  },
  { code: 'etat', label: 'État (ministères)', short: 'État' },
  { code: 'agences-eau', label: 'Agences de l’eau', short: 'Agences de l’eau' },
  { code: 'cci', label: 'Chambres de commerce et d’industrie (CCI)', short: 'CCI' },
] as const;
export type OperateurCode = (typeof OPERATEURS)[number]['code'];

export const NATURES = [
  { code: 'ingenierie', label: 'Ingénierie' },
  { code: 'subvention', label: 'Subvention' },
  { code: 'pret', label: 'Prêt' },
  { code: 'fonds-propres', label: 'Fonds propres' },
  { code: 'accompagnement', label: 'Accompagnement' },
  { code: 'reseau', label: 'Mise en réseau' },
  { code: 'formation', label: 'Formation' },
  { code: 'visibilite', label: 'Visibilité' },
  { code: 'outil', label: 'Outil et données' },
] as const;
export type NatureCode = (typeof NATURES)[number]['code'];

// Who may receive an offer (« pour ») and, in matching rules, which kinds of action owner it fits.
// `plural` reads in a sentence: « destinée aux intercommunalités (EPCI) ».
export const PORTEURS = [
  {
    code: 'ti',
    label: 'Territoire d’industrie (binôme, chef de projet)',
    plural: 'équipes des Territoires d’industrie',
  },
  { code: 'epci', label: 'Intercommunalité (EPCI)', plural: 'intercommunalités (EPCI)' },
  { code: 'collectivite', label: 'Collectivité territoriale', plural: 'collectivités territoriales' },
  { code: 'entreprise', label: 'Entreprise', plural: 'entreprises' },
  { code: 'pme', label: 'PME', plural: 'PME' },
  { code: 'eti', label: 'ETI', plural: 'ETI' },
  { code: 'association', label: 'Association', plural: 'associations' },
  { code: 'organisme-formation', label: 'Organisme de formation', plural: 'organismes de formation' },
  { code: 'amenageur', label: 'Aménageur', plural: 'aménageurs' },
] as const;
export type PorteurCode = (typeof PORTEURS)[number]['code'];

// Kinds of territory an offer can be reserved to. They come from the portraits' typologies and the
// other ANCT programmes a TI overlaps (Action cœur de ville, Petites villes de demain, quartiers).
export const TERRITOIRES = [
  { code: 'rural', label: 'Rural', reason: 'adaptée aux territoires ruraux' },
  { code: 'urbain', label: 'Urbain', reason: 'adaptée aux territoires urbains' },
  { code: 'montagne', label: 'Montagne', reason: 'adaptée aux territoires de montagne' },
  { code: 'outre-mer', label: 'Outre-mer', reason: 'adaptée aux territoires d’outre-mer' },
  {
    code: 'action-coeur-de-ville',
    label: 'Action cœur de ville',
    reason: 'adaptée aux villes Action cœur de ville',
  },
  {
    code: 'petites-villes-de-demain',
    label: 'Petites villes de demain',
    reason: 'adaptée aux Petites villes de demain',
  },
  {
    code: 'quartiers-prioritaires',
    label: 'Quartiers prioritaires',
    reason: 'adaptée aux territoires avec quartiers prioritaires',
  },
  {
    code: 'mutation-industrielle',
    label: 'Territoire en mutation industrielle',
    reason: 'adaptée aux territoires en mutation industrielle',
  },
] as const;
export type TerritoireCode = (typeof TERRITOIRES)[number]['code'];

export const OFFRE_STATUTS = [
  { code: 'ouverte', label: 'Ouverte' },
  { code: 'a-venir', label: 'À venir' },
  { code: 'fermee', label: 'Fermée' },
] as const;
export type OffreStatutCode = (typeof OFFRE_STATUTS)[number]['code'];

const labels = <T extends { code: string; label: string }>(list: readonly T[]) =>
  new Map<string, T>(list.map((item) => [item.code, item]));
const operateurs = labels(OPERATEURS);
const natures = labels(NATURES);
const porteurs = labels(PORTEURS);
const territoires = labels(TERRITOIRES);
const offreStatuts = labels(OFFRE_STATUTS);

export const isOperateur = (code: string): code is OperateurCode => operateurs.has(code);
export const isNature = (code: string): code is NatureCode => natures.has(code);
export const isPorteur = (code: string): code is PorteurCode => porteurs.has(code);
export const isTerritoire = (code: string): code is TerritoireCode => territoires.has(code);
export const isOffreStatut = (code: string): code is OffreStatutCode => offreStatuts.has(code);

export const operateurLabel = (code: string): string => operateurs.get(code)?.label ?? code;
export const operateurShort = (code: string): string => operateurs.get(code)?.short ?? code;
export const natureLabel = (code: string): string => natures.get(code)?.label ?? code;
export const porteurLabel = (code: string): string => porteurs.get(code)?.label ?? code;
export const porteurPlural = (code: string): string => porteurs.get(code)?.plural ?? code;
export const territoireLabel = (code: string): string => territoires.get(code)?.label ?? code;
export const territoireReason = (code: string): string => territoires.get(code)?.reason ?? code;
export const offreStatutLabel = (code: string): string => offreStatuts.get(code)?.label ?? code;
