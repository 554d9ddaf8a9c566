import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import { authorizeObject } from '../../platform/authz/permissions.ts';
import { brusselsDay } from '../../platform/clock.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, Deps } from '../../platform/deps.ts';
import { forbidden, refused } from '../../platform/errors.ts';
import type { CurrentUser } from '../../platform/http/principal.ts';
import { chooseLocale, translator } from '../../platform/i18n/i18n.ts';
import { queueMail } from '../../platform/mail/outbox.ts';
import { publicCount } from '../../platform/small-counts.ts';
import { needCodes, type NeedCode } from '../../platform/vocabularies.ts';
import { handOverQueuedSignals, type QueuedCaseSignal } from '../cases/consultations.service.ts';
import { regionsHeldBy } from '../collaboration/coordinator-roles.service.ts';
import { findMunicipality, workRegionOf, workRegions } from '../regions/regions.service.ts';
import {
  type AddresseeLevel,
  type BundleStatus,
  type FollowUpKind,
  signalFrequencies,
  signalSectors,
  signalSourceTypes,
  type SignalStatus,
  signalStatuses,
} from './signals.table.ts';

// ---- Intake -------------------------------------------------------------------------------------------

export interface SignalInput {
  title: string;
  description: string;
  needs: NeedCode[];
  sector: (typeof signalSectors)[number];
  /** A municipality (NIS code, also one from before the 2025 mergers) or a whole work region. */
  place: { municipality: string } | { region: string };
  frequency: (typeof signalFrequencies)[number];
  /** The first of the month since when it is seen ('YYYY-MM-01'), if known. */
  seenSince: string | null;
  sourceType: (typeof signalSourceTypes)[number];
  mayBeNamed: boolean;
  organisationId: string | null;
}

/** Where a signal belongs: its municipality (2025 code) and the work region whose coordinators handle it. */
async function resolvePlace(deps: Deps, place: SignalInput['place']) {
  if ('region' in place) {
    const known = (await workRegions(deps)).some((r) => r.code === place.region);
    if (!known) throw refused('UnknownRegion', 'signals.place.unknown');
    return { municipalityNis: null, regionCode: place.region };
  }
  const found = await findMunicipality(deps, place.municipality);
  const regionCode = found ? await workRegionOf(deps, found.municipality.nis_code) : null;
  if (!found || !regionCode) throw refused('UnknownMunicipality', 'signals.place.unknown');
  return { municipalityNis: found.municipality.nis_code, regionCode };
}

type NewSignalRow = Insertable<DB['signals']>;

/** The one way a signal enters: a professional's intake and the cases module's anonymous signals. */
async function insertSignal(trx: Kysely<DB>, deps: Deps, actor: Actor, row: NewSignalRow): Promise<string> {
  const { id } = await trx.insertInto('signals').values(row).returning('id').executeTakeFirstOrThrow();
  await recordAudit(trx, {
    event: 'signal.raised',
    actorUserId: actor.userId,
    actorLabel: actor.label,
    correlationId: actor.correlationId,
    subjectType: 'signal',
    subjectId: id,
    details: { region: row.region_code, source: row.source_type },
    occurredAt: row.created_at,
  });
  return id;
}

/** A signed-in professional passes a signal on; it waits as "new" for the region's signal coordinators. */
export async function raiseSignal(deps: Deps, actor: Actor, user: CurrentUser, input: SignalInput) {
  if (input.organisationId && !user.memberships.some((m) => m.organisationId === input.organisationId))
    throw refused('NotYourOrganisation', 'signals.organisation.notYours');
  const place = await resolvePlace(deps, input.place);
  return insertSignal(deps.db, deps, actor, {
    created_at: deps.clock.now(),
    sender_user_id: user.id,
    sender_organisation_id: input.organisationId,
    sender_may_be_named: input.mayBeNamed,
    title: input.title,
    description: input.description,
    needs: input.needs,
    sector: input.sector,
    municipality_nis: place.municipalityNis,
    region_code: place.regionCode,
    frequency: input.frequency,
    seen_since: input.seenSince,
    source_type: input.sourceType,
  });
}

