import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { PageContext } from '../../../platform/views/page-context.ts';

interface WeeklyHours {
  byday: string | null;
  opens_at: string | null;
  closes_at: string | null;
}

/** "MO,TH 08:15–09:00" as "maandag, donderdag van 08:15 tot 09:00". */
export function hoursText(ctx: PageContext, h: WeeklyHours): string {
  const days = (h.byday ?? '')
    .split(',')
    .filter(Boolean)
    .map((d) => ctx.t(`weekday.${d}` as MessageKey))
    .join(', ');
  const hours = ctx.t('directory.hours', {
    opens: (h.opens_at ?? '').slice(0, 5),
    closes: (h.closes_at ?? '').slice(0, 5),
  });
  return `${days} ${hours}`;
}

export interface ContactPointView {
  id: string;
  title: string;
  name: string | null;
  email: string | null;
  direct_phone: string | null;
  presence: string | null;
  hours: WeeklyHours[];
  schools: { id: string; name: string }[];
}

/**
 * The fixed contact points of an organisation. `null` for visitors who are not signed in: direct
 * lines are for professionals only (ARCHITECTURE §4), so those see a line about signing in.
 */
export function ContactPoints({
  ctx,
  contactPoints,
}: {
  ctx: PageContext;
  contactPoints: ContactPointView[] | null;
}) {
  const { t } = ctx;
  if (contactPoints === null) return <p>{t('directory.contactPointsSignIn')}</p>;
  if (contactPoints.length === 0) return <p>{t('directory.organization.noContactPoints')}</p>;
  return (
    <ul>
      {contactPoints.map((c) => (
        <li key={c.id}>
          <strong>{c.title}</strong>
          {c.name ? ` — ${c.name}` : ''}
          {c.direct_phone ? ` · ${c.direct_phone}` : ''}
          {c.email ? ` · ${c.email}` : ''}
          {c.presence ? (
            <>
              <br />
              {t('directory.presence')}: {c.presence}
            </>
          ) : null}
          {c.hours.map((h, i) => (
            <span key={i}>
              <br />
              {hoursText(ctx, h)}
            </span>
          ))}
          {c.schools.length ? (
            <>
              <br />
              {t('directory.organization.servesSchools')}:{' '}
              {c.schools.map((school, i) => (
                <span key={school.id}>
                  {i > 0 ? ', ' : ''}
                  <a href={`/sociale-kaart/organisaties/${school.id}`}>{school.name}</a>
                </span>
              ))}
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
