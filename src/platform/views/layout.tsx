import type { ComponentChildren } from 'preact';
import type { Locale, MessageKey } from '../i18n/i18n.ts';
import { PostForm } from './components.tsx';
import type { PageContext } from './page-context.ts';

/** The modules in the main navigation, in the order the home page lists them. */
export const moduleNavigation: {
  href: string;
  label: MessageKey;
  description: MessageKey;
}[] = [
  { href: '/sociale-kaart', label: 'nav.directory', description: 'nav.directoryDescription' },
  { href: '/praktijken', label: 'nav.practices', description: 'nav.practicesDescription' },
  { href: '/reflectie', label: 'nav.reflection', description: 'nav.reflectionDescription' },
  {
    href: '/samenwerking',
    label: 'nav.collaboration',
    description: 'nav.collaborationDescription',
  },
  { href: '/toeleiding', label: 'nav.cases', description: 'nav.casesDescription' },
  { href: '/signalen', label: 'nav.signals', description: 'nav.signalsDescription' },
  { href: '/regios', label: 'nav.regions', description: 'nav.regionsDescription' },
];

const languageNames: Record<Locale, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

function isCurrent(path: string, href: string) {
  return path === href || path.startsWith(`${href}/`);
}

export function Layout(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Brugwerk`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="stylesheet" href="/static/print.css" media="print" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#inhoud">
          {t('shell.skipToContent')}
        </a>
        {ctx.demoMode ? <p class="demo-banner">{t('shell.demoBanner')}</p> : null}
        <header class="site-header">
          <div class="site-header__top">
            <a class="brand" href="/">
              <span class="brand__name">Brugwerk</span>
              <span class="brand__tagline">{t('shell.tagline')}</span>
            </a>
            <nav class="language-switch" aria-label={t('shell.languageSwitch')}>
              <ul>
                {(Object.keys(languageNames) as Locale[]).map((l) => (
                  <li key={l}>
                    <a
                      href={`/taal/${l}?terug=${encodeURIComponent(ctx.path)}`}
                      lang={l}
                      hreflang={l}
                      aria-current={l === ctx.locale ? 'true' : undefined}
                    >
                      {languageNames[l]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <div class="user-menu">
              {ctx.user ? (
                <>
                  <a href="/account">{ctx.user.name}</a>
                  <PostForm ctx={ctx} action="/afmelden" class="inline-form">
                    <button type="submit" class="link-button">
                      {t('shell.signOut')}
                    </button>
                  </PostForm>
                </>
              ) : (
                <a href="/aanmelden">{t('shell.signIn')}</a>
              )}
            </div>
          </div>
          <nav class="main-nav" aria-label={t('shell.mainNavigation')}>
            <ul>
              {moduleNavigation.map((item) => (
                <li key={item.href}>
                  <a href={item.href} aria-current={isCurrent(ctx.path, item.href) ? 'page' : undefined}>
                    {t(item.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="inhoud" tabindex={-1}>
          {ctx.flash ? (
            <div
              class={`flash flash--${ctx.flash.kind}`}
              role={ctx.flash.kind === 'error' ? 'alert' : 'status'}
            >
              {t(ctx.flash.key)}
            </div>
          ) : null}
          {props.children}
        </main>
        <footer class="site-footer">
          <p>{t('shell.footerAbout')}</p>
          <p>
            <a href="/bronnen">{t('shell.sourcesLink')}</a> · {t('shell.licence')}
          </p>
        </footer>
      </body>
    </html>
  );
}
