import { existsSync } from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { MODULES } from '../../modules';
import type { AppContext } from '../context';
import { installAccessControl, type RegisteredRoute } from './access';
import { HttpError } from './errors';
import { installSessionResolution } from './session-hook';
import { frenchValidationMessage } from './validation-messages';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its declared permission (the access-matrix test reads it). */
    routeRegistry: RegisteredRoute[];
  }
}

export interface BuildOptions {
  logger?: boolean;
  /** Extra routes (the CLI bridge) registered before the modules. */
  extra?: (app: FastifyInstance) => Promise<void>;
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: process.env.LOG_LEVEL ?? 'info' } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === '1' || process.env.TRUST_PROXY === 'true',
    ajv: { customOptions: { coerceTypes: 'array', allErrors: false, removeAdditional: false } },
  });
  app.decorate('routeRegistry', [] as RegisteredRoute[]);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // DSFR and MapLibre position elements with inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    hsts: ctx.config.production ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'API Pilote TI',
        version: '1',
        description:
          "API publique et de travail de Pilote TI, la plateforme de pilotage du programme Territoires d'industrie. " +
          'Les réponses sont en JSON, les libellés en français. Les données de référence sont sous Licence Ouverte 2.0.',
      },
      servers: [{ url: '/' }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  installSessionResolution(app, ctx);
  installAccessControl(app, app.routeRegistry);
  installErrorHandling(app);

  app.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  app.get(
    '/api/v1/sante',
    {
      config: { access: 'public' },
      schema: { summary: 'État du service (sonde de disponibilité)', tags: ['plateforme'] },
    },
    async () => ({ statut: 'ok' }),
  );

  if (options.extra) await options.extra(app);
  for (const module of MODULES) if (module.routes) await module.routes(app, ctx);
  await serveWebApp(app, ctx.config.webDir);
  return app;
}

function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      return reply.status(400).send({
        message: frenchValidationMessage(error.validation as never, error.validationContext ?? 'body'),
      });
    }
    if (error instanceof HttpError) {
      return reply.status(error.statusCode).send({ message: error.message, ...error.details });
    }
    const known = KNOWN_FRAMEWORK_ERRORS[error.code];
    if (known) return reply.status(known.status).send({ message: known.message });
    if (error.statusCode && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ message: 'Requête invalide.' });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send({
      message: "Erreur interne du serveur : l'incident a été enregistré. Réessayez dans un instant.",
    });
  });
}

const KNOWN_FRAMEWORK_ERRORS: Record<string, { status: number; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    message: 'Requête trop volumineuse : la taille maximale est dépassée.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, message: 'Type de contenu non pris en charge.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, message: 'Requête invalide : le corps JSON est vide.' },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    message: "Requête invalide : le corps n'est pas un JSON valide.",
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    message: 'Un envoi de fichier (multipart) est attendu.',
  },
  FST_REQ_FILE_TOO_LARGE: {
    status: 413,
    message: 'Fichier trop volumineux : la taille maximale est dépassée.',
  },
};

/**
 * Scripts, stylesheets, fonts and images are drawn by a page, not opened as documents: the security
 * headers that only act on a document (or a worker) are left off them, which saves about 0.5 KB on
 * each of the ~35 responses of a first view. They keep `nosniff`, CORP and HSTS. The SVG here are
 * the DSFR's own icons and artwork (the web folder holds build output only, never user content).
 * HTML and the module worker (.mjs, whose CSP comes from its own response) keep every header.
 */
const SUBRESOURCE = /\.(js|css|woff2?|png|ico|svg)(\.br|\.gz)?$/;
const DOCUMENT_ONLY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

/** The built web application (dist/web), precompressed, with the SPA's index.html for other paths. */
async function serveWebApp(app: FastifyInstance, webDir: string) {
  const hasWeb = existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      preCompressed: true,
      wildcard: false,
      index: false,
      setHeaders: (res, file: string) => {
        const immutable = file.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        if (!SUBRESOURCE.test(file)) return;
        // Helmet writes its headers on the raw response, before this route runs.
        for (const name of DOCUMENT_ONLY_HEADERS) res.raw.removeHeader(name);
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply
        .status(404)
        .send({ message: `Ressource introuvable : ${request.method} ${request.url.split('?')[0]}` });
    }
    if (!hasWeb) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send("L'application web n'est pas construite : lancez « npm run build:web ».");
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
