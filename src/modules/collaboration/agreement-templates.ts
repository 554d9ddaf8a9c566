import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { type AgreementKind, type CommitmentTopic, commitmentTopics } from './collaboration.table.ts';

/**
 * The checklist each kind of agreement starts from: the topics it covers and, per topic, the
 * commitments suggested as a first draft (catalogue keys, so the draft is in the writer's language).
 * An engagement statement is shorter: who does what, how to reach each other, and feedback.
 */
export const agreementTemplates: Record<AgreementKind, CommitmentTopic[]> = {
  agreement_note: [...commitmentTopics],
  cooperation_agreement: [...commitmentTopics],
  commitment_statement: ['tasks', 'contact', 'feedback'],
};

export const suggestedCommitments: Record<CommitmentTopic, MessageKey[]> = {
  tasks: ['agreement.suggestion.tasks.1', 'agreement.suggestion.tasks.2'],
  contact: ['agreement.suggestion.contact.1', 'agreement.suggestion.contact.2'],
  taken_up: ['agreement.suggestion.taken_up.1'],
  not_taken_up: ['agreement.suggestion.not_taken_up.1'],
  feedback: ['agreement.suggestion.feedback.1', 'agreement.suggestion.feedback.2'],
  information: ['agreement.suggestion.information.1', 'agreement.suggestion.information.2'],
};

/** Empty rows offered under each topic, and how many more a "more rows" press adds. */
export const EXTRA_ROWS = 2;
export const MAX_ROWS_PER_TOPIC = 30;
