import type { ColumnType, Generated } from 'kysely';

type TextList = ColumnType<string[], string[] | undefined, string[]>;
/** A DATE column: read as 'YYYY-MM-DD' (see database.ts). */
type DateText = ColumnType<string, string, string>;

/** Where a signal comes from; `case_consultation` is also what the cases module passes on. */
export const signalSourceTypes = ['school', 'welfare', 'network', 'case_consultation'] as const;
/** The policy domain a signal is about, so it reaches the right addressee. */
export const signalSectors = [
  'education',
  'welfare',
  'health',
  'housing',
  'income',
  'leisure',
  'mobility',
  'other',
] as const;
export const signalFrequencies = ['once', 'sometimes', 'often', 'structural'] as const;

/** A signal's life, in order; a signal is `new` until a coordinator takes it up into a bundle. */
export const bundleStatuses = [
  'handling',
  'endorsed',
  'recommendation_sent',
  'answer_received',
  'followed_up',
  'closed',
] as const;
export type BundleStatus = (typeof bundleStatuses)[number];
export const signalStatuses = ['new', ...bundleStatuses] as const;
export type SignalStatus = (typeof signalStatuses)[number];

export const addresseeLevels = ['local', 'supra_local', 'flemish', 'federal'] as const;
export type AddresseeLevel = (typeof addresseeLevels)[number];

export const followUpKinds = [
  'taken_up',
  'endorsed',
  'not_endorsed',
  'recommendation_sent',
  'answer_received',
  'note',
] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

export interface SignalBundlesTable {
  id: Generated<string>;
  region_code: string;
  title: string;
  status: BundleStatus;
  working_group: string | null;
  endorsed: boolean | null;
  endorsed_on: DateText | null;
  recommendation: string | null;
  addressee_level: AddresseeLevel | null;
  addressee: string | null;
  recommendation_sent_on: DateText | null;
  answer: string | null;
  answer_received_on: DateText | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  is_demo: Generated<boolean>;
}

export interface SignalsTable {
  id: Generated<string>;
  created_at: Date;
  sender_user_id: string | null;
  sender_organisation_id: string | null;
  sender_may_be_named: boolean;
  title: string;
  description: string;
  needs: TextList;
  sector: string | null;
  municipality_nis: string | null;
  region_code: string;
  frequency: string | null;
  seen_since: DateText | null;
  source_type: (typeof signalSourceTypes)[number];
  bundle_id: string | null;
  is_demo: Generated<boolean>;
  search_vector: ColumnType<string, never, never>;
}

export interface SignalFollowupsTable {
  id: Generated<string>;
  bundle_id: string;
  kind: FollowUpKind;
  status: BundleStatus;
  note: string | null;
  entry_date: DateText;
  created_by: string | null;
  created_at: Date;
}
