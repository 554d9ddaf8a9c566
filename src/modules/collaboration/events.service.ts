import { randomBytes } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import { brusselsDay, days } from '../../platform/clock.ts';
import { hashToken } from '../../platform/crypto.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, Deps } from '../../platform/deps.ts';
import { refused } from '../../platform/errors.ts';
import { type Locale, translator } from '../../platform/i18n/i18n.ts';
import { queueMail } from '../../platform/mail/outbox.ts';
import { slugify } from '../accounts/accounts.service.ts';
import { auditNetwork, type Network } from './networks.service.ts';

// Open events of a network: a day with workshops, each with a capacity. Registration is public and needs
// no account; a full workshop puts the registrant on its waiting list, and a seat that frees up goes to
// the first in line. Every registrant gets a confirmation with a secret link to their registration (to
// cancel), and a reminder the day before. Names and addresses are wiped some time after the event.

export type NetworkEvent = Selectable<DB['network_events']>;
export type RegistrationStatus = 'confirmed' | 'waiting';

/** How long after an event its registrants' names and addresses are kept (for questions and certificates). */
export const EVENT_REGISTRATION_RETENTION_DAYS = 90;

export const eventsOf = (deps: Deps, networkId: string) =>
  deps.db
    .selectFrom('network_events')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('starts_at', 'desc')
    .execute();

/** An event with the network that holds it. */
export const findEvent = (deps: Deps, slug: string) =>
  deps.db
    .selectFrom('network_events as e')
    .innerJoin('networks as n', 'n.id', 'e.network_id')
    .selectAll('e')
    .select(['n.slug as network_slug', 'n.name as network_name'])
    .where('e.slug', '=', slug)
    .executeTakeFirst();
export type EventWithNetwork = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

/** Everyone may see a published or cancelled event; a draft only its network's coordinators. */
export const maySeeEvent = (event: NetworkEvent, coordinates: boolean) =>
  event.status !== 'draft' || coordinates;

/** The workshops of an event, in order, with their confirmed and waiting registrations counted. */
export async function workshopsOf(deps: Deps, eventId: string) {
  const [workshops, counts] = await Promise.all([
    deps.db
      .selectFrom('event_workshops')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('position')
      .execute(),
    deps.db
      .selectFrom('event_registration_workshops as rw')
      .innerJoin('event_registrations as r', 'r.id', 'rw.registration_id')
      .select(['rw.workshop_id', 'rw.status', sql<number>`count(*)::int`.as('n')])
      .where('r.event_id', '=', eventId)
      .where('r.cancelled_at', 'is', null)
      .groupBy(['rw.workshop_id', 'rw.status'])
      .execute(),
  ]);
  const count = (id: string, status: RegistrationStatus) =>
    counts.find((c) => c.workshop_id === id && c.status === status)?.n ?? 0;
  return workshops.map((w) => ({
    ...w,
    confirmed: count(w.id, 'confirmed'),
    waiting: count(w.id, 'waiting'),
  }));
}
export type Workshop = Awaited<ReturnType<typeof workshopsOf>>[number];

// ---- Organising ------------------------------------------------------------------------------------------

export interface EventInput {
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
}

/** A coordinator prepares an event; it stays a draft (seen by coordinators only) until published. */
export async function createEvent(deps: Deps, actor: Actor, network: Network, input: EventInput) {
  const base = slugify(input.title) || 'evenement';
  let slug = base;
  for (let n = 2; await findEvent(deps, slug); n++) slug = `${base}-${n}`;
  return deps.db.transaction().execute(async (trx) => {
    const event = await trx
      .insertInto('network_events')
      .values({
        network_id: network.id,
        slug,
        title: input.title,
        description: input.description,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        location: input.location,
        status: 'draft',
        created_at: deps.clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditNetwork(trx, deps, actor, 'event.created', network.id, { event: event.id });
    return event;
  });
}

export async function addWorkshop(
  deps: Deps,
  actor: Actor,
  event: NetworkEvent,
  input: { title: string; description: string; capacity: number },
) {
  if (event.status === 'cancelled') throw refused('EventCancelled', 'event.cancelled');
  await deps.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('event_workshops')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('event_id', '=', event.id)
      .executeTakeFirst();
    await trx
      .insertInto('event_workshops')
      .values({ event_id: event.id, ...input, position: (last?.position ?? 0) + 1 })
      .execute();
    await auditNetwork(trx, deps, actor, 'event.workshop_added', event.network_id, { event: event.id });
  });
}

