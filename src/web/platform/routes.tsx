import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/**
 * Every page of the application, one line each. A module adds its pages here; `nav` puts the page in
 * the header's main navigation, `activeFor` lists the path prefixes that highlight that entry.
 * Pages are default exports loaded on demand (React.lazy), so the first view only loads its own page.
 */
export type AppRoute = {
  path: string;
  Page: LazyExoticComponent<ComponentType>;
  nav?: string;
  activeFor?: string[];
};

const page = (load: () => Promise<{ default: ComponentType }>) => lazy(load);

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
  },
  { path: '/tableaux-de-bord/regions/:code', Page: page(() => import('../tableaux-de-bord/DashboardPage')) },
  {
    path: '/tableaux-de-bord/territoires/:id',
    Page: page(() => import('../tableaux-de-bord/DashboardPage')),
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
  { path: '/territoires/:id/actions', Page: page(() => import('../actions/TerritoireActionsPage')) },
  { path: '/actions', Page: page(() => import('../actions/ActionsNationalPage')), nav: "Plans d'action" },
  {
    path: '/campagnes',
    Page: page(() => import('../campagnes/CampagnesPage')),
    nav: 'Campagnes',
    activeFor: ['/campagnes/'],
  },
  { path: '/campagnes/comparaison', Page: page(() => import('../campagnes/ComparaisonPage')) },
  { path: '/campagnes/:id', Page: page(() => import('../campagnes/CampagnePage')) },
  { path: '/campagnes/:id/territoires/:ti', Page: page(() => import('../campagnes/CampagneTerritoirePage')) },
  { path: '/actions/regions/:code', Page: page(() => import('../actions/ActionsNationalPage')) },
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
