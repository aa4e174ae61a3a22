import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import GouvernancePanel from '../gouvernance/GouvernancePanel';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { formatDate, formatInteger, plural } from '../platform/format';
import { QueryState } from '../platform/QueryState';
import { SourceNote } from '../platform/SourceNote';
import { usePageTitle } from '../platform/usePageTitle';
import { MEMBERS_MAP_SOURCES } from './palette';
import TerritoireMap from './TerritoireMap';
import type { CommuneRef, TerritoireDetail } from './types';
import './maps.css';

/** Natures of members, from the abbreviations of the COG (CC, CA…) or the member type. */
const NATURES: Record<string, string> = {
  CC: 'Communauté de communes',
  CA: 'Communauté d’agglomération',
  CU: 'Communauté urbaine',
  ME: 'Métropole',
  METRO: 'Métropole',
  MET69: 'Métropole de Lyon',
  EPT: 'Établissement public territorial',
  epci: 'Intercommunalité',
  ept: 'Établissement public territorial',
  commune: 'Commune',
};
const natureLabel = (m: { nature: string; type: string }) =>
  NATURES[m.nature] ?? (m.nature || NATURES[m.type] || m.type);

function Figure({ value, label }: { value: string; label: string }) {
  return (
    <div className="fr-col-6 fr-col-md-3">
      <div className="pilote-figure">
        <p className="pilote-figure__value">{value}</p>
        <p className="pilote-figure__label">{label}</p>
      </div>
    </div>
  );
}

function CommuneList({ communes }: { communes: readonly CommuneRef[] }) {
  if (communes.length === 0) return <p className="fr-text--sm">Aucune commune.</p>;
  return <p className="fr-text--sm fr-mb-0">{communes.map((c) => c.nom).join(', ')}.</p>;
}

const TEMPS_I_SEVERITY = { nouveau: 'new', inchange: 'success', reconfigure: 'info' } as const;