/** A draft with at least one workshop goes public and opens for registration. */
export async function publishEvent(deps: Deps, actor: Actor, event: NetworkEvent) {
  if (event.status !== 'draft') throw refused('NotDraft', 'event.publish.notDraft');
  if ((await workshopsOf(deps, event.id)).length === 0)
    throw refused('NoWorkshops', 'event.publish.noWorkshops');
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('network_events').set({ status: 'published' }).where('id', '=', event.id).execute();
    await auditNetwork(trx, deps, actor, 'event.published', event.network_id, { event: event.id });
  });
}

/** Cancels an event; everyone still registered hears it by mail. */
export async function cancelEvent(deps: Deps, actor: Actor, event: EventWithNetwork) {
  if (event.status === 'cancelled') throw refused('EventCancelled', 'event.cancelled');
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('network_events').set({ status: 'cancelled' }).where('id', '=', event.id).execute();
    const registrants = await trx
      .selectFrom('event_registrations')
      .select(['email', 'locale'])
      .where('event_id', '=', event.id)
      .where('cancelled_at', 'is', null)
      .execute();
    for (const r of registrants) await mailRegistrant(trx, deps, r, event, 'cancelled', '');
    await auditNetwork(trx, deps, actor, 'event.cancelled', event.network_id, {
      event: event.id,
      registrants: registrants.length,
    });
  });
}

// ---- Registering -------------------------------------------------------------------------------------------

export interface RegistrationInput {
  name: string;
  email: string;
  organisation: string | null;
  workshopIds: string[];
  locale: Locale;
}

type MailKind = 'confirmation' | 'promoted' | 'reminder' | 'cancelled';

/** One mail about an event to one registrant, in the language they registered in. */
async function mailRegistrant(
  db: Kysely<DB>,
  deps: Deps,
  to: { email: string; locale: Locale },
  event: NetworkEvent,
  kind: MailKind,
  details: string,
  token?: string,
) {
  const t = translator(to.locale);
  const params = {
    title: event.title,
    when: `${brusselsDay(event.starts_at)} ${event.starts_at.toLocaleTimeString('nl-BE', {
      timeZone: 'Europe/Brussels',
      hour: '2-digit',
      minute: '2-digit',
    })}`,
    location: event.location || '—',
    details,
    link: token
      ? `${deps.config.publicUrl}/inschrijving/${token}`
      : `${deps.config.publicUrl}/evenementen/${event.slug}`,
  };
  await queueMail(db, deps.clock, {
    to: to.email,
    subject: t(`event.mail.${kind}.subject`, params),
    text: t(`event.mail.${kind}.text`, params),
    purpose: `event_${kind}`,
  });
}

/** The lines "workshop: confirmed / on the waiting list" of a registrant's mail. */
const statusLines = (locale: Locale, rows: { title: string; status: RegistrationStatus }[]) => {
  const t = translator(locale);
  return rows.map((r) => `- ${r.title}: ${t(`event.status.${r.status}`)}`).join('\n');
};

/**
 * Registers someone for the chosen workshops of a published event: a seat where there is one, the
 * waiting list otherwise. Returns the secret link's token (also mailed).
 */
export async function register(deps: Deps, actor: Actor, event: EventWithNetwork, input: RegistrationInput) {
  if (event.status !== 'published') throw refused('NotOpen', 'event.register.closed');
  if (event.starts_at <= deps.clock.now()) throw refused('Started', 'event.register.started');
  const email = input.email.trim().toLowerCase();
  const token = randomBytes(24).toString('base64url');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    // Locking the chosen workshops (in a fixed order) makes two registrations for the last seat queue up.
    const workshops = await trx
      .selectFrom('event_workshops')
      .select(['id', 'title', 'capacity'])
      .where('event_id', '=', event.id)
      .where('id', 'in', input.workshopIds)
      .orderBy('id')
      .forUpdate()
      .execute();
    if (workshops.length !== new Set(input.workshopIds).size)
      throw refused('UnknownWorkshop', 'event.register.unknownWorkshop');
    const already = await trx
      .selectFrom('event_registrations')
      .select('id')
      .where('event_id', '=', event.id)
      .where('email', '=', email)
      .where('cancelled_at', 'is', null)
      .executeTakeFirst();
    if (already) throw refused('AlreadyRegistered', 'event.register.already');
    const registration = await trx
      .insertInto('event_registrations')
      .values({
        event_id: event.id,
        name: input.name,
        email,
        organisation: input.organisation,
        token_hash: hashToken(token),
        created_at: now,
        locale: input.locale,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const statuses: { title: string; status: RegistrationStatus }[] = [];
    for (const w of workshops) {
      const taken = await confirmedCount(trx, w.id);
      const status: RegistrationStatus = taken < w.capacity ? 'confirmed' : 'waiting';
      await trx
        .insertInto('event_registration_workshops')
        .values({ registration_id: registration.id, workshop_id: w.id, status, queued_at: now })
        .execute();
      statuses.push({ title: w.title, status });
    }
    await mailRegistrant(
      trx,
      deps,
      { email, locale: input.locale },
      event,
      'confirmation',
      statusLines(input.locale, statuses),
      token,
    );
    await auditNetwork(trx, deps, actor, 'event.registered', event.network_id, {
      event: event.id,
      registration: registration.id,
      waiting: statuses.filter((s) => s.status === 'waiting').length,
    });
  });
  return token;
}

