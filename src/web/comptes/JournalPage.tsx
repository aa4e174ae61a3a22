import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { formatDateTime } from './messages';
import { RequireSignIn } from './RequireSignIn';

interface Entry {
  id: number;
  le: string;
  utilisateur: string | null;
  ip: string | null;
  action: string;
  entite: string;
  identifiant: string | null;
  territoire: string | null;
  region: string | null;
  avant: unknown;
  apres: unknown;
}
type Filters = {
  territoire: string;
  entite: string;
  action: string;
  utilisateur: string;
  du: string;
  au: string;
};
const EMPTY: Filters = { territoire: '', entite: '', action: '', utilisateur: '', du: '', au: '' };
const LABELS: Record<keyof Filters, string> = {
  territoire: 'Territoire (identifiant, ex. ti-8422)',
  entite: 'Entité (ex. action, compte)',
  action: 'Action (ex. modification, invitation)',
  utilisateur: 'Personne (adresse, partielle)',
  du: 'Du',
  au: 'Au',
};

const short = (value: unknown) => {
  if (value === null || value === undefined) return '—';
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
};

/** The audit log: national users see everything, a territorial user its territories' entries. */
export default function JournalPage() {
  usePageTitle('Journal des modifications');
  return <RequireSignIn roles={['national', 'territorial']}>{() => <Journal />}</RequireSignIn>;
}

function Journal() {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const qs = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
  const path = `/api/v1/comptes/journal?${qs}&page=${page}&parPage=50`;
  const query = useQuery({
    queryKey: [path],
    queryFn: apiQuery<{ total: number; parPage: number; entrees: Entry[] }>(path),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setFilters(draft);
    setPage(1);
  }
  return (
    <>
      <h1>Journal des modifications</h1>
      <p>
        Chaque écriture de la plateforme : qui, quand, depuis quelle adresse, quoi, avant et après. Le journal
        ne peut pas être modifié.
      </p>
      <form onSubmit={submit} className="fr-grid-row fr-grid-row--gutters">
        {(Object.keys(EMPTY) as (keyof Filters)[]).map((key) => (
          <div key={key} className="fr-col-12 fr-col-md-4">
            <Input
              label={LABELS[key]}
              nativeInputProps={{
                type: key === 'du' || key === 'au' ? 'date' : 'text',
                value: draft[key],
                onChange: (e) => setDraft({ ...draft, [key]: e.target.value }),
              }}
            />
          </div>
        ))}
        <div className="fr-col-12 fr-btns-group fr-btns-group--inline">
          <Button type="submit">Filtrer</Button>
          <Button
            linkProps={{ href: `/api/v1/comptes/journal.csv?${qs}`, download: true } as never}
            priority="secondary"
            iconId="fr-icon-download-line"
          >
            Exporter en CSV
          </Button>
        </div>
      </form>
      <QueryState query={query}>
        {(data) => (
          <>
            <DataTable
              caption={`${data.total} entrée${data.total > 1 ? 's' : ''} du journal`}
              rows={data.entrees}
              rowKey={(e) => String(e.id)}
              small
              columns={[
                { key: 'le', label: 'Date', rowHeader: true, render: (e) => formatDateTime(e.le) },
                { key: 'utilisateur', label: 'Personne', render: (e) => e.utilisateur ?? '—' },
                { key: 'ip', label: 'Adresse réseau', render: (e) => e.ip ?? '—' },
                { key: 'action', label: 'Action' },
                {
                  key: 'entite',
                  label: 'Entité',
                  render: (e) => `${e.entite}${e.identifiant ? ` ${e.identifiant.slice(0, 12)}` : ''}`,
                },
                { key: 'territoire', label: 'Territoire', render: (e) => e.territoire ?? e.region ?? '—' },
                {
                  key: 'avant',
                  label: 'Avant',
                  render: (e) => <code className="fr-text--xs">{short(e.avant)}</code>,
                },
                {
                  key: 'apres',
                  label: 'Après',
                  render: (e) => <code className="fr-text--xs">{short(e.apres)}</code>,
                },
              ]}
            />
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
