import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Params } from 'react-router-dom';
import { actionListUrl } from '../actions/listPath';
import { dashboardUrl, LAYER_URL, type Level } from '../tableaux-de-bord/dataPath';

/**
 * Every page of the application, one line each. A module adds its pages here; `nav` puts the page in
 * the header's main navigation, `activeFor` lists the path prefixes that highlight that entry.
 * Pages are default exports loaded on demand (React.lazy), so the first view only loads its own page.
 */
export type AppRoute = {
  path: string;
  Page: LazyPage;
  nav?: string;
  activeFor?: string[];
  /**
   * The GET addresses the page reads first, with the page's own query keys (`[url]`) and freshness:
   * on a first load they are requested at once, with the page's code (platform/earlyStart.ts).
   */
  data?: (params: Params, search: URLSearchParams) => EarlyQuery[];
};
export type EarlyQuery = { url: string; staleTime?: number };
type LazyPage = LazyExoticComponent<ComponentType> & { preload: () => Promise<unknown> };

const page = (load: () => Promise<{ default: ComponentType }>): LazyPage =>
  Object.assign(lazy(load), { preload: load });

const REGIONS: EarlyQuery = { url: '/api/v1/regions' };
const dashboardData =
  (level: (params: Params) => Level) =>
  (params: Params, search: URLSearchParams): EarlyQuery[] => {
    const at = level(params);
    return [
      { url: dashboardUrl(at, search), staleTime: 10_000 },
      ...(at.niveau === 'territoire' ? [] : [{ url: LAYER_URL, staleTime: Number.POSITIVE_INFINITY }]),
    ];
  };

export const routes: AppRoute[] = [
  {
    path: '/',
    Page: page(() => import('../territoires/NationalMapPage')),
    nav: 'Carte des territoires',
    activeFor: ['/territoires/', '/regions/'],
  },
  { path: '/territoires/:id', Page: page(() => import('../territoires/TerritoirePage')) },
  { path: '/regions/:code', Page: page(() => import('../territoires/RegionPage')) },
  { path: '/recherche', Page: page(() => import('../territoires/SearchPage')), nav: 'Rechercher' },
  {
    path: '/offres',
    Page: page(() => import('../offres/OffresPage')),
    nav: 'Offres',
    activeFor: ['/offres/'],
  },
  { path: '/offres/recours', Page: page(() => import('../offres/RecoursPage')) },
  { path: '/offres/:slug', Page: page(() => import('../offres/OffrePage')) },
  { path: '/actions/:id/parcours', Page: page(() => import('../offres/ActionParcoursPage')) },
  { path: '/territoires/:id/parcours', Page: page(() => import('../offres/TerritoireParcoursPage')) },
  {
    path: '/sollicitations',
    Page: page(() => import('../offres/SollicitationsPage')),
    nav: 'Sollicitations',
    activeFor: ['/sollicitations/'],
  },
  { path: '/sollicitations/:id', Page: page(() => import('../offres/SollicitationPage')) },
  {
    path: '/tableaux-de-bord',
    Page: page(() => import('../tableaux-de-bord/DashboardPage')),
    nav: 'Tableaux de bord',
    data: dashboardData(() => ({ niveau: 'national' })),
  },
  {
    path: '/tableaux-de-bord/regions/:code',
    Page: page(() => import('../tableaux-de-bord/DashboardPage')),
    data: dashboardData((p) => ({ niveau: 'region', code: p.code! })),
  },
  {
    path: '/tableaux-de-bord/territoires/:id',
    Page: page(() => import('../tableaux-de-bord/DashboardPage')),
    data: dashboardData((p) => ({ niveau: 'territoire', id: p.id! })),
  },
  {
    path: '/impression/tableaux-de-bord',
    Page: page(() => import('../tableaux-de-bord/PrintDashboardPage')),
  },
  {
    path: '/impression/tableaux-de-bord/regions/:code',
    Page: page(() => import('../tableaux-de-bord/PrintDashboardPage')),
  },
  {
    path: '/impression/tableaux-de-bord/territoires/:id',
    Page: page(() => import('../tableaux-de-bord/PrintDashboardPage')),
  },
  { path: '/cartes', Page: page(() => import('../portraits/ThematicMapPage')), nav: 'Cartes thématiques' },
  {
    path: '/portraits/programme',
    Page: page(() => import('../portraits/PortraitPage')),
    nav: 'Portraits',
    activeFor: ['/portraits/'],
  },
  { path: '/portraits/territoires/:id', Page: page(() => import('../portraits/PortraitPage')) },
  { path: '/portraits/regions/:code', Page: page(() => import('../portraits/PortraitPage')) },
  {
    path: '/impression/portraits/territoires/:id',
    Page: page(() => import('../portraits/PrintPortraitPage')),
  },
  {
    path: '/territoires/:id/actions',
    Page: page(() => import('../actions/TerritoireActionsPage')),
    data: (p, search) => [
      { url: `/api/v1/territoires/${p.id}` },
      { url: actionListUrl(search, { ti: p.id }) },
    ],
  },
  {
    path: '/actions',
    Page: page(() => import('../actions/ActionsNationalPage')),
    nav: "Plans d'action",
    data: (_, search) => [REGIONS, { url: actionListUrl(search, {}) }],
  },
  {
    path: '/campagnes',
    Page: page(() => import('../campagnes/CampagnesPage')),
    nav: 'Campagnes',
    activeFor: ['/campagnes/'],
  },
  { path: '/campagnes/comparaison', Page: page(() => import('../campagnes/ComparaisonPage')) },
  { path: '/campagnes/:id', Page: page(() => import('../campagnes/CampagnePage')) },
  { path: '/campagnes/:id/territoires/:ti', Page: page(() => import('../campagnes/CampagneTerritoirePage')) },
  {
    path: '/actions/regions/:code',
    Page: page(() => import('../actions/ActionsNationalPage')),
    data: (p, search) => [REGIONS, { url: actionListUrl(search, { region: p.code }) }],
  },
  { path: '/actions/import', Page: page(() => import('../actions/ImportPage')) },
  { path: '/actions/chiffres', Page: page(() => import('../actions/ActionsFiguresPage')) },
  { path: '/actions/:id', Page: page(() => import('../actions/ActionPage')) },
  { path: '/financements', Page: page(() => import('../financements/LaureatsPage')), nav: 'Financements' },
  { path: '/foncier', Page: page(() => import('../foncier/SitesPage')), nav: 'Foncier' },
  {
    path: '/gouvernance',
    Page: page(() => import('../gouvernance/GouvernancePage')),
    nav: 'Gouvernance',
    activeFor: ['/annuaire'],
  },
  { path: '/annuaire', Page: page(() => import('../gouvernance/AnnuairePage')) },
  { path: '/connexion', Page: page(() => import('../comptes/ConnexionPage')) },
  { path: '/compte', Page: page(() => import('../comptes/MonComptePage')) },
  { path: '/compte/mot-de-passe-oublie', Page: page(() => import('../comptes/MotDePasseOubliePage')) },
  { path: '/compte/mot-de-passe', Page: page(() => import('../comptes/ChoisirMotDePassePage')) },
  { path: '/comptes/utilisateurs', Page: page(() => import('../comptes/UtilisateursPage')) },
  { path: '/comptes/boite-envoi', Page: page(() => import('../comptes/BoiteEnvoiPage')) },
  { path: '/comptes/journal', Page: page(() => import('../comptes/JournalPage')) },
  { path: '/sources', Page: page(() => import('./SourcesPage')) },
  { path: '/accessibilite', Page: page(() => import('./AccessibilitePage')) },
];
