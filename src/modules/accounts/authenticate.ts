import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { CurrentUser } from '../../platform/http/principal.ts';
import * as repo from './accounts.repository.ts';
import { resolveApiToken, resolveSession, SESSION_ABSOLUTE_TIMEOUT } from './accounts.service.ts';
import { isSecondFactorRequired } from './mfa.service.ts';

export const sessionCookieName = (deps: Deps) =>
  deps.config.secureCookies ? '__Host-brugwerk_sessie' : 'brugwerk_sessie';

// ASVS 3.4: HttpOnly, SameSite=Lax, Secure with the __Host- prefix when served over https.
export function setSessionCookie(deps: Deps, reply: FastifyReply, token: string) {
  reply.setCookie(sessionCookieName(deps), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
    maxAge: SESSION_ABSOLUTE_TIMEOUT / 1000,
  });
}

export function clearSessionCookie(deps: Deps, reply: FastifyReply) {
  reply.clearCookie(sessionCookieName(deps), { path: '/', secure: deps.config.secureCookies });
}

export async function loadCurrentUser(
  deps: Deps,
  userId: string,
  via: CurrentUser['via'],
): Promise<CurrentUser | null> {
  const user = await repo.findUserById(deps.db, userId);
  if (!user || user.disabled_at) return null;
  const memberships = await repo.findMembershipsOfUser(deps.db, userId);
  const current: CurrentUser = {
    id: user.id,
    email: user.email,
    name: user.name,
    platformRoles: user.platform_roles,
    memberships,
    secondFactorEnabled: user.totp_enabled_at !== null,
    secondFactorRequired: false,
    via,
  };
  current.secondFactorRequired = await isSecondFactorRequired(deps, current);
  return current;
}

const bearer = /^Bearer\s+(\S+)$/i;

/**
 * Resolves who is asking: the JSON API by bearer token only, pages by session cookie only.
 * A session that still waits for its second factor is kept on `request.session` but grants nothing.
 */
export function authenticate(deps: Deps) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    request.user = null;
    request.session = null;
    // Stylesheets, icons and the health check never depend on who asks: no database round trip.
    if (request.url.startsWith('/static/') || request.url === '/health') return;
    if (request.url.startsWith('/api/')) {
      const match = bearer.exec(request.headers.authorization ?? '');
      const userId = match?.[1] ? await resolveApiToken(deps, match[1]) : null;
      if (userId) request.user = await loadCurrentUser(deps, userId, 'token');
      return;
    }
    const token = request.cookies[sessionCookieName(deps)];
    if (!token) return;
    const session = await resolveSession(deps, token);
    if (!session) {
      clearSessionCookie(deps, reply);
      return;
    }
    request.session = session;
    if (session.mfaPassed) request.user = await loadCurrentUser(deps, session.userId, 'session');
  };
}