/** An anonymous signal from a consultation that found no offer: no sender, nobody to name. */
async function receiveCaseSignal(trx: Kysely<DB>, deps: Deps, signal: QueuedCaseSignal) {
  const firstLine = signal.description.split('\n')[0]!.trim();
  const title = firstLine.length > 100 ? `${firstLine.slice(0, 99)}…` : firstLine;
  return insertSignal(
    trx,
    deps,
    { userId: null, label: 'casusoverleg', correlationId: null },
    {
      created_at: signal.createdAt,
      sender_user_id: null,
      sender_organisation_id: null,
      sender_may_be_named: false,
      title,
      description: signal.description,
      needs: signal.needs.filter((n): n is NeedCode => (needCodes as readonly string[]).includes(n)),
      sector: null,
      municipality_nis: null,
      region_code: signal.regionCode,
      frequency: null,
      seen_since: null,
      source_type: 'case_consultation',
    },
  );
}

/** Takes in the cases module's queued "no offer" signals (an hourly job, and `signals:take-case-signals`). */
export const takeCaseSignals = (deps: Deps) =>
  handOverQueuedSignals(deps, (trx, signal) => receiveCaseSignal(trx, deps, signal));

// ---- What a sender sees ---------------------------------------------------------------------------------

const latestEntry = (db: Kysely<DB>) =>
  db
    .selectFrom('signal_followups as f')
    .select(['f.bundle_id', 'f.kind', 'f.note', 'f.entry_date'])
    .distinctOn('f.bundle_id')
    .orderBy('f.bundle_id')
    .orderBy('f.entry_date', 'desc')
    .orderBy('f.created_at', 'desc');

/** The signals a person raised, each with its current status and the latest follow-up entry. */
export async function mySignals(deps: Deps, userId: string) {
  const rows = await deps.db
    .selectFrom('signals as s')
    .leftJoin('signal_bundles as b', 'b.id', 's.bundle_id')
    .leftJoin(latestEntry(deps.db).as('f'), 'f.bundle_id', 's.bundle_id')
    .select([
      's.id',
      's.title',
      's.created_at',
      's.needs',
      's.region_code',
      's.sender_may_be_named',
      'b.status',
      'f.kind as entry_kind',
      'f.note as entry_note',
      'f.entry_date',
    ])
    .where('s.sender_user_id', '=', userId)
    .orderBy('s.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    createdAt: r.created_at,
    needs: r.needs,
    regionCode: r.region_code,
    mayBeNamed: r.sender_may_be_named,
    status: (r.status ?? 'new') as SignalStatus,
    latestEntry: r.entry_kind
      ? { kind: r.entry_kind as FollowUpKind, note: r.entry_note, date: r.entry_date! }
      : null,
  }));
}
export type MySignal = Awaited<ReturnType<typeof mySignals>>[number];

// ---- Coordinators ---------------------------------------------------------------------------------------

/** The regions a person coordinates signals in; refused (403) for anyone holding no such role. */
export async function coordinatedRegions(deps: Deps, user: CurrentUser): Promise<string[]> {
  const regions = await regionsHeldBy(deps, user.id, 'signal');
  if (regions.length === 0) throw forbidden();
  return regions;
}

/** The coordinator's desk: new signals to take up, and the bundles in their regions. */
export async function coordinatorDesk(deps: Deps, user: CurrentUser) {
  const regions = await coordinatedRegions(deps, user);
  const [newSignals, bundles] = await Promise.all([
    deps.db
      .selectFrom('signals')
      .select(['id', 'title', 'created_at', 'needs', 'region_code', 'source_type'])
      .where('region_code', 'in', regions)
      .where('bundle_id', 'is', null)
      .orderBy('created_at')
      .execute(),
    deps.db
      .selectFrom('signal_bundles as b')
      .select(['b.id', 'b.title', 'b.status', 'b.region_code', 'b.updated_at', bundleSignalCount])
      .where('b.region_code', 'in', regions)
      .orderBy('b.updated_at', 'desc')
      .execute(),
  ]);
  return {
    regions,
    newSignals,
    bundles: bundles.map((b) => ({ ...b, signal_count: Number(b.signal_count) })),
  };
}

