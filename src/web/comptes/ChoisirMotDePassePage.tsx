import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, api, apiQuery, setCsrfToken } from '../platform/api';
import { ErrorAlert, Loading } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';

/** Choosing a password from an invitation or reset link (`?jeton=`). */
export default function ChoisirMotDePassePage() {
  const [params] = useSearchParams();
  const jeton = params.get('jeton') ?? '';
  const navigate = useNavigate();
  const client = useQueryClient();
  const lien = useQuery({
    queryKey: ['comptes', 'lien', jeton],
    queryFn: apiQuery<{ objet: 'invitation' | 'reinitialisation'; email: string }>(
      `/api/v1/comptes/lien?jeton=${encodeURIComponent(jeton)}`,
    ),
    enabled: jeton.length >= 10,
    retry: false,
  });
  usePageTitle(lien.data?.objet === 'invitation' ? 'Activer mon compte' : 'Choisir un nouveau mot de passe');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== confirm) {
      setError('Les deux mots de passe saisis sont différents.');
      return;
    }
    try {
      const res = await api<{ csrfToken: string }>('/api/v1/comptes/mot-de-passe', {
        method: 'POST',
        body: { jeton, motDePasse: password },
      });
      setCsrfToken(res.csrfToken);
      await client.invalidateQueries();
      navigate('/compte');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'L’enregistrement a échoué.');
    }
  }

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>
          {lien.data?.objet === 'invitation' ? 'Activer mon compte' : 'Choisir un nouveau mot de passe'}
        </h1>
        {jeton.length < 10 ? (
          <Alert
            severity="error"
            title="Lien incomplet"
            description="Ouvrez le lien reçu par courriel en entier."
          />
        ) : lien.isPending ? (
          <Loading />
        ) : lien.isError ? (
          <>
            <ErrorAlert error={lien.error} />
            <Link to="/compte/mot-de-passe-oublie" className="fr-link">
              Demander un nouveau lien
            </Link>
          </>
        ) : (
          <form onSubmit={submit}>
            <p>
              Compte : <strong>{lien.data.email}</strong>
            </p>
            {error && <Alert severity="error" small description={error} className="fr-mb-2w" />}
            <PasswordInput
              label="Nouveau mot de passe"
              messages={[{ message: '12 caractères au moins', severity: 'info' }]}
              nativeInputProps={{
                autoComplete: 'new-password',
                required: true,
                minLength: 12,
                value: password,
                onChange: (e) => setPassword(e.target.value),
              }}
            />
            <PasswordInput
              label="Confirmer le mot de passe"
              messagesHint=""
              nativeInputProps={{
                autoComplete: 'new-password',
                required: true,
                value: confirm,
                onChange: (e) => setConfirm(e.target.value),
              }}
            />
            <Button type="submit">Enregistrer et me connecter</Button>
          </form>
        )}
      </div>
    </div>
  );
}
