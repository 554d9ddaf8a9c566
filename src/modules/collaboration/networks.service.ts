import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import { canInOrganisation } from '../../platform/authz/permissions.ts';
import { hashToken } from '../../platform/crypto.ts';
import { brusselsDay } from '../../platform/clock.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, Deps } from '../../platform/deps.ts';
import { refused } from '../../platform/errors.ts';
import type { CurrentUser } from '../../platform/http/principal.ts';
import { queueMail } from '../../platform/mail/outbox.ts';
import { slugify } from '../accounts/accounts.service.ts';
import {
  type ActionStatus,
  type NetworkKind,
  type NetworksTable,
  openActionStatuses,
} from './collaboration.table.ts';
import { assignRole, networksCoordinatedBy } from './coordinator-roles.service.ts';

export type Network = Selectable<NetworksTable>;

export const auditNetwork = (
  db: Kysely<DB>,
  deps: Deps,
  actor: Actor,
  event: string,
  networkId: string,
  details = {},
) =>
  recordAudit(db, {
    event,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    correlationId: actor.correlationId,
    subjectType: 'network',
    subjectId: networkId,
    details,
    occurredAt: deps.clock.now(),
  });

// ---- Who sees and runs a network ---------------------------------------------------------------------

export const findNetworkBySlug = (deps: Deps, slug: string) =>
  deps.db.selectFrom('networks').selectAll().where('slug', '=', slug).executeTakeFirst();

/** The networks a user takes part in: as coordinator, as a member, or through a member organisation. */
export async function networksOf(deps: Deps, user: CurrentUser): Promise<string[]> {
  const [membered, coordinated] = await Promise.all([
    networksMemberedBy(deps, user),
    networksCoordinatedBy(deps, user.id),
  ]);
  return [...new Set([...membered, ...coordinated])];
}

/** The networks a user is a member of, in person or through one of their organisations. */
async function networksMemberedBy(deps: Deps, user: CurrentUser): Promise<string[]> {
  const organisations = user.memberships.map((m) => m.organisationId);
  const rows = await deps.db
    .selectFrom('network_members')
    .select('network_id')
    .distinct()
    .where('left_on', 'is', null)
    .where((eb) =>
      eb.or([
        eb('user_id', '=', user.id),
        ...(organisations.length ? [eb('organisation_id', 'in', organisations)] : []),
      ]),
    )
    .execute();
  return rows.map((r) => r.network_id);
}

export interface NetworkAccess {
  /** May read the network's page, meetings, minutes and actions. */
  takesPart: boolean;
  /** Holds one of the network's coordinator roles: runs members, meetings and actions. */
  coordinates: boolean;
}

export async function accessTo(
  deps: Deps,
  user: CurrentUser | null,
  network: Network,
): Promise<NetworkAccess> {
  if (!user) return { takesPart: false, coordinates: false };
  const coordinates = (await networksCoordinatedBy(deps, user.id)).includes(network.id);
  const takesPart = coordinates || (await networksMemberedBy(deps, user)).includes(network.id);
  return { takesPart, coordinates };
}

/** A network's page is public when the network chose so; otherwise only for those who take part. */
export const maySeeNetwork = (network: Network, access: NetworkAccess) =>
  network.is_public || access.takesPart;

export async function listNetworks(deps: Deps, user: CurrentUser | null) {
  const own = user ? await networksOf(deps, user) : [];
  const rows = await deps.db
    .selectFrom('networks')
    .selectAll()
    .where((eb) => eb.or([eb('is_public', '=', true), ...(own.length ? [eb('id', 'in', own)] : [])]))
    .orderBy('name')
    .execute();
  return rows.map((n) => ({ ...n, takesPart: own.includes(n.id) }));
}

// ---- Creating a network and its members ------------------------------------------------------------

export interface NetworkInput {
  name: string;
  kind: NetworkKind;
  purpose: string;
  municipalityNis: string | null;
  isPublic: boolean;
}

/** Slugs taken by the static pages next to `/netwerken/:slug`. */
const RESERVED_SLUGS = ['nieuw', 'kalender'];

