import './offres.css';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { checkTransition, type SollicitationStatut } from '../../domain/offres/sollicitations';
import { OPERATEURS } from '../../domain/offres/vocabulary';
import { apiQuery } from '../platform/api';
import { DemoNotice } from '../platform/DemoBadge';
import { formatDate } from '../platform/format';
import { ErrorAlert, QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { RequestStatusBadge } from './OfferStatusBadge';
import { post } from './session';
import type { SollicitationDetail } from './types';

const dateTime = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});
const ANSWERS: { statut: SollicitationStatut; label: string }[] = [
  { statut: 'en-instruction', label: 'Prendre en instruction' },
  { statut: 'favorable', label: 'Répondre favorablement' },
  { statut: 'declinee', label: 'Décliner' },
];

/** One request: its facts, its thread, and what the reader may do (write, answer, assign or redirect). */
export default function SollicitationPage() {
  const { id = '' } = useParams();
  const path = `/api/v1/sollicitations/${id}`;
  const request = useQuery({ queryKey: [path], queryFn: apiQuery<SollicitationDetail>(path) });
  usePageTitle(request.data ? `${request.data.reference} — ${request.data.objet}` : 'Sollicitation');
  return (
    <div className="fr-pb-2w">
      <QueryState query={request}>{(s) => <Detail s={s} path={path} />}</QueryState>
    </div>
  );
}

