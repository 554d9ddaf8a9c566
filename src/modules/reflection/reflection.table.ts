import type { ColumnType, Generated } from 'kysely';
import type { SetContent } from './question-set.ts';

type TextList = ColumnType<string[], string[] | undefined, string[]>;

export type SessionStatus = 'open' | 'closed';

/** A partner around the session's location, as listed to participants when the session started. */
export interface SessionPartner {
  id: string;
  name: string;
  km: number;
}

export interface ReflectionSetsTable {
  id: Generated<string>;
  audience: string;
  current_version_id: string | null;
  created_at: Date;
}

export interface ReflectionSetVersionsTable {
  id: Generated<string>;
  set_id: string;
  number: number;
  content: ColumnType<SetContent, string, string>;
  created_by: string | null;
  created_at: Date;
}

export interface ReflectionSessionsTable {
  id: Generated<string>;
  set_version_id: string;
  code: string;
  facilitator_id: string | null;
  organisation_id: string | null;
  team: string;
  school_year: string;
  dimensions: TextList;
  location_entry_id: string | null;
  partners: ColumnType<SessionPartner[], string | undefined, string>;
  status: Generated<SessionStatus>;
  results_shared: Generated<boolean>;
  previous_session_id: string | null;
  notes: Generated<string>;
  is_demo: Generated<boolean>;
  created_at: Date;
  closed_at: Date | null;
}

export interface ReflectionParticipationsTable {
  session_id: string;
  browser_hash: string;
}

export interface ReflectionAnswersTable {
  id: Generated<string>;
  session_id: string;
  exercise_id: string;
  scale: number | null;
  choice: string | null;
  partner_id: string | null;
  text: string | null;
}

export interface ReflectionActionsTable {
  id: Generated<string>;
  session_id: string;
  description: string;
  owner: string;
  due_on: ColumnType<string | null, string | null, string | null>;
  done_at: Date | null;
  created_at: Date;
}
