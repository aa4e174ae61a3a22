import { describe, expect, it } from 'vitest';
import { providerEmail } from './identity';

describe('adresse transmise par le fournisseur d’identité', () => {
  it('retient l’adresse des informations utilisateur, sinon celle du jeton d’identité', () => {
    expect(providerEmail({ email: 'a@example.fr' }, { email: 'b@example.fr' }).email).toBe('a@example.fr');
    expect(providerEmail({}, { email: ' b@example.fr ' }).email).toBe('b@example.fr');
    expect(providerEmail({ email: '' }, {})).toEqual({ email: null, verified: false });
  });
  it('refuse une adresse que le fournisseur dit non vérifiée (tout sauf le booléen vrai)', () => {
    expect(providerEmail({ email: 'a@example.fr', email_verified: true }, {}).verified).toBe(true);
    expect(providerEmail({ email: 'a@example.fr', email_verified: false }, {}).verified).toBe(false);
    expect(providerEmail({ email: 'a@example.fr', email_verified: 'true' }, {}).verified).toBe(false);
    expect(providerEmail({ email: 'a@example.fr' }, { email_verified: false }).verified).toBe(false);
  });
  it('accepte une adresse dont le fournisseur ne dit rien, comme ProConnect (sa fédération s’en porte garante)', () => {
    expect(providerEmail({ email: 'a@example.fr', usual_name: 'Public' }, {}).verified).toBe(true);
  });
  it('croit d’abord les informations utilisateur, et ignore ce qui est dit d’une autre adresse', () => {
    expect(
      providerEmail({ email: 'a@example.fr', email_verified: false }, { email_verified: true }).verified,
    ).toBe(false);
    expect(
      providerEmail({ email: 'A@Example.fr' }, { email: 'a@example.fr', email_verified: true }).verified,
    ).toBe(true);
    expect(
      providerEmail({ email: 'a@example.fr' }, { email: 'b@example.fr', email_verified: false }).verified,
    ).toBe(true);
  });
});