const signalWithSender = (db: Kysely<DB>) =>
  db
    .selectFrom('signals as s')
    .leftJoin('users as u', 'u.id', 's.sender_user_id')
    .leftJoin('organisations as o', 'o.id', 's.sender_organisation_id')
    .select([
      's.id',
      's.created_at',
      's.title',
      's.description',
      's.needs',
      's.sector',
      's.municipality_nis',
      's.region_code',
      's.frequency',
      's.seen_since',
      's.source_type',
      's.bundle_id',
      's.sender_may_be_named',
      'u.name as sender_name',
      'o.name as sender_organisation',
    ]);
export type CoordinatorSignal = Awaited<ReturnType<ReturnType<typeof signalWithSender>['execute']>>[number];

/** How many signals a bundle (`b`) holds. */
const bundleSignalCount = sql<number>`(SELECT count(*) FROM signals s WHERE s.bundle_id = b.id)`.as(
  'signal_count',
);

/** A signal for a coordinator of its region; "not found" for anyone else. */
export async function signalForCoordinator(deps: Deps, user: CurrentUser, id: string) {
  const regions = await coordinatedRegions(deps, user);
  const signal = authorizeObject(
    await signalWithSender(deps.db).where('s.id', '=', id).executeTakeFirst(),
    (s) => regions.includes(s.region_code),
  );
  const [similar, openBundles] = await Promise.all([
    similarSignals(deps, {
      regionCode: signal.region_code,
      text: `${signal.title} ${signal.description}`,
      exclude: [signal.id],
    }),
    deps.db
      .selectFrom('signal_bundles')
      .select(['id', 'title', 'status'])
      .where('region_code', '=', signal.region_code)
      .where('status', '<>', 'closed')
      .orderBy('title')
      .execute(),
  ]);
  return { signal, similar, openBundles };
}

/** A bundle for a coordinator of its region, with its signals (and their senders) and its log. */
export async function bundleForCoordinator(deps: Deps, user: CurrentUser, id: string) {
  const regions = await coordinatedRegions(deps, user);
  const bundle = authorizeObject(
    await deps.db.selectFrom('signal_bundles').selectAll().where('id', '=', id).executeTakeFirst(),
    (b) => regions.includes(b.region_code),
  );
  const [signals, log] = await Promise.all([
    signalWithSender(deps.db).where('s.bundle_id', '=', id).orderBy('s.created_at').execute(),
    deps.db
      .selectFrom('signal_followups as f')
      .leftJoin('users as u', 'u.id', 'f.created_by')
      .select(['f.id', 'f.kind', 'f.status', 'f.note', 'f.entry_date', 'f.created_at', 'u.name as author'])
      .where('f.bundle_id', '=', id)
      .orderBy('f.entry_date', 'desc')
      .orderBy('f.created_at', 'desc')
      .execute(),
  ]);
  const similar =
    bundle.status === 'closed'
      ? []
      : await similarSignals(deps, {
          regionCode: bundle.region_code,
          text: [bundle.title, ...signals.map((s) => `${s.title} ${s.description}`)].join(' '),
          exclude: signals.map((s) => s.id),
          onlyNew: true,
        });
  return { bundle, signals, log, similar };
}
export type CoordinatorBundle = Awaited<ReturnType<typeof bundleForCoordinator>>;

/**
 * Signals of a region that resemble a text: Dutch full text (any of its words, ranked) plus trigram
 * similarity for spelling and word forms full text misses. Best first, at most `limit`.
 */
export async function similarSignals(
  deps: Deps,
  q: { regionCode: string; text: string; exclude: string[]; onlyNew?: boolean; limit?: number },
) {
  const query = sql<string>`to_tsquery('dutch', array_to_string(ARRAY(
    SELECT quote_literal(l) FROM unnest(tsvector_to_array(to_tsvector('dutch', brugwerk_unaccent(${q.text})))) l
  ), ' | '))`;
  const score = sql<number>`ts_rank(s.search_vector, ${query}) +
    similarity(s.title || ' ' || s.description, ${q.text})`;
  let select = deps.db
    .selectFrom('signals as s')
    .leftJoin('signal_bundles as b', 'b.id', 's.bundle_id')
    .select(['s.id', 's.title', 's.created_at', 's.bundle_id', 'b.title as bundle_title', score.as('score')])
    .where('s.region_code', '=', q.regionCode)
    .where(
      sql<boolean>`(s.search_vector @@ ${query} OR similarity(s.title || ' ' || s.description, ${q.text}) > 0.2)`,
    )
    .orderBy('score', 'desc')
    .orderBy('s.created_at')
    .limit(q.limit ?? 5);
  if (q.exclude.length > 0) select = select.where('s.id', 'not in', q.exclude);
  if (q.onlyNew) select = select.where('s.bundle_id', 'is', null);
  return select.execute();
}

