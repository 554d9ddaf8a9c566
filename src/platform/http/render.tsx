import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { MessageKey } from '../i18n/i18n.ts';
import { Layout } from '../views/layout.tsx';
import type { Flash, PageContext } from '../views/page-context.ts';

const FLASH_COOKIE = 'brugwerk_melding';

/** Shows a one-time message on the next page (after a redirect). */
export function setFlash(reply: FastifyReply, kind: Flash['kind'], key: MessageKey) {
  reply.setCookie(FLASH_COOKIE, JSON.stringify({ kind, key }), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    signed: true,
  });
}

function takeFlash(request: FastifyRequest, reply: FastifyReply): Flash | null {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return null;
  reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  try {
    const parsed = JSON.parse(unsigned.value) as Flash;
    return parsed && typeof parsed.key === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  let csrfToken: string | undefined;
  return {
    t: request.t,
    locale: request.locale,
    user: request.user,
    // Made when a form on the page asks for it: a page without one sets no CSRF cookie.
    get csrfToken() {
      return (csrfToken ??= reply.generateCsrf());
    },
    path: request.url.split('?')[0] ?? '/',
    flash: takeFlash(request, reply),
    correlationId: String(request.id),
    demoMode: request.server.demoMode,
  };
}

/** Renders a full page in the layout. Pages are never cached: they may hold personal data. */
export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  title: string | ((ctx: PageContext) => string),
  body: (ctx: PageContext) => VNode,
  status = 200,
) {
  const ctx = pageContext(request, reply);
  const pageTitle = typeof title === 'string' ? title : title(ctx);
  const html = renderToString(
    <Layout ctx={ctx} title={pageTitle}>
      {body(ctx)}
    </Layout>,
  );
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>${html}`);
}

/** Only local paths are followed after sign-in or a language switch (no open redirects, ASVS 5.1.5). */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return fallback;
  }
  return value.length > 500 ? fallback : value;
}

export function wantsJson(request: Pick<FastifyRequest, 'url' | 'headers'>): boolean {
  if (request.url.startsWith('/api/') || request.url === '/health') return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}
