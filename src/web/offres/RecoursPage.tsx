import './offres.css';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { operateurShort } from '../../domain/offres/vocabulary';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { DemoNotice } from '../platform/DemoBadge';
import { formatInteger, formatPercent } from '../platform/format';
import { Loading, QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { useMe } from './session';
import type { Figures } from './types';

type Counts = {
  demandees: number;
  obtenues: number;
  refusees: number;
  montantObtenu: number;
  nbTerritoires: number;
};
type Usage = {
  demo: boolean;
  total: Omit<Counts, 'nbTerritoires'>;
  parOffre: (Counts & { slug: string; titre: string; operateur: string | null })[];
  parRegion: (Counts & { code: string; nom: string })[];
};
type Stats = {
  demo: boolean;
  total: Figures;
  parRegion: (Figures & { code: string; nom: string; celluleRegionale: Figures })[];
  parOperateur: (Figures & { code: string; nom: string })[];
};

const euros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});
const days = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('fr-FR')} j`);
const share = (n: number | null) => (n === null ? '—' : formatPercent(n));

const figureColumns = [
  { key: 'nombre', label: 'Sollicitations', numeric: true, render: (f: Figures) => formatInteger(f.nombre) },
  { key: 'enCours', label: 'En cours', numeric: true, render: (f: Figures) => formatInteger(f.enCours) },
  { key: 'enRetard', label: 'En retard', numeric: true, render: (f: Figures) => formatInteger(f.enRetard) },
  {
    key: 'delai',
    label: 'Délai médian de réponse',
    numeric: true,
    render: (f: Figures) => days(f.delaiMedianJours),
  },
  { key: 'part', label: 'Part favorable', numeric: true, render: (f: Figures) => share(f.partFavorable) },
];

/** Uptake of offers and requests: which offers are used, where, with what result; answer times. */
export default function RecoursPage() {
  usePageTitle('Recours aux offres et sollicitations');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? '';
  const suffix = region ? `?region=${region}` : '';
  const signedIn = Boolean(me.data?.connecte);
  const usage = useQuery({
    queryKey: [`/api/v1/offres/usage${suffix}`],
    queryFn: apiQuery<Usage>(`/api/v1/offres/usage${suffix}`),
    enabled: signedIn,
  });
  const stats = useQuery({
    queryKey: [`/api/v1/sollicitations/statistiques${suffix}`],
    queryFn: apiQuery<Stats>(`/api/v1/sollicitations/statistiques${suffix}`),
    enabled: signedIn,
  });
  const regions = useQuery({
    queryKey: ['/api/v1/regions'],
    queryFn: apiQuery<{ items: { code: string; nom: string }[] }>('/api/v1/regions'),
  });

  if (me.isPending) return <Loading />;
  return (
    <div className="fr-pb-2w">
      <h1>Recours aux offres et sollicitations</h1>
      {!signedIn ? (
        <Alert
          severity="info"
          title="Connectez-vous pour voir ces chiffres"
          description="Ils sont réservés aux équipes du programme et à ses partenaires."
        />
      ) : (
        <>
          {(usage.data?.demo || stats.data?.demo) && <DemoNotice />}
          <div className="fr-grid-row fr-mb-2w">
            <div className="fr-col-12 fr-col-md-4">
              <Select
                label="Région"
                nativeSelectProps={{
                  value: region,
                  onChange: (e) => {
                    const next = new URLSearchParams(params);
                    if (e.target.value) next.set('region', e.target.value);
                    else next.delete('region');
                    setParams(next, { replace: true });
                  },
                }}
              >
                <option value="">Toutes les régions</option>
                {regions.data?.items.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.nom}
                  </option>
                ))}
              </Select>
            </div>
          </div>
          <h2 className="fr-h3">Sollicitations</h2>
          <QueryState query={stats}>
            {(s) => (
              <>
                <p>
                  {formatInteger(s.total.nombre)} sollicitations, délai médian de réponse{' '}
                  {days(s.total.delaiMedianJours)}, part favorable {share(s.total.partFavorable)} (parmi les
                  demandes closes). Le délai court de la demande à la première décision ; l’échéance est de 15
                  jours.
                </p>
                <DataTable
                  caption="Sollicitations par région (dont celles adressées à la cellule régionale)"
                  rows={s.parRegion}
                  rowKey={(r) => r.code}
                  columns={[
                    { key: 'nom', label: 'Région', rowHeader: true, render: (r) => r.nom },
                    ...figureColumns,
                    {
                      key: 'cellule',
                      label: 'Dont cellule régionale',
                      numeric: true,
                      render: (r) =>
                        r.celluleRegionale.nombre
                          ? `${formatInteger(r.celluleRegionale.nombre)} (${share(r.celluleRegionale.partFavorable)} favorables)`
                          : '—',
                    },
                  ]}
                />
                <DataTable
                  caption="Sollicitations par opérateur"
                  rows={s.parOperateur}
                  rowKey={(r) => r.code}
                  columns={[
                    {
                      key: 'nom',
                      label: 'Opérateur',
                      rowHeader: true,
                      render: (r) => operateurShort(r.code),
                    },
                    ...figureColumns,
                  ]}
                />
              </>
            )}
          </QueryState>
          <h2 className="fr-h3">Recours aux offres</h2>
          <QueryState query={usage}>
            {(u) => (
              <>
                <p>
                  {formatInteger(u.total.demandees)} offres demandées, {formatInteger(u.total.obtenues)}{' '}
                  obtenues ({euros.format(u.total.montantObtenu)} déclarés), {formatInteger(u.total.refusees)}{' '}
                  refusées.
                </p>
                <DataTable
                  caption="Recours par offre"
                  rows={u.parOffre}
                  rowKey={(r) => r.slug}
                  columns={[
                    {
                      key: 'titre',
                      label: 'Offre',
                      rowHeader: true,
                      render: (r) => <Link to={`/offres/${r.slug}`}>{r.titre}</Link>,
                    },
                    {
                      key: 'operateur',
                      label: 'Opérateur',
                      render: (r) => (r.operateur ? operateurShort(r.operateur) : '—'),
                    },
                    { key: 'demandees', label: 'Demandées', numeric: true },
                    { key: 'obtenues', label: 'Obtenues', numeric: true },
                    { key: 'refusees', label: 'Refusées', numeric: true },
                    {
                      key: 'montant',
                      label: 'Montant obtenu',
                      numeric: true,
                      render: (r) => euros.format(r.montantObtenu),
                    },
                    { key: 'nbTerritoires', label: 'Territoires', numeric: true },
                  ]}
                  empty="Aucun recours enregistré."
                />
                <DataTable
                  caption="Recours par région"
                  rows={u.parRegion}
                  rowKey={(r) => r.code}
                  columns={[
                    { key: 'nom', label: 'Région', rowHeader: true, render: (r) => r.nom },
                    { key: 'demandees', label: 'Demandées', numeric: true },
                    { key: 'obtenues', label: 'Obtenues', numeric: true },
                    { key: 'refusees', label: 'Refusées', numeric: true },
                    {
                      key: 'montant',
                      label: 'Montant obtenu',
                      numeric: true,
                      render: (r) => euros.format(r.montantObtenu),
                    },
                    { key: 'nbTerritoires', label: 'Territoires', numeric: true },
                  ]}
                  empty="Aucun recours enregistré."
                />
              </>
            )}
          </QueryState>
        </>
      )}
    </div>
  );
}
