import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { type Actor, can, type Permission, type Scope } from '../../../domain/comptes/policy';
import { forbidden, HttpError, unauthorized } from './errors';

// Every API route declares who may call it (`config: { access: '…' }`). A route registered without
// a declaration stops the server at start-up: nothing can be exposed by forgetting to protect it.

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Permission needed to call the route (checked before validation and the handler). */
    access?: Permission;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: Permission;
}

/** Routes outside the API (static files, the docs page) carry no data and need no declaration. */
const isUndeclaredAllowed = (url: string) => !url.startsWith('/api/') || url.startsWith('/api/docs');

export function installAccessControl(app: FastifyInstance, registry: RegisteredRoute[]) {
  app.addHook('onRoute', (route: RouteOptions) => {
    const access = (route.config as { access?: Permission } | undefined)?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!access) {
      if (isUndeclaredAllowed(route.url)) return;
      throw new Error(
        `La route ${methods.join(',')} ${route.url} ne déclare pas ses droits d'accès (config.access).`,
      );
    }
    for (const method of methods) if (method !== 'HEAD') registry.push({ method, url: route.url, access });
  });
  app.addHook('preValidation', async (request: FastifyRequest, _reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    if (request.ctx.sessionInvalid && access !== 'public') {
      throw new HttpError(401, 'Session expirée ou invalide : reconnectez-vous.');
    }
    requirePermission(request.ctx.actor, access);
  });
}

/**
 * Throws 401 for an anonymous caller and 403 for a signed-in one lacking the permission (with
 * `message` when given: say what was refused, and where). A scope naming a territory also names its
 * region (policy.ts `Scope`): resolve it from the territory, never from what the caller sent.
 */
export function requirePermission(
  actor: Actor,
  permission: Permission,
  scope?: Scope,
  message?: string,
): void {
  if (can(actor, permission, scope)) return;
  if (actor.userId === null) throw unauthorized();
  throw forbidden(message);
}

/** Same as requirePermission, but hides the resource's existence (404) from those who may not see it. */
export function requireVisible(
  actor: Actor,
  permission: Permission,
  scope: Scope,
  notFoundMessage: string,
): void {
  if (can(actor, permission, scope)) return;
  if (actor.userId === null && permission !== 'public') throw unauthorized();
  throw new HttpError(404, notFoundMessage);
}
