import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { mayAssign, mayManageAccount, uniqueGrants } from './grants';
import { afterFailure, isLocked, LOCKOUT_MS, MAX_FAILED_ATTEMPTS, windowStart } from './lockout';
import { passwordProblem } from './passwords';
import type { Grant } from './policy';

const regionOf = (ti: string) => ({ 'ti-8422': '84', 'ti-8413': '84', 'ti-1101': '11' })[ti];
const national: Grant[] = [{ role: 'national' }];
const ara: Grant[] = [{ role: 'regional', region: '84' }];

describe('mots de passe', () => {
  it('exige 12 caractères et le dit en français', () => {
    expect(passwordProblem('court')).toBe('Mot de passe trop court : 12 caractères au moins (5 saisis).');
    expect(passwordProblem('aaaaaaaaaaaaaa')).toContain('trop simple');
    expect(passwordProblem('une phrase de passe solide')).toBeNull();
  });
  it('refuse un mot de passe qui contient l’identifiant de l’adresse', () => {
    expect(passwordProblem('camille.delorme-2026!', 'camille.delorme@example.fr')).toContain('adresse');
  });
});

describe('verrouillage', () => {
  it(`verrouille 15 minutes au ${MAX_FAILED_ATTEMPTS}e échec`, () => {
    const now = new Date('2026-01-01T10:00:00Z');
    let state = { failedAttempts: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      state = afterFailure(state, now);
      expect(isLocked(state, now)).toBe(false);
    }
    state = afterFailure(state, now);
    expect(isLocked(state, now)).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + LOCKOUT_MS + 1))).toBe(false);
  });
  it('découpe le temps en fenêtres fixes', () => {
    const a = windowStart(new Date('2026-01-01T10:01:00Z'));
    expect(windowStart(new Date('2026-01-01T10:09:59Z'))).toEqual(a);
    expect(windowStart(new Date('2026-01-01T10:10:00Z'))).not.toEqual(a);
  });
});

describe('attribution des rôles', () => {
  it('le national attribue tout', () => {
    expect(mayAssign(national, { role: 'partner', organisation: 'ademe' }, regionOf)).toBe(true);
  });
  it('la coordination régionale attribue dans sa région seulement', () => {
    expect(mayAssign(ara, { role: 'territorial', territoire: 'ti-8422' }, regionOf)).toBe(true);
    expect(mayAssign(ara, { role: 'regional', region: '84' }, regionOf)).toBe(true);
    expect(mayAssign(ara, { role: 'territorial', territoire: 'ti-1101' }, regionOf)).toBe(false);
    expect(mayAssign(ara, { role: 'territorial', territoire: 'ti-inconnu' }, regionOf)).toBe(false);
    expect(mayAssign(ara, { role: 'national' }, regionOf)).toBe(false);
    expect(mayAssign(ara, { role: 'partner', organisation: 'bpifrance' }, regionOf)).toBe(false);
  });
  it('un compte est gérable quand tous ses rôles sont à portée', () => {
    const mixed: Grant[] = [
      { role: 'territorial', territoire: 'ti-8422' },
      { role: 'territorial', territoire: 'ti-1101' },
    ];
    expect(mayManageAccount(ara, mixed, regionOf)).toBe(false);
    expect(mayManageAccount(ara, mixed.slice(0, 1), regionOf)).toBe(true);
    expect(mayManageAccount(ara, [], regionOf)).toBe(false);
    expect(mayManageAccount(national, [], regionOf)).toBe(true);
  });
  it('dédoublonne', () => {
    expect(uniqueGrants([...ara, ...ara, ...national])).toHaveLength(2);
  });
});

describe('comptes de démonstration', () => {
  it('un compte par rôle, deux chefs de projet de TI différents', () => {
    const roles = DEMO_ACCOUNTS.flatMap((a) => a.grants.map((g) => g.role));
    expect(new Set(roles)).toEqual(new Set(['national', 'regional', 'territorial', 'partner']));
    expect(roles.filter((r) => r === 'territorial')).toHaveLength(2);
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.email)).size).toBe(DEMO_ACCOUNTS.length);
  });
});

