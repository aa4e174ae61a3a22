import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../platform/QueryState';
import { post } from './session';
import type { Sollicitation } from './types';

/**
 * Asks for support on an action: to the offer's operator, or to the regional task force which
 * assigns it. On success, opens the new request's page.
 */
export function RequestForm({
  actionId,
  actionTitre,
  offer,
  onCancel,
}: {
  actionId: string;
  actionTitre: string;
  offer: { slug: string; titre: string; operateur: string; operateurCourt: string } | null;
  onCancel: () => void;
}) {
  const id = useId();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [destinataire, setDestinataire] = useState<'operateur' | 'cellule-regionale'>(
    offer ? 'operateur' : 'cellule-regionale',
  );
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  return (
    <form
      className="pilote-request-form fr-p-3w fr-mb-3w"
      aria-labelledby={`${id}-title`}
      onSubmit={async (e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        setSending(true);
        setError(null);
        try {
          const created = await post<Sollicitation>(`/api/v1/actions/${actionId}/sollicitations`, {
            destinataire,
            ...(offer ? { offre: offer.slug } : {}),
            objet: String(data.get('objet') ?? '').trim(),
            message: String(data.get('message') ?? '').trim(),
          });
          await client.invalidateQueries({ queryKey: [`/api/v1/actions/${actionId}/sollicitations`] });
          navigate(`/sollicitations/${created.id}`);
        } catch (err) {
          setError(err);
          setSending(false);
        }
      }}
    >
      <h3 id={`${id}-title`} className="fr-h6">
        Solliciter un appui{offer ? ` : ${offer.titre}` : ''}
      </h3>
      <RadioButtons
        legend="Destinataire"
        name="destinataire"
        options={[
          ...(offer
            ? [
                {
                  label: `${offer.operateurCourt} (opérateur de l’offre)`,
                  nativeInputProps: {
                    value: 'operateur',
                    checked: destinataire === 'operateur',
                    onChange: () => setDestinataire('operateur'),
                  },
                },
              ]
            : []),
          {
            label: 'La cellule régionale, qui oriente vers le bon opérateur',
            nativeInputProps: {
              value: 'cellule-regionale',
              checked: destinataire === 'cellule-regionale',
              onChange: () => setDestinataire('cellule-regionale'),
            },
          },
        ]}
      />
      <Input
        label="Objet"
        nativeInputProps={{
          name: 'objet',
          required: true,
          minLength: 3,
          maxLength: 200,
          defaultValue: offer
            ? `${offer.titre} – ${actionTitre}`.slice(0, 200)
            : `Appui pour « ${actionTitre} »`.slice(0, 200),
        }}
      />
      <Input
        label="Votre demande"
        hintText="Le besoin, le stade du projet, ce que vous attendez. Réponse attendue sous 15 jours."
        textArea
        nativeTextAreaProps={{ name: 'message', required: true, rows: 4, maxLength: 5000 }}
      />
      {error !== null && <ErrorAlert error={error} />}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button className="fr-btn" type="submit" disabled={sending}>
            Envoyer la sollicitation
          </button>
        </li>
        <li>
          <button className="fr-btn fr-btn--secondary" type="button" onClick={onCancel}>
            Annuler
          </button>
        </li>
      </ul>
    </form>
  );
}
