import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { axeLabel, statutLabel } from '../../domain/actions/vocabulary';
import { send } from '../actions/session';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { DemoNotice } from '../platform/DemoBadge';
import { formatDate, formatInteger } from '../platform/format';
import { QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { formatDateTime, formatShare, STATUT_SEVERITY } from './format';
import { SendBackForm } from './SendBackForm';
import type { CampagneTerritoire } from './types';
import './campagnes.css';

/**
 * The chef de projet's campaign page: what remains to review, one click to confirm an action that is
 * still right (or all of them), a link to edit or add actions, then the sign-off. The regional
 * coordinator sees the same page with the send-back form.
 */
export default function CampagneTerritoirePage() {
  const { id = '', ti = '' } = useParams();
  const url = `/api/v1/campagnes/${id}/territoires/${ti}`;
  const client = useQueryClient();
  const query = useQuery({ queryKey: [url], queryFn: apiQuery<CampagneTerritoire>(url) });
  usePageTitle(
    query.data ? `${query.data.campagne.nom} — ${query.data.territoire.nom}` : 'Campagne du territoire',
  );
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: [url] });

  const confirm = useMutation({
    mutationFn: (actions: string[]) =>
      send<{ confirmees: number }>('POST', `/api/v1/campagnes/${id}/territoires/${ti}/revues`, { actions }),
    onSuccess: (r) => {
      setMessage({
        severity: 'success',
        text: `${r.confirmees > 1 ? `${r.confirmees} actions confirmées` : 'Action confirmée'}.`,
      });
      refresh();
    },
    onError: (e) => setMessage({ severity: 'error', text: (e as Error).message }),
  });
  const signOff = useMutation({
    mutationFn: () => send('POST', `/api/v1/campagnes/${id}/territoires/${ti}/signature`),
    onSuccess: () => {
      setMessage({
        severity: 'success',
        text: 'Mise à jour signée : la coordination régionale peut maintenant la valider.',
      });
      refresh();
    },
    onError: (e) => setMessage({ severity: 'error', text: (e as Error).message }),
  });

  return (
    <QueryState query={query} loadingLabel="Chargement de la campagne du territoire…">
      {(d) => {
        const open = !d.campagne.close;
        const canReview = open && d.peutReviser && !d.signeLe;
        const remaining = d.items.filter((a) => !a.revue);
        const reviewed = d.items.filter((a) => a.revue);
        return (
          <>
            <Breadcrumb
              currentPageLabel={d.territoire.nom}
              homeLinkProps={{ to: '/' }}
              segments={[
                { label: 'Campagnes', linkProps: { to: '/campagnes' } },
                { label: d.campagne.nom, linkProps: { to: `/campagnes/${id}` } },
              ]}
              className="fr-mb-2w"
            />
            {d.campagne.demo && <DemoNotice />}
            <h1 className="fr-mb-1w">
              {d.campagne.nom} — {d.territoire.nom}
            </h1>
            <p className="fr-mb-2w">
              <Badge severity={STATUT_SEVERITY[d.statut]} noIcon>
                {d.statutLibelle}
              </Badge>{' '}
              {open
                ? `Date de clôture : ${formatDate(d.campagne.cloture)}.`
                : `Campagne close le ${formatDateTime(d.campagne.closeLe)} : ces chiffres sont figés.`}
            </p>
            <ul className="pilote-kpis fr-mb-3w">
              <li>
                <strong>{formatShare(d.partRevue)}</strong> des actions revues ({formatInteger(d.revues)} sur{' '}
                {formatInteger(d.actions)})
              </li>
              <li>
                <strong>{formatInteger(d.actions - d.revues)}</strong> à revoir
              </li>
              <li>{d.signeLe ? <>Signée le {formatDateTime(d.signeLe)}</> : <>Pas encore signée</>}</li>
              {d.regionValideeLe && <li>Région validée le {formatDateTime(d.regionValideeLe)}</li>}
            </ul>
            {d.renvoyeLe && !d.signeLe && (
              <Alert
                severity="warning"
                className="fr-mb-3w"
                title={`Mise à jour renvoyée par la région le ${formatDateTime(d.renvoyeLe)}`}
                description={d.commentaireRenvoi ?? ''}
              />
            )}
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
            {canReview && (
              <div className="fr-btns-group fr-btns-group--inline-md fr-mb-3w">
                <Button
                  onClick={() => signOff.mutate()}
                  disabled={remaining.length > 0 || signOff.isPending}
                  iconId="fr-icon-check-line"
                  iconPosition="left"
                  title={
                    remaining.length > 0
                      ? 'Toutes les actions doivent être revues avant de signer'
                      : undefined
                  }
                >
                  Signer la mise à jour du territoire
                </Button>
                {remaining.length > 1 && (
                  <Button
                    priority="secondary"
                    onClick={() => confirm.mutate(remaining.map((a) => a.id))}
                    disabled={confirm.isPending}
                  >
                    Confirmer les {remaining.length} actions restantes
                  </Button>
                )}
                <Button priority="tertiary" linkProps={{ to: `/territoires/${ti}/actions` }}>
                  Modifier ou ajouter des actions
                </Button>
              </div>
            )}
            <h2>À revoir ({formatInteger(remaining.length)})</h2>
            <p className="fr-text--sm">
              Confirmez une action encore exacte, ou mettez-la à jour depuis le plan d’action : une action
              modifiée ou ajoutée pendant la campagne compte comme revue.
            </p>
            <DataTable
              caption={`Actions de ${d.territoire.nom} restant à revoir`}
              rows={remaining}
              rowKey={(a) => a.id}
              empty="Toutes les actions sont revues."
              columns={[
                {
                  key: 'titre',
                  label: 'Action',
                  rowHeader: true,
                  render: (a) => <Link to={`/actions/${a.id}`}>{a.titre}</Link>,
                },
                { key: 'axe', label: 'Axe', render: (a) => axeLabel(a.axe) },
                { key: 'statut', label: 'Statut', render: (a) => statutLabel(a.statut) },
                {
                  key: 'derniereRevue',
                  label: 'Dernière revue',
                  render: (a) => formatDateTime(a.derniereRevue),
                },
                ...(canReview
                  ? [
                      {
                        key: 'confirmer',
                        label: 'Confirmer',
                        render: (a: CampagneTerritoire['items'][number]) => (
                          <Button
                            size="small"
                            priority="secondary"
                            onClick={() => confirm.mutate([a.id])}
                            disabled={confirm.isPending}
                          >
                            Confirmer<span className="fr-sr-only"> « {a.titre} »</span>
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            <h2 className="fr-mt-4w">Revues ({formatInteger(reviewed.length)})</h2>
            <DataTable
              small
              caption={`Actions de ${d.territoire.nom} revues pendant la campagne`}
              rows={reviewed}
              rowKey={(a) => a.id}
              empty="Aucune action revue pour l’instant."
              columns={[
                {
                  key: 'titre',
                  label: 'Action',
                  rowHeader: true,
                  render: (a) => <Link to={`/actions/${a.id}`}>{a.titre}</Link>,
                },
                { key: 'axe', label: 'Axe', render: (a) => axeLabel(a.axe) },
                { key: 'statut', label: 'Statut', render: (a) => statutLabel(a.statut) },
                { key: 'derniereRevue', label: 'Revue le', render: (a) => formatDateTime(a.derniereRevue) },
              ]}
            />
            {d.peutValider && open && d.signeLe && !d.regionValideeLe && (
              <SendBackForm campagne={id} territoire={d.territoire} onDone={refresh} />
            )}
            {d.rappels.length > 0 && (
              <>
                <h2 className="fr-mt-4w">Rappels reçus</h2>
                <DataTable
                  small
                  caption="Rappels envoyés à l’équipe du territoire"
                  rows={d.rappels}
                  rowKey={(r) => r.envoyeLe + r.type}
                  columns={[
                    {
                      key: 'envoyeLe',
                      label: 'Envoyé le',
                      rowHeader: true,
                      render: (r) => formatDateTime(r.envoyeLe),
                    },
                    { key: 'libelle', label: 'Type' },
                    { key: 'destinataires', label: 'Destinataires', numeric: true },
                  ]}
                />
              </>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