/** Page of one territory: members map and table, départements, population, other programmes, perimeter history. */
export default function TerritoirePage() {
  const { id = '' } = useParams();
  const url = `/api/v1/territoires/${encodeURIComponent(id)}`;
  const query = useQuery({ queryKey: [url], queryFn: apiQuery<TerritoireDetail>(url) });
  usePageTitle(
    query.data
      ? `${query.data.nom} — Territoire d’industrie`
      : query.isError
        ? 'Territoire introuvable'
        : 'Territoire d’industrie',
  );

  return (
    <QueryState query={query} loadingLabel="Chargement du territoire…">
      {(t) => (
        <>
          <Breadcrumb
            currentPageLabel={t.nom}
            homeLinkProps={{ to: '/' }}
            segments={[{ label: t.region.nom, linkProps: { to: `/regions/${t.region.code}` } }]}
            className="fr-mb-2w"
          />
          <h1 className="fr-mb-1w">{t.nom}</h1>
          <ul className="fr-badges-group fr-mb-3w">
            <li>
              <Badge severity="info" noIcon>
                Territoire d’industrie — {t.region.nom}
              </Badge>
            </li>
            <li>
              <Badge severity={TEMPS_I_SEVERITY[t.tempsI.statut]} noIcon>
                {t.tempsI.libelle}
              </Badge>
            </li>
          </ul>

          <div className="fr-grid-row fr-grid-row--gutters fr-mb-4w">
            <Figure value={formatInteger(t.nbMembres)} label={t.nbMembres > 1 ? 'membres' : 'membre'} />
            <Figure value={formatInteger(t.nbCommunes)} label="communes" />
            <Figure value={formatInteger(t.population)} label="habitants" />
            <Figure
              value={formatInteger(t.departements.length)}
              label={t.departements.length > 1 ? 'départements' : 'département'}
            />
          </div>

          <section aria-labelledby="membres-titre" className="fr-mb-4w">
            <h2 id="membres-titre" className="fr-h4">
              Membres du territoire
            </h2>
            <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
              <div className="fr-col-12 fr-col-lg-8">
                {/* In SVG, in this page's own code: no MapLibre on the first screen (see TerritoireMap). */}
                <TerritoireMap
                  id={t.id}
                  description={`Carte du territoire ${t.nom} et de ses membres ; le tableau des membres qui suit en donne le contenu.`}
                />
                <SourceNote sources={MEMBERS_MAP_SOURCES} className="fr-mt-1w" />
              </div>
              <div className="fr-col-12 fr-col-lg-4">
                <h3 className="fr-h6 fr-mb-1w">Région</h3>
                <p>
                  <Link to={`/regions/${t.region.code}`}>{t.region.nom}</Link>
                </p>
                <h3 className="fr-h6 fr-mb-1w">
                  {t.departements.length > 1 ? 'Départements' : 'Département'}
                </h3>
                <ul className="fr-tags-group">
                  {t.departements.map((d) => (
                    <li key={d.code}>
                      <span className="fr-tag">
                        {d.nom} ({d.code})
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
            <DataTable
              id="membres"
              small
              caption={t.nbMembres > 1 ? `Les ${t.nbMembres} membres de ${t.nom}` : `Le membre de ${t.nom}`}
              rows={t.membres}
              rowKey={(m) => m.code}
              columns={[
                { key: 'nom', label: 'Membre', rowHeader: true },
                { key: 'nature', label: 'Nature', render: natureLabel },
                { key: 'siren', label: 'SIREN', render: (m) => m.siren ?? '—' },
                {
                  key: 'nbCommunes',
                  label: 'Communes',
                  numeric: true,
                  render: (m) => formatInteger(m.nbCommunes),
                },
                {
                  key: 'population',
                  label: 'Population',
                  numeric: true,
                  render: (m) => formatInteger(m.population),
                },
              ]}
            />
          </section>

          <GouvernancePanel territoireId={t.id} />

          <section aria-labelledby="programmes-titre" className="fr-mb-4w">
            <h2 id="programmes-titre" className="fr-h4">
              Autres programmes de l’ANCT sur le territoire
            </h2>
            <div className="fr-accordions-group">
              <Accordion label={`Action cœur de ville — ${plural(t.programmes.acv.nbCommunes, 'commune')}`}>
                <CommuneList communes={t.programmes.acv.communes} />
              </Accordion>
              <Accordion
                label={`Petites villes de demain — ${plural(t.programmes.pvd.nbCommunes, 'commune')}`}
              >
                <CommuneList communes={t.programmes.pvd.communes} />
              </Accordion>
              <Accordion
                label={`Quartiers prioritaires de la politique de la ville — ${plural(t.programmes.qpv.nbQuartiers, 'quartier')} dans ${plural(t.programmes.qpv.nbCommunes, 'commune')}`}
              >
                <CommuneList communes={t.programmes.qpv.communes} />
              </Accordion>
              <Accordion
                label={`Massifs de montagne — ${plural(t.programmes.massifs.nbCommunes, 'commune')}`}
              >
                {t.programmes.massifs.massifs.length === 0 ? (
                  <p className="fr-text--sm">Aucune commune en massif de montagne.</p>
                ) : (
                  <ul className="fr-text--sm">
                    {t.programmes.massifs.massifs.map((m) => (
                      <li key={m.nom}>
                        {m.nom} : {plural(m.nbCommunes, 'commune')}
                      </li>
                    ))}
                  </ul>
                )}
              </Accordion>
              <Accordion label={`Les ${plural(t.communes.length, 'commune')} du territoire`}>
                <DataTable
                  small
                  caption={`Communes de ${t.nom}`}
                  rows={t.communes}
                  rowKey={(c) => c.insee}
                  columns={[
                    { key: 'nom', label: 'Commune', rowHeader: true },
                    { key: 'insee', label: 'Code INSEE' },
                    { key: 'membre', label: 'Membre' },
                    {
                      key: 'population',
                      label: 'Population',
                      numeric: true,
                      render: (c) => formatInteger(c.population),
                    },
                  ]}
                />
              </Accordion>
            </div>
          </section>

          <section aria-labelledby="historique-titre" className="fr-mb-4w">
            <h2 id="historique-titre" className="fr-h4">
              Historique du périmètre
            </h2>
            <p>
              {t.tempsI.libelle}
              {t.tempsI.territoires.length > 0 && (
                <>
                  {' '}
                  — territoires du Temps I (2019-2022) qui partagent des communes avec celui-ci :{' '}
                  {t.tempsI.territoires
                    .map((p) => `${p.nom} (${plural(p.nbCommunesCommunes, 'commune')} en commun)`)
                    .join(' ; ')}
                  .
                </>
              )}
            </p>
            <DataTable
              small
              caption={`Versions du périmètre de ${t.nom}`}
              rows={t.perimetres}
              rowKey={(p) => p.version}
              columns={[
                { key: 'libelle', label: 'Version', rowHeader: true },
                { key: 'date', label: 'Date', render: (p) => formatDate(p.date) },
                {
                  key: 'nbMembres',
                  label: 'Membres',
                  numeric: true,
                  render: (p) => formatInteger(p.nbMembres),
                },
                {
                  key: 'ajouts',
                  label: 'Ajouts',
                  render: (p) => (p.ajouts.length ? p.ajouts.map((a) => a.nom).join(', ') : '—'),
                },
                {
                  key: 'retraits',
                  label: 'Retraits',
                  render: (p) => (p.retraits.length ? p.retraits.map((a) => a.nom).join(', ') : '—'),
                },
              ]}
            />
          </section>

          <SourceNote sources={t.sources} />
          <p className="fr-text--sm">
            <Link to={`/regions/${t.region.code}`}>Tous les territoires de la région {t.region.nom}</Link>
            {' · '}
            <Link to={`/portraits/territoires/${t.id}`}>
              Portrait du territoire (emploi, typologies, plan d’action)
            </Link>
            {' · '}
            <Link to={`/tableaux-de-bord/territoires/${t.id}`}>Tableau de bord du territoire</Link>
            {' · '}
            <Link to={`/territoires/${t.id}/actions`}>Plan d’action</Link>
            {' · '}
            <Link to={`/territoires/${t.id}/parcours`}>Parcours des offres</Link>
          </p>
        </>
      )}
    </QueryState>
  );
}
