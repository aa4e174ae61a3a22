import './offres.css';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { SOLLICITATION_STATUTS } from '../../domain/offres/sollicitations';
import { operateurShort } from '../../domain/offres/vocabulary';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { DemoBadge } from '../platform/DemoBadge';
import { formatDate, plural } from '../platform/format';
import { Loading, QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { RequestStatusBadge } from './OfferStatusBadge';
import { type Me, useMe } from './session';
import type { Sollicitation } from './types';

type Box = { code: 'recue' | 'envoyee' | 'toutes'; label: string };

/** The boxes each role has: a partner's workspace receives, a territory sends, a region runs its task force. */
function boxesFor(me: Extract<Me, { connecte: true }>): Box[] {
  const boxes: Box[] = [];
  const partner = me.roles.find((r) => r.role === 'partner');
  if (partner) boxes.push({ code: 'recue', label: `Reçues par ${operateurShort(partner.organisation)}` });
  if (me.roles.some((r) => r.role === 'regional')) boxes.push({ code: 'recue', label: 'Cellule régionale' });
  if (me.roles.some((r) => r.role === 'territorial'))
    boxes.push({ code: 'envoyee', label: 'Envoyées par mon territoire' });
  if (me.roles.some((r) => r.role === 'national' || r.role === 'regional'))
    boxes.push({ code: 'toutes', label: 'Toutes' });
  const seen = new Set<string>();
  return boxes.filter((b) => {
    if (seen.has(b.code)) return false;
    seen.add(b.code);
    return true;
  });
}

export default function SollicitationsPage() {
  usePageTitle('Sollicitations');
  const me = useMe();
  if (me.isPending) return <Loading />;
  return (
    <div className="fr-pb-2w">
      <h1>Sollicitations</h1>
      {me.data?.connecte ? (
        <Inbox me={me.data} />
      ) : (
        <Alert
          severity="info"
          title="Connectez-vous pour voir vos sollicitations"
          description="Les demandes d’appui des territoires et les réponses des opérateurs sont réservées aux personnes connectées."
        />
      )}
    </div>
  );
}

function Inbox({ me }: { me: Extract<Me, { connecte: true }> }) {
  const [params, setParams] = useSearchParams();
  const boxes = boxesFor(me);
  const box = boxes.find((b) => b.code === params.get('boite')) ?? boxes[0];
  const statut = params.get('statut') ?? '';
  const path = `/api/v1/sollicitations?boite=${box?.code ?? 'toutes'}${statut ? `&statut=${statut}` : ''}`;
  const list = useQuery({
    queryKey: [path],
    queryFn: apiQuery<{ total: number; items: Sollicitation[] }>(path),
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <>
      <p>
        Demandes d’appui des territoires sur leurs actions, adressées à un opérateur ou à la cellule
        régionale, qui les oriente. Réponse attendue sous 15 jours.
      </p>
      {boxes.length > 1 && (
        <nav className="fr-mb-2w" aria-label="Boîtes de sollicitations">
          <ul className="fr-btns-group fr-btns-group--inline-sm">
            {boxes.map((b) => (
              <li key={b.code}>
                <button
                  type="button"
                  className={`fr-btn fr-btn--sm ${b.code === box?.code ? '' : 'fr-btn--secondary'}`}
                  aria-pressed={b.code === box?.code}
                  onClick={() => set('boite', b.code)}
                >
                  {b.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Statut"
            nativeSelectProps={{ value: statut, onChange: (e) => set('statut', e.target.value) }}
          >
            <option value="">Tous</option>
            <option value="en-cours">En cours (non closes)</option>
            <option value="en-retard">En retard</option>
            {SOLLICITATION_STATUTS.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <QueryState query={list}>
        {(data) => (
          <DataTable
            caption={`${box?.label ?? 'Sollicitations'} : ${plural(data.total, 'sollicitation')}${data.total > data.items.length ? ` (les ${data.items.length} plus récentes)` : ''}`}
            rows={data.items}
            rowKey={(s) => s.id}
            small
            empty="Aucune sollicitation dans cette boîte."
            columns={[
              {
                key: 'objet',
                label: 'Sollicitation',
                rowHeader: true,
                render: (s) => (
                  <>
                    <Link to={`/sollicitations/${s.id}`}>
                      {s.reference} — {s.objet}
                    </Link>{' '}
                    {s.demo && <DemoBadge />}
                  </>
                ),
              },
              { key: 'territoire', label: 'Territoire', render: (s) => s.territoire.nom },
              { key: 'adresseeA', label: 'Adressée à' },
              {
                key: 'statut',
                label: 'Statut',
                render: (s) => <RequestStatusBadge statut={s.statut} libelle={s.statutLibelle} />,
              },
              {
                key: 'echeance',
                label: 'Échéance',
                render: (s) => (
                  <>
                    {formatDate(s.echeance)}{' '}
                    {s.enRetard && (
                      <Badge small severity="error">
                        En retard
                      </Badge>
                    )}
                  </>
                ),
              },
              { key: 'creeLe', label: 'Créée le', render: (s) => formatDate(s.creeLe) },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
