import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { send } from '../actions/session';

/** The regional coordinator sends a signed-off update back to the territory, saying what to revise. */
export function SendBackForm({
  campagne,
  territoire,
  onDone,
}: {
  campagne: string;
  territoire: { id: string; nom: string };
  onDone: () => void;
}) {
  const [commentaire, setCommentaire] = useState('');
  const titleId = useId();
  const mutation = useMutation({
    mutationFn: () =>
      send('POST', `/api/v1/campagnes/${campagne}/territoires/${territoire.id}/renvoi`, { commentaire }),
    onSuccess: () => {
      setCommentaire('');
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <section className="fr-mt-4w" aria-labelledby={titleId}>
      <h2 id={titleId}>Renvoyer la mise à jour au territoire</h2>
      <form onSubmit={submit}>
        <Input
          textArea
          label={`Ce que ${territoire.nom} doit revoir`}
          nativeTextAreaProps={{
            value: commentaire,
            onChange: (e) => setCommentaire(e.target.value),
            required: true,
            maxLength: 2000,
          }}
        />
        <Button type="submit" priority="secondary" disabled={mutation.isPending}>
          Renvoyer avec ce commentaire
        </Button>
      </form>
      <div aria-live="polite">
        {mutation.isError && (
          <Alert
            severity="error"
            small
            description={(mutation.error as Error).message}
            className="fr-mt-2w"
          />
        )}
      </div>
    </section>
  );
}
