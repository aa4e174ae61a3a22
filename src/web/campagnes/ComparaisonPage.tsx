import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { DemoNotice } from '../platform/DemoBadge';
import { formatInteger } from '../platform/format';
import { QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { formatDelta } from './format';
import { TransitionHeatmap } from './TransitionHeatmap';
import type { Campagne, Comparaison, Ligne } from './types';
import './campagnes.css';

/** Comparison of two campaigns: figures side by side, new/abandoned/completed, transition matrix drawn and tabulated. */
export default function ComparaisonPage() {
  usePageTitle('Comparer deux campagnes');
  const [search, setSearch] = useSearchParams();
  const list = useQuery({
    queryKey: ['/api/v1/campagnes'],
    queryFn: apiQuery<{ items: Campagne[] }>('/api/v1/campagnes'),
  });
  const campaigns = list.data?.items ?? [];
  const closed = campaigns.filter((c) => c.close);
  const de = search.get('de') ?? '';
  const a = search.get('a') ?? '';
  const region = search.get('region') ?? '';

  // By default: the two latest closed campaigns, oldest first.
  useEffect(() => {
    if ((!de || !a) && closed.length >= 2)
      setSearch({ de: closed[1]!.id, a: closed[0]!.id }, { replace: true });
  }, [de, a, closed, setSearch]);

  const url =
    de && a ? `/api/v1/campagnes/comparaison?de=${de}&a=${a}${region ? `&region=${region}` : ''}` : null;
  const query = useQuery({
    queryKey: [url],
    queryFn: apiQuery<Comparaison>(url ?? ''),
    enabled: Boolean(url),
  });
  const update = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next);
  };

  return (
    <>
      <Breadcrumb
        currentPageLabel="Comparer deux campagnes"
        homeLinkProps={{ to: '/' }}
        segments={[{ label: 'Campagnes', linkProps: { to: '/campagnes' } }]}
        className="fr-mb-2w"
      />
      <h1>Comparer deux campagnes</h1>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Première campagne"
            nativeSelectProps={{ value: de, onChange: (e) => update('de', e.target.value) }}
          >
            <option value="">Choisir…</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.nom}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Seconde campagne"
            nativeSelectProps={{ value: a, onChange: (e) => update('a', e.target.value) }}
          >
            <option value="">Choisir…</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.nom}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Périmètre"
            nativeSelectProps={{ value: region, onChange: (e) => update('region', e.target.value) }}
          >
            <option value="">France entière</option>
            {(query.data?.parRegion ?? []).map((r) => (
              <option key={r.key} value={r.key}>
                {r.label}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {!url && <Alert severity="info" small description="Choisissez deux campagnes à comparer." />}
      {url && (
        <QueryState query={query} loadingLabel="Comparaison en cours…">
          {(c) => <ComparisonView c={c} />}
        </QueryState>
      )}
    </>
  );
}

function SideBySide({ caption, rows, c }: { caption: string; rows: Ligne[]; c: Comparaison }) {
  return (
    <DataTable
      small
      caption={caption}
      rows={rows}
      rowKey={(r) => r.key}
      columns={[
        { key: 'label', label: 'Libellé', rowHeader: true },
        { key: 'de', label: c.de.nom, numeric: true, render: (r) => formatInteger(r.de) },
        { key: 'a', label: c.a.nom, numeric: true, render: (r) => formatInteger(r.a) },
        { key: 'ecart', label: 'Écart', numeric: true, render: (r) => formatDelta(r.ecart) },
      ]}
    />
  );
}

function ComparisonView({ c }: { c: Comparaison }) {
  const m = c.transitions;
  const matrixRows = m.statuts.map((s, i) => ({
    ...s,
    cells: m.cells[i]!,
    nouvelles: m.nouvelles[i]!,
    disparues: m.disparues[i]!,
  }));
  return (
    <>
      {(c.de.demo || c.a.demo) && <DemoNotice />}
      <ul className="pilote-kpis fr-my-3w">
        <li>
          <strong>{formatInteger(c.totaux.de)}</strong> → <strong>{formatInteger(c.totaux.a)}</strong> actions
          ({formatDelta(c.totaux.ecart)})
        </li>
        <li>
          <strong>{formatInteger(c.nouvelles)}</strong> nouvelles
        </li>
        <li>
          <strong>{formatInteger(c.realisees)}</strong> réalisées
        </li>
        <li>
          <strong>{formatInteger(c.abandonnees)}</strong> abandonnées
        </li>
        <li>
          <strong>{formatInteger(c.disparues)}</strong> retirées
        </li>
        <li>
          <strong>{formatInteger(c.inchangees)}</strong> au même statut
        </li>
      </ul>
      <h2>Matrice de transition des statuts</h2>
      <p className="fr-text--sm">
        Chaque case compte les actions présentes dans les deux campagnes qui avaient le statut de la ligne à
        la campagne « {c.de.nom} » et celui de la colonne à la campagne « {c.a.nom} ». La diagonale (encadrée)
        : actions restées au même statut.
      </p>
      <div className="fr-mb-2w" style={{ overflowX: 'auto' }}>
        <TransitionHeatmap matrix={m} de={c.de.nom} a={c.a.nom} />
      </div>
      <DataTable
        small
        caption={`Transitions de statut entre « ${c.de.nom} » (lignes) et « ${c.a.nom} » (colonnes)`}
        rows={matrixRows}
        rowKey={(r) => r.code}
        columns={[
          { key: 'label', label: `Statut en « ${c.de.nom} »`, rowHeader: true },
          ...m.statuts.map((s, j) => ({
            key: s.code,
            label: s.label,
            numeric: true,
            render: (r: (typeof matrixRows)[number]) => formatInteger(r.cells[j]),
          })),
          {
            key: 'disparues',
            label: 'Retirées depuis',
            numeric: true,
            render: (r) => formatInteger(r.disparues),
          },
        ]}
      />
      <DataTable
        small
        caption={`Statut en « ${c.a.nom} » des actions nouvelles`}
        rows={m.statuts.map((s, i) => ({ ...s, n: m.nouvelles[i]! }))}
        rowKey={(r) => r.code}
        columns={[
          { key: 'label', label: 'Statut', rowHeader: true },
          { key: 'n', label: 'Actions nouvelles', numeric: true, render: (r) => formatInteger(r.n) },
        ]}
      />
      <h2 className="fr-mt-4w">Effectifs côte à côte</h2>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-6">
          <SideBySide caption="Actions par axe" rows={c.parAxe} c={c} />
          <SideBySide caption="Actions par statut" rows={c.parStatut} c={c} />
        </div>
        <div className="fr-col-12 fr-col-lg-6">
          <SideBySide
            caption="Actions par thématique (une action compte une fois par thématique)"
            rows={c.parThematique}
            c={c}
          />
        </div>
      </div>
      <SideBySide caption="Actions par région" rows={c.parRegion} c={c} />
    </>
  );
}
