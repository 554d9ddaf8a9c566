import { en } from './messages/en.ts';
import { fr } from './messages/fr.ts';
import { nl } from './messages/nl.ts';

export type MessageKey = keyof typeof nl;
export type Catalogue = Record<MessageKey, string>;

export const locales = ['nl', 'fr', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl';
export const LANGUAGE_COOKIE = 'brugwerk_taal';

const catalogues: Record<Locale, Catalogue> = { nl, fr, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, params) => {
    const text = catalogue[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * The visitor's explicit choice (the language cookie), else Dutch. The browser's Accept-Language
 * is not followed: Brugwerk is Dutch first, and a Flemish professional with an English browser
 * should still land on Dutch pages.
 */
export function chooseLocale(cookie: string | undefined): Locale {
  return isLocale(cookie) ? cookie : defaultLocale;
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(nl, value);
}