// ---- Handling ---------------------------------------------------------------------------------------------

/** Which status a follow-up entry may leave a bundle in, from each status. */
export const followUpStatuses: Record<BundleStatus, BundleStatus[]> = {
  handling: ['handling', 'closed'],
  endorsed: ['endorsed', 'closed'],
  recommendation_sent: ['recommendation_sent', 'closed'],
  answer_received: ['answer_received', 'followed_up', 'closed'],
  followed_up: ['followed_up', 'closed'],
  closed: ['closed', 'handling'],
};

/**
 * Tells each sender of the signals in a bundle (or of one signal) its new status, in their language.
 * The mail names the signal by the sender's own title and carries the entry meant for senders.
 */
async function tellSenders(
  trx: Kysely<DB>,
  deps: Deps,
  where: { bundleId: string } | { signalId: string },
  status: SignalStatus,
  note: string | null,
) {
  let query = trx
    .selectFrom('signals as s')
    .innerJoin('users as u', 'u.id', 's.sender_user_id')
    .select(['s.title', 'u.email', 'u.locale'])
    .where('u.disabled_at', 'is', null);
  query =
    'bundleId' in where
      ? query.where('s.bundle_id', '=', where.bundleId)
      : query.where('s.id', '=', where.signalId);
  for (const r of await query.execute()) {
    const t = translator(chooseLocale(r.locale ?? undefined));
    await queueMail(trx, deps.clock, {
      to: r.email,
      subject: t('signals.mail.subject'),
      text: t('signals.mail.body', {
        title: r.title,
        status: t(`signals.status.${status}`),
        note: note ? `\n\n${note}` : '',
        link: `${deps.config.publicUrl}/signalen/mijn`,
      }),
      purpose: 'signal.status_changed',
    });
  }
}

async function followUp(
  trx: Transaction<DB>,
  deps: Deps,
  actor: Actor,
  bundleId: string,
  entry: { kind: FollowUpKind; status: BundleStatus; note: string | null; date: string },
) {
  await trx
    .insertInto('signal_followups')
    .values({
      bundle_id: bundleId,
      kind: entry.kind,
      status: entry.status,
      note: entry.note,
      entry_date: entry.date,
      created_by: actor.userId,
      created_at: deps.clock.now(),
    })
    .execute();
  await recordAudit(trx, {
    event: `signal_bundle.${entry.kind}`,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    correlationId: actor.correlationId,
    subjectType: 'signal_bundle',
    subjectId: bundleId,
    details: { status: entry.status },
    occurredAt: deps.clock.now(),
  });
}

/**
 * Takes a new signal up: into a new bundle (status "being handled") or into an open bundle of its
 * region. Its sender hears the new status.
 */
export async function bundleSignal(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  signalId: string,
  target: { bundleId: string } | { title: string },
): Promise<string> {
  const regions = await coordinatedRegions(deps, user);
  return deps.db.transaction().execute(async (trx) => {
    const signal = authorizeObject(
      await trx
        .selectFrom('signals')
        .select(['id', 'region_code', 'bundle_id'])
        .where('id', '=', signalId)
        .forUpdate()
        .executeTakeFirst(),
      (s) => regions.includes(s.region_code),
    );
    if (signal.bundle_id) throw refused('AlreadyBundled', 'signals.bundle.alreadyBundled');
    const now = deps.clock.now();
    let bundle: { id: string; status: BundleStatus };
    if ('title' in target) {
      bundle = await trx
        .insertInto('signal_bundles')
        .values({
          region_code: signal.region_code,
          title: target.title,
          status: 'handling',
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        })
        .returning(['id', 'status'])
        .executeTakeFirstOrThrow();
      await followUp(trx, deps, actor, bundle.id, {
        kind: 'taken_up',
        status: 'handling',
        note: null,
        date: brusselsDay(now),
      });
    } else {
      const found = await trx
        .selectFrom('signal_bundles')
        .select(['id', 'status'])
        .where('id', '=', target.bundleId)
        .where('region_code', '=', signal.region_code)
        .where('status', '<>', 'closed')
        .forUpdate()
        .executeTakeFirst();
      if (!found) throw refused('UnknownBundle', 'signals.bundle.unknown');
      bundle = found;
      await trx.updateTable('signal_bundles').set({ updated_at: now }).where('id', '=', bundle.id).execute();
    }
    await trx.updateTable('signals').set({ bundle_id: bundle.id }).where('id', '=', signal.id).execute();
    await recordAudit(trx, {
      event: 'signal.bundled',
      actorUserId: actor.userId,
      actorLabel: actor.label,
      correlationId: actor.correlationId,
      subjectType: 'signal',
      subjectId: signal.id,
      details: { bundle: bundle.id },
      occurredAt: now,
    });
    await tellSenders(trx, deps, { signalId: signal.id }, bundle.status, null);
    return bundle.id;
  });
}

