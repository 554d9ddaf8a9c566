import type { CurrentUser } from '../http/principal.ts';
import type { Locale, MessageKey, Translate } from '../i18n/i18n.ts';

export interface Flash {
  kind: 'success' | 'info' | 'error';
  key: MessageKey;
}

/** Everything a page needs from the request, passed explicitly to every view. */
export interface PageContext {
  t: Translate;
  locale: Locale;
  user: CurrentUser | null;
  csrfToken: string;
  path: string;
  flash: Flash | null;
  correlationId: string;
  demoMode: boolean;
}
