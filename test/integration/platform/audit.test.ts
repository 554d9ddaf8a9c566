import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { recordAudit } from '../../../src/platform/audit/audit.ts';
import { startTestApp, type TestContext } from '../../helpers/app.ts';
import { testEngine } from '../../helpers/database.ts';

describe('audit log', () => {
  let t: TestContext;
  before(async () => {
    t = await startTestApp();
    await recordAudit(t.deps.db, {
      event: 'test.recorded',
      occurredAt: t.clock.now(),
      subjectType: 'test',
      subjectId: '1',
    });
  });
  after(() => t.close());

  it('is append-only: the app role cannot update, delete or truncate rows', async () => {
    await assert.rejects(sql`UPDATE audit_log SET event = 'rewritten'`.execute(t.deps.db));
    await assert.rejects(sql`DELETE FROM audit_log`.execute(t.deps.db));
    await assert.rejects(sql`TRUNCATE audit_log`.execute(t.deps.db));
    const rows = await t.deps.db.selectFrom('audit_log').selectAll().execute();
    assert.ok(rows.some((r) => r.event === 'test.recorded'));
  });

  if (testEngine === 'postgres') {
    it('on server PostgreSQL the app role lacks the privilege itself, not only the trigger', async () => {
      const result = await sql<{ update: boolean; delete: boolean; insert: boolean }>`
        SELECT has_table_privilege(current_user, 'audit_log', 'UPDATE') AS update,
               has_table_privilege(current_user, 'audit_log', 'DELETE') AS delete,
               has_table_privilege(current_user, 'audit_log', 'INSERT') AS insert`.execute(t.deps.db);
      assert.deepEqual(result.rows[0], { update: false, delete: false, insert: true });
    });
  }

  it('rolls back with the action: an audit row never outlives a failed transaction', async () => {
    await assert.rejects(
      t.deps.db.transaction().execute(async (trx) => {
        await recordAudit(trx, { event: 'test.rolled_back', occurredAt: t.clock.now() });
        throw new Error('the action failed');
      }),
    );
    const rows = await t.deps.db
      .selectFrom('audit_log')
      .select('event')
      .where('event', '=', 'test.rolled_back')
      .execute();
    assert.equal(rows.length, 0);
  });
});
