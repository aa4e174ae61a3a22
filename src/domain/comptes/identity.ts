// What an OpenID Connect provider (ProConnect) says about an agent's email, read from its two
// answers: the userinfo response (where ProConnect puts the identity) and the ID token. Accounts are
// matched on the email, so an address the provider says it has not verified must not open an account.
//
// ProConnect itself does not send `email_verified`: the identity providers of its federation
// (administrations, ProConnect Identité) vouch for the addresses they give, and its documented claims
// are email, given_name, usual_name, uid, siret, phone and organizational_unit. So a missing claim is
// no refusal (refusing it would refuse every ProConnect agent); a provider that does send the claim is
// believed, and anything but the boolean `true` for this address means « not verified ».

/** The claims of one answer (ID token or userinfo); only `email` and `email_verified` are read. */
export type EmailClaims = { readonly [claim: string]: unknown };

export interface ProviderEmail {
  /** The address given (userinfo first, then ID token), or null when neither gives one. */
  email: string | null;
  /**
   * False when the first answer that speaks of `email_verified` for this address (userinfo, then ID
   * token) says anything but `true`; true when it says `true` or when neither answer speaks of it.
   */
  verified: boolean;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

export function providerEmail(userinfo: EmailClaims, idToken: EmailClaims): ProviderEmail {
  const email = text(userinfo.email) ?? text(idToken.email);
  if (!email) return { email: null, verified: false };
  // An answer speaks for the address it gives itself, or for the identity's address when it gives none.
  const speaks = (claims: EmailClaims) =>
    'email_verified' in claims &&
    (text(claims.email) === null || text(claims.email)!.toLowerCase() === email.toLowerCase());
  const said = [userinfo, idToken].find(speaks);
  return { email, verified: said === undefined || said.email_verified === true };
}