/**
 * One step in a bundle's handling, in one transaction: the bundle is locked, its status checked,
 * changed, logged (a dated entry senders read), audited, and every sender told when the status moved.
 */
async function changeBundle(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  bundleId: string,
  step: {
    from: readonly BundleStatus[];
    kind: FollowUpKind;
    status: (current: BundleStatus) => BundleStatus;
    set?: Updateable<DB['signal_bundles']>;
    note: string | null;
    date: string;
  },
) {
  const regions = await coordinatedRegions(deps, user);
  await deps.db.transaction().execute(async (trx) => {
    const bundle = authorizeObject(
      await trx
        .selectFrom('signal_bundles')
        .select(['id', 'status', 'region_code'])
        .where('id', '=', bundleId)
        .forUpdate()
        .executeTakeFirst(),
      (b) => regions.includes(b.region_code),
    );
    if (!step.from.includes(bundle.status)) throw refused('WrongStep', 'signals.bundle.wrongStep');
    const status = step.status(bundle.status);
    await trx
      .updateTable('signal_bundles')
      .set({ ...step.set, status, updated_at: deps.clock.now() })
      .where('id', '=', bundle.id)
      .execute();
    await followUp(trx, deps, actor, bundle.id, {
      kind: step.kind,
      status,
      note: step.note,
      date: step.date,
    });
    if (status !== bundle.status) await tellSenders(trx, deps, { bundleId: bundle.id }, status, step.note);
  });
}

/** The working group's decision: endorsed moves the bundle on; not endorsed closes it, with the reason. */
export function recordEndorsement(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  bundleId: string,
  input: { endorsed: boolean; workingGroup: string; date: string; note: string | null },
) {
  return changeBundle(deps, actor, user, bundleId, {
    from: ['handling'],
    kind: input.endorsed ? 'endorsed' : 'not_endorsed',
    status: () => (input.endorsed ? 'endorsed' : 'closed'),
    set: { endorsed: input.endorsed, working_group: input.workingGroup, endorsed_on: input.date },
    note: input.note,
    date: input.date,
  });
}

export function recordRecommendation(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  bundleId: string,
  input: {
    level: AddresseeLevel;
    addressee: string;
    recommendation: string;
    date: string;
    note: string | null;
  },
) {
  return changeBundle(deps, actor, user, bundleId, {
    from: ['endorsed'],
    kind: 'recommendation_sent',
    status: () => 'recommendation_sent',
    set: {
      addressee_level: input.level,
      addressee: input.addressee,
      recommendation: input.recommendation,
      recommendation_sent_on: input.date,
    },
    note: input.note,
    date: input.date,
  });
}

export function recordAnswer(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  bundleId: string,
  input: { answer: string; date: string; note: string | null },
) {
  return changeBundle(deps, actor, user, bundleId, {
    from: ['recommendation_sent'],
    kind: 'answer_received',
    status: () => 'answer_received',
    set: { answer: input.answer, answer_received_on: input.date },
    note: input.note,
    date: input.date,
  });
}

/** A dated entry in the log, optionally moving the bundle on (followed up, closed, reopened). */
export function addFollowUpEntry(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  bundleId: string,
  input: { status: BundleStatus; note: string; date: string },
) {
  const from = (Object.keys(followUpStatuses) as BundleStatus[]).filter((s) =>
    followUpStatuses[s].includes(input.status),
  );
  return changeBundle(deps, actor, user, bundleId, {
    from,
    kind: 'note',
    status: () => input.status,
    note: input.note,
    date: input.date,
  });
}

