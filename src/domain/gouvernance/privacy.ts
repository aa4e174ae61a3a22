// Who may see what of the people of the governance.
//
// What the public (anyone not signed in) sees of a person: the role (élu / industriel, chef de
// projet, coordinator), the organisation (collectivité, company with its size class, employer),
// the mandate or function, and the name. Names stay public on purpose: an élu's name and mandate are
// public by law, and a binôme's industrialist, a chef de projet or a coordinator acts publicly for
// the programme under their name, as the programme's own publications show. What the public never
// sees is how to reach them: e-mail and phone number are personal data, shown only to signed-in users
// entitled to them.
//
// Entitlement to contact details, for signed-in users:
// - national (the Délégation): everyone;
// - regional: the people of its region(s) — binômes, chefs de projet, coordinators;
// - territorial (chef de projet, binôme member): the people of its TI, plus every chef de projet and
//   every coordinator (the network exists so that they reach one another);
// - partner (operators): chefs de projet and coordinators only, whom they answer; never the binômes.

import type { BinomeMember, ChefDeProjet, Contact, Coordinator } from './types';

/** The contact fields removed from the public view. */
export const CONTACT_FIELDS = ['email', 'telephone'] as const satisfies readonly (keyof Contact)[];

export type PublicView<T extends Contact> = Omit<T, keyof Contact>;

/** The person as the public sees them: everything but e-mail and phone number. */
export function publicView<T extends Contact>(person: T): PublicView<T> {
  const { email: _email, telephone: _telephone, ...rest } = person;
  return rest;
}

export type Viewer =
  | { role: 'national' }
  | { role: 'regional'; regionCodes: readonly string[] }
  | { role: 'territorial'; tiIds: readonly string[] }
  | { role: 'partner' };

export type Person =
  | ({ type: 'membre' } & BinomeMember)
  | ({ type: 'chef-de-projet' } & ChefDeProjet)
  | ({ type: 'coordinateur' } & Coordinator);

/** Whether `viewer` (null: not signed in) may see the person's e-mail and phone number. */
export function canSeeContacts(viewer: Viewer | null, person: Person): boolean {
  if (viewer === null) return false;
  const network = person.type === 'chef-de-projet' || person.type === 'coordinateur';
  switch (viewer.role) {
    case 'national':
      return true;
    case 'regional':
      return viewer.regionCodes.includes(person.reg);
    case 'territorial':
      return network || viewer.tiIds.includes(person.tiId);
    case 'partner':
      return network;
  }
}

/** The person as `viewer` may see them: whole, or without contact details. */
export function viewPerson<T extends Person>(viewer: Viewer | null, person: T): T | PublicView<T> {
  return canSeeContacts(viewer, person) ? person : publicView(person);
}
