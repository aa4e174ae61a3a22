import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { OPERATEURS } from '../../domain/offres/vocabulary';
import { apiQuery } from '../platform/api';
import type { RegionsList, TerritoiresList } from '../territoires/types';
import type { Moi, Role } from './useMoi';

export interface RoleInput {
  role: Role;
  region?: string;
  territoire?: string;
  organisation?: string;
}

const ROLE_NAMES: Record<Role, string> = {
  national: 'Équipe nationale',
  regional: 'Coordination régionale',
  territorial: 'Équipe territoriale (chef de projet, binôme)',
  partner: 'Opérateur partenaire',
};

/** Edits a list of scoped roles. A regional coordinator is offered only its region and its territories. */
export function RolesEditor({
  value,
  onChange,
  moi,
}: {
  value: RoleInput[];
  onChange: (roles: RoleInput[]) => void;
  moi: Extract<Moi, { connecte: true }>;
}) {
  const id = useId();
  const national = moi.roles.some((r) => r.role === 'national');
  const myRegions = moi.roles.flatMap((r) => (r.role === 'regional' && r.region ? [r.region] : []));
  const regions = useQuery({
    queryKey: ['/api/v1/regions'],
    queryFn: apiQuery<RegionsList>('/api/v1/regions'),
  });
  const territoires = useQuery({
    queryKey: ['/api/v1/territoires'],
    queryFn: apiQuery<TerritoiresList>('/api/v1/territoires'),
  });
  const allowedRoles: Role[] = national
    ? ['national', 'regional', 'territorial', 'partner']
    : ['regional', 'territorial'];
  const [role, setRole] = useState<Role>('territorial');
  const [scope, setScope] = useState('');
  const regionOptions = (regions.data?.items ?? []).filter((r) => national || myRegions.includes(r.code));
  const tiOptions = (territoires.data?.items ?? []).filter(
    (t) => national || myRegions.includes(t.region.code),
  );
  const regionName = (code?: string) => regions.data?.items.find((r) => r.code === code)?.nom ?? code;
  const tiName = (ti?: string) => territoires.data?.items.find((t) => t.id === ti)?.nom ?? ti;

  const describe = (r: RoleInput) =>
    r.role === 'regional'
      ? `${ROLE_NAMES.regional} — ${regionName(r.region)}`
      : r.role === 'territorial'
        ? `${ROLE_NAMES.territorial} — ${tiName(r.territoire)}`
        : r.role === 'partner'
          ? `${ROLE_NAMES.partner} — ${OPERATEURS.find((o) => o.code === r.organisation)?.short ?? r.organisation}`
          : ROLE_NAMES.national;

  function add() {
    const next: RoleInput =
      role === 'national'
        ? { role }
        : role === 'regional'
          ? { role, region: scope }
          : role === 'territorial'
            ? { role, territoire: scope }
            : { role, organisation: scope };
    if (role !== 'national' && !scope) return;
    onChange([...value, next]);
    setScope('');
  }

  const scopeOptions =
    role === 'regional'
      ? regionOptions.map((r) => ({ value: r.code, label: `${r.nom} (${r.code})` }))
      : role === 'territorial'
        ? tiOptions.map((t) => ({ value: t.id, label: `${t.nom} (${t.region.nom})` }))
        : role === 'partner'
          ? OPERATEURS.map((o) => ({ value: o.code, label: o.label }))
          : [];

  return (
    <fieldset className="fr-fieldset" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`} className="fr-fieldset__legend">
        Rôles
      </legend>
      <ul className="fr-col-12">
        {value.map((r, index) => (
          <li key={`${r.role}-${r.region ?? r.territoire ?? r.organisation ?? ''}`}>
            {describe(r)}{' '}
            <Button
              size="small"
              priority="tertiary no outline"
              onClick={() => onChange(value.filter((_, i) => i !== index))}
              type="button"
              title={`Retirer le rôle ${describe(r)}`}
            >
              Retirer
            </Button>
          </li>
        ))}
        {value.length === 0 && <li>Aucun rôle : ajoutez-en au moins un.</li>}
      </ul>
      <div className="fr-grid-row fr-grid-row--gutters fr-col-12">
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Rôle à ajouter"
            nativeSelectProps={{
              value: role,
              onChange: (e) => {
                setRole(e.target.value as Role);
                setScope('');
              },
            }}
          >
            {allowedRoles.map((r) => (
              <option key={r} value={r}>
                {ROLE_NAMES[r]}
              </option>
            ))}
          </Select>
        </div>
        {role !== 'national' && (
          <div className="fr-col-12 fr-col-md-5">
            <Select
              label={
                role === 'regional'
                  ? 'Région'
                  : role === 'territorial'
                    ? 'Territoire d’industrie'
                    : 'Opérateur'
              }
              nativeSelectProps={{ value: scope, onChange: (e) => setScope(e.target.value) }}
            >
              <option value="">— Choisir —</option>
              {scopeOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </div>
        )}
        <div className="fr-col-12 fr-col-md-3" style={{ display: 'flex', alignItems: 'flex-end' }}>
          <Button type="button" priority="secondary" onClick={add} disabled={role !== 'national' && !scope}>
            Ajouter ce rôle
          </Button>
        </div>
      </div>
    </fieldset>
  );
}
