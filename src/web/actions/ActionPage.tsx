import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { ParcoursPanel } from '../offres/ParcoursPanel';
import { apiQuery } from '../platform/api';
import { DemoBadge } from '../platform/DemoBadge';
import { formatDate } from '../platform/format';
import { QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { ActionForm } from './ActionForm';
import { formatEuros } from './format';
import { History } from './History';
import { SignInRequired } from './SignInRequired';
import { canWrite, send, useMe } from './session';
import type { ActionSheet } from './types';
import './actions.css';

/** The action sheet: read, edit (optimistic locking, merge on conflict), history, archive/restore. */
export default function ActionPage() {
  const { id = '' } = useParams();
  const path = `/api/v1/actions/${id}`;
  const sheet = useQuery({ queryKey: [path], queryFn: apiQuery<ActionSheet>(path) });
  const me = useMe();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  usePageTitle(sheet.data ? sheet.data.intitule : 'Fiche action');
  if (me.data && !me.data.connecte) return <SignInRequired />;

  const refresh = async () => {
    await queryClient.invalidateQueries();
  };
  const archive = async (a: ActionSheet) => {
    setNotice(null);
    try {
      if (a.archivee) await send('POST', `${path}/restaurer?version=${a.version}`);
      else await send('DELETE', `${path}?version=${a.version}`);
      setNotice({
        ok: true,
        text: a.archivee ? 'Action restaurée.' : 'Action archivée : elle peut être restaurée à tout moment.',
      });
      await refresh();
    } catch (error) {
      setNotice({ ok: false, text: (error as Error).message });
    }
  };

  return (
    <QueryState query={sheet}>
      {(a) => {
        const writable = canWrite(me.data, a.territoire.id);
        return (
          <>
            <Breadcrumb
              currentPageLabel={a.intitule}
              segments={[
                { label: 'Accueil', linkProps: { to: '/' } },
                { label: a.territoire.nom, linkProps: { to: `/territoires/${a.territoire.id}` } },
                { label: "Plan d'action", linkProps: { to: `/territoires/${a.territoire.id}/actions` } },
              ]}
            />
            <h1>
              {a.intitule} {a.demo && <DemoBadge />}
            </h1>
            {a.archivee && (
              <Alert
                severity="warning"
                small
                description={`Action archivée le ${formatDate(a.archiveeLe)} : elle ne figure plus dans le plan ni dans les chiffres.`}
                className="fr-mb-2w"
              />
            )}
            {notice && (
              <Alert
                severity={notice.ok ? 'success' : 'error'}
                small
                description={notice.text}
                className="fr-mb-2w"
              />
            )}
            {editing ? (
              <ActionForm
                sheet={a}
                onSaved={async () => {
                  setEditing(false);
                  setNotice({ ok: true, text: 'Modifications enregistrées.' });
                  await refresh();
                }}
                onCancel={() => setEditing(false)}
              />
            ) : (
              <>
                <Summary a={a} />
                {writable && (
                  <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
                    {!a.archivee && (
                      <li>
                        <Button iconId="fr-icon-edit-line" onClick={() => setEditing(true)}>
                          Modifier
                        </Button>
                      </li>
                    )}
                    <li>
                      <Button
                        priority="secondary"
                        iconId={a.archivee ? 'fr-icon-refresh-line' : 'fr-icon-archive-line'}
                        onClick={() => archive(a)}
                      >
                        {a.archivee ? 'Restaurer' : 'Archiver'}
                      </Button>
                    </li>
                  </ul>
                )}
              </>
            )}
            {!editing && <ParcoursPanel actionId={a.id} />}
            <History id={a.id} />
          </>
        );
      }}
    </QueryState>
  );
}

function Summary({ a }: { a: ActionSheet }) {
  const rows: [string, React.ReactNode][] = [
    ['Territoire', a.territoire.nom],
    ['Région', a.region.nom],
    [
      'Description',
      a.description ? (
        <span key="description" style={{ whiteSpace: 'pre-line' }}>
          {a.description}
        </span>
      ) : (
        '—'
      ),
    ],
    ['Axe', a.axeLibelle],
    ['Thématiques', a.thematiquesLibelles.join(', ') || '—'],
    ['Statut', a.statutLibelle],
    ['Porteur', a.porteur ?? '—'],
    ['Partenaires', a.partenaires.join(', ') || '—'],
    ['Budget prévisionnel', formatEuros(a.budgetPrevisionnel)],
    ['Financements obtenus', formatEuros(a.financementsObtenus)],
    ['Date de début', formatDate(a.dateDebut)],
    ['Date de fin', formatDate(a.dateFin)],
    ['Filière', a.filiere ?? '—'],
    ['Étiquettes', a.etiquettes.join(', ') || '—'],
    ['Référence externe', a.referenceExterne ?? '—'],
    ['Version', `${a.version} (modifiée le ${formatDate(a.modifieLe)})`],
  ];
  return (
    <dl className="pilote-sheet">
      {rows.map(([label, value]) => (
        <div key={label} className="fr-grid-row fr-mb-1w">
          <dt className="fr-col-12 fr-col-md-3 fr-text--bold">{label}</dt>
          <dd className="fr-col-12 fr-col-md-9 fr-m-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
