import { type Kysely, sql } from 'kysely';

// Toeleiding en casusoverleg: case data, the most protected tier (ARCHITECTURE §4).
// - Every free-text field is sealed (AES-256-GCM) with the data key, which is not in the database:
//   columns ending in `_sealed` hold ciphertext only. Codes (needs, statuses) stay plain for counting.
// - Access is membership: case_members is the only thing that grants a case.
// - case_audit holds one row per read and per write; it cannot be changed, and it goes with its case
//   when the case is purged. What survives a purge is case_statistics: anonymous counts per month.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE cases (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind text NOT NULL CHECK (kind IN ('referral', 'consultation')),
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    municipality_nis text,
    needs text[] NOT NULL DEFAULT '{}',
    parent_reference_hash text UNIQUE,
    parent_reference_sealed text,
    parent_view_hash text UNIQUE,
    parent_view_expires_at timestamptz,
    closed_at timestamptz,
    purge_after timestamptz,
    is_demo boolean NOT NULL DEFAULT false
  )`.execute(db);
  await sql`CREATE INDEX cases_purge_after ON cases (purge_after) WHERE purge_after IS NOT NULL`.execute(db);

  await sql`CREATE TABLE case_members (
    case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
    role text NOT NULL CHECK (role IN ('creator', 'member', 'handler', 'coordinator')),
    added_at timestamptz NOT NULL,
    PRIMARY KEY (case_id, user_id)
  )`.execute(db);
  await sql`CREATE INDEX case_members_user ON case_members (user_id)`.execute(db);

  await sql`CREATE TABLE case_audit (
    id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
    case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    occurred_at timestamptz NOT NULL,
    actor_user_id uuid,
    actor_label text,
    action text NOT NULL,
    reason_sealed text,
    correlation_id text
  )`.execute(db);
  await sql`CREATE INDEX case_audit_case ON case_audit (case_id, id)`.execute(db);
  // Rows are never changed; they are removed only with their case (the purge).
  await sql`
    CREATE FUNCTION case_audit_is_unchangeable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'case_audit rows cannot be changed' USING ERRCODE = 'insufficient_privilege';
    END $$`.execute(db);
  await sql`CREATE TRIGGER case_audit_no_update BEFORE UPDATE ON case_audit
    FOR EACH ROW EXECUTE FUNCTION case_audit_is_unchangeable()`.execute(db);
  await sql`CREATE TRIGGER case_audit_no_truncate BEFORE TRUNCATE ON case_audit
    FOR EACH STATEMENT EXECUTE FUNCTION case_audit_is_unchangeable()`.execute(db);

  await sql`CREATE TABLE referrals (
    case_id uuid PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    referrer_organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
    service_id uuid REFERENCES directory_services (id) ON DELETE SET NULL,
    service_name text NOT NULL,
    receiving_organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
    destination_type text,
    intensity integer NOT NULL CHECK (intensity BETWEEN 1 AND 5),
    pseudonym_sealed text NOT NULL,
    identity_sealed text,
    note_sealed text,
    consent_given_by text NOT NULL CHECK (consent_given_by IN ('parent', 'parents', 'young_person', 'guardian')),
    consent_information text[] NOT NULL,
    consent_purpose text NOT NULL,
    consent_feedback_text boolean NOT NULL DEFAULT false,
    consent_method text NOT NULL CHECK (consent_method IN ('conversation', 'link')),
    consent_link_hash text UNIQUE,
    consent_link_expires_at timestamptz,
    consent_locale text,
    consent_given_at timestamptz,
    consent_refused_at timestamptz,
    consent_withdrawn_at timestamptz,
    check_back_days integer NOT NULL CHECK (check_back_days BETWEEN 1 AND 180),
    check_back_reminded_at timestamptz,
    outcome text,
    outcome_note_sealed text,
    outcome_at timestamptz
  )`.execute(db);
  await sql`CREATE INDEX referrals_receiving ON referrals (receiving_organisation_id)`.execute(db);

  await sql`CREATE TABLE referral_updates (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    case_id uuid NOT NULL REFERENCES referrals (case_id) ON DELETE CASCADE,
    status text NOT NULL CHECK (status IN ('received', 'in_progress', 'waiting_list', 'passed_on', 'closed', 'cannot_share')),
    wait_weeks integer,
    reason_code text,
    message_sealed text,
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX referral_updates_case ON referral_updates (case_id, created_at)`.execute(db);

  await sql`CREATE TABLE consultations (
    case_id uuid PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    region_code text NOT NULL,
    age_band text NOT NULL,
    school_level text NOT NULL,
    tried_sealed text NOT NULL,
    question_sealed text NOT NULL,
    school_name_sealed text,
    advice_sealed text,
    advised_at timestamptz,
    round_table_at timestamptz,
    basis text CHECK (basis IN ('consent_young_person', 'consent_parents', 'legal_ground')),
    legal_ground text,
    basis_recorded_at timestamptz,
    identity_sealed text,
    meeting_on date,
    participants_sealed text,
    outcome text CHECK (outcome IN ('tailored', 'partial', 'none')),
    outcome_at timestamptz
  )`.execute(db);

  await sql`CREATE TABLE case_actions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    description_sealed text NOT NULL,
    owner_sealed text NOT NULL,
    due_on date,
    done_at timestamptz,
    created_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX case_actions_case ON case_actions (case_id)`.execute(db);

  // What lacked structurally, without the case: waits here until the signals module takes it.
  await sql`CREATE TABLE case_signal_queue (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    created_at timestamptz NOT NULL,
    region_code text NOT NULL,
    needs text[] NOT NULL,
    age_band text,
    school_level text,
    description text NOT NULL,
    handed_over_at timestamptz
  )`.execute(db);

  // The anonymous remains of purged (and erased) cases, for the region analysis.
  await sql`CREATE TABLE case_statistics (
    kind text NOT NULL,
    month date NOT NULL,
    municipality_nis text NOT NULL DEFAULT '',
    need text NOT NULL DEFAULT '',
    destination_type text NOT NULL DEFAULT '',
    intensity integer NOT NULL DEFAULT 0,
    outcome text NOT NULL DEFAULT '',
    count integer NOT NULL,
    PRIMARY KEY (kind, month, municipality_nis, need, destination_type, intensity, outcome)
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'case_statistics',
    'case_signal_queue',
    'case_actions',
    'consultations',
    'referral_updates',
    'referrals',
    'case_audit',
    'case_members',
    'cases',
  ])
    await sql`DROP TABLE ${sql.id(t)}`.execute(db);
  await sql`DROP FUNCTION case_audit_is_unchangeable()`.execute(db);
}
