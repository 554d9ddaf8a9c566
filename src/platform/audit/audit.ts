import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface AuditEntry {
  /** Past tense, dotted: `user.signed_in`, `membership.role_changed`. */
  event: string;
  actorUserId?: string | null;
  actorLabel?: string | null;
  subjectType?: string;
  subjectId?: string;
  outcome?: 'success' | 'failure' | 'denied';
  correlationId?: string | null;
  details?: Record<string, unknown>;
  occurredAt: Date;
}

/**
 * Appends one audit row. Pass the transaction of the action itself so the action and its audit
 * row commit or roll back together.
 */
export async function recordAudit(db: Kysely<DB>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      occurred_at: entry.occurredAt,
      actor_user_id: entry.actorUserId ?? null,
      actor_label: entry.actorLabel ?? null,
      event: entry.event,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      outcome: entry.outcome ?? 'success',
      correlation_id: entry.correlationId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export async function listAuditEntries(db: Kysely<DB>, options: { limit: number; offset: number }) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
}

export async function countAuditEntries(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