function Detail({ s, path }: { s: SollicitationDetail; path: string }) {
  const client = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const run = async (url: string, body: unknown, done: string, form?: HTMLFormElement) => {
    setBusy(true);
    setError(null);
    try {
      const result = await post<Partial<SollicitationDetail>>(url, body);
      client.setQueryData<SollicitationDetail>([path], (old) => (old ? { ...old, ...result } : old));
      await client.invalidateQueries({ queryKey: [path] });
      await client.invalidateQueries({
        predicate: (q) => String(q.queryKey[0]).startsWith('/api/v1/sollicitations?'),
      });
      form?.reset();
      setNotice(done);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const answers = ANSWERS.filter((a) => checkTransition(s.statut, a.statut) === null);

  return (
    <>
      <Breadcrumb
        currentPageLabel={s.reference}
        segments={[{ label: 'Sollicitations', linkProps: { to: '/sollicitations' } }]}
      />
      <h1>
        {s.reference} — {s.objet}
      </h1>
      {s.demo && <DemoNotice />}
      <p>
        <RequestStatusBadge statut={s.statut} libelle={s.statutLibelle} />
        {s.enRetard && <span className="fr-badge fr-badge--sm fr-badge--error fr-ml-1w">En retard</span>}
      </p>
      <dl className="pilote-offre-facts">
        <dt>Action</dt>
        <dd>
          <Link to={`/actions/${s.action.id}`}>{s.action.titre}</Link> ({s.territoire.nom}, {s.region.nom})
        </dd>
        <dt>Adressée à</dt>
        <dd>
          {s.adresseeA}
          {s.viaCellule && s.organisation && ' (orientée par la cellule régionale)'}
        </dd>
        {s.offre && (
          <>
            <dt>Offre visée</dt>
            <dd>
              <Link to={`/offres/${s.offre.slug}`}>{s.offre.titre}</Link>
            </dd>
          </>
        )}
        <dt>Demandée par</dt>
        <dd>
          {s.demandeur ?? 'le territoire'}, le {formatDate(s.creeLe)}
        </dd>
        <dt>Échéance</dt>
        <dd>{formatDate(s.echeance)}</dd>
      </dl>

      <div role="status" aria-live="polite">
        {notice && <p className="fr-alert fr-alert--success fr-alert--sm fr-mb-2w">{notice}</p>}
      </div>
      {error !== null && <ErrorAlert error={error} />}

      {s.droits.repondre && answers.length > 0 && (
        <form
          className="pilote-request-form fr-p-3w fr-mb-3w"
          aria-labelledby="answer-title"
          onSubmit={(e) => {
            e.preventDefault();
            const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
            const statut = submitter?.value;
            if (!statut) return;
            const message = String(new FormData(e.currentTarget).get('message') ?? '').trim();
            const label = ANSWERS.find((a) => a.statut === statut)?.label ?? statut;
            void run(
              `${path}/statut`,
              { statut, ...(message ? { message } : {}) },
              `Fait : ${label.toLowerCase()}.`,
              e.currentTarget,
            );
          }}
        >
          <h2 id="answer-title" className="fr-h5">
            Répondre
          </h2>
          <Input
            label="Message joint (facultatif)"
            textArea
            nativeTextAreaProps={{ name: 'message', rows: 3, maxLength: 5000 }}
          />
          <ul className="fr-btns-group fr-btns-group--inline-md">
            {answers.map((a) => (
              <li key={a.statut}>
                <button
                  className={`fr-btn ${a.statut === 'declinee' ? 'fr-btn--secondary' : ''}`}
                  type="submit"
                  name="statut"
                  value={a.statut}
                  disabled={busy}
                >
                  {a.label}
                </button>
              </li>
            ))}
          </ul>
        </form>
      )}

      {s.droits.affecter && (
        <form
          className="pilote-request-form fr-p-3w fr-mb-3w"
          aria-labelledby="route-title"
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            const organisation = String(data.get('organisation') ?? '');
            const message = String(data.get('message') ?? '').trim();
            const label = OPERATEURS.find((o) => o.code === organisation)?.short ?? organisation;
            void run(
              `${path}/orientation`,
              { organisation, ...(message ? { message } : {}) },
              s.organisation
                ? `Sollicitation réorientée vers ${label}.`
                : `Sollicitation confiée à ${label}.`,
              e.currentTarget,
            );
          }}
        >
          <h2 id="route-title" className="fr-h5">
            {s.organisation ? 'Réorienter vers un autre opérateur' : 'Confier à un opérateur'}
          </h2>
          <Select
            label="Opérateur"
            nativeSelectProps={{ name: 'organisation', required: true, defaultValue: '' }}
          >
            <option value="" disabled>
              Choisir un opérateur
            </option>
            {OPERATEURS.filter((o) => o.code !== s.organisation).map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </Select>
          <Input label="Message (facultatif)" nativeInputProps={{ name: 'message', maxLength: 5000 }} />
          <button className="fr-btn fr-btn--secondary" type="submit" disabled={busy}>
            {s.organisation ? 'Réorienter' : 'Confier'}
          </button>
        </form>
      )}

      <h2 className="fr-h4">Échanges</h2>
      <ol className="pilote-thread">
        {s.messages.map((m) => (
          <li key={m.id} className={`pilote-thread__message pilote-thread__message--${m.cote}`}>
            <p className="fr-text--sm fr-mb-1v">
              <strong>{m.auteur}</strong> · {dateTime.format(new Date(m.le))}
              {m.statutLibelle && ` · statut « ${m.statutLibelle} »`}
              {m.organisationLibelle && !m.statut && ` · confiée à ${m.organisationLibelle}`}
            </p>
            <p className="fr-mb-0 pilote-thread__text">{m.texte}</p>
          </li>
        ))}
      </ol>
      <form
        aria-labelledby="write-title"
        onSubmit={(e) => {
          e.preventDefault();
          const message = String(new FormData(e.currentTarget).get('message') ?? '').trim();
          if (message) void run(`${path}/messages`, { message }, 'Message envoyé.', e.currentTarget);
        }}
      >
        <h2 id="write-title" className="fr-h5">
          Écrire un message
        </h2>
        <Input
          label="Message"
          textArea
          nativeTextAreaProps={{ name: 'message', rows: 3, required: true, maxLength: 5000 }}
        />
        <button className="fr-btn" type="submit" disabled={busy}>
          Envoyer le message
        </button>
      </form>
    </>
  );
}
