import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { sendPage, wantsJson } from './render.tsx';

interface Classified {
  status: number;
  code: string;
  key: MessageKey;
  headers: Record<string, string>;
}

/**
 * Every status Brugwerk answers with. 200 and 201 for what was asked, 303 after a form, 304 for a
 * static file the browser has; 400 bad input, 401 not signed in, 403 not allowed or no CSRF token,
 * 404 not found (also for what exists but is not yours), 409 a step that conflicts with the state,
 * 413 too large, 414 address too long, 415 unknown body type, 422 refused by the rules, 429 too
 * many requests, 503 too busy (load shedding). Anything else is a bug; the fuzz tests hold every
 * route to this list (and routes that declare response schemas to their own 2xx codes).
 */
export const declaredStatuses: ReadonlySet<number> = new Set([
  200, 201, 303, 304, 400, 401, 403, 404, 409, 413, 414, 415, 422, 429, 503,
]);

/** Maps anything thrown to a status, a stable code and a catalogue message. */
function classify(err: FastifyError | AppError | Error): Classified {
  if (err instanceof AppError) {
    return { status: err.statusCode, code: err.code, key: err.messageKey, headers: err.headers };
  }
  const e = err as FastifyError;
  if (e.validation) return { status: 400, code: 'ValidationFailed', key: 'error.validation', headers: {} };
  if (e.code?.startsWith('FST_CSRF'))
    return { status: 403, code: 'CsrfTokenInvalid', key: 'error.csrf', headers: {} };
  if (e.statusCode === 413)
    return { status: 413, code: 'PayloadTooLarge', key: 'error.payloadTooLarge', headers: {} };
  if (e.statusCode === 415)
    return { status: 415, code: 'UnsupportedMediaType', key: 'error.unsupportedMediaType', headers: {} };
  if (e.statusCode === 429)
    return { status: 429, code: 'TooManyRequests', key: 'error.tooManyRequests', headers: {} };
  if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e instanceof SyntaxError) {
    return { status: 400, code: 'InvalidJson', key: 'error.invalidJson', headers: {} };
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, code: 'BadRequest', key: 'error.badRequest', headers: {} };
  }
  return { status: 500, code: 'InternalError', key: 'error.internal', headers: {} };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, c: Classified) {
  reply.headers(c.headers);
  if (wantsJson(request)) {
    return reply.status(c.status).send({ error: { code: c.code, message: request.t(c.key) } });
  }
  const title: MessageKey =
    c.status === 404 ? 'error.notFoundTitle' : c.status === 403 ? 'error.forbiddenTitle' : 'error.pageTitle';
  return sendPage(
    request,
    reply,
    (ctx) => ctx.t(title),
    (ctx) => (
      <section class="error-page">
        <h1>{ctx.t(title)}</h1>
        <p>{ctx.t(c.key)}</p>
        <p class="correlation-id">
          {ctx.t('error.reference')} <code>{ctx.correlationId}</code>
        </p>
        <p>
          <a href="/">{ctx.t('error.backHome')}</a>
        </p>
      </section>
    ),
    c.status,
  );
}

/** No stack trace and no SQL ever reach a client; 5xx are logged with the correlation id. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const classified = classify(err);
    if (classified.status >= 500) request.log.error({ err }, 'request failed');
    else request.log.debug({ code: classified.code }, 'client error');
    return sendError(request, reply, classified);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, { status: 404, code: 'NotFound', key: 'error.notFound', headers: {} }),
  );
}
