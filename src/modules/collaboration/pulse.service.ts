import type { Selectable } from 'kysely';
import { canInOrganisation } from '../../platform/authz/permissions.ts';
import { brusselsDay } from '../../platform/clock.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, Deps } from '../../platform/deps.ts';
import { refused } from '../../platform/errors.ts';
import type { CurrentUser } from '../../platform/http/principal.ts';
import { auditNetwork, type Network } from './networks.service.ts';

// The network pulse: in a round, each member organisation rates its ties to the other members on trust
// and value (1–4); an organisation it does not work with gets no rating. The results are the network's
// density, each organisation's degree centrality and the average trust and value, compared per round.

export type PulseRound = Selectable<DB['pulse_rounds']>;

export interface Rating {
  rater: string;
  rated: string;
  trust: number;
  value: number;
}

export interface PulseMetrics {
  /** Member organisations in the round. */
  organisations: number;
  /** Organisations that rated at least one tie. */
  respondents: number;
  /** Ties between two organisations, counted once whether one or both of them reported it. */
  ties: number;
  /** Ties divided by the ties possible between all pairs, n(n−1)/2; null below two organisations. */
  density: number | null;
  /** Per organisation: its ties and its degree centrality, ties ÷ (n − 1). */
  degree: Map<string, { ties: number; centrality: number | null }>;
  /** Means over all ratings given in the round; null when there are none. */
  averageTrust: number | null;
  averageValue: number | null;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** The pulse's figures for a set of organisations and the ratings between them (ratings of others ignored). */
export function pulseMetrics(organisationIds: string[], ratings: Rating[]): PulseMetrics {
  const members = new Set(organisationIds);
  const counted = ratings.filter((r) => members.has(r.rater) && members.has(r.rated) && r.rater !== r.rated);
  const pairs = new Set(counted.map((r) => [r.rater, r.rated].sort().join(' ')));
  const n = members.size;
  const degree = new Map([...members].map((id) => [id, { ties: 0, centrality: null as number | null }]));
  for (const pair of pairs) for (const id of pair.split(' ')) degree.get(id)!.ties++;
  for (const d of degree.values()) d.centrality = n > 1 ? d.ties / (n - 1) : null;
  return {
    organisations: n,
    respondents: new Set(counted.map((r) => r.rater)).size,
    ties: pairs.size,
    density: n > 1 ? pairs.size / ((n * (n - 1)) / 2) : null,
    degree,
    averageTrust: mean(counted.map((r) => r.trust)),
    averageValue: mean(counted.map((r) => r.value)),
  };
}

// ---- Rounds --------------------------------------------------------------------------------------------

export const pulseRoundsOf = (deps: Deps, networkId: string) =>
  deps.db
    .selectFrom('pulse_rounds')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('opened_at')
    .execute();

export const findPulseRound = (deps: Deps, networkId: string, roundId: string) =>
  deps.db
    .selectFrom('pulse_rounds')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('id', '=', roundId)
    .executeTakeFirst();

/** A coordinator opens a round; one round is open at a time. */
export async function openPulseRound(deps: Deps, actor: Actor, network: Network, title: string) {
  const open = (await pulseRoundsOf(deps, network.id)).find((r) => !r.closed_at);
  if (open) throw refused('RoundOpen', 'pulse.round.alreadyOpen');
  const round = await deps.db
    .insertInto('pulse_rounds')
    .values({ network_id: network.id, title, opened_at: deps.clock.now() })
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditNetwork(deps.db, deps, actor, 'pulse.round_opened', network.id, { round: round.id });
  return round;
}

export async function closePulseRound(deps: Deps, actor: Actor, round: PulseRound) {
  if (round.closed_at) throw refused('RoundClosed', 'pulse.round.closed');
  await deps.db
    .updateTable('pulse_rounds')
    .set({ closed_at: deps.clock.now() })
    .where('id', '=', round.id)
    .execute();
  await auditNetwork(deps.db, deps, actor, 'pulse.round_closed', round.network_id, { round: round.id });
}

/** The member organisations of a network on a day (joined by then, not yet left), by name. */
export async function memberOrganisationsOn(deps: Deps, networkId: string, day: string) {
  return deps.db
    .selectFrom('network_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name', 'm.user_id as representative'])
    .where('m.network_id', '=', networkId)
    .where('m.joined_on', '<=', day)
    .where((eb) => eb.or([eb('m.left_on', 'is', null), eb('m.left_on', '>', day)]))
    .orderBy('o.name')
    .execute();
}

/** The organisations in a round: members on the day it opened, and those that joined while it is open. */
export const roundOrganisations = (deps: Deps, round: PulseRound) =>
  memberOrganisationsOn(deps, round.network_id, brusselsDay(round.closed_at ?? deps.clock.now()));
type RoundOrganisation = Awaited<ReturnType<typeof roundOrganisations>>[number];

export const ratingsOf = async (deps: Deps, roundId: string): Promise<Rating[]> =>
  (
    await deps.db
      .selectFrom('pulse_ratings')
      .select(['rater_organisation_id', 'rated_organisation_id', 'trust', 'value'])
      .where('round_id', '=', roundId)
      .execute()
  ).map((r) => ({
    rater: r.rater_organisation_id,
    rated: r.rated_organisation_id,
    trust: r.trust,
    value: r.value,
  }));

/** The figures of every round of a network, oldest first, to compare over time. */
export async function pulseHistory(deps: Deps, networkId: string) {
  const rounds = await pulseRoundsOf(deps, networkId);
  return Promise.all(
    rounds.map(async (round) => {
      const [organisations, ratings] = await Promise.all([
        roundOrganisations(deps, round),
        ratingsOf(deps, round.id),
      ]);
      return {
        round,
        metrics: pulseMetrics(
          organisations.map((o) => o.id),
          ratings,
        ),
      };
    }),
  );
}

// ---- Rating ---------------------------------------------------------------------------------------------

/** Of a round's organisations, those a user answers for: those they administer or represent. */
export const ratersAmong = (user: CurrentUser, organisations: RoundOrganisation[]) =>
  organisations.filter(
    (o) => o.representative === user.id || canInOrganisation(user, 'collaboration:manage', o.id),
  );

/**
 * An organisation's answer in an open round: its ratings replace any it gave before. Organisations left
 * out are "no tie". Only the organisation's admin or representative answers.
 */
export async function answerPulse(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  round: PulseRound,
  raterId: string,
  ratings: { rated: string; trust: number; value: number }[],
) {
  if (round.closed_at) throw refused('RoundClosed', 'pulse.round.closed');
  const organisations = await roundOrganisations(deps, round);
  if (!ratersAmong(user, organisations).some((o) => o.id === raterId))
    throw refused('NotRater', 'pulse.answer.notRater');
  const members = new Set(organisations.map((o) => o.id));
  if (ratings.some((r) => r.rated === raterId || !members.has(r.rated)))
    throw refused('NotMember', 'pulse.answer.notMember');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('pulse_ratings')
      .where('round_id', '=', round.id)
      .where('rater_organisation_id', '=', raterId)
      .execute();
    if (ratings.length)
      await trx
        .insertInto('pulse_ratings')
        .values(
          ratings.map((r) => ({
            round_id: round.id,
            rater_organisation_id: raterId,
            rated_organisation_id: r.rated,
            trust: r.trust,
            value: r.value,
            rated_by: user.id,
            rated_at: now,
          })),
        )
        .execute();
    await auditNetwork(trx, deps, actor, 'pulse.answered', round.network_id, {
      round: round.id,
      organisation: raterId,
      ties: ratings.length,
    });
  });
}
