import type { ColumnType, Generated } from 'kysely';

/** Vocabularies of the collaboration module (codes stable, labels in the catalogue). */
export const intensities = ['one_off', 'recurring', 'structural'] as const;
export const collaborationLevels = ['case', 'school_policy', 'network'] as const;
export const collaborationStatuses = ['planned', 'active', 'paused', 'ended'] as const;
export const agreementKinds = ['agreement_note', 'cooperation_agreement', 'commitment_statement'] as const;
/** The parts of an agreement's checklist, in the order the agreement reads. */
export const commitmentTopics = [
  'tasks',
  'contact',
  'taken_up',
  'not_taken_up',
  'feedback',
  'information',
] as const;
export const networkKinds = [
  'lop',
  'learning_network',
  'brede_school',
  'child_poverty',
  'working_group',
  'other',
] as const;
export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;
export const actionStatuses = ['open', 'in_progress', 'done', 'dropped'] as const;
/** An action in one of these is still to be followed up at the next meeting. */
export const openActionStatuses = ['open', 'in_progress'] as const;

export type Intensity = (typeof intensities)[number];
export type CollaborationLevel = (typeof collaborationLevels)[number];
export type CollaborationStatus = (typeof collaborationStatuses)[number];
export type AgreementKind = (typeof agreementKinds)[number];
export type CommitmentTopic = (typeof commitmentTopics)[number];
export type NetworkKind = (typeof networkKinds)[number];
export type MeetingStatus = (typeof meetingStatuses)[number];
export type ActionStatus = (typeof actionStatuses)[number];

export interface Commitment {
  topic: CommitmentTopic;
  text: string;
  /** The partner organisation that carries it; null when all partners do. */
  responsible: string | null;
}

type TextArray = ColumnType<string[], string[], string[]>;

export interface NetworksTable {
  id: Generated<string>;
  slug: string;
  name: string;
  kind: NetworkKind;
  purpose: string;
  municipality_nis: string | null;
  is_public: Generated<boolean>;
  created_by: string | null;
  created_at: Date;
  is_demo: Generated<boolean>;
}

export interface NetworkMembersTable {
  id: Generated<string>;
  network_id: string;
  organisation_id: string | null;
  user_id: string | null;
  name: string | null;
  email: string | null;
  show_publicly: Generated<boolean>;
  joined_on: string;
  left_on: string | null;
}

export interface CollaborationsTable {
  id: Generated<string>;
  title: string;
  description: Generated<string>;
  forms: TextArray;
  intensity: Intensity;
  initiator_organisation_id: string | null;
  needs: TextArray;
  level: CollaborationLevel;
  municipality_nis: string | null;
  place: string | null;
  starts_on: string;
  ends_on: string | null;
  status: CollaborationStatus;
  network_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  is_demo: Generated<boolean>;
}

export interface CollaborationPartnersTable {
  collaboration_id: string;
  organisation_id: string;
  public_consent_at: Date | null;
  public_consent_by: string | null;
}

export interface CollaborationEvaluationsTable {
  id: Generated<string>;
  collaboration_id: string;
  planned_on: string;
  held_on: string | null;
  notes: Generated<string>;
  created_at: Date;
}

export interface AgreementsTable {
  id: Generated<string>;
  collaboration_id: string;
  school_year: string;
  kind: AgreementKind;
  version: number;
  commitments: ColumnType<Commitment[], string, string>;
  review_on: string | null;
  review_reminded_at: Date | null;
  created_by: string | null;
  created_at: Date;
}

export interface AgreementAcceptancesTable {
  agreement_id: string;
  organisation_id: string;
  accepted_by: string | null;
  accepted_by_name: string;
  accepted_at: Date;
}

export interface NetworkMeetingsTable {
  id: Generated<string>;
  network_id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  location: Generated<string>;
  description: Generated<string>;
  minutes: Generated<string>;
  status: MeetingStatus;
  sequence: Generated<number>;
  invitations_sent_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface NetworkActionsTable {
  id: Generated<string>;
  network_id: string;
  meeting_id: string;
  description: string;
  owner: string;
  due_on: string | null;
  status: ActionStatus;
  created_at: Date;
  updated_at: Date;
}

export interface NetworkAgendaItemsTable {
  id: Generated<string>;
  meeting_id: string;
  position: number;
  title: string;
  action_id: string | null;
}

export interface NetworkDecisionsTable {
  id: Generated<string>;
  meeting_id: string;
  text: string;
  created_at: Date;
}

export interface CalendarFeedsTable {
  user_id: string;
  token_hash: string;
  created_at: Date;
}

export interface NetworkEventsTable {
  id: Generated<string>;
  network_id: string;
  slug: string;
  title: string;
  description: Generated<string>;
  starts_at: Date;
  ends_at: Date;
  location: Generated<string>;
  status: 'draft' | 'published' | 'cancelled';
  reminder_sent_at: Date | null;
  created_at: Date;
}

export interface EventWorkshopsTable {
  id: Generated<string>;
  event_id: string;
  title: string;
  description: Generated<string>;
  capacity: number;
  position: number;
}

export interface EventRegistrationsTable {
  id: Generated<string>;
  event_id: string;
  name: string;
  email: string;
  organisation: string | null;
  token_hash: string;
  created_at: Date;
  cancelled_at: Date | null;
  locale: Generated<'nl' | 'fr' | 'en'>;
  /** Registration order; breaks ties of queued_at on waiting lists. */
  seq: Generated<string>;
}

export interface EventRegistrationWorkshopsTable {
  registration_id: string;
  workshop_id: string;
  status: 'confirmed' | 'waiting';
  queued_at: Date;
  attended: boolean | null;
}

export interface PulseRoundsTable {
  id: Generated<string>;
  network_id: string;
  title: string;
  opened_at: Date;
  closed_at: Date | null;
}

export interface PulseRatingsTable {
  round_id: string;
  rater_organisation_id: string;
  rated_organisation_id: string;
  trust: number;
  value: number;
  rated_by: string | null;
  rated_at: Date;
}
