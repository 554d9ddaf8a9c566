import type { FastifyRequest } from 'fastify';
import { authorizeObject } from '../../platform/authz/permissions.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { accessTo, findNetworkBySlug, maySeeNetwork } from './networks.service.ts';

/** The object-level checks every network page uses (networks, meetings, events, the pulse). */
export function networkGuards(deps: Deps) {
  /** A network its visitor may see (public, or they take part); "not found" otherwise. */
  async function seen(req: FastifyRequest, slug: string) {
    const network = await findNetworkBySlug(deps, slug);
    const access = network
      ? await accessTo(deps, req.user, network)
      : { takesPart: false, coordinates: false };
    return { network: authorizeObject(network, (n) => maySeeNetwork(n, access)), access };
  }
  /** For those who take part: meetings, minutes, actions and the pulse. */
  async function takenPart(req: FastifyRequest, slug: string) {
    const { network, access } = await seen(req, slug);
    if (!access.takesPart)
      throw network.is_public ? forbidden() : new AppError(404, 'NotFound', 'error.notFound');
    return { network, access };
  }
  /** For the network's coordinators only; others get "not found" (or "forbidden" on a public network). */
  async function coordinated(req: FastifyRequest, slug: string) {
    const { network, access } = await seen(req, slug);
    if (!access.coordinates) throw forbidden();
    return network;
  }
  return { seen, takenPart, coordinated };
}