/** An organisation's admin starts a network: the organisation is its first member, the admin its coordinator. */
export async function createNetwork(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  organisationId: string,
  input: NetworkInput,
): Promise<Network> {
  if (!canInOrganisation(user, 'network:create', organisationId))
    throw refused('NotAdmin', 'collaboration.own.notAdmin');
  const base = slugify(input.name) || 'netwerk';
  let slug = base;
  for (let n = 2; RESERVED_SLUGS.includes(slug) || (await findNetworkBySlug(deps, slug)); n++)
    slug = `${base}-${n}`;
  const now = deps.clock.now();
  const network = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('networks')
      .values({
        slug,
        name: input.name,
        kind: input.kind,
        purpose: input.purpose,
        municipality_nis: input.municipalityNis,
        is_public: input.isPublic,
        created_by: user.id,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('network_members')
      .values({
        network_id: row.id,
        organisation_id: organisationId,
        user_id: user.id,
        joined_on: brusselsDay(now),
      })
      .execute();
    await auditNetwork(trx, deps, actor, 'network.created', row.id, { organisation: organisationId });
    return row;
  });
  await assignRole(deps, actor, {
    networkId: network.id,
    code: 'network',
    userId: user.id,
    organisationId,
    deputy: false,
  });
  return network;
}

export async function changeNetwork(deps: Deps, actor: Actor, network: Network, input: NetworkInput) {
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('networks')
      .set({
        name: input.name,
        kind: input.kind,
        purpose: input.purpose,
        municipality_nis: input.municipalityNis,
        is_public: input.isPublic,
      })
      .where('id', '=', network.id)
      .execute();
    await auditNetwork(trx, deps, actor, 'network.changed', network.id);
  });
}

export interface NetworkMember {
  id: string;
  organisationId: string | null;
  organisationName: string | null;
  userId: string | null;
  /** The representative's or individual's name; null for an organisation without one. */
  personName: string | null;
  email: string | null;
  showPublicly: boolean;
  joinedOn: string;
}

export async function membersOf(deps: Deps, networkId: string): Promise<NetworkMember[]> {
  const rows = await deps.db
    .selectFrom('network_members as m')
    .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'm.id',
      'm.organisation_id',
      'o.name as organisation_name',
      'm.user_id',
      'u.name as user_name',
      'u.email as user_email',
      'm.name',
      'm.email',
      'm.show_publicly',
      'm.joined_on',
    ])
    .where('m.network_id', '=', networkId)
    .where('m.left_on', 'is', null)
    .orderBy((eb) => eb.fn.coalesce('o.name', 'u.name', 'm.name'))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    userId: r.user_id,
    personName: r.user_name ?? r.name,
    email: r.user_email ?? r.email,
    showPublicly: r.show_publicly,
    joinedOn: r.joined_on,
  }));
}

export type MemberInput =
  | { kind: 'organisation'; organisationId: string; representativeEmail: string | null }
  | { kind: 'individual'; name: string; email: string | null; showPublicly: boolean };

export async function addMember(deps: Deps, actor: Actor, network: Network, input: MemberInput) {
  const today = brusselsDay(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    if (input.kind === 'organisation') {
      const organisation = await trx
        .selectFrom('organisations')
        .select('id')
        .where('id', '=', input.organisationId)
        .executeTakeFirst();
      if (!organisation) throw refused('UnknownOrganisation', 'network.member.unknownOrganisation');
      let representative: string | null = null;
      if (input.representativeEmail) {
        const user = await trx
          .selectFrom('memberships as ms')
          .innerJoin('users as u', 'u.id', 'ms.user_id')
          .select('u.id')
          .where('ms.organisation_id', '=', input.organisationId)
          .where('u.email', '=', input.representativeEmail.trim().toLowerCase())
          .executeTakeFirst();
        if (!user) throw refused('UnknownRepresentative', 'network.member.unknownRepresentative');
        representative = user.id;
      }
      const added = await trx
        .insertInto('network_members')
        .values({
          network_id: network.id,
          organisation_id: input.organisationId,
          user_id: representative,
          joined_on: today,
        })
        .onConflict((oc) =>
          oc
            .columns(['network_id', 'organisation_id'])
            .where('organisation_id', 'is not', null)
            .where('left_on', 'is', null)
            .doNothing(),
        )
        .returning('id')
        .executeTakeFirst();
      if (!added) throw refused('AlreadyMember', 'network.member.already');
    } else {
      const email = input.email?.trim().toLowerCase() || null;
      const account = email
        ? await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()
        : undefined;
      await trx
        .insertInto('network_members')
        .values({
          network_id: network.id,
          user_id: account?.id ?? null,
          name: input.name,
          email: account ? null : email,
          show_publicly: input.showPublicly,
          joined_on: today,
        })
        .execute();
    }
    await auditNetwork(trx, deps, actor, 'network.member_added', network.id, { kind: input.kind });
  });
}

