import { type Kysely, sql } from 'kysely';

// Signalen: structural problems seen in the field, bundled by the region's signal coordinators,
// endorsed by a working group, turned into a recommendation, and followed up where the sender sees it.
// - A signal is "new" until a coordinator takes it up into a bundle; from then on the bundle's status
//   is the signal's status, so every sender of a bundle hears the same news.
// - A signal from the cases module has no sender (anonymous by design).
// - Whether a sender may be named is kept per signal; only coordinators see senders at all.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE signal_bundles (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    region_code text NOT NULL,
    title text NOT NULL,
    status text NOT NULL CHECK (status IN ('handling', 'endorsed', 'recommendation_sent', 'answer_received',
      'followed_up', 'closed')),
    working_group text,
    endorsed boolean,
    endorsed_on date,
    recommendation text,
    addressee_level text CHECK (addressee_level IN ('local', 'supra_local', 'flemish', 'federal')),
    addressee text,
    recommendation_sent_on date,
    answer text,
    answer_received_on date,
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    is_demo boolean NOT NULL DEFAULT false
  )`.execute(db);
  await sql`CREATE INDEX signal_bundles_region ON signal_bundles (region_code, status)`.execute(db);

  await sql`CREATE TABLE signals (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    created_at timestamptz NOT NULL,
    sender_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
    sender_organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
    sender_may_be_named boolean NOT NULL DEFAULT false,
    title text NOT NULL,
    description text NOT NULL,
    needs text[] NOT NULL,
    sector text,
    municipality_nis text,
    region_code text NOT NULL,
    frequency text,
    seen_since date,
    source_type text NOT NULL CHECK (source_type IN ('school', 'welfare', 'network', 'case_consultation')),
    bundle_id uuid REFERENCES signal_bundles (id) ON DELETE SET NULL,
    is_demo boolean NOT NULL DEFAULT false,
    -- Dutch full text for "similar signals"; the trigram index below serves the spelling side.
    search_vector tsvector GENERATED ALWAYS AS
      (to_tsvector('dutch', brugwerk_unaccent(title || ' ' || description))) STORED
  )`.execute(db);
  await sql`CREATE INDEX signals_region ON signals (region_code, created_at)`.execute(db);
  await sql`CREATE INDEX signals_bundle ON signals (bundle_id)`.execute(db);
  await sql`CREATE INDEX signals_sender ON signals (sender_user_id)`.execute(db);
  await sql`CREATE INDEX signals_search ON signals USING gin (search_vector)`.execute(db);
  await sql`CREATE INDEX signals_title_trigram ON signals USING gin (title gin_trgm_ops)`.execute(db);

  // The follow-up log of a bundle: dated entries, each with the status it left the bundle in.
  await sql`CREATE TABLE signal_followups (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    bundle_id uuid NOT NULL REFERENCES signal_bundles (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('taken_up', 'endorsed', 'not_endorsed', 'recommendation_sent',
      'answer_received', 'note')),
    status text NOT NULL,
    note text,
    entry_date date NOT NULL,
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX signal_followups_bundle ON signal_followups (bundle_id, entry_date, created_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['signal_followups', 'signals', 'signal_bundles'])
    await sql`DROP TABLE ${sql.id(t)}`.execute(db);
}
