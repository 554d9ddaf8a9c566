import type { ColumnType, Generated } from 'kysely';

export interface AuditLogTable {
  id: Generated<number>;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_label: string | null;
  event: string;
  subject_type: string | null;
  subject_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  correlation_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}
