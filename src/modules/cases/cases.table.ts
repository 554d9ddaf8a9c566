import type { ColumnType, Generated } from 'kysely';

type TextList = ColumnType<string[], string[] | undefined, string[]>;
/** A DATE column: read as 'YYYY-MM-DD' (see database.ts). */
type DateText = ColumnType<string, string, string>;

export const caseKinds = ['referral', 'consultation'] as const;
export type CaseKind = (typeof caseKinds)[number];

/** How someone belongs to a case: the only thing that grants access to it (ARCHITECTURE §4). */
export const caseMemberRoles = ['creator', 'member', 'handler', 'coordinator'] as const;
export type CaseMemberRole = (typeof caseMemberRoles)[number];

export const consentGivers = ['parent', 'parents', 'young_person', 'guardian'] as const;
/** What the family agreed may be shared with the destination. */
export const consentInformation = ['needs', 'contact', 'school_context'] as const;
export const consentPurposes = ['intake', 'support', 'appointment'] as const;
export const consentMethods = ['conversation', 'link'] as const;

/** The only answers the receiving side gives back (no free text unless the parent agreed). */
export const referralStatuses = [
  'received',
  'in_progress',
  'waiting_list',
  'passed_on',
  'closed',
  'cannot_share',
] as const;
export type ReferralStatus = (typeof referralStatuses)[number];
export const cannotShareReasons = ['no_consent_for_feedback', 'professional_secrecy', 'not_known'] as const;
/** How the referral went, as the referrer hears it from the parent. */
export const referralOutcomes = ['helped', 'still_waiting', 'not_reached', 'declined', 'other'] as const;

export const consultationBases = ['consent_young_person', 'consent_parents', 'legal_ground'] as const;
export const legalGrounds = [
  'integrale_jeugdhulp_art_7',
  'clb_decreet',
  'gedeeld_beroepsgeheim',
  'noodtoestand',
] as const;
export const consultationOutcomes = ['tailored', 'partial', 'none'] as const;

export interface CasesTable {
  id: Generated<string>;
  kind: CaseKind;
  created_by: string | null;
  created_at: Date;
  municipality_nis: string | null;
  needs: TextList;
  parent_reference_hash: string | null;
  parent_reference_sealed: string | null;
  parent_view_hash: string | null;
  parent_view_expires_at: Date | null;
  closed_at: Date | null;
  purge_after: Date | null;
  is_demo: Generated<boolean>;
}

export interface CaseMembersTable {
  case_id: string;
  user_id: string;
  organisation_id: string | null;
  role: CaseMemberRole;
  added_at: Date;
}

export interface CaseAuditTable {
  id: Generated<number>;
  case_id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_label: string | null;
  action: string;
  reason_sealed: string | null;
  correlation_id: string | null;
}

export interface ReferralsTable {
  case_id: string;
  referrer_organisation_id: string | null;
  service_id: string | null;
  service_name: string;
  receiving_organisation_id: string | null;
  destination_type: string | null;
  intensity: number;
  pseudonym_sealed: string;
  identity_sealed: string | null;
  note_sealed: string | null;
  consent_given_by: string;
  consent_information: TextList;
  consent_purpose: string;
  consent_feedback_text: boolean;
  consent_method: string;
  consent_link_hash: string | null;
  consent_link_expires_at: Date | null;
  consent_locale: string | null;
  consent_given_at: Date | null;
  consent_refused_at: Date | null;
  consent_withdrawn_at: Date | null;
  check_back_days: number;
  check_back_reminded_at: Date | null;
  outcome: string | null;
  outcome_note_sealed: string | null;
  outcome_at: Date | null;
}

export interface ReferralUpdatesTable {
  id: Generated<string>;
  case_id: string;
  status: ReferralStatus;
  wait_weeks: number | null;
  reason_code: string | null;
  message_sealed: string | null;
  created_by: string | null;
  created_at: Date;
}

export interface ConsultationsTable {
  case_id: string;
  region_code: string;
  age_band: string;
  school_level: string;
  tried_sealed: string;
  question_sealed: string;
  school_name_sealed: string | null;
  advice_sealed: string | null;
  advised_at: Date | null;
  round_table_at: Date | null;
  basis: string | null;
  legal_ground: string | null;
  basis_recorded_at: Date | null;
  identity_sealed: string | null;
  meeting_on: DateText | null;
  participants_sealed: string | null;
  outcome: string | null;
  outcome_at: Date | null;
}

export interface CaseActionsTable {
  id: Generated<string>;
  case_id: string;
  description_sealed: string;
  owner_sealed: string;
  due_on: DateText | null;
  done_at: Date | null;
  created_at: Date;
}

export interface CaseSignalQueueTable {
  id: Generated<string>;
  created_at: Date;
  region_code: string;
  needs: TextList;
  age_band: string | null;
  school_level: string | null;
  description: string;
  handed_over_at: Date | null;
}

export interface CaseStatisticsTable {
  kind: string;
  month: DateText;
  municipality_nis: string;
  need: string;
  /** A consultation's age band; '' for referrals, which record none. */
  age_band: string;
  destination_type: string;
  intensity: number;
  outcome: string;
  count: number;
}
