import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
  RouteOptions,
} from 'fastify';
import { AppError, forbidden, unauthorized } from '../errors.ts';
import { wantsJson } from '../http/render.tsx';
import {
  canAnywhere,
  isPermission,
  type Permission,
  type RoutePermission,
  secondFactorPermissions,
} from './permissions.ts';

export interface RegisteredRoute {
  method: string;
  url: string;
  permission: RoutePermission;
  /** The success statuses a route's response schema declares (JSON API routes), if it has one. */
  successStatuses?: number[];
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Deny by default (ARCHITECTURE §4): every route must declare its permission or the app does not
 * boot; every request is checked against it before validation or handler run. HTML routes that
 * change state get the CSRF check on preValidation; the JSON API takes bearer tokens only, which a
 * browser never sends on its own, so it needs none.
 */
export function installRouteGuard(app: FastifyInstance): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const permission = route.config?.permission;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!isPermission(permission)) {
      throw new Error(`Route ${methods.join(',')} ${route.url} declares no permission (config.permission)`);
    }
    const response = route.schema?.response as Record<string, unknown> | undefined;
    const successStatuses = response
      ? Object.keys(response)
          .map(Number)
          .filter((n) => n < 300)
      : undefined;
    for (const method of methods) routes.push({ method, url: route.url, permission, successStatuses });
    if (methods.some((m) => stateChanging.has(m)) && !route.url.startsWith('/api/')) {
      const csrf = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) =>
        app.csrfProtection(request, reply, done);
      const existing = route.preValidation;
      route.preValidation = [csrf, ...(existing ? (Array.isArray(existing) ? existing : [existing]) : [])];
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    const permission = config.permission;
    if (!permission || permission === 'public') return;
    const user = request.user;
    if (!user) {
      if (wantsJson(request) || request.method !== 'GET') throw unauthorized();
      return reply.redirect(`/aanmelden?terug=${encodeURIComponent(request.url)}`, 303);
    }
    const enrol = () => {
      if (wantsJson(request))
        throw new AppError(403, 'SecondFactorRequired', 'accounts.secondFactorRequired');
      return reply.redirect('/account/tweestapsverificatie', 303);
    };
    if (user.secondFactorRequired && !user.secondFactorEnabled && !config.allowDuringSecondFactorEnrolment)
      return enrol();
    if (!canAnywhere(user, permission)) throw forbidden();
    // Case data: whoever may work on cases must have a second factor first (ARCHITECTURE §4).
    if (secondFactorPermissions.has(permission as Permission) && !user.secondFactorEnabled) return enrol();
  });
  return routes;
}
