/**
 * The programme's governance in figures, for the nation or a region: binômes (with the industrialists'
 * company sizes and functions), chefs de projet, coordinators and COPIL, each chart with its table.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { BarChart, Figure, Figures, formatEuros } from '../financements/Figures';
import { FilterBar } from '../financements/FilterBar';
import { ImportPanel } from '../financements/ImportPanel';
import type { Region } from '../financements/types';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { DemoNotice } from '../platform/DemoBadge';
import { formatInteger } from '../platform/format';
import { QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import type { GouvernanceStats as Stats } from './types';

export default function GouvernancePage() {
  usePageTitle('Gouvernance du programme');
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? '';
  const regions = useQuery({
    queryKey: ['/api/v1/regions'],
    queryFn: apiQuery<{ items: Region[] }>('/api/v1/regions'),
  });
  const url = `/api/v1/gouvernance/stats${region ? `?region=${region}` : ''}`;
  const query = useQuery({ queryKey: [url], queryFn: apiQuery<Stats>(url) });
  return (
    <>
      <h1>Gouvernance du programme</h1>
      <p className="fr-text--lead">
        Chaque territoire est animé par un binôme (un élu et un industriel), un chef de projet et un comité de
        pilotage local ; des coordinateurs régionaux animent le réseau.{' '}
        <Link to="/annuaire">Annuaire du réseau</Link> (personnes connectées).
      </p>
      {query.data?.demo && <DemoNotice />}
      <FilterBar
        legend="Choisir le périmètre"
        fields={[
          {
            name: 'region',
            label: 'Région',
            options: (regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.nom })),
          },
        ]}
        values={{ region }}
        onChange={(next) => setParams(next.region ? { region: next.region } : {})}
      />
      <QueryState query={query} loadingLabel="Calcul des chiffres…">
        {(s) => {
          const c = s.chiffres;
          const national = s.perimetre.niveau === 'national';
          return (
            <>
              <h2 className="fr-h4">Chiffres clés — {s.perimetre.nom}</h2>
              <Figures>
                <Figure value={formatInteger(c.elus)} label="élus dans les binômes" />
                <Figure value={formatInteger(c.industriels)} label="industriels dans les binômes" />
                <Figure
                  value={formatInteger(c.chefsDeProjet)}
                  label={`chefs de projet, dont ${formatInteger(c.chefsCofinances)} cofinancés`}
                />
                <Figure
                  value={formatEuros(c.cofinancementEtatEuros)}
                  label="de cofinancement des chefs de projet par l’État"
                />
                <Figure
                  value={formatInteger(c.coordinateurs)}
                  label={`coordinateurs régionaux dans ${formatInteger(c.regionsCoordonnees)} régions`}
                />
                <Figure value={formatInteger(c.territoiresCopilLancement)} label="COPIL de lancement tenus" />
              </Figures>
              <div className="fr-grid-row fr-grid-row--gutters">
                <div className="fr-col-12 fr-col-lg-6">
                  <BarChart
                    title="Industriels des binômes par taille d’entreprise"
                    valueLabel="Industriels"
                    bars={c.tailles.map((t) => ({
                      code: t.code,
                      label: t.label,
                      value: t.count,
                      note: `${t.pct} %`,
                    }))}
                  />
                </div>
                <div className="fr-col-12 fr-col-lg-6">
                  <BarChart
                    title="Industriels des binômes par fonction"
                    valueLabel="Industriels"
                    bars={c.fonctions.map((f) => ({
                      code: f.code,
                      label: f.label,
                      value: f.count,
                      note: `${f.pct} %`,
                    }))}
                  />
                </div>
              </div>
              <DataTable
                small
                caption="Réunions et événements du réseau"
                rows={c.evenements.filter((e) => e.count > 0)}
                rowKey={(e) => e.kind}
                columns={[
                  { key: 'label', label: 'Instance', rowHeader: true },
                  { key: 'count', label: 'Nombre', numeric: true, render: (e) => formatInteger(e.count) },
                  {
                    key: 'moyen',
                    label: 'Participants en moyenne',
                    numeric: true,
                    render: (e) => formatInteger(e.participantsMoyen),
                  },
                ]}
              />
              <DataTable
                small
                caption={
                  national ? 'Gouvernance par région' : `Gouvernance par territoire — ${s.perimetre.nom}`
                }
                rows={national ? s.parRegion : s.parTerritoire}
                rowKey={(r) => r.code}
                columns={[
                  {
                    key: 'nom',
                    label: national ? 'Région' : 'Territoire',
                    rowHeader: true,
                    render: (r) => (national ? r.nom : <Link to={`/territoires/${r.code}`}>{r.nom}</Link>),
                  },
                  { key: 'elus', label: 'Élus', numeric: true, render: (r) => formatInteger(r.elus) },
                  {
                    key: 'industriels',
                    label: 'Industriels',
                    numeric: true,
                    render: (r) => formatInteger(r.industriels),
                  },
                  {
                    key: 'chefs',
                    label: 'Chefs de projet',
                    numeric: true,
                    render: (r) => formatInteger(r.chefsDeProjet),
                  },
                  {
                    key: 'cof',
                    label: 'dont cofinancés',
                    numeric: true,
                    render: (r) => formatInteger(r.chefsCofinances),
                  },
                  {
                    key: 'copil',
                    label: 'COPIL de lancement',
                    numeric: true,
                    render: (r) => formatInteger(r.copilLancement),
                  },
                ]}
              />
            </>
          );
        }}
      </QueryState>
      <ImportPanel
        endpoint="/api/v1/gouvernance/import"
        what="données de gouvernance (classeur à feuilles « Binômes », « Chefs de projet », « Coordinateurs », « Événements »)"
      />
    </>
  );
}
