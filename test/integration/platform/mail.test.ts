import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { queueMail, sendQueuedMail } from '../../../src/platform/mail/outbox.ts';
import { startTestApp, type TestContext } from '../../helpers/app.ts';

describe('mail outbox', () => {
  let t: TestContext;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('stores mails and sends each one once through nodemailer, recording failures for a retry', async () => {
    await queueMail(t.deps.db, t.clock, {
      to: 'a@test.invalid',
      subject: 'Eerste',
      text: 'Dag',
      purpose: 'test',
    });
    await queueMail(t.deps.db, t.clock, {
      to: 'b@test.invalid',
      subject: 'Tweede',
      text: 'Dag',
      purpose: 'test',
    });
    const delivered: string[] = [];
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const recording = {
      sendMail: async (m: SendMailOptions) => {
        const info = await transport.sendMail(m);
        delivered.push(JSON.parse(String(info.message)).subject);
        return info;
      },
    } as unknown as Transporter;
    assert.equal(await sendQueuedMail(t.deps.db, t.clock, recording, 'Brugwerk <noreply@test.invalid>'), 2);
    assert.deepEqual(delivered.sort(), ['Eerste', 'Tweede']);
    assert.equal(
      await sendQueuedMail(t.deps.db, t.clock, recording, 'x@test.invalid'),
      0,
      'nothing is sent twice',
    );

    await queueMail(t.deps.db, t.clock, {
      to: 'c@test.invalid',
      subject: 'Derde',
      text: 'Dag',
      purpose: 'test',
    });
    const failing = {
      sendMail: async () => {
        throw new Error('mailserver weg');
      },
    } as unknown as Transporter;
    assert.equal(await sendQueuedMail(t.deps.db, t.clock, failing, 'x@test.invalid', 1), 0);
    const row = await t.deps.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('subject', '=', 'Derde')
      .executeTakeFirstOrThrow();
    assert.equal(row.sent_at, null);
    assert.equal(row.attempts, 1);
    assert.match(row.last_error ?? '', /mailserver weg/);
  });

  it('documents only the JSON APIs in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json();
    const paths = Object.keys(doc.paths);
    assert.ok(paths.includes('/api/v1/me'));
    assert.ok(
      paths.every((p) => p.startsWith('/api/') || p === '/health'),
      paths.join(', '),
    );
  });
});