describe('politique : portée', () => {
  const actor = (grants: Grant[]) => ({ userId: 'u', grants });
  it('une portée qui ne nomme que la région ne suffit pas à un territorial', async () => {
    const { can } = await import('./policy');
    const ti = actor([{ role: 'territorial', territoire: 'ti-8413' }]);
    expect(can(ti, 'actions.read', { region: '11' })).toBe(false);
    expect(can(ti, 'actions.read', { territoire: 'ti-8413', region: '84' })).toBe(true);
    expect(can(ti, 'actions.read')).toBe(true); // route level: somewhere
  });
  it('une région est jugée sur la région de la ressource', async () => {
    const { can } = await import('./policy');
    const reg = actor([{ role: 'regional', region: '84' }]);
    expect(can(reg, 'actions.read', { territoire: 'ti-1101', region: '11' })).toBe(false);
    expect(can(reg, 'actions.read', { territoire: 'ti-8422', region: '84' })).toBe(true);
    expect(can(reg, 'campagnes.validate', { region: '11' })).toBe(false);
  });
  it('une région ne passe jamais sur un territoire dont la région n’est pas donnée', async () => {
    const { can } = await import('./policy');
    const reg = actor([{ role: 'regional', region: '84' }]);
    // ti-1101 is in Île-de-France: naming only the territory must not let Auvergne-Rhône-Alpes through.
    for (const permission of [
      'actions.read',
      'campagnes.validate',
      'personnes.read',
      'comptes.manage',
    ] as const) {
      expect(can(reg, permission, { territoire: 'ti-1101', region: undefined })).toBe(false);
      expect(can(reg, permission, { territoire: 'ti-1101', region: null })).toBe(false);
    }
    // Not even its own territories: the region is what a regional grant is judged on.
    expect(can(reg, 'actions.read', { territoire: 'ti-8422', region: undefined })).toBe(false);
    expect(can(reg, 'actions.read', { territoire: 'ti-8422', region: '84' })).toBe(true);
    // A scope naming only an organisation is no region either.
    expect(can(reg, 'sollicitations.answer', { organisation: 'bpifrance' })).toBe(false);
    expect(can(reg, 'sollicitations.answer', { organisation: 'bpifrance', region: '84' })).toBe(true);
    // Route level (no scope, or an empty one) still means "somewhere".
    expect(can(reg, 'actions.read')).toBe(true);
    expect(can(reg, 'actions.read', { region: undefined })).toBe(true);
  });
  it('le national et le territoire ne dépendent pas de la région donnée', async () => {
    const { can } = await import('./policy');
    const nat = actor([{ role: 'national' }]);
    const ti = actor([{ role: 'territorial', territoire: 'ti-8422' }]);
    expect(can(nat, 'campagnes.signoff', { territoire: 'ti-1101', region: undefined })).toBe(true);
    expect(can(ti, 'campagnes.signoff', { territoire: 'ti-8422', region: undefined })).toBe(true);
    expect(can(ti, 'campagnes.signoff', { territoire: 'ti-1101', region: '84' })).toBe(false);
  });
  it('un rôle cumulé est autorisé dès qu’un de ses rôles l’est, sur la bonne clé', async () => {
    const { can } = await import('./policy');
    const both = actor([
      { role: 'regional', region: '11' },
      { role: 'territorial', territoire: 'ti-8422' },
    ]);
    expect(can(both, 'actions.read', { territoire: 'ti-8422', region: '84' })).toBe(true);
    expect(can(both, 'actions.read', { territoire: 'ti-8413', region: '84' })).toBe(false);
    expect(can(both, 'actions.read', { territoire: 'ti-1101', region: '11' })).toBe(true);
    expect(can(both, 'actions.read', { territoire: 'ti-1101', region: undefined })).toBe(false);
  });
  it('un opérateur répond pour son organisation seulement', async () => {
    const { can } = await import('./policy');
    const op = actor([{ role: 'partner', organisation: 'bpifrance' }]);
    expect(can(op, 'sollicitations.answer', { organisation: 'ademe' })).toBe(false);
    expect(can(op, 'sollicitations.answer', { organisation: 'bpifrance', region: '84' })).toBe(true);
  });
});
