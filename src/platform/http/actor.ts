import type { FastifyRequest } from 'fastify';
import type { Actor } from '../deps.ts';

/** The audit actor of a request: the signed-in user (or half-signed-in session) and the correlation id. */
export function actorOf(request: FastifyRequest): Actor {
  return {
    userId: request.user?.id ?? request.session?.userId ?? null,
    label: request.user ? undefined : `ip:${request.ip}`,
    correlationId: String(request.id),
  };
}
