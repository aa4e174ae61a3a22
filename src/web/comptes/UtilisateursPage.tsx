import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, api, apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { DemoBadge } from '../platform/DemoBadge';
import { QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { scopeLabel } from './MonComptePage';
import { formatDateTime } from './messages';
import { RequireSignIn } from './RequireSignIn';
import { type RoleInput, RolesEditor } from './RolesEditor';
import type { Moi, RoleOut } from './useMoi';

interface UserOut {
  id: string;
  email: string;
  nom: string;
  actif: boolean;
  demo: boolean;
  derniereConnexion: string | null;
  invitationEnAttente: boolean;
  roles: RoleOut[];
}
type SignedIn = Extract<Moi, { connecte: true }>;

const toInput = (r: RoleOut): RoleInput => ({
  role: r.role,
  region: r.region,
  territoire: r.territoire,
  organisation: r.organisation,
});

/** User administration for national and regional users: list, invite, change roles, deactivate. */
export default function UtilisateursPage() {
  usePageTitle('Gestion des comptes');
  return <RequireSignIn roles={['national', 'regional']}>{(moi) => <Admin moi={moi} />}</RequireSignIn>;
}

function Admin({ moi }: { moi: SignedIn }) {
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<UserOut | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const client = useQueryClient();
  const path = `/api/v1/comptes/utilisateurs?parPage=200${search ? `&q=${encodeURIComponent(search)}` : ''}`;
  const list = useQuery({
    queryKey: ['comptes', 'utilisateurs', search],
    queryFn: apiQuery<{ total: number; utilisateurs: UserOut[] }>(path),
  });
  const act = useMutation({
    mutationFn: ({ url, body, method }: { url: string; body?: unknown; method?: string }) =>
      api<{ message?: string; email?: string }>(url, { method: method ?? 'POST', body }),
    onSuccess: (res) => {
      setNotice({ ok: true, text: res.message ?? 'Modification enregistrée.' });
      setEditing(null);
      return client.invalidateQueries({ queryKey: ['comptes', 'utilisateurs'] });
    },
    onError: (err) =>
      setNotice({ ok: false, text: err instanceof ApiError ? err.message : 'La modification a échoué.' }),
  });

  return (
    <>
      <h1>Gestion des comptes</h1>
      <p>
        {moi.roles.some((r) => r.role === 'national')
          ? 'Équipe nationale : vous gérez tous les comptes.'
          : 'Coordination régionale : vous gérez les comptes de votre région et attribuez des rôles régionaux ou territoriaux de votre région.'}
      </p>
      {notice && (
        <Alert
          severity={notice.ok ? 'success' : 'error'}
          small
          description={notice.text}
          className="fr-mb-2w"
          closable
          onClose={() => setNotice(null)}
        />
      )}
      <Invite moi={moi} onDone={(text) => setNotice({ ok: true, text })} />
      <h2 className="fr-h4 fr-mt-4w">Comptes</h2>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet exposed by every assistive technology */}
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
        className="fr-grid-row fr-grid-row--gutters"
      >
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Rechercher un compte (nom ou adresse)"
            nativeInputProps={{ value: q, onChange: (e) => setQ(e.target.value), type: 'search' }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-3" style={{ display: 'flex', alignItems: 'flex-end' }}>
          <Button type="submit" priority="secondary">
            Rechercher
          </Button>
        </div>
      </form>
      {editing && (
        <EditRoles
          user={editing}
          moi={moi}
          onCancel={() => setEditing(null)}
          onSave={(roles) =>
            act.mutate({
              url: `/api/v1/comptes/utilisateurs/${editing.id}/roles`,
              method: 'PUT',
              body: { roles },
            })
          }
        />
      )}
      <QueryState query={list}>
        {(data) => (
          <DataTable
            caption={`${data.total} compte${data.total > 1 ? 's' : ''}`}
            rows={data.utilisateurs}
            rowKey={(u) => u.id}
            columns={[
              {
                key: 'nom',
                label: 'Personne',
                rowHeader: true,
                render: (u) => (
                  <>
                    {u.nom} {u.demo && <DemoBadge />}
                    <br />
                    <span className="fr-text--sm">{u.email}</span>
                  </>
                ),
              },
              {
                key: 'roles',
                label: 'Rôles',
                render: (u) =>
                  u.roles.map((r) => `${r.libelle.split(' (')[0]} — ${scopeLabel(r)}`).join(' ; '),
              },
              {
                key: 'etat',
                label: 'État',
                render: (u) =>
                  !u.actif ? 'Désactivé' : u.invitationEnAttente ? 'Invitation en attente' : 'Actif',
              },
              {
                key: 'derniereConnexion',
                label: 'Dernière connexion',
                render: (u) => formatDateTime(u.derniereConnexion),
              },
              {
                key: 'actions',
                label: 'Actions',
                render: (u) => (
                  <div className="fr-btns-group fr-btns-group--sm fr-btns-group--inline">
                    <Button
                      size="small"
                      priority="secondary"
                      onClick={() => setEditing(u)}
                      title={`Modifier les rôles de ${u.nom}`}
                    >
                      Modifier les rôles
                    </Button>
                    {u.actif ? (
                      <Button
                        size="small"
                        priority="tertiary"
                        disabled={u.id === moi.id}
                        onClick={() =>
                          act.mutate({ url: `/api/v1/comptes/utilisateurs/${u.id}/desactivation` })
                        }
                        title={`Désactiver le compte de ${u.nom}`}
                      >
                        Désactiver
                      </Button>
                    ) : (
                      <Button
                        size="small"
                        priority="tertiary"
                        onClick={() =>
                          act.mutate({ url: `/api/v1/comptes/utilisateurs/${u.id}/reactivation` })
                        }
                        title={`Réactiver le compte de ${u.nom}`}
                      >
                        Réactiver
                      </Button>
                    )}
                    {u.actif && u.invitationEnAttente && (
                      <Button
                        size="small"
                        priority="tertiary"
                        onClick={() => act.mutate({ url: `/api/v1/comptes/utilisateurs/${u.id}/invitation` })}
                        title={`Renvoyer l’invitation à ${u.nom}`}
                      >
                        Renvoyer l’invitation
                      </Button>
                    )}
                  </div>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}

function Invite({ moi, onDone }: { moi: SignedIn; onDone: (text: string) => void }) {
  const [email, setEmail] = useState('');
  const [nom, setNom] = useState('');
  const [roles, setRoles] = useState<RoleInput[]>([]);
  const [error, setError] = useState<string | null>(null);
  const client = useQueryClient();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!roles.length) {
      setError('Ajoutez au moins un rôle avant d’envoyer l’invitation.');
      return;
    }
    try {
      await api('/api/v1/comptes/utilisateurs', { method: 'POST', body: { email, nom, roles } });
      onDone(`Invitation envoyée à ${email}.`);
      setEmail('');
      setNom('');
      setRoles([]);
      await client.invalidateQueries({ queryKey: ['comptes', 'utilisateurs'] });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'L’invitation a échoué.');
    }
  }
  return (
    <section className="fr-p-3w fr-background-alt--grey">
      <h2 className="fr-h4">Inviter une personne</h2>
      <form onSubmit={submit}>
        {error && <Alert severity="error" small description={error} className="fr-mb-2w" />}
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label="Adresse électronique"
              hintText="Format attendu : nom@domaine.fr"
              nativeInputProps={{
                type: 'email',
                required: true,
                value: email,
                onChange: (e) => setEmail(e.target.value),
              }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label="Prénom et nom"
              nativeInputProps={{ required: true, value: nom, onChange: (e) => setNom(e.target.value) }}
            />
          </div>
        </div>
        <RolesEditor value={roles} onChange={setRoles} moi={moi} />
        <Button type="submit">Envoyer l’invitation</Button>
      </form>
    </section>
  );
}

function EditRoles({
  user,
  moi,
  onCancel,
  onSave,
}: {
  user: UserOut;
  moi: SignedIn;
  onCancel: () => void;
  onSave: (roles: RoleInput[]) => void;
}) {
  const [roles, setRoles] = useState<RoleInput[]>(user.roles.map(toInput));
  return (
    <section className="fr-p-3w fr-my-2w fr-background-alt--blue-france" aria-label={`Rôles de ${user.nom}`}>
      <h3 className="fr-h5">Rôles de {user.nom}</h3>
      <RolesEditor value={roles} onChange={setRoles} moi={moi} />
      <div className="fr-btns-group fr-btns-group--inline">
        <Button onClick={() => onSave(roles)} disabled={!roles.length}>
          Enregistrer les rôles
        </Button>
        <Button priority="secondary" onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </section>
  );
}
