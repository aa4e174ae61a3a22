import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useEffect, useRef } from 'react';
import { BrowserRouter, Link, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useAccountQuickAccess } from '../comptes/useAccountQuickAccess';
import NotFound from './NotFound';
import { Loading } from './QueryState';
import { queryClient } from './queryClient';
import { routes } from './routes';
import './platform.css';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Layout />
      </BrowserRouter>
    </QueryClientProvider>
  );
}

function isActive(pathname: string, path: string, activeFor: string[] = []): boolean {
  if (path === '/' ? pathname === '/' : pathname.startsWith(path)) return true;
  return activeFor.some((prefix) => pathname.startsWith(prefix));
}

function Layout() {
  const location = useLocation();
  const navigate = useNavigate();
  const quickAccessItems = useAccountQuickAccess();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a client-side navigation, go back to the top and give the focus to the content, as a
  // full page load would (RGAA 12.x: the user is not left on the link of the previous page).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new path, on purpose
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <>
      <SkipLinks
        links={[
          { label: 'Contenu', anchor: '#contenu' },
          { label: 'Menu', anchor: '#header-navigation' },
          { label: 'Pied de page', anchor: '#pied-de-page' },
        ]}
      />
      <Header
        brandTop={
          <>
            République
            <br />
            Française
          </>
        }
        serviceTitle="Pilote TI"
        serviceTagline="Territoires d’industrie"
        homeLinkProps={{ to: '/', title: 'Accueil — Pilote TI (Territoires d’industrie)' }}
        quickAccessItems={quickAccessItems}
        navigation={routes
          .filter((r) => r.nav)
          .map((r) => ({
            text: r.nav,
            linkProps: { to: r.path },
            isActive: isActive(location.pathname, r.path, r.activeFor),
          }))}
        // The application runs in the light theme only: no display-settings dialog (and its artwork).
        disableDisplay
        onSearchButtonClick={(text) => navigate(`/recherche?q=${encodeURIComponent(text.trim())}`)}
      />
      <main id="contenu" ref={main} tabIndex={-1} className="fr-container fr-pt-2w fr-pb-8w pilote-main">
        <Suspense fallback={<Loading label="Chargement de la page…" />}>
          <Routes>
            {routes.map(({ path, Page }) => (
              <Route key={path} path={path} element={<Page />} />
            ))}
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </main>
      <Footer
        id="pied-de-page"
        accessibility="partially compliant"
        accessibilityLinkProps={{ to: '/accessibilite' }}
        contentDescription={
          <>
            Pilote TI est la plateforme de pilotage du programme Territoires d’industrie, conduit par l’Agence
            nationale de la cohésion des territoires (ANCT) et la Direction générale des Entreprises (DGE).
          </>
        }
        bottomItems={[{ text: 'Sources des données', linkProps: { to: '/sources' } }]}
        license={
          <>
            Sauf mention contraire, les contenus et données de ce site sont proposés sous{' '}
            <a
              href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
              target="_blank"
              rel="noopener noreferrer"
              title="Licence Ouverte 2.0 — nouvelle fenêtre"
            >
              Licence Ouverte 2.0
            </a>
            . Données de référence : ANCT (périmètres des Territoires d’industrie, zonages), INSEE (code
            officiel géographique, populations), IGN (contours) —{' '}
            <Link to="/sources">voir toutes les sources</Link>.
          </>
        }
      />
    </>
  );
}
