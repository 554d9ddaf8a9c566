import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { safeReturnPath, sendPage } from '../http/render.tsx';
import { LANGUAGE_COOKIE, locales } from '../i18n/i18n.ts';
import { moduleNavigation } from './layout.tsx';

/** Home, the language switch and the sources page. */
export function shellRoutes(_deps: Deps) {
  return async function (app: FastifyInstance) {
    app.get('/', { config: { permission: 'public' } }, (request, reply) =>
      sendPage(
        request,
        reply,
        (ctx) => ctx.t('home.title'),
        (ctx) => (
          <>
            <h1>{ctx.t('home.title')}</h1>
            <p class="lead">{ctx.t('home.lead')}</p>
            <h2>{ctx.t('home.modulesTitle')}</h2>
            <ul class="card-list">
              {moduleNavigation.map((item) => (
                <li key={item.href} class="card">
                  <h3>
                    <a href={item.href}>{ctx.t(item.label)}</a>
                  </h3>
                  <p>{ctx.t(item.description)}</p>
                </li>
              ))}
            </ul>
            {ctx.user ? null : (
              <p>
                <a class="button button--primary" href="/aanmelden">
                  {ctx.t('home.signInCta')}
                </a>
              </p>
            )}
          </>
        ),
      ),
    );

    // A plain link per language, so the switch works without JavaScript.
    app.get(
      '/taal/:locale',
      {
        config: { permission: 'public' },
        schema: {
          params: z.object({ locale: z.enum(locales) }),
          querystring: z.object({ terug: z.string().max(500).optional() }),
        },
      },
      (request, reply) => {
        const { locale } = request.params as { locale: string };
        const { terug } = request.query as { terug?: string };
        reply.setCookie(LANGUAGE_COOKIE, locale, {
          path: '/',
          sameSite: 'lax',
          maxAge: 365 * 86400,
          httpOnly: true,
        });
        return reply.redirect(safeReturnPath(terug), 303);
      },
    );

    app.get('/bronnen', { config: { permission: 'public' } }, (request, reply) =>
      sendPage(
        request,
        reply,
        (ctx) => ctx.t('sources.title'),
        (ctx) => (
          <>
            <h1>{ctx.t('sources.title')}</h1>
            <p>{ctx.t('sources.intro')}</p>
            <ul>
              <li>{ctx.t('sources.statbel')}</li>
              <li>{ctx.t('sources.osm')}</li>
              <li>{ctx.t('sources.fpsFinance')}</li>
              <li>{ctx.t('sources.bpost')}</li>
            </ul>
            <p>{ctx.t('sources.licence')}</p>
          </>
        ),
      ),
    );
  };
}
