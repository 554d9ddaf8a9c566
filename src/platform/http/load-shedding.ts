import type { FastifyInstance } from 'fastify';
import { translator } from '../i18n/i18n.ts';
import { wantsJson } from './render.tsx';

/**
 * Load shedding: a process works on at most `limit` requests at once; past that a request is
 * answered 503 with Retry-After straight away, before it touches the database. Under overload the
 * requests that are taken keep their normal latency instead of all of them queueing behind the
 * database pool, and the process recovers by itself as soon as the load drops. The refusal is a
 * small fixed answer (no page to render: it must cost next to nothing when thousands come).
 * `/health` is never shed, so a load balancer sees a busy process as alive. Per process only; it
 * guards latency, not correctness (ARCHITECTURE §8).
 */
export function installLoadShedding(app: FastifyInstance, limit: number) {
  let inFlight = 0;
  const message = translator('nl')('error.overloaded');
  const json = JSON.stringify({ error: { code: 'Overloaded', message } });
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Brugwerk</title></head><body><main><h1>Brugwerk</h1><p>${message}</p></main></body></html>`;
  app.addHook('onRequest', async (request, reply) => {
    if (request.url === '/health') return;
    if (inFlight >= limit) {
      reply.status(503).header('retry-after', '1').header('cache-control', 'no-store');
      return wantsJson(request)
        ? reply.type('application/json; charset=utf-8').send(json)
        : reply.type('text/html; charset=utf-8').send(html);
    }
    inFlight++;
    // 'close' comes for every response, also when the client went away before the answer.
    reply.raw.once('close', () => inFlight--);
  });
}