/** A member leaves: the row stays (with its leaving day) so earlier meetings still make sense. */
export async function removeMember(deps: Deps, actor: Actor, network: Network, memberId: string) {
  await deps.db.transaction().execute(async (trx) => {
    const left = await trx
      .updateTable('network_members')
      .set({ left_on: brusselsDay(deps.clock.now()) })
      .where('id', '=', memberId)
      .where('network_id', '=', network.id)
      .where('left_on', 'is', null)
      .executeTakeFirst();
    if (Number(left.numUpdatedRows) === 0) throw refused('UnknownMember', 'network.member.unknown');
    await auditNetwork(trx, deps, actor, 'network.member_removed', network.id, { member: memberId });
  });
}

// ---- Meetings, agenda, decisions and actions -------------------------------------------------------

export type Meeting = Selectable<DB['network_meetings']>;
export type NetworkAction = Selectable<DB['network_actions']>;

export const meetingsOf = (deps: Deps, networkId: string) =>
  deps.db
    .selectFrom('network_meetings')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('starts_at')
    .execute();

export const findMeeting = (deps: Deps, networkId: string, meetingId: string) =>
  deps.db
    .selectFrom('network_meetings')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('id', '=', meetingId)
    .executeTakeFirst();

export interface MeetingInput {
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  description: string;
  agenda: string[];
}

export async function planMeeting(
  deps: Deps,
  actor: Actor,
  network: Network,
  input: MeetingInput,
): Promise<string> {
  if (input.endsAt <= input.startsAt) throw refused('EndsBeforeStart', 'meeting.endsAt.beforeStart');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('network_meetings')
      .values({
        network_id: network.id,
        title: input.title,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        location: input.location,
        description: input.description,
        status: 'planned',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.agenda.length)
      await trx
        .insertInto('network_agenda_items')
        .values(input.agenda.map((title, i) => ({ meeting_id: id, position: i + 1, title })))
        .execute();
    await auditNetwork(trx, deps, actor, 'network.meeting_planned', network.id, { meeting: id });
    return id;
  });
}

/** A change of time or place raises the iCalendar sequence, so calendars replace the old event. */
export async function changeMeeting(
  deps: Deps,
  actor: Actor,
  network: Network,
  meeting: Meeting,
  input: Omit<MeetingInput, 'agenda'>,
) {
  if (input.endsAt <= input.startsAt) throw refused('EndsBeforeStart', 'meeting.endsAt.beforeStart');
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('network_meetings')
      .set((eb) => ({
        title: input.title,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        location: input.location,
        description: input.description,
        sequence: eb('sequence', '+', 1),
        updated_at: deps.clock.now(),
      }))
      .where('id', '=', meeting.id)
      .execute();
    await auditNetwork(trx, deps, actor, 'network.meeting_changed', network.id, { meeting: meeting.id });
  });
}

export async function addAgendaItem(deps: Deps, actor: Actor, meeting: Meeting, title: string) {
  if (meeting.status !== 'planned') throw refused('MeetingClosed', 'meeting.closed');
  await deps.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('network_agenda_items')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('meeting_id', '=', meeting.id)
      .executeTakeFirst();
    await trx
      .insertInto('network_agenda_items')
      .values({ meeting_id: meeting.id, position: Number(last?.position ?? 0) + 1, title })
      .execute();
    await auditNetwork(trx, deps, actor, 'network.agenda_item_added', meeting.network_id, {
      meeting: meeting.id,
    });
  });
}

/**
 * The follow-up part of a meeting's agenda: actions of earlier meetings of the network that are still
 * open. While the meeting is planned this is worked out fresh (an action closed in between drops
 * off); once it is recorded as held, the list it had is kept with it.
 */
