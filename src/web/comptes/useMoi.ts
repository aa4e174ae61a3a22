import { useQuery } from '@tanstack/react-query';
import { api, setCsrfToken } from '../platform/api';

// Who is signed in, shared by the header and every page that adapts to the role. The web only hides
// what the server would refuse anyway: the server decides.

export type Role = 'national' | 'regional' | 'territorial' | 'partner';
export interface RoleOut {
  role: Role;
  region?: string;
  territoire?: string;
  organisation?: string;
  organisationLibelle?: string;
  libelle: string;
}
export type Moi =
  | { connecte: false }
  | {
      connecte: true;
      id: string;
      email: string;
      nom: string;
      roles: RoleOut[];
      csrfToken: string;
      expireLe: string;
    };

export const MOI_KEY = ['comptes', 'moi'] as const;

export async function fetchMoi(): Promise<Moi> {
  const moi = await api<Moi>('/api/v1/comptes/moi');
  setCsrfToken(moi.connecte ? moi.csrfToken : null);
  return moi;
}

export function useMoi() {
  return useQuery({ queryKey: MOI_KEY, queryFn: fetchMoi, staleTime: 60_000 });
}

export const hasRole = (moi: Moi | undefined, ...roles: Role[]) =>
  Boolean(moi?.connecte && moi.roles.some((r) => roles.includes(r.role)));
