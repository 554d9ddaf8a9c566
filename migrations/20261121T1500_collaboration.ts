import { type Kysely, sql } from 'kysely';

// Samenwerking: collaborations between organisations with their agreements per school year, networks
// with members, meetings, decisions and actions, open events with workshops, the network pulse, and
// coordinator roles that belong to a network instead of a region.
// - A collaboration is seen by its partners' members only; it is public when every partner agreed.
// - An agreement is never changed in place: a change is a new version, which each partner accepts again.
// - A meeting's follow-up list (open actions of earlier meetings) is computed while it is planned and
//   kept with the meeting once it is recorded as held.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE networks (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug text NOT NULL UNIQUE,
    name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('lop', 'learning_network', 'brede_school', 'child_poverty',
      'working_group', 'other')),
    purpose text NOT NULL,
    municipality_nis text,
    is_public boolean NOT NULL DEFAULT true,
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    is_demo boolean NOT NULL DEFAULT false
  )`.execute(db);

  // An organisation (with an optional representative) or an individual (an account, or a name and
  // address for someone without one).
  await sql`CREATE TABLE network_members (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    network_id uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    organisation_id uuid REFERENCES organisations (id) ON DELETE CASCADE,
    user_id uuid REFERENCES users (id) ON DELETE SET NULL,
    name text,
    email text,
    show_publicly boolean NOT NULL DEFAULT false,
    joined_on date NOT NULL,
    left_on date,
    CHECK (organisation_id IS NOT NULL OR user_id IS NOT NULL OR name IS NOT NULL)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX network_members_organisation ON network_members (network_id, organisation_id)
    WHERE organisation_id IS NOT NULL AND left_on IS NULL`.execute(db);
  await sql`CREATE INDEX network_members_user ON network_members (user_id)`.execute(db);

  await sql`CREATE TABLE collaborations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title text NOT NULL,
    description text NOT NULL DEFAULT '',
    forms text[] NOT NULL,
    intensity text NOT NULL CHECK (intensity IN ('one_off', 'recurring', 'structural')),
    initiator_organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
    needs text[] NOT NULL DEFAULT '{}',
    level text NOT NULL CHECK (level IN ('case', 'school_policy', 'network')),
    municipality_nis text,
    place text,
    starts_on date NOT NULL,
    ends_on date,
    status text NOT NULL CHECK (status IN ('planned', 'active', 'paused', 'ended')),
    network_id uuid REFERENCES networks (id) ON DELETE SET NULL,
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    is_demo boolean NOT NULL DEFAULT false
  )`.execute(db);
  await sql`CREATE TABLE collaboration_partners (
    collaboration_id uuid NOT NULL REFERENCES collaborations (id) ON DELETE CASCADE,
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    public_consent_at timestamptz,
    public_consent_by uuid REFERENCES users (id) ON DELETE SET NULL,
    PRIMARY KEY (collaboration_id, organisation_id)
  )`.execute(db);
  await sql`CREATE INDEX collaboration_partners_organisation ON collaboration_partners (organisation_id)`.execute(
    db,
  );
  await sql`CREATE TABLE collaboration_evaluations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    collaboration_id uuid NOT NULL REFERENCES collaborations (id) ON DELETE CASCADE,
    planned_on date NOT NULL,
    held_on date,
    notes text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL
  )`.execute(db);

  // One row per version; commitments are [{topic, text, responsible}] (responsible: an organisation id).
  await sql`CREATE TABLE agreements (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    collaboration_id uuid NOT NULL REFERENCES collaborations (id) ON DELETE CASCADE,
    school_year text NOT NULL CHECK (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
    kind text NOT NULL CHECK (kind IN ('agreement_note', 'cooperation_agreement', 'commitment_statement')),
    version integer NOT NULL,
    commitments jsonb NOT NULL,
    review_on date,
    review_reminded_at timestamptz,
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (collaboration_id, school_year, version)
  )`.execute(db);
  await sql`CREATE TABLE agreement_acceptances (
    agreement_id uuid NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    accepted_by uuid REFERENCES users (id) ON DELETE SET NULL,
    accepted_by_name text NOT NULL,
    accepted_at timestamptz NOT NULL,
    PRIMARY KEY (agreement_id, organisation_id)
  )`.execute(db);

  await sql`CREATE TABLE network_meetings (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    network_id uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    title text NOT NULL,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
    location text NOT NULL DEFAULT '',
    description text NOT NULL DEFAULT '',
    minutes text NOT NULL DEFAULT '',
    status text NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
    sequence integer NOT NULL DEFAULT 0,
    invitations_sent_at timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX network_meetings_network ON network_meetings (network_id, starts_at)`.execute(db);
  await sql`CREATE TABLE network_actions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    network_id uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    meeting_id uuid NOT NULL REFERENCES network_meetings (id) ON DELETE CASCADE,
    description text NOT NULL,
    owner text NOT NULL,
    due_on date,
    status text NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX network_actions_network ON network_actions (network_id, status)`.execute(db);
  // Agenda points; a point with an action is a follow-up, kept when the meeting is recorded as held.
  await sql`CREATE TABLE network_agenda_items (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    meeting_id uuid NOT NULL REFERENCES network_meetings (id) ON DELETE CASCADE,
    position integer NOT NULL,
    title text NOT NULL,
    action_id uuid REFERENCES network_actions (id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE TABLE network_decisions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    meeting_id uuid NOT NULL REFERENCES network_meetings (id) ON DELETE CASCADE,
    text text NOT NULL,
    created_at timestamptz NOT NULL
  )`.execute(db);

  // A personal calendar link (calendar apps cannot sign in); only its hash is kept.
  await sql`CREATE TABLE calendar_feeds (
    user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL
  )`.execute(db);

  await sql`CREATE TABLE network_events (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    network_id uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    slug text NOT NULL UNIQUE,
    title text NOT NULL,
    description text NOT NULL DEFAULT '',
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
    location text NOT NULL DEFAULT '',
    status text NOT NULL CHECK (status IN ('draft', 'published', 'cancelled')),
    reminder_sent_at timestamptz,
    created_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE event_workshops (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id uuid NOT NULL REFERENCES network_events (id) ON DELETE CASCADE,
    title text NOT NULL,
    description text NOT NULL DEFAULT '',
    capacity integer NOT NULL CHECK (capacity > 0),
    position integer NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE event_registrations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id uuid NOT NULL REFERENCES network_events (id) ON DELETE CASCADE,
    name text NOT NULL,
    email text NOT NULL,
    organisation text,
    token_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    cancelled_at timestamptz
  )`.execute(db);
  await sql`CREATE TABLE event_registration_workshops (
    registration_id uuid NOT NULL REFERENCES event_registrations (id) ON DELETE CASCADE,
    workshop_id uuid NOT NULL REFERENCES event_workshops (id) ON DELETE CASCADE,
    status text NOT NULL CHECK (status IN ('confirmed', 'waiting')),
    queued_at timestamptz NOT NULL,
    attended boolean,
    PRIMARY KEY (registration_id, workshop_id)
  )`.execute(db);

  await sql`CREATE TABLE pulse_rounds (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    network_id uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    title text NOT NULL,
    opened_at timestamptz NOT NULL,
    closed_at timestamptz
  )`.execute(db);
  await sql`CREATE TABLE pulse_ratings (
    round_id uuid NOT NULL REFERENCES pulse_rounds (id) ON DELETE CASCADE,
    rater_organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    rated_organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    trust smallint NOT NULL CHECK (trust BETWEEN 1 AND 4),
    value smallint NOT NULL CHECK (value BETWEEN 1 AND 4),
    rated_by uuid REFERENCES users (id) ON DELETE SET NULL,
    rated_at timestamptz NOT NULL,
    PRIMARY KEY (round_id, rater_organisation_id, rated_organisation_id),
    CHECK (rater_organisation_id <> rated_organisation_id)
  )`.execute(db);

  // Coordinator roles belong to a region or to a network; a network's coordinators run it.
  await sql`ALTER TABLE coordinator_roles ALTER COLUMN region_code DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE coordinator_roles
    ADD COLUMN network_id uuid REFERENCES networks (id) ON DELETE CASCADE`.execute(db);
  await sql`ALTER TABLE coordinator_roles ADD CONSTRAINT coordinator_roles_place
    CHECK ((region_code IS NULL) <> (network_id IS NULL))`.execute(db);
  await sql`ALTER TABLE coordinator_roles DROP CONSTRAINT coordinator_roles_code_check`.execute(db);
  await sql`ALTER TABLE coordinator_roles ADD CONSTRAINT coordinator_roles_code_check
    CHECK (code IN ('rots', 'learning_network', 'lop_expert', 'signal', 'bridge_contact', 'network'))`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX coordinator_roles_network ON coordinator_roles (code, network_id)
    WHERE network_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM coordinator_roles WHERE network_id IS NOT NULL`.execute(db);
  await sql`DROP INDEX coordinator_roles_network`.execute(db);
  await sql`ALTER TABLE coordinator_roles DROP CONSTRAINT coordinator_roles_code_check`.execute(db);
  await sql`ALTER TABLE coordinator_roles ADD CONSTRAINT coordinator_roles_code_check
    CHECK (code IN ('rots', 'learning_network', 'lop_expert', 'signal', 'bridge_contact'))`.execute(db);
  await sql`ALTER TABLE coordinator_roles DROP CONSTRAINT coordinator_roles_place`.execute(db);
  await sql`ALTER TABLE coordinator_roles DROP COLUMN network_id`.execute(db);
  await sql`ALTER TABLE coordinator_roles ALTER COLUMN region_code SET NOT NULL`.execute(db);
  for (const table of [
    'pulse_ratings',
    'pulse_rounds',
    'event_registration_workshops',
    'event_registrations',
    'event_workshops',
    'network_events',
    'calendar_feeds',
    'network_decisions',
    'network_agenda_items',
    'network_actions',
    'network_meetings',
    'agreement_acceptances',
    'agreements',
    'collaboration_evaluations',
    'collaboration_partners',
    'collaborations',
    'network_members',
    'networks',
  ])
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
}
