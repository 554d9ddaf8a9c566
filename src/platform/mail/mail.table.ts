import type { Generated } from 'kysely';

export interface MailOutboxTable {
  id: Generated<string>;
  created_at: Date;
  to_address: string;
  subject: string;
  body_text: string;
  purpose: string;
  sent_at: Date | null;
  attempts: Generated<number>;
  last_error: string | null;
}
