/** Shapes of the référentiel API (src/server/territoires), as the pages read them. */
import type { Source } from '../platform/api';

export type RegionRef = { code: string; nom: string };

export type TerritoireItem = {
  id: string;
  nom: string;
  region: RegionRef;
  nbMembres: number;
  nbCommunes: number;
  population: number;
};

export type TerritoiresList = {
  perimetre: { version: string; date: string; libelle: string };
  total: number;
  items: TerritoireItem[];
  sources: Source[];
};

export type Membre = {
  code: string;
  siren: string | null;
  nom: string;
  type: 'epci' | 'ept' | 'commune';
  nature: string;
  nbCommunes: number;
  population: number;
};

export type CommuneRef = { insee: string; nom: string };

export type Perimetre = {
  version: string;
  date: string;
  libelle: string;
  nbMembres: number;
  ajouts: { code: string; nom: string }[];
  retraits: { code: string; nom: string }[];
};

export type TerritoireDetail = TerritoireItem & {
  membres: Membre[];
  departements: { code: string; nom: string }[];
  communes: { insee: string; nom: string; population: number; membre: string }[];
  perimetres: Perimetre[];
  programmes: {
    acv: { nbCommunes: number; communes: CommuneRef[] };
    pvd: { nbCommunes: number; communes: CommuneRef[] };
    qpv: { nbCommunes: number; nbQuartiers: number; communes: CommuneRef[] };
    massifs: { nbCommunes: number; massifs: { nom: string; nbCommunes: number }[] };
  };
  tempsI: {
    statut: 'nouveau' | 'inchange' | 'reconfigure';
    libelle: string;
    territoires: { id: string; nom: string; nbCommunesCommunes: number }[];
  };
  sources: Source[];
};

export type RegionItem = { code: string; nom: string; nbTerritoires: number; population: number };

export type RegionsList = { total: number; items: RegionItem[]; sources: Source[] };

export type RegionDetail = RegionItem & {
  territoires: TerritoireItem[];
  departements: { code: string; nom: string; nbTerritoires: number }[];
  sources: Source[];
};

export type SearchResult = {
  type: 'territoire' | 'groupement' | 'commune';
  code: string;
  nom: string;
  detail: string;
  territoire: { id: string; nom: string } | null;
};

export type SearchResponse = { q: string; items: SearchResult[] };

export type ProgrammeStat = {
  libelle: string;
  communes: number;
  communesEnTi: number;
  part: number;
  publie: number | null;
  source: Source;
};

export type ProgrammeStats = {
  territoires: number;
  groupements: number;
  regions: number;
  departements: number;
  communes: number;
  population: number;
  programmes: Partial<Record<'acv' | 'pvd' | 'qpv' | 'massifs', ProgrammeStat>>;
  tempsI: Record<'nouveau' | 'inchange' | 'reconfigure', { nombre: number; libelle: string }>;
  sources: Source[];
};