const confirmedCount = async (db: Kysely<DB>, workshopId: string) =>
  (
    await db
      .selectFrom('event_registration_workshops as rw')
      .innerJoin('event_registrations as r', 'r.id', 'rw.registration_id')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('rw.workshop_id', '=', workshopId)
      .where('rw.status', '=', 'confirmed')
      .where('r.cancelled_at', 'is', null)
      .executeTakeFirstOrThrow()
  ).n;

/** A registration found by its secret link, with its event and its workshops. */
export async function findRegistration(deps: Deps, token: string) {
  const registration = await deps.db
    .selectFrom('event_registrations')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!registration) return undefined;
  const event = await deps.db
    .selectFrom('network_events')
    .selectAll()
    .where('id', '=', registration.event_id)
    .executeTakeFirstOrThrow();
  const workshops = await deps.db
    .selectFrom('event_registration_workshops as rw')
    .innerJoin('event_workshops as w', 'w.id', 'rw.workshop_id')
    .select(['w.id', 'w.title', 'rw.status'])
    .where('rw.registration_id', '=', registration.id)
    .orderBy('w.position')
    .execute();
  return { registration, event, workshops };
}
export type FoundRegistration = NonNullable<Awaited<ReturnType<typeof findRegistration>>>;

/**
 * The registrant cancels through their link. Each seat they held goes to the first on that workshop's
 * waiting list, who gets a mail.
 */
export async function cancelRegistration(deps: Deps, actor: Actor, found: FoundRegistration) {
  const { registration, event } = found;
  if (registration.cancelled_at) throw refused('AlreadyCancelled', 'event.registration.alreadyCancelled');
  await deps.db.transaction().execute(async (trx) => {
    const held = found.workshops.filter((w) => w.status === 'confirmed').map((w) => w.id);
    if (held.length)
      await trx
        .selectFrom('event_workshops')
        .select('id')
        .where('id', 'in', held)
        .orderBy('id')
        .forUpdate()
        .execute();
    await trx
      .updateTable('event_registrations')
      .set({ cancelled_at: deps.clock.now() })
      .where('id', '=', registration.id)
      .execute();
    for (const workshopId of held) await promoteFromWaitingList(trx, deps, event, workshopId);
    await auditNetwork(trx, deps, actor, 'event.registration_cancelled', event.network_id, {
      event: event.id,
      registration: registration.id,
    });
  });
}

/** Gives free seats of a workshop to those waiting longest; each hears it by mail. */
async function promoteFromWaitingList(trx: Kysely<DB>, deps: Deps, event: NetworkEvent, workshopId: string) {
  const workshop = await trx
    .selectFrom('event_workshops')
    .select(['title', 'capacity'])
    .where('id', '=', workshopId)
    .executeTakeFirstOrThrow();
  const free = workshop.capacity - (await confirmedCount(trx, workshopId));
  if (free <= 0) return;
  const next = await trx
    .selectFrom('event_registration_workshops as rw')
    .innerJoin('event_registrations as r', 'r.id', 'rw.registration_id')
    .select(['r.id', 'r.email', 'r.locale'])
    .where('rw.workshop_id', '=', workshopId)
    .where('rw.status', '=', 'waiting')
    .where('r.cancelled_at', 'is', null)
    .orderBy('rw.queued_at')
    .orderBy('r.seq')
    .limit(free)
    .execute();
  for (const r of next) {
    await trx
      .updateTable('event_registration_workshops')
      .set({ status: 'confirmed' })
      .where('registration_id', '=', r.id)
      .where('workshop_id', '=', workshopId)
      .execute();
    await mailRegistrant(trx, deps, r, event, 'promoted', workshop.title);
  }
}

