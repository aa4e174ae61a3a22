import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { send, useMe } from '../actions/session';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { DemoNotice } from '../platform/DemoBadge';
import { formatDate, formatInteger } from '../platform/format';
import { Loading, QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { formatDateTime, formatShare, STATUT_SEVERITY } from './format';
import { StuckActions } from './StuckActions';
import type { Avancement, Rappels } from './types';
import './campagnes.css';

const ProgressMap = lazy(() => import('./ProgressMap'));

/**
 * A campaign's dashboard, national or regional (?region=84): progress figures, the map of
 * territories by status, the regions (validation) and territories (send back) tables, reminders,
 * closing, and the actions stuck for two campaigns or more.
 */
export default function CampagnePage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const region = search.get('region') ?? '';
  const me = useMe();
  const client = useQueryClient();
  const url = `/api/v1/campagnes/${id}/avancement`;
  const query = useQuery({ queryKey: [url], queryFn: apiQuery<Avancement>(url) });
  usePageTitle(query.data ? `${query.data.campagne.nom} — avancement` : 'Campagne');
  const roles = me.data?.connecte ? me.data.roles : [];
  const national = roles.some((r) => r.role === 'national');
  const myRegions = roles.flatMap((r) => (r.role === 'regional' ? [r.region] : []));
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const refresh = () =>
    client.invalidateQueries({
      predicate: (q) => String(q.queryKey[0]).startsWith(`/api/v1/campagnes/${id}`),
    });
  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown; done: string }) => send('POST', path, body),
    onSuccess: (_r, v) => {
      setMessage({ severity: 'success', text: v.done });
      refresh();
    },
    onError: (e) => setMessage({ severity: 'error', text: (e as Error).message }),
  });

  return (
    <QueryState query={query} loadingLabel="Chargement de l’avancement…">
      {(d) => {
        const open = !d.campagne.close;
        const regionRow = d.regions.find((r) => r.region === region);
        const totals = regionRow ?? d.national;
        const territories = d.territoires.filter((t) => !region || t.region === region);
        const statuts = Object.fromEntries(territories.map((t) => [t.territoire, t.statut]));
        return (
          <>
            <Breadcrumb
              currentPageLabel={d.campagne.nom}
              homeLinkProps={{ to: '/' }}
              segments={[{ label: 'Campagnes', linkProps: { to: '/campagnes' } }]}
              className="fr-mb-2w"
            />
            {d.campagne.demo && <DemoNotice />}
            <h1 className="fr-mb-1w">
              {d.campagne.nom}
              {regionRow ? ` — ${regionRow.nom}` : ''}
            </h1>
            <p>
              <Badge severity={open ? 'success' : 'info'} noIcon>
                {d.campagne.etatLibelle}
              </Badge>{' '}
              Du {formatDate(d.campagne.ouverture)} au {formatDate(d.campagne.cloture)}
              {d.campagne.closeLe ? `, close le ${formatDateTime(d.campagne.closeLe)}` : ''}.
            </p>
            <Select
              label="Périmètre du tableau de bord"
              className="fr-mb-3w pilote-select-inline"
              nativeSelectProps={{
                value: region,
                onChange: (e) => setSearch(e.target.value ? { region: e.target.value } : {}),
              }}
            >
              <option value="">France entière</option>
              {d.regions.map((r) => (
                <option key={r.region} value={r.region}>
                  {r.nom}
                </option>
              ))}
            </Select>
            <ul className="pilote-kpis fr-mb-3w">
              <li>
                <strong>{formatShare(totals.partRevue)}</strong> des actions revues (
                {formatInteger(totals.actionsRevues)} sur {formatInteger(totals.actions)})
              </li>
              <li>
                <strong>
                  {formatInteger(totals.territoiresSignes)} / {formatInteger(totals.territoires)}
                </strong>{' '}
                territoires signés
              </li>
              {regionRow ? (
                <li>
                  {regionRow.valideeLe
                    ? `Région validée le ${formatDateTime(regionRow.valideeLe)}`
                    : 'Région non validée'}
                </li>
              ) : (
                <li>
                  <strong>
                    {formatInteger(d.national.regionsValidees)} / {formatInteger(d.national.regions)}
                  </strong>{' '}
                  régions validées
                </li>
              )}
              <li>
                <strong>{formatInteger(totals.fraicheur['a-jour'])}</strong> actions revues depuis moins de 6
                mois
              </li>
            </ul>
            <div aria-live="polite" className="fr-mb-2w">
              {message && (
                <Alert
                  severity={message.severity}
                  small
                  description={message.text}
                  closable
                  onClose={() => setMessage(null)}
                />
              )}
            </div>
            {national && open && (
              <div className="fr-btns-group fr-btns-group--inline-md fr-mb-3w">
                <Button
                  priority="secondary"
                  iconId="fr-icon-mail-line"
                  iconPosition="left"
                  onClick={() =>
                    act.mutate({
                      path: `/api/v1/campagnes/${id}/rappels`,
                      body: {},
                      done: 'Rappel envoyé aux territoires qui n’ont pas signé.',
                    })
                  }
                >
                  Envoyer un rappel aux territoires non signés
                </Button>
                <Button
                  iconId="fr-icon-lock-line"
                  iconPosition="left"
                  onClick={() => {
                    if (
                      window.confirm(
                        'Clore la campagne ? Ses actions seront figées et ne pourront plus être revues.',
                      )
                    )
                      act.mutate({
                        path: `/api/v1/campagnes/${id}/cloture`,
                        done: 'Campagne close : le cliché des actions est figé.',
                      });
                  }}
                >
                  Clore la campagne
                </Button>
              </div>
            )}
            <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
              <div className="fr-col-12 fr-col-lg-7">
                <Suspense fallback={<Loading label="Chargement de la carte…" />}>
                  <ProgressMap
                    statuts={statuts}
                    labels={d.libelles.statuts}
                    region={region || undefined}
                    description={`Carte de l’avancement de la campagne par territoire${regionRow ? ` en ${regionRow.nom}` : ''} ; le tableau des territoires qui suit donne les mêmes informations.`}
                  />
                </Suspense>
              </div>
              <div className="fr-col-12 fr-col-lg-5">
                <DataTable
                  small
                  caption="Avancement par région"
                  rows={d.regions}
                  rowKey={(r) => r.region}
                  columns={[
                    {
                      key: 'nom',
                      label: 'Région',
                      rowHeader: true,
                      render: (r) => <Link to={`/campagnes/${id}?region=${r.region}`}>{r.nom}</Link>,
                    },
                    {
                      key: 'part',
                      label: 'Actions revues',
                      numeric: true,
                      render: (r) => formatShare(r.partRevue),
                    },
                    {
                      key: 'signes',
                      label: 'Territoires signés',
                      numeric: true,
                      render: (r) => `${r.territoiresSignes} / ${r.territoires}`,
                    },
                    {
                      key: 'validee',
                      label: 'Validation',
                      render: (r) =>
                        r.valideeLe ? (
                          `Validée le ${formatDate(r.valideeLe)}`
                        ) : open && (national || myRegions.includes(r.region)) ? (
                          <Button
                            size="small"
                            priority="secondary"
                            disabled={r.territoiresSignes < r.territoires}
                            onClick={() =>
                              act.mutate({
                                path: `/api/v1/campagnes/${id}/regions/${r.region}/validation`,
                                done: `Région ${r.nom} validée.`,
                              })
                            }
                          >
                            Valider<span className="fr-sr-only"> la région {r.nom}</span>
                          </Button>
                        ) : (
                          'Non validée'
                        ),
                    },
                  ]}
                />
              </div>
            </div>
            <h2>Territoires</h2>
            <DataTable
              small
              caption={`Avancement par territoire${regionRow ? ` — ${regionRow.nom}` : ''}`}
              rows={territories}
              rowKey={(t) => t.territoire}
              empty="Aucun territoire dans votre périmètre pour cette campagne."
              columns={[
                {
                  key: 'nom',
                  label: 'Territoire',
                  rowHeader: true,
                  render: (t) => <Link to={`/campagnes/${id}/territoires/${t.territoire}`}>{t.nom}</Link>,
                },
                {
                  key: 'statut',
                  label: 'État',
                  render: (t) => (
                    <Badge small noIcon severity={STATUT_SEVERITY[t.statut]}>
                      {t.statutLibelle}
                    </Badge>
                  ),
                },
                {
                  key: 'revues',
                  label: 'Revues',
                  numeric: true,
                  render: (t) => `${t.revues} / ${t.actions}`,
                },
                { key: 'part', label: 'Part revue', numeric: true, render: (t) => formatShare(t.partRevue) },
                {
                  key: 'ajour',
                  label: 'À jour (< 6 mois)',
                  numeric: true,
                  render: (t) => formatInteger(t.fraicheur['a-jour']),
                },
                {
                  key: 'plusAncienne',
                  label: 'Revue la plus ancienne',
                  render: (t) => formatDate(t.revuePlusAncienne),
                },
                { key: 'signe', label: 'Signée le', render: (t) => formatDate(t.signeLe) },
              ]}
            />
            <RemindersSection id={id} />
            <StuckActions campagne={id} region={region || undefined} />
          </>
        );
      }}
    </QueryState>
  );
}

