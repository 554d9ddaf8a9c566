import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { purgeExpiredAccountData } from '../../../src/modules/accounts/accounts.service.ts';
import { minutes, hours } from '../../../src/platform/clock.ts';
import { Agent } from '../../helpers/agent.ts';
import {
  auditEvents,
  createFixtures,
  type Fixtures,
  startTestApp,
  type TestContext,
  TEST_PASSWORD,
} from '../../helpers/app.ts';

const SESSION_COOKIE = 'brugwerk_sessie';

describe('signing in and out', () => {
  let t: TestContext;
  let f: Fixtures;
  before(async () => {
    t = await startTestApp();
    f = await createFixtures(t.deps);
  });
  after(() => t.close());
  beforeEach(async () => {
    await t.deps.db.deleteFrom('sign_in_throttle').execute();
  });

  const events = (event: string) => auditEvents(t.deps, event);

  it('signs in with a correct password, redirects and audits it', async () => {
    const agent = new Agent(t.app);
    const res = await agent.signIn(f.users.member.email);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account');
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    assert.ok(cookie?.httpOnly);
    assert.equal(cookie?.sameSite, 'Lax');
    const account = await agent.get('/account');
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /Test member/);
    const rows = await events('user.signed_in');
    assert.ok(
      rows.some((r) => r.subject_id === f.users.member.id && r.outcome === 'success' && r.correlation_id),
    );
  });

  it('refuses a wrong password with a message next to the field, and audits the failure', async () => {
    const agent = new Agent(t.app);
    await agent.get('/aanmelden');
    const res = await agent.post('/aanmelden', {
      email: f.users.member.email,
      password: 'fout wachtwoord!!',
    });
    assert.equal(res.statusCode, 401);
    assert.match(res.body, /horen niet bij elkaar/);
    assert.match(res.body, /class="error-summary"/);
    const rows = await events('user.sign_in_failed');
    assert.ok(rows.some((r) => r.subject_id === f.users.member.id && r.outcome === 'failure'));
  });

  it('gives a new session id at every sign-in and refuses the old one', async () => {
    const agent = new Agent(t.app);
    await agent.signIn(f.users.editor.email);
    const first = agent.cookies.get(SESSION_COOKIE);
    await agent.signIn(f.users.editor.email);
    const second = agent.cookies.get(SESSION_COOKIE);
    assert.ok(first && second && first !== second);
    const old = await t.app.inject({ url: '/account', headers: { cookie: `${SESSION_COOKIE}=${first}` } });
    assert.equal(old.statusCode, 303);
    assert.match(String(old.headers.location), /^\/aanmelden/);
  });

  it('kills the session at sign-out: the old cookie is refused afterwards', async () => {
    const agent = new Agent(t.app);
    await agent.signIn(f.users.admin.email);
    const cookie = agent.cookies.get(SESSION_COOKIE);
    const out = await agent.post('/afmelden');
    assert.equal(out.statusCode, 303);
    const replay = await t.app.inject({
      url: '/account',
      headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
    });
    assert.equal(replay.statusCode, 303);
    assert.ok((await events('user.signed_out')).some((r) => r.subject_id === f.users.admin.id));
  });

  it('ends a session after 30 idle minutes, but not while it is used', async () => {
    const agent = new Agent(t.app);
    await agent.signIn(f.users.member.email);
    t.clock.advance(minutes(29));
    assert.equal((await agent.get('/account')).statusCode, 200);
    t.clock.advance(minutes(29));
    assert.equal((await agent.get('/account')).statusCode, 200, 'activity keeps the session alive');
    t.clock.advance(minutes(31));
    assert.equal((await agent.get('/account')).statusCode, 303, 'idle for 31 minutes');
  });

  it('ends a session 12 hours after sign-in, however active', async () => {
    const agent = new Agent(t.app);
    await agent.signIn(f.users.member.email);
    for (let elapsed = 0; elapsed < hours(12) - minutes(20); elapsed += minutes(20)) {
      t.clock.advance(minutes(20));
      assert.equal((await agent.get('/account')).statusCode, 200);
    }
    t.clock.advance(minutes(25));
    assert.equal((await agent.get('/account')).statusCode, 303);
  });

  it('purges sessions past their timeouts, keeping live ones', async () => {
    const live = new Agent(t.app);
    await live.signIn(f.users.editor.email);
    const stale = new Agent(t.app);
    await stale.signIn(f.users.admin.email);
    t.clock.advance(minutes(20));
    await live.get('/account');
    t.clock.advance(minutes(15));
    const before = await t.deps.db.selectFrom('sessions').select('id_hash').execute();
    assert.ok((await purgeExpiredAccountData(t.deps)) >= 1);
    const after = await t.deps.db.selectFrom('sessions').select('id_hash').execute();
    assert.ok(after.length < before.length);
    assert.equal((await live.get('/account')).statusCode, 200, 'the live session survives');
  });

  it('throttles the sixth wrong password in a row, even when the sixth is right', async () => {
    const agent = new Agent(t.app);
    await agent.get('/aanmelden');
    for (let i = 1; i <= 5; i++) {
      const res = await agent.post('/aanmelden', {
        email: f.users.curator.email,
        password: `fout-${i}-wachtwoord`,
      });
      assert.equal(res.statusCode, 401, `attempt ${i}`);
    }
    const sixth = await agent.post('/aanmelden', { email: f.users.curator.email, password: TEST_PASSWORD });
    assert.equal(sixth.statusCode, 429);
    assert.ok(Number(sixth.headers['retry-after']) > 0);
    assert.match(sixth.body, /Te veel mislukte pogingen/);
    t.clock.advance(minutes(1));
    const later = await agent.post('/aanmelden', { email: f.users.curator.email, password: TEST_PASSWORD });
    assert.equal(later.statusCode, 303, 'after the backoff the right password works again');
  });

  it('throttles unknown addresses the same way, so accounts cannot be discovered', async () => {
    const agent = new Agent(t.app);
    await agent.get('/aanmelden');
    for (let i = 1; i <= 5; i++) {
      assert.equal(
        (await agent.post('/aanmelden', { email: 'niemand@test.invalid', password: 'x' })).statusCode,
        401,
      );
    }
    assert.equal(
      (await agent.post('/aanmelden', { email: 'niemand@test.invalid', password: 'x' })).statusCode,
      429,
    );
  });

  it('refuses a form without a valid CSRF token', async () => {
    const agent = new Agent(t.app);
    await agent.get('/aanmelden');
    const res = await agent.post(
      '/aanmelden',
      { email: f.users.member.email, password: TEST_PASSWORD },
      { csrf: false },
    );
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /formulier is verlopen/);
  });

  it('shows field errors for an empty form', async () => {
    const agent = new Agent(t.app);
    await agent.get('/aanmelden');
    const res = await agent.post('/aanmelden', { email: '', password: '' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /id="field-email-error"/);
    assert.match(res.body, /aria-invalid="true"/);
  });

  it('only follows local return paths after sign-in', async () => {
    const agent = new Agent(t.app);
    await agent.get('/aanmelden');
    const res = await agent.post('/aanmelden', {
      email: f.users.member.email,
      password: TEST_PASSWORD,
      terug: 'https://evil.example/',
    });
    assert.equal(res.headers.location, '/account');
  });
});