// ---- Public report --------------------------------------------------------------------------------------

/**
 * A region's year in signals: how many per need and per status (no grand total, so a suppressed
 * status cannot be worked out by subtraction), and the recommendations sent that year with their
 * answers. Only texts written for the public (bundle title, recommendation, answer) appear.
 */
export async function signalReport(deps: Deps, regionCode: string, year: number) {
  const inYear = sql<boolean>`extract(year FROM s.created_at AT TIME ZONE 'Europe/Brussels') = ${year}`;
  const [perNeed, perStatus, recommendations] = await Promise.all([
    sql<{ need: string; n: number }>`SELECT need, count(*) AS n FROM signals s, unnest(s.needs) AS need
      WHERE s.region_code = ${regionCode} AND ${inYear} GROUP BY need`
      .execute(deps.db)
      .then((r) => r.rows),
    deps.db
      .selectFrom('signals as s')
      .leftJoin('signal_bundles as b', 'b.id', 's.bundle_id')
      .select([sql<string>`coalesce(b.status, 'new')`.as('status'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('s.region_code', '=', regionCode)
      .where(inYear)
      .groupBy(sql`coalesce(b.status, 'new')`)
      .execute(),
    deps.db
      .selectFrom('signal_bundles as b')
      .select([
        'b.id',
        'b.title',
        'b.addressee_level',
        'b.addressee',
        'b.recommendation',
        'b.recommendation_sent_on',
        'b.answer',
        'b.answer_received_on',
        'b.status',
        bundleSignalCount,
      ])
      .where('b.region_code', '=', regionCode)
      .where('b.recommendation_sent_on', 'is not', null)
      .where(sql<boolean>`extract(year FROM b.recommendation_sent_on) = ${year}`)
      .orderBy('b.recommendation_sent_on')
      .execute(),
  ]);
  const needCount = new Map(perNeed.map((r) => [r.need, Number(r.n)]));
  const statusCount = new Map(perStatus.map((r) => [r.status, Number(r.n)]));
  return {
    regionCode,
    year,
    perNeed: needCodes.map((need) => ({ need, count: publicCount(needCount.get(need) ?? 0) })),
    perStatus: signalStatuses.map((status) => ({ status, count: publicCount(statusCount.get(status) ?? 0) })),
    recommendations: recommendations.map((r) => ({
      title: r.title,
      addresseeLevel: r.addressee_level!,
      addressee: r.addressee ?? '',
      recommendation: r.recommendation ?? '',
      sentOn: r.recommendation_sent_on!,
      signals: publicCount(Number(r.signal_count)),
      answer: r.answer,
      answerReceivedOn: r.answer_received_on,
    })),
  };
}
export type SignalReport = Awaited<ReturnType<typeof signalReport>>;

/**
 * How many signals were raised since a day about the given municipalities (and, for a work region,
 * about the region as a whole), per need: the demand side of the region picture. Numbers only.
 */
export async function signalCountsIn(
  deps: Deps,
  place: { municipalities: string[]; workRegion: string | null },
  since: string,
): Promise<Map<string, number>> {
  const { rows } = await sql<{ need: string; n: string }>`
    SELECT need, count(*)::text AS n FROM signals s, unnest(s.needs) AS need
     WHERE s.created_at >= ${since}::date
       AND (s.municipality_nis = ANY(${place.municipalities})
            OR (s.municipality_nis IS NULL AND s.region_code = ${place.workRegion ?? ''}))
     GROUP BY need`.execute(deps.db);
  return new Map(rows.map((r) => [r.need, Number(r.n)]));
}

/** The years a region's report can be asked for: from the first signal's year to this year. */
export async function reportYears(deps: Deps): Promise<number[]> {
  const row = await deps.db
    .selectFrom('signals')
    .select(sql<number | null>`min(extract(year FROM created_at AT TIME ZONE 'Europe/Brussels'))`.as('first'))
    .executeTakeFirst();
  const thisYear = Number(brusselsDay(deps.clock.now()).slice(0, 4));
  const first = Math.min(Number(row?.first ?? thisYear), thisYear);
  return Array.from({ length: thisYear - first + 1 }, (_, i) => thisYear - i);
}