function RemindersSection({ id }: { id: string }) {
  const url = `/api/v1/campagnes/${id}/rappels`;
  const query = useQuery({ queryKey: [url], queryFn: apiQuery<Rappels>(url) });
  const rows = useMemo(() => query.data?.envoyes.slice(0, 200) ?? [], [query.data]);
  return (
    <section className="fr-mt-4w" aria-labelledby="rappels">
      <h2 id="rappels">Rappels</h2>
      <QueryState query={query} loadingLabel="Chargement des rappels…">
        {(r) => (
          <>
            {r.planifies.length > 0 && (
              <DataTable
                small
                caption="Rappels planifiés"
                rows={r.planifies}
                rowKey={(p) => p.prevuLe + p.type}
                columns={[
                  {
                    key: 'prevuLe',
                    label: 'Prévu le',
                    rowHeader: true,
                    render: (p) => formatDateTime(p.prevuLe),
                  },
                  { key: 'libelle', label: 'Type' },
                  {
                    key: 'etat',
                    label: 'État',
                    render: (p) =>
                      ({
                        pending: 'À venir',
                        running: 'En cours',
                        done: 'Envoyé',
                        failed: 'En échec',
                        cancelled: 'Annulé',
                      })[p.etat] ?? p.etat,
                  },
                ]}
              />
            )}
            <DataTable
              small
              caption="Rappels envoyés (dans votre périmètre)"
              rows={rows}
              rowKey={(e) => `${e.envoyeLe}-${e.type}-${e.territoire?.id ?? e.region.code}`}
              empty="Aucun rappel envoyé."
              columns={[
                {
                  key: 'envoyeLe',
                  label: 'Envoyé le',
                  rowHeader: true,
                  render: (e) => formatDateTime(e.envoyeLe),
                },
                { key: 'libelle', label: 'Type' },
                {
                  key: 'cible',
                  label: 'À',
                  render: (e) => (e.territoire ? e.territoire.nom : `Coordination ${e.region.nom}`),
                },
                { key: 'destinataires', label: 'Destinataires', numeric: true },
              ]}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
