import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { FastifyServerFactory } from 'fastify';
import { translator } from '../i18n/i18n.ts';
import { wantsJson } from './render.tsx';

/** Sets the security headers on a raw answer, then calls `next` (helmet's middleware shape). */
export type RawMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (err?: unknown) => void,
) => void;

/**
 * Load shedding: a process works on at most `limit` requests at once; past that a request is
 * answered 503 with Retry-After straight away, before it touches the database. Under overload the
 * requests that are taken keep their normal latency instead of all of them queueing behind the
 * database pool, and the process recovers by itself as soon as the load drops.
 *
 * Once it has had to refuse, the process takes at most a quarter of `limit` until a whole second
 * passes without a refusal. Reaching the limit means requests arrive faster than they are answered;
 * the extra ones in flight then only wait for a database connection, while their answers keep the
 * event loop so busy that the refusals themselves wait for it. At Flanders scale under four times the
 * saturating load (the bench's overload, a fixed 64 or 16 in flight): the p95 of the 503s went from
 * about 90 to 30 ms, the other answers' from about 270 to 90 ms, with 10–20 % fewer of them.
 * A steady load at the limit's own size (50 browsers waiting for their pages) never reaches it, so it
 * is never refused.
 *
 * The refusal happens in the HTTP server itself, before Fastify sees the request (no routing, no
 * hooks, no cookies): under four times the saturating load most requests are refusals, and each must
 * cost next to nothing, or refusing becomes the overload. It is a small fixed answer (Dutch JSON or
 * HTML) with the same security headers as any page. `/health` is never shed, so a load balancer
 * sees a busy process as alive. Per process only; it guards latency, not correctness (ARCHITECTURE §8).
 */
export function sheddingServer(limit: number, securityHeaders: RawMiddleware): FastifyServerFactory {
  const overloadedLimit = Math.ceil(limit / 4);
  let inFlight = 0;
  /** Until this moment (ms since the epoch) the process counts as overloaded. */
  let overloadedUntil = 0;
  const message = translator('nl')('error.overloaded');
  const json = Buffer.from(JSON.stringify({ error: { code: 'Overloaded', message } }));
  const html = Buffer.from(
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Brugwerk</title></head><body><main><h1>Brugwerk</h1><p>${message}</p></main></body></html>`,
  );
  const refuse = (req: IncomingMessage, res: ServerResponse) =>
    securityHeaders(req, res, () => {
      const asJson = wantsJson({ url: req.url ?? '', headers: req.headers });
      const body = asJson ? json : html;
      res.writeHead(503, {
        'content-type': asJson ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
        'content-length': body.length,
        'retry-after': '1',
        'cache-control': 'no-store',
      });
      res.end(body);
    });
  return (handler, options) => {
    const server = createServer((req, res) => {
      if (req.url === '/health') return handler(req, res);
      const now = Date.now();
      if (inFlight >= (now < overloadedUntil ? overloadedLimit : limit)) {
        overloadedUntil = now + 1000;
        return refuse(req, res);
      }
      inFlight++;
      // 'close' comes for every response, also when the client went away before the answer.
      res.once('close', () => inFlight--);
      handler(req, res);
    });
    // Fastify sets these only on servers it makes itself; its resolved options carry them.
    server.keepAliveTimeout = options.keepAliveTimeout as number;
    server.requestTimeout = options.requestTimeout as number;
    server.setTimeout(options.connectionTimeout as number);
    return server;
  };
}
