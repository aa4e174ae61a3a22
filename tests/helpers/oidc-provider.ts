import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Provider from 'oidc-provider';

// A real OpenID Connect provider (oidc-provider) on a free local port, shaped like ProConnect:
// authorization code with PKCE, scopes `openid email given_name usual_name`, userinfo returned as a
// signed JWT. Its login and consent screens are replaced by an automatic interaction that signs in
// as `provider.nextLogin` (the email the test chooses), so tests drive the whole round trip over HTTP.

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Email of the agent who will "type their credentials" at the next login prompt. */
  nextLogin: string;
  /** What the provider says of the email (`email_verified`): true by default, undefined = says nothing. */
  emailVerified: boolean | undefined;
  close(): Promise<void>;
}

export async function startTestOidcProvider(options: {
  redirectUri: string;
  postLogoutRedirectUri?: string;
}): Promise<TestOidcProvider> {
  let provider: Provider | null = null;
  const state: TestOidcProvider = {
    issuer: '',
    clientId: 'pilote-ti-test',
    clientSecret: 'secret-de-test-pour-le-fournisseur-local',
    nextLogin: '',
    emailVerified: true,
    close: async () => {},
  };

  const server = createServer((req, res) => {
    if (!provider) {
      res.statusCode = 503;
      res.end();
      return;
    }
    if (req.url?.startsWith('/interaction/')) {
      handleInteraction(provider, state, req, res).catch((error) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  state.issuer = `http://127.0.0.1:${port}`;

  provider = new Provider(state.issuer, {
    clients: [
      {
        client_id: state.clientId,
        client_secret: state.clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: options.postLogoutRedirectUri ? [options.postLogoutRedirectUri] : [],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        userinfo_signed_response_alg: 'RS256',
      },
    ],
    scopes: ['openid', 'email', 'given_name', 'usual_name'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      given_name: ['given_name'],
      usual_name: ['usual_name'],
    },
    features: { devInteractions: { enabled: false }, jwtUserinfo: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['cle-de-test-des-cookies-du-fournisseur'] },
    jwks: {
      keys: [
        {
          ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
          kid: 'test',
          use: 'sig',
          alg: 'RS256',
        },
      ] as never,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: id,
            ...(state.emailVerified === undefined ? {} : { email_verified: state.emailVerified }),
            given_name: 'Agent',
            usual_name: 'Public',
          };
        },
      };
    },
  });

  state.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return state;
}

async function handleInteraction(
  provider: Provider,
  state: TestOidcProvider,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: state.nextLogin } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  const accountId = details.session!.accountId;
  const grant = details.grantId
    ? (await provider.Grant.find(details.grantId))!
    : new provider.Grant({ accountId, clientId: details.params.client_id as string });
  const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

/**
 * Follows the provider's redirects like a browser would (keeping its cookies) from the authorization
 * URL until it sends the browser back to `callbackPrefix`; returns that final URL.
 */
export async function followProviderRedirects(start: string, callbackPrefix: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = start;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(callbackPrefix)) return url;
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`Le fournisseur n'a pas redirigé (${res.status}) : ${await res.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('Trop de redirections chez le fournisseur OpenID Connect.');
}
