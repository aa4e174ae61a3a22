import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { ProConnectButton } from '@codegouvfr/react-dsfr/ProConnectButton';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, api, apiQuery, setCsrfToken } from '../platform/api';
import { usePageTitle } from '../platform/usePageTitle';
import { SIGNIN_ERRORS } from './messages';
import { MOI_KEY } from './useMoi';

/** Sign-in: ProConnect for State agents, or an email and a password. */
export default function ConnexionPage() {
  usePageTitle('Se connecter');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const methodes = useQuery({
    queryKey: ['comptes', 'methodes'],
    queryFn: apiQuery<{ proconnect: boolean }>('/api/v1/comptes/methodes'),
  });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(
    params.get('erreur') ? (SIGNIN_ERRORS[params.get('erreur')!] ?? 'La connexion a échoué.') : null,
  );
  const [busy, setBusy] = useState(false);
  const retour = params.get('retour');
  const target = retour?.startsWith('/') && !retour.startsWith('//') ? retour : '/compte';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await api<{ csrfToken: string }>('/api/v1/comptes/connexion', {
        method: 'POST',
        body: { email, motDePasse: password },
      });
      setCsrfToken(res.csrfToken);
      await client.invalidateQueries();
      await client.refetchQueries({ queryKey: MOI_KEY });
      navigate(target);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'La connexion a échoué.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Se connecter à Pilote TI</h1>
        {params.get('deconnecte') && (
          <Alert severity="success" small description="Vous êtes déconnecté." className="fr-mb-3w" />
        )}
        {error && (
          <Alert severity="error" title="Connexion impossible" description={error} className="fr-mb-3w" />
        )}
        {methodes.data?.proconnect && (
          <section className="fr-mb-4w">
            <h2 className="fr-h5">Avec ProConnect</h2>
            <p className="fr-text--sm">
              Pour les agents publics : connectez-vous avec votre compte professionnel.
            </p>
            <ProConnectButton
              url={`/api/v1/comptes/proconnect/connexion?retour=${encodeURIComponent(target)}`}
            />
          </section>
        )}
        <section>
          <h2 className="fr-h5">Avec une adresse électronique et un mot de passe</h2>
          <form onSubmit={submit} noValidate={false}>
            <Input
              label="Adresse électronique"
              hintText="Format attendu : nom@domaine.fr"
              nativeInputProps={{
                type: 'email',
                autoComplete: 'username',
                required: true,
                value: email,
                onChange: (e) => setEmail(e.target.value),
              }}
            />
            <PasswordInput
              label="Mot de passe"
              messagesHint=""
              nativeInputProps={{
                autoComplete: 'current-password',
                required: true,
                value: password,
                onChange: (e) => setPassword(e.target.value),
              }}
            />
            <p className="fr-mt-1w">
              <Link to="/compte/mot-de-passe-oublie" className="fr-link fr-text--sm">
                Mot de passe oublié ?
              </Link>
            </p>
            <Button type="submit" disabled={busy}>
              {busy ? 'Connexion…' : 'Se connecter'}
            </Button>
          </form>
        </section>
      </div>
    </div>
  );
}
