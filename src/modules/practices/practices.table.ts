import type { ColumnType, Generated } from 'kysely';
import type { FicheContent } from './fiche.ts';

type TextList = ColumnType<string[], string[] | undefined, string[]>;

export type PracticeStatus = 'draft' | 'submitted' | 'returned' | 'published';
export type VersionStatus = 'draft' | 'submitted' | 'returned' | 'published' | 'superseded';

export interface PracticesTable {
  id: Generated<string>;
  status: Generated<PracticeStatus>;
  owner_organisation_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  published_version_id: string | null;
  first_published_at: Date | null;
  last_published_at: Date | null;
  last_reviewed_at: Date | null;
  review_reminded_at: Date | null;
  is_demo: Generated<boolean>;
  // The published version's searchable fields (empty until first published).
  title: Generated<string>;
  introduction: Generated<string>;
  category: string | null;
  target_groups: TextList;
  need_codes: TextList;
  cooperation_forms: TextList;
  policy_domains: TextList;
  evidence_step: string | null;
  municipality_nis: TextList;
  search_body: Generated<string>;
  search_vector: Generated<string>;
  search_stems: Generated<string>;
}

export interface PracticeVersionsTable {
  id: Generated<string>;
  practice_id: string;
  number: number;
  status: VersionStatus;
  content: ColumnType<FicheContent, string, string>;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  decided_by: string | null;
  decided_at: Date | null;
  review_comment: string | null;
}

export interface PracticeFollowersTable {
  practice_id: string;
  user_id: string;
  created_at: Date;
}

export interface PracticeSuggestionsTable {
  id: Generated<string>;
  practice_id: string;
  message: string;
  email: string | null;
  created_at: Date;
}

/** A fiche's "vergelijkbare praktijken", kept (migration 20261122T0900). */
export interface PracticeSimilarTable {
  practice_id: string;
  similar_ids: string[];
  computed_at: Date;
}

export interface PracticeStateTable {
  id: number;
  generation: ColumnType<string, never, never>;
}
