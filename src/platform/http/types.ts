import type { ActiveSession } from '../../modules/accounts/accounts.service.ts';
import type { RoutePermission } from '../authz/permissions.ts';
import type { Locale, Translate } from '../i18n/i18n.ts';
import type { CurrentUser } from './principal.ts';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
    user: CurrentUser | null;
    session: ActiveSession | null;
  }
  interface FastifyInstance {
    /** The database holds demo data: every page says so. */
    demoMode: boolean;
  }
  interface FastifyContextConfig {
    /** Required on every route: `public` or a `resource:action` permission (ARCHITECTURE §4). */
    permission?: RoutePermission;
    /** Reachable while a mandatory second factor is still to be set up. */
    allowDuringSecondFactorEnrolment?: boolean;
  }
}