export async function followUpsOf(deps: Deps, meeting: Meeting): Promise<NetworkAction[]> {
  if (meeting.status !== 'planned')
    return deps.db
      .selectFrom('network_agenda_items as i')
      .innerJoin('network_actions as a', 'a.id', 'i.action_id')
      .selectAll('a')
      .where('i.meeting_id', '=', meeting.id)
      .orderBy('i.position')
      .execute();
  return deps.db
    .selectFrom('network_actions as a')
    .innerJoin('network_meetings as m', 'm.id', 'a.meeting_id')
    .selectAll('a')
    .where('a.network_id', '=', meeting.network_id)
    .where('a.status', 'in', openActionStatuses)
    .where('m.starts_at', '<', meeting.starts_at)
    .orderBy('m.starts_at')
    .orderBy('a.created_at')
    .execute();
}

export const agendaOf = (deps: Deps, meetingId: string) =>
  deps.db
    .selectFrom('network_agenda_items')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('action_id', 'is', null)
    .orderBy('position')
    .execute();

export const decisionsOf = (deps: Deps, meetingId: string) =>
  deps.db
    .selectFrom('network_decisions')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .execute();

export const actionsOf = (deps: Deps, meetingId: string) =>
  deps.db
    .selectFrom('network_actions')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .execute();

/** Every action of the network with the meeting it came from, open ones first. */
export const networkActions = (deps: Deps, networkId: string) =>
  deps.db
    .selectFrom('network_actions as a')
    .innerJoin('network_meetings as m', 'm.id', 'a.meeting_id')
    .selectAll('a')
    .select(['m.title as meeting_title', 'm.starts_at as meeting_starts_at'])
    .where('a.network_id', '=', networkId)
    .orderBy((eb) => eb('a.status', 'in', openActionStatuses), 'desc')
    .orderBy('a.due_on')
    .orderBy('a.created_at')
    .execute();

export async function recordDecision(deps: Deps, actor: Actor, meeting: Meeting, text: string) {
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('network_decisions')
      .values({ meeting_id: meeting.id, text, created_at: deps.clock.now() })
      .execute();
    await auditNetwork(trx, deps, actor, 'network.decision_recorded', meeting.network_id, {
      meeting: meeting.id,
    });
  });
}

export async function addAction(
  deps: Deps,
  actor: Actor,
  meeting: Meeting,
  input: { description: string; owner: string; dueOn: string | null },
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('network_actions')
      .values({
        network_id: meeting.network_id,
        meeting_id: meeting.id,
        description: input.description,
        owner: input.owner,
        due_on: input.dueOn,
        status: 'open',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await auditNetwork(trx, deps, actor, 'network.action_added', meeting.network_id, { meeting: meeting.id });
  });
}

export async function setActionStatus(
  deps: Deps,
  actor: Actor,
  network: Network,
  actionId: string,
  status: ActionStatus,
) {
  await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('network_actions')
      .set({ status, updated_at: deps.clock.now() })
      .where('id', '=', actionId)
      .where('network_id', '=', network.id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw refused('UnknownAction', 'meeting.action.unknown');
    await auditNetwork(trx, deps, actor, 'network.action_status', network.id, { action: actionId, status });
  });
}

/**
 * Records the minutes; with `held` the meeting is closed: its follow-up list is kept as it stands,
 * and what is still open moves on to the next meeting's agenda.
 */
export async function saveMinutes(
  deps: Deps,
  actor: Actor,
  meeting: Meeting,
  input: { minutes: string; held: boolean },
) {
  const followUps = input.held && meeting.status === 'planned' ? await followUpsOf(deps, meeting) : [];
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('network_meetings')
      .set({
        minutes: input.minutes,
        ...(input.held ? { status: 'held' as const } : {}),
        updated_at: deps.clock.now(),
      })
      .where('id', '=', meeting.id)
      .execute();
    if (followUps.length) {
      const last = await trx
        .selectFrom('network_agenda_items')
        .select((eb) => eb.fn.max('position').as('position'))
        .where('meeting_id', '=', meeting.id)
        .executeTakeFirst();
      const start = Number(last?.position ?? 0);
      await trx
        .insertInto('network_agenda_items')
        .values(
          followUps.map((a, i) => ({
            meeting_id: meeting.id,
            position: start + i + 1,
            title: a.description,
            action_id: a.id,
          })),
        )
        .execute();
    }
    await auditNetwork(
      trx,
      deps,
      actor,
      input.held ? 'network.meeting_held' : 'network.minutes_saved',
      meeting.network_id,
      {
        meeting: meeting.id,
      },
    );
  });
}