// ---- On the day: attendance, reminders, clean-up -------------------------------------------------------

/** Per workshop: those with a seat (with their attendance) and the waiting list, in order. */
export async function attendanceOf(deps: Deps, eventId: string) {
  return deps.db
    .selectFrom('event_registration_workshops as rw')
    .innerJoin('event_registrations as r', 'r.id', 'rw.registration_id')
    .innerJoin('event_workshops as w', 'w.id', 'rw.workshop_id')
    .select(['rw.workshop_id', 'rw.status', 'rw.attended', 'r.id', 'r.name', 'r.organisation'])
    .where('w.event_id', '=', eventId)
    .where('r.cancelled_at', 'is', null)
    .orderBy('rw.queued_at')
    .orderBy('r.seq')
    .execute();
}
export type AttendanceRow = Awaited<ReturnType<typeof attendanceOf>>[number];

/** Ticks who came to a workshop (those not ticked did not); only registrants with a seat count. */
export async function recordAttendance(
  deps: Deps,
  actor: Actor,
  event: NetworkEvent,
  workshopId: string,
  present: string[],
) {
  await deps.db.transaction().execute(async (trx) => {
    const workshop = await trx
      .selectFrom('event_workshops')
      .select('id')
      .where('id', '=', workshopId)
      .where('event_id', '=', event.id)
      .executeTakeFirst();
    if (!workshop) throw refused('UnknownWorkshop', 'event.register.unknownWorkshop');
    const seated = trx
      .updateTable('event_registration_workshops')
      .where('workshop_id', '=', workshopId)
      .where('status', '=', 'confirmed');
    await seated.set({ attended: false }).execute();
    if (present.length)
      await seated.set({ attended: true }).where('registration_id', 'in', present).execute();
    await auditNetwork(trx, deps, actor, 'event.attendance_recorded', event.network_id, {
      event: event.id,
      workshop: workshopId,
      present: present.length,
    });
  });
}

/**
 * Hourly: the day before a published event, everyone with a seat or on a waiting list gets a reminder
 * (once per event). Returns the number of mails queued.
 */
export async function remindEventRegistrants(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const tomorrow = brusselsDay(new Date(now.getTime() + days(1)));
  const candidates = await deps.db
    .selectFrom('network_events')
    .selectAll()
    .where('status', '=', 'published')
    .where('reminder_sent_at', 'is', null)
    .where('starts_at', '>', now)
    .where('starts_at', '<', new Date(now.getTime() + days(2)))
    .execute();
  let queued = 0;
  for (const event of candidates.filter((e) => brusselsDay(e.starts_at) <= tomorrow)) {
    await deps.db.transaction().execute(async (trx) => {
      const registrants = await trx
        .selectFrom('event_registrations as r')
        .select(['r.id', 'r.email', 'r.locale'])
        .where('r.event_id', '=', event.id)
        .where('r.cancelled_at', 'is', null)
        .execute();
      const statuses = await trx
        .selectFrom('event_registration_workshops as rw')
        .innerJoin('event_workshops as w', 'w.id', 'rw.workshop_id')
        .select(['rw.registration_id', 'w.title', 'rw.status'])
        .where('w.event_id', '=', event.id)
        .orderBy('w.position')
        .execute();
      for (const r of registrants) {
        const own = statuses.filter((s) => s.registration_id === r.id);
        await mailRegistrant(trx, deps, r, event, 'reminder', statusLines(r.locale, own));
      }
      await trx
        .updateTable('network_events')
        .set({ reminder_sent_at: now })
        .where('id', '=', event.id)
        .execute();
      queued += registrants.length;
    });
  }
  return queued;
}

/** Hourly: names and addresses of registrants are wiped once an event is long enough past; counts stay. */
export async function wipeEventRegistrants(deps: Deps): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - days(EVENT_REGISTRATION_RETENTION_DAYS));
  const result = await deps.db
    .updateTable('event_registrations')
    .set((eb) => ({
      name: '',
      email: '',
      organisation: null,
      token_hash: sql<string>`'gewist:' || ${eb.ref('id')}::text`,
    }))
    .where('email', '<>', '')
    .where('event_id', 'in', (eb) =>
      eb.selectFrom('network_events').select('id').where('ends_at', '<', before),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
