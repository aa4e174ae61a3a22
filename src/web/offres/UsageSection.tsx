import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { formatDate } from '../platform/format';
import { ErrorAlert } from '../platform/QueryState';
import { post } from './session';
import type { OfferSummary } from './types';

type Usage = {
  id: string;
  offre: string;
  offreTitre: string;
  resultatLibelle: string;
  date: string;
  montant: number | null;
  demo: boolean;
};

const euros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});

/**
 * Offers requested, obtained or refused for one action, and (for its territory and the national
 * team) a form to record one, so that the uptake figures say which offers are used and with what result.
 */
export function UsageSection({
  actionId,
  offers,
  mayWrite,
  Heading,
}: {
  actionId: string;
  offers: OfferSummary[];
  mayWrite: boolean;
  Heading: 'h3' | 'h4';
}) {
  const path = `/api/v1/actions/${actionId}/offres`;
  const usage = useQuery({ queryKey: [path], queryFn: apiQuery<{ items: Usage[] }>(path) });
  const client = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const items = usage.data?.items ?? [];
  if (!mayWrite && items.length === 0) return null;
  return (
    <>
      <Heading className="fr-h6 fr-mt-3w">Recours aux offres pour cette action</Heading>
      {items.length > 0 && (
        <DataTable
          caption="Offres demandées, obtenues ou refusées"
          small
          rows={items}
          rowKey={(u) => u.id}
          columns={[
            {
              key: 'offre',
              label: 'Offre',
              rowHeader: true,
              render: (u) => <Link to={`/offres/${u.offre}`}>{u.offreTitre}</Link>,
            },
            { key: 'resultatLibelle', label: 'Résultat' },
            { key: 'date', label: 'Date', render: (u) => formatDate(u.date) },
            {
              key: 'montant',
              label: 'Montant',
              numeric: true,
              render: (u) => (u.montant === null ? '—' : euros.format(u.montant)),
            },
          ]}
        />
      )}
      {mayWrite && offers.length > 0 && (
        <form
          className="pilote-request-form fr-p-2w"
          aria-label="Enregistrer le recours à une offre"
          onSubmit={async (e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const data = new FormData(form);
            const montant = String(data.get('montant') ?? '')
              .replace(/\s/g, '')
              .replace(',', '.');
            setError(null);
            setDone('');
            try {
              await post(path, {
                offre: String(data.get('offre')),
                resultat: String(data.get('resultat')),
                ...(data.get('date') ? { date: String(data.get('date')) } : {}),
                ...(montant ? { montant: Number(montant) } : {}),
              });
              form.reset();
              setDone('Recours enregistré.');
              await client.invalidateQueries({ queryKey: [path] });
            } catch (err) {
              setError(err);
            }
          }}
        >
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-4">
              <Select label="Offre" nativeSelectProps={{ name: 'offre', required: true }}>
                {offers.map((o) => (
                  <option key={o.slug} value={o.slug}>
                    {o.titre}
                  </option>
                ))}
              </Select>
            </div>
            <div className="fr-col-12 fr-col-md-3">
              <Select label="Résultat" nativeSelectProps={{ name: 'resultat', required: true }}>
                <option value="demandee">Demandée</option>
                <option value="obtenue">Obtenue</option>
                <option value="refusee">Refusée</option>
              </Select>
            </div>
            <div className="fr-col-6 fr-col-md-2">
              <Input label="Date" nativeInputProps={{ name: 'date', type: 'date' }} />
            </div>
            <div className="fr-col-6 fr-col-md-3">
              <Input label="Montant (€)" nativeInputProps={{ name: 'montant', inputMode: 'decimal' }} />
            </div>
          </div>
          <button className="fr-btn fr-btn--sm fr-btn--secondary" type="submit">
            Enregistrer le recours
          </button>
          <div role="status" aria-live="polite">
            {done && <p className="fr-text--sm fr-mt-1w fr-mb-0">{done}</p>}
          </div>
          {error !== null && <ErrorAlert error={error} />}
        </form>
      )}
    </>
  );
}