export async function cancelMeeting(deps: Deps, actor: Actor, meeting: Meeting) {
  if (meeting.status !== 'planned') throw refused('MeetingClosed', 'meeting.closed');
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('network_meetings')
      .set((eb) => ({ status: 'cancelled', sequence: eb('sequence', '+', 1), updated_at: deps.clock.now() }))
      .where('id', '=', meeting.id)
      .execute();
    await auditNetwork(trx, deps, actor, 'network.meeting_cancelled', meeting.network_id, {
      meeting: meeting.id,
    });
  });
}

// ---- Invitations and calendar feeds ------------------------------------------------------------------

/**
 * The addresses a network's invitations go to: each member's representative or individual address;
 * for an organisation without a representative, its admins.
 */
export async function invitationAddresses(deps: Deps, networkId: string): Promise<string[]> {
  const members = await membersOf(deps, networkId);
  const addresses = new Set(members.map((m) => m.email).filter((e): e is string => Boolean(e)));
  const withoutPerson = members.filter((m) => m.organisationId && !m.email).map((m) => m.organisationId!);
  if (withoutPerson.length) {
    const admins = await deps.db
      .selectFrom('memberships as ms')
      .innerJoin('users as u', 'u.id', 'ms.user_id')
      .select('u.email')
      .where('ms.organisation_id', 'in', withoutPerson)
      .where('ms.role', '=', 'admin')
      .where('u.disabled_at', 'is', null)
      .execute();
    for (const a of admins) addresses.add(a.email);
  }
  return [...addresses].sort();
}

/** Queues one invitation per address in the outbox, with the meeting as an iCalendar text in the mail. */
export async function sendInvitations(
  deps: Deps,
  actor: Actor,
  network: Network,
  meeting: Meeting,
  message: { subject: string; text: string },
): Promise<number> {
  if (meeting.status !== 'planned') throw refused('MeetingClosed', 'meeting.closed');
  const addresses = await invitationAddresses(deps, network.id);
  if (addresses.length === 0) throw refused('NoAddresses', 'meeting.invite.nobody');
  await deps.db.transaction().execute(async (trx) => {
    for (const to of addresses)
      await queueMail(trx, deps.clock, { to, ...message, purpose: 'network_invitation' });
    await trx
      .updateTable('network_meetings')
      .set({ invitations_sent_at: deps.clock.now() })
      .where('id', '=', meeting.id)
      .execute();
    await auditNetwork(trx, deps, actor, 'network.invitations_sent', network.id, {
      meeting: meeting.id,
      count: addresses.length,
    });
  });
  return addresses.length;
}

/** Makes (or replaces) a user's personal calendar link; the old link stops working. Returns the secret. */
export async function renewCalendarFeed(deps: Deps, actor: Actor, userId: string): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('calendar_feeds')
      .values({ user_id: userId, token_hash: hashToken(token), created_at: deps.clock.now() })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({ token_hash: hashToken(token), created_at: deps.clock.now() }),
      )
      .execute();
    await recordAudit(trx, {
      event: 'calendar_feed.renewed',
      actorUserId: actor.userId,
      correlationId: actor.correlationId,
      subjectType: 'user',
      subjectId: userId,
      occurredAt: deps.clock.now(),
    });
  });
  return token;
}

export const hasCalendarFeed = async (deps: Deps, userId: string) =>
  Boolean(
    await deps.db
      .selectFrom('calendar_feeds')
      .select('user_id')
      .where('user_id', '=', userId)
      .executeTakeFirst(),
  );

/** The user a calendar link belongs to (disabled accounts have none). */
export async function calendarFeedOwner(deps: Deps, token: string): Promise<string | undefined> {
  const row = await deps.db
    .selectFrom('calendar_feeds as f')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .select('u.id')
    .where('f.token_hash', '=', hashToken(token))
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

/** Meetings of the given networks, for a calendar feed: from a year back on, cancelled ones included. */
export async function feedMeetings(deps: Deps, networkIds: string[]) {
  if (networkIds.length === 0) return [];
  const since = new Date(deps.clock.now().getTime() - 365 * 86_400_000);
  return deps.db
    .selectFrom('network_meetings as m')
    .innerJoin('networks as n', 'n.id', 'm.network_id')
    .selectAll('m')
    .select(['n.name as network_name', 'n.slug as network_slug'])
    .where('m.network_id', 'in', networkIds)
    .where('m.ends_at', '>=', since)
    .orderBy('m.starts_at')
    .execute();
}
