import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, api, apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { formatDateTime } from './messages';
import { RequireSignIn } from './RequireSignIn';
import { hasRole, type RoleOut, useMoi } from './useMoi';

interface SessionOut {
  id: number;
  creeeLe: string;
  expireLe: string;
  ip: string | null;
  navigateur: string | null;
  methode: string;
  courante: boolean;
}

export const scopeLabel = (r: RoleOut) =>
  r.region
    ? `région ${r.region}`
    : r.territoire
      ? `territoire ${r.territoire}`
      : r.organisation
        ? (r.organisationLibelle ?? r.organisation)
        : 'tout le programme';

/** « Mon compte » : roles, open sessions (each can be closed), password change, admin links. */
export default function MonComptePage() {
  usePageTitle('Mon compte');
  return (
    <RequireSignIn>
      {(moi) => (
        <>
          <h1>Mon compte</h1>
          <p>
            <strong>{moi.nom}</strong> — {moi.email}
          </p>
          <h2 className="fr-h4">Mes rôles</h2>
          <ul>
            {moi.roles.map((r) => (
              <li key={`${r.role}-${r.region ?? r.territoire ?? r.organisation ?? ''}`}>
                {r.libelle} — {scopeLabel(r)}
              </li>
            ))}
            {moi.roles.length === 0 && <li>Aucun rôle : vous voyez les pages publiques.</li>}
          </ul>
          <AdminLinks />
          <Sessions />
          <ChangePassword />
        </>
      )}
    </RequireSignIn>
  );
}

function AdminLinks() {
  const { data: moi } = useMoi();
  const links = [
    hasRole(moi, 'national', 'regional') && { to: '/comptes/utilisateurs', text: 'Gérer les comptes' },
    hasRole(moi, 'national', 'territorial') && { to: '/comptes/journal', text: 'Journal des modifications' },
    hasRole(moi, 'national') && { to: '/comptes/boite-envoi', text: 'Boîte d’envoi des courriels' },
  ].filter(Boolean) as { to: string; text: string }[];
  if (!links.length) return null;
  return (
    <>
      <h2 className="fr-h4">Administration</h2>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to}>{l.text}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

function Sessions() {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['comptes', 'sessions'],
    queryFn: apiQuery<{ sessions: SessionOut[] }>('/api/v1/comptes/moi/sessions'),
  });
  const close = useMutation({
    mutationFn: (id: number) => api(`/api/v1/comptes/moi/sessions/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['comptes', 'sessions'] }),
  });
  return (
    <section className="fr-mt-4w">
      <h2 className="fr-h4">Mes sessions ouvertes</h2>
      {close.isError && (
        <Alert severity="error" small description={(close.error as Error).message} className="fr-mb-2w" />
      )}
      <QueryState query={query}>
        {(data) => (
          <DataTable
            caption="Sessions ouvertes sur ce compte"
            rows={data.sessions}
            rowKey={(s) => String(s.id)}
            columns={[
              {
                key: 'creeeLe',
                label: 'Ouverte le',
                rowHeader: true,
                render: (s) => formatDateTime(s.creeeLe),
              },
              { key: 'expireLe', label: 'Expire le', render: (s) => formatDateTime(s.expireLe) },
              { key: 'methode', label: 'Moyen' },
              { key: 'ip', label: 'Adresse réseau', render: (s) => s.ip ?? '—' },
              {
                key: 'navigateur',
                label: 'Navigateur',
                render: (s) => <span className="fr-text--xs">{s.navigateur ?? '—'}</span>,
              },
              {
                key: 'action',
                label: 'Action',
                render: (s) =>
                  s.courante ? (
                    'Session actuelle'
                  ) : (
                    <Button
                      size="small"
                      priority="secondary"
                      onClick={() => close.mutate(s.id)}
                      title={`Fermer la session ouverte le ${formatDateTime(s.creeeLe)}`}
                    >
                      Fermer
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}

function ChangePassword() {
  const [actuel, setActuel] = useState('');
  const [nouveau, setNouveau] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const client = useQueryClient();
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const res = await api<{ message: string }>('/api/v1/comptes/moi/mot-de-passe', {
        method: 'POST',
        body: { actuel, nouveau },
      });
      setMessage({ ok: true, text: res.message });
      setActuel('');
      setNouveau('');
      await client.invalidateQueries({ queryKey: ['comptes', 'sessions'] });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? err.message : 'Le changement a échoué.' });
    }
  }
  return (
    <section className="fr-mt-4w">
      <h2 className="fr-h4">Changer de mot de passe</h2>
      <form onSubmit={submit} className="fr-col-md-6">
        {message && (
          <Alert
            severity={message.ok ? 'success' : 'error'}
            small
            description={message.text}
            className="fr-mb-2w"
          />
        )}
        <PasswordInput
          label="Mot de passe actuel"
          messagesHint=""
          nativeInputProps={{
            autoComplete: 'current-password',
            required: true,
            value: actuel,
            onChange: (e) => setActuel(e.target.value),
          }}
        />
        <PasswordInput
          label="Nouveau mot de passe"
          messages={[{ message: '12 caractères au moins', severity: 'info' }]}
          nativeInputProps={{
            autoComplete: 'new-password',
            required: true,
            minLength: 12,
            value: nouveau,
            onChange: (e) => setNouveau(e.target.value),
          }}
        />
        <Button type="submit" priority="secondary">
          Changer de mot de passe
        </Button>
      </form>
    </section>
  );
}
