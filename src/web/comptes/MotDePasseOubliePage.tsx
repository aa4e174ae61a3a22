import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, api } from '../platform/api';
import { usePageTitle } from '../platform/usePageTitle';

/** Asks for a reset link; the answer is the same whether the address has an account or not. */
export default function MotDePasseOubliePage() {
  usePageTitle('Mot de passe oublié');
  const [email, setEmail] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const res = await api<{ message: string }>('/api/v1/comptes/mot-de-passe-oublie', {
        method: 'POST',
        body: { email },
      });
      setDone(res.message);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'La demande a échoué.');
    }
  }

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Mot de passe oublié</h1>
        {done ? (
          <Alert severity="info" title="Demande enregistrée" description={done} />
        ) : (
          <form onSubmit={submit}>
            <p>
              Saisissez l’adresse électronique de votre compte : vous recevrez un lien pour choisir un nouveau
              mot de passe.
            </p>
            {error && <Alert severity="error" small description={error} className="fr-mb-2w" />}
            <Input
              label="Adresse électronique"
              hintText="Format attendu : nom@domaine.fr"
              nativeInputProps={{
                type: 'email',
                autoComplete: 'email',
                required: true,
                value: email,
                onChange: (e) => setEmail(e.target.value),
              }}
            />
            <Button type="submit">Recevoir un lien</Button>
          </form>
        )}
        <p className="fr-mt-3w">
          <Link to="/connexion" className="fr-link">
            Retour à la connexion
          </Link>
        </p>
      </div>
    </div>
  );
}
