import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Why it was sent (`invitation`, `password_reset`): shown in the admin mailbox. */
  purpose: string;
}

/** Queues a mail in the same transaction as the action that causes it; a sender delivers it later. */
export async function queueMail(db: Kysely<DB>, clock: Clock, mail: OutgoingMail): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values({
      created_at: clock.now(),
      to_address: mail.to,
      subject: mail.subject,
      body_text: mail.text,
      purpose: mail.purpose,
      sent_at: null,
      last_error: null,
    })
    .execute();
}

export async function listMail(db: Kysely<DB>, options: { limit: number; offset: number }) {
  return db
    .selectFrom('mail_outbox')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
}

export async function countMail(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findMailById(db: Kysely<DB>, id: string) {
  return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export function createTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl);
}

/**
 * Sends up to `batch` queued mails. Rows are claimed with SKIP LOCKED so several processes can
 * run the sender side by side without sending a mail twice.
 */
export async function sendQueuedMail(
  db: Kysely<DB>,
  clock: Clock,
  transport: Transporter,
  from: string,
  batch = 20,
): Promise<number> {
  let sent = 0;
  for (let i = 0; i < batch; i++) {
    const done = await db.transaction().execute(async (trx) => {
      const mail = await trx
        .selectFrom('mail_outbox')
        .selectAll()
        .where('sent_at', 'is', null)
        .where('attempts', '<', 10)
        .orderBy('created_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!mail) return false;
      try {
        await transport.sendMail({ from, to: mail.to_address, subject: mail.subject, text: mail.body_text });
        await trx
          .updateTable('mail_outbox')
          .set({ sent_at: clock.now(), attempts: mail.attempts + 1, last_error: null })
          .where('id', '=', mail.id)
          .execute();
        sent++;
      } catch (err) {
        await trx
          .updateTable('mail_outbox')
          .set({ attempts: mail.attempts + 1, last_error: String((err as Error).message).slice(0, 500) })
          .where('id', '=', mail.id)
          .execute();
      }
      return true;
    });
    if (!done) break;
  }
  return sent;
}
