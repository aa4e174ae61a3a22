import { Button } from '@codegouvfr/react-dsfr/Button';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiQuery } from '../platform/api';
import { QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { formatDateTime } from './messages';
import { RequireSignIn } from './RequireSignIn';

interface Mail {
  id: number;
  creeLe: string;
  destinataire: string;
  objet: string;
  texte: string;
  categorie: string | null;
  statut: string;
  statutLibelle: string;
  envoyeLe: string | null;
  erreur: string | null;
}
interface Outbox {
  modeEnvoi: 'smtp' | 'boite-envoi';
  total: number;
  page: number;
  parPage: number;
  courriels: Mail[];
}

/** The outbox (national team): every email the platform wrote, with its delivery status. */
export default function BoiteEnvoiPage() {
  usePageTitle('Boîte d’envoi');
  return <RequireSignIn roles={['national']}>{() => <OutboxView />}</RequireSignIn>;
}

function OutboxView() {
  const [statut, setStatut] = useState('');
  const [page, setPage] = useState(1);
  const path = `/api/v1/comptes/outbox?page=${page}&parPage=20${statut ? `&statut=${statut}` : ''}`;
  const query = useQuery({ queryKey: [path], queryFn: apiQuery<Outbox>(path) });
  return (
    <>
      <h1>Boîte d’envoi</h1>
      <QueryState query={query}>
        {(data) => (
          <>
            <Notice
              className="fr-mb-3w"
              title={
                data.modeEnvoi === 'smtp'
                  ? 'Les courriels sont envoyés par le serveur SMTP configuré (SMTP_URL) ; leur état est suivi ici.'
                  : 'Aucun serveur SMTP n’est configuré : les courriels restent ici, lisibles par l’équipe nationale.'
              }
            />
            <Select
              label="État"
              nativeSelectProps={{
                value: statut,
                onChange: (e) => {
                  setStatut(e.target.value);
                  setPage(1);
                },
              }}
            >
              <option value="">Tous</option>
              <option value="outbox">Conservés dans la boîte d’envoi</option>
              <option value="pending">En attente d’envoi</option>
              <option value="sent">Envoyés</option>
              <option value="failed">Échecs d’envoi</option>
            </Select>
            <p>
              {data.total} courriel{data.total > 1 ? 's' : ''}
            </p>
            {data.courriels.map((m) => (
              <details key={m.id} className="fr-mb-2w">
                <summary>
                  {formatDateTime(m.creeLe)} — <strong>{m.objet}</strong> — à {m.destinataire} —{' '}
                  {m.statutLibelle}
                </summary>
                <div className="fr-p-2w fr-background-alt--grey">
                  {m.envoyeLe && <p className="fr-text--sm">Envoyé le {formatDateTime(m.envoyeLe)}</p>}
                  {m.erreur && <p className="fr-text--sm fr-error-text">Dernière erreur : {m.erreur}</p>}
                  <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>{m.texte}</pre>
                </div>
              </details>
            ))}
            <div className="fr-btns-group fr-btns-group--inline">
              <Button priority="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Page précédente
              </Button>
              <Button
                priority="secondary"
                disabled={page * data.parPage >= data.total}
                onClick={() => setPage(page + 1)}
              >
                Page suivante
              </Button>
            </div>
          </>
        )}
      </QueryState>
    </>
  );
}
