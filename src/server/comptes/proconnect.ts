import type * as Oidc from 'openid-client';
import { providerEmail } from '../../domain/comptes/identity';
import type { AppContext } from '../platform/context';

// ProConnect, the State's OpenID Connect sign-in for public agents, through openid-client.
// Configured by PROCONNECT_ISSUER, PROCONNECT_CLIENT_ID, PROCONNECT_CLIENT_SECRET (and optionally
// PROCONNECT_SCOPES, PROCONNECT_ACR_VALUES). Unset issuer = the button is not offered.
//
// openid-client (and its JOSE dependencies, about 3.5 MiB of memory) is loaded on the first sign-in
// through ProConnect: most instances never configure it.
let oidcModule: Promise<typeof Oidc> | null = null;
const openidClient = () => {
  oidcModule ??= import('openid-client');
  return oidcModule;
};

export interface ProConnectSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  acrValues: string | undefined;
}

const overrides = new WeakMap<AppContext, ProConnectSettings | null>();
const configs = new WeakMap<AppContext, { key: string; config: Promise<Oidc.Configuration> }>();

export function proConnectSettings(
  ctx: AppContext,
  env: NodeJS.ProcessEnv = process.env,
): ProConnectSettings | null {
  if (overrides.has(ctx)) return overrides.get(ctx) ?? null;
  if (!env.PROCONNECT_ISSUER || !env.PROCONNECT_CLIENT_ID || !env.PROCONNECT_CLIENT_SECRET) return null;
  return {
    issuer: env.PROCONNECT_ISSUER,
    clientId: env.PROCONNECT_CLIENT_ID,
    clientSecret: env.PROCONNECT_CLIENT_SECRET,
    // ProConnect's scopes for the identity of an agent; `email` is what accounts are matched on.
    scopes: env.PROCONNECT_SCOPES ?? 'openid email given_name usual_name',
    acrValues: env.PROCONNECT_ACR_VALUES || undefined,
  };
}

/** Overrides the environment for one platform (tests point it at a local provider). */
export function configureProConnect(ctx: AppContext, settings: ProConnectSettings | null): void {
  overrides.set(ctx, settings);
  configs.delete(ctx);
}

export const callbackUrl = (ctx: AppContext) => `${ctx.config.publicUrl}/api/v1/comptes/proconnect/retour`;

/** The provider's discovered configuration, fetched once (and again after a failure). */
export function providerConfig(ctx: AppContext, settings: ProConnectSettings): Promise<Oidc.Configuration> {
  const key = `${settings.issuer}|${settings.clientId}`;
  const cached = configs.get(ctx);
  if (cached && cached.key === key) return cached.config;
  const insecure = new URL(settings.issuer).protocol === 'http:' && !ctx.config.production;
  const config = openidClient()
    .then((oidc) =>
      oidc.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        // A local provider (tests, development) speaks plain HTTP; production requires HTTPS.
        execute: insecure ? [oidc.allowInsecureRequests] : [],
      }),
    )
    .catch((error) => {
      configs.delete(ctx);
      throw error;
    });
  configs.set(ctx, { key, config });
  return config;
}

/** Starts an authorisation: what to store server-side and where to send the browser. */
export async function startAuthorization(ctx: AppContext, settings: ProConnectSettings) {
  const config = await providerConfig(ctx, settings);
  const oidc = await openidClient();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const parameters: Record<string, string> = {
    redirect_uri: callbackUrl(ctx),
    scope: settings.scopes,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  };
  if (settings.acrValues) parameters.acr_values = settings.acrValues;
  return { url: oidc.buildAuthorizationUrl(config, parameters), state, nonce, codeVerifier };
}

/**
 * Exchanges the code (checking state, nonce, PKCE) and returns the agent's email, whether the
 * provider vouches for it (`email_verified`, see domain/comptes/identity.ts) and names.
 */
export async function finishAuthorization(
  ctx: AppContext,
  settings: ProConnectSettings,
  currentUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<{
  sub: string;
  email: string | null;
  emailVerified: boolean;
  givenName: string | null;
  usualName: string | null;
  idToken: string | null;
}> {
  const config = await providerConfig(ctx, settings);
  const oidc = await openidClient();
  const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims()!;
  // ProConnect gives the email in the userinfo response (a signed JWT, which openid-client verifies).
  const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
  const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const { email, verified } = providerEmail(info, claims);
  return {
    sub: claims.sub,
    email,
    emailVerified: verified,
    givenName: text(info.given_name),
    usualName: text(info.usual_name) ?? text(info.family_name),
    idToken: tokens.id_token ?? null,
  };
}

/** Where to send the browser to end the ProConnect session too (null when the provider has no logout). */
export async function endSessionUrl(
  ctx: AppContext,
  settings: ProConnectSettings,
  idToken: string,
): Promise<string | null> {
  const config = await providerConfig(ctx, settings);
  if (!config.serverMetadata().end_session_endpoint) return null;
  const oidc = await openidClient();
  return oidc
    .buildEndSessionUrl(config, {
      id_token_hint: idToken,
      state: oidc.randomState(),
      post_logout_redirect_uri: `${ctx.config.publicUrl}/connexion?deconnecte=1`,
    })
    .toString();
}
