import { describe, expect, it } from 'vitest';
import { canSeeContacts, type Person, publicView, viewPerson } from './privacy';
import type { BinomeMember } from './types';

const elu: BinomeMember = {
  id: 'm1',
  tiId: 'ti-2701',
  reg: '27',
  kind: 'elu',
  prenom: 'Claire',
  nom: 'Martin',
  email: 'claire.martin@exemple.fr',
  telephone: '0385000000',
  mandat: 'Maire de Chalon-sur-Saône',
  collectivite: 'Chalon-sur-Saône',
  entreprise: null,
  taille: null,
  fonction: null,
  fonctionLibelle: null,
  demo: false,
};
const member: Person = { type: 'membre', ...elu };
const chef: Person = {
  type: 'chef-de-projet',
  id: 'c1',
  tiId: 'ti-2701',
  reg: '27',
  prenom: 'Paul',
  nom: 'Roux',
  email: 'paul.roux@exemple.fr',
  telephone: '0385000001',
  structure: 'CA Le Grand Chalon',
  enPosteDepuis: '2023-09-01',
  cofinance: true,
  cofinancementEtatEuros: 45_000,
  demo: false,
};

describe('publicView', () => {
  it('keeps role, organisation, mandate and name; removes e-mail and phone', () => {
    const view = publicView(elu);
    expect(view).not.toHaveProperty('email');
    expect(view).not.toHaveProperty('telephone');
    expect(view).toMatchObject({
      kind: 'elu',
      prenom: 'Claire',
      nom: 'Martin',
      mandat: 'Maire de Chalon-sur-Saône',
    });
    expect(JSON.stringify(view)).not.toMatch(/@|0385/);
    // The original object is untouched.
    expect(elu.email).toBe('claire.martin@exemple.fr');
  });
});

describe('canSeeContacts', () => {
  it('never for the public', () => {
    expect(canSeeContacts(null, member)).toBe(false);
    expect(canSeeContacts(null, chef)).toBe(false);
    expect(viewPerson(null, chef)).not.toHaveProperty('email');
  });

  it('always for the national level', () => {
    expect(canSeeContacts({ role: 'national' }, member)).toBe(true);
  });

  it('for a regional user, only in its region', () => {
    expect(canSeeContacts({ role: 'regional', regionCodes: ['27'] }, member)).toBe(true);
    expect(canSeeContacts({ role: 'regional', regionCodes: ['84'] }, member)).toBe(false);
  });

  it('for a territorial user, its TI plus the network of chefs de projet and coordinators', () => {
    expect(canSeeContacts({ role: 'territorial', tiIds: ['ti-2701'] }, member)).toBe(true);
    expect(canSeeContacts({ role: 'territorial', tiIds: ['ti-8401'] }, member)).toBe(false);
    expect(canSeeContacts({ role: 'territorial', tiIds: ['ti-8401'] }, chef)).toBe(true);
  });

  it('for a partner operator, chefs de projet and coordinators but never the binômes', () => {
    expect(canSeeContacts({ role: 'partner' }, chef)).toBe(true);
    expect(canSeeContacts({ role: 'partner' }, member)).toBe(false);
    expect(viewPerson({ role: 'partner' }, member)).not.toHaveProperty('telephone');
  });
});
