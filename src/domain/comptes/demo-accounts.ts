import type { Grant } from './policy';

// One demonstration account per role, created by `seedDemo` and printed at start-up. The addresses
// use the reserved `.example` domain: no mail can ever reach a real person.

export const DEFAULT_DEMO_PASSWORD = 'demo-pilote-ti-2026';

export interface DemoAccount {
  email: string;
  name: string;
  grants: Grant[];
  /** How the role and scope read in the start-up notes. */
  description: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'national@demo.pilote-ti.example',
    name: 'Camille Delorme (démo, équipe nationale)',
    grants: [{ role: 'national' }],
    description: 'équipe nationale — tout le programme',
  },
  {
    email: 'coordination-ara@demo.pilote-ti.example',
    name: 'Julien Morel (démo, coordination régionale)',
    grants: [{ role: 'regional', region: '84' }],
    description: 'coordination régionale — Auvergne-Rhône-Alpes (84)',
  },
  {
    email: 'cdp-vallee-arve@demo.pilote-ti.example',
    name: 'Sophie Perrin (démo, cheffe de projet)',
    grants: [{ role: 'territorial', territoire: 'ti-8422' }],
    description: 'cheffe de projet — Vallée de l’Arve (ti-8422)',
  },
  {
    email: 'cdp-plastics-vallee@demo.pilote-ti.example',
    name: 'Thomas Girard (démo, chef de projet)',
    grants: [{ role: 'territorial', territoire: 'ti-8413' }],
    description: 'chef de projet — Plastics Vallée (ti-8413)',
  },
  {
    email: 'bpifrance@demo.pilote-ti.example',
    name: 'Nadia Benali (démo, Bpifrance)',
    grants: [{ role: 'partner', organisation: 'bpifrance' }],
    description: 'opérateur partenaire — Bpifrance',
  },
];
