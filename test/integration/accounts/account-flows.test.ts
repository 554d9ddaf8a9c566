import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decryptSecret } from '../../../src/platform/crypto.ts';
import { currentTotpCode } from '../../../src/modules/accounts/mfa.service.ts';
import { Agent } from '../../helpers/agent.ts';
import {
  auditEvents,
  createFixtures,
  type Fixtures,
  startTestApp,
  type TestContext,
  TEST_PASSWORD,
} from '../../helpers/app.ts';

describe('account journeys', () => {
  let t: TestContext;
  let f: Fixtures;
  before(async () => {
    t = await startTestApp();
    f = await createFixtures(t.deps);
  });
  after(() => t.close());

  const events = (event: string) => auditEvents(t.deps, event);
  const latestMailTo = async (to: string) =>
    t.deps.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', to)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
  const linkIn = (text: string) => new URL(/(http\S+)/.exec(text)![1]!).pathname;

  it('enrols TOTP, then signs in with a code and with a recovery code', async () => {
    const agent = new Agent(t.app);
    await agent.signIn(f.users.editor.email);
    const page = await agent.get('/account/tweestapsverificatie');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<svg/);
    const secret = /data-testid="totp-secret">([A-Z2-7]+)</.exec(page.body)![1]!;
    const wrong = await agent.post('/account/tweestapsverificatie', { code: '000000' });
    assert.equal(wrong.statusCode, 400);
    const code = await currentTotpCode(secret, f.users.editor.email, t.clock.now());
    const enrolled = await agent.post('/account/tweestapsverificatie', { code });
    assert.equal(enrolled.statusCode, 200);
    const recovery = [
      ...enrolled.body.matchAll(/<code>([0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4})<\/code>/g),
    ].map((m) => m[1]!);
    assert.equal(recovery.length, 10);
    assert.ok((await events('user.mfa_enabled')).some((r) => r.subject_id === f.users.editor.id));

    // The secret is stored encrypted, never in clear.
    const row = await t.deps.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', f.users.editor.id)
      .executeTakeFirstOrThrow();
    assert.ok(row.totp_secret_encrypted && !row.totp_secret_encrypted.includes(secret));
    assert.equal(decryptSecret(row.totp_secret_encrypted, t.deps.config.secrets.DATA_ENCRYPTION_KEY), secret);

    const second = new Agent(t.app);
    const afterPassword = await second.signIn(f.users.editor.email);
    assert.match(String(afterPassword.headers.location), /^\/aanmelden\/code/);
    assert.equal((await second.get('/account')).statusCode, 303, 'no access before the second factor');
    const halfCookie = second.cookies.get('brugwerk_sessie');
    t.clock.advance(30_000);
    const ok = await second.post('/aanmelden/code', {
      code: await currentTotpCode(secret, f.users.editor.email, t.clock.now()),
    });
    assert.equal(ok.statusCode, 303);
    assert.notEqual(
      second.cookies.get('brugwerk_sessie'),
      halfCookie,
      'new session id after the second factor',
    );
    assert.equal((await second.get('/account')).statusCode, 200);

    const third = new Agent(t.app);
    await third.signIn(f.users.editor.email);
    assert.equal((await third.post('/aanmelden/code', { code: recovery[0]! })).statusCode, 303);
    const fourth = new Agent(t.app);
    await fourth.signIn(f.users.editor.email);
    assert.equal(
      (await fourth.post('/aanmelden/code', { code: recovery[0]! })).statusCode,
      401,
      'a recovery code works once',
    );
  });

  it('refuses a TOTP code a second time, and ends the half-open session after five wrong codes', async () => {
    const agent = new Agent(t.app);
    await agent.signIn(f.users.curator.email);
    const page = await agent.get('/account/tweestapsverificatie');
    const secret = /data-testid="totp-secret">([A-Z2-7]+)</.exec(page.body)![1]!;
    await agent.post('/account/tweestapsverificatie', {
      code: await currentTotpCode(secret, f.users.curator.email, t.clock.now()),
    });
    t.clock.advance(30_000);
    const code = await currentTotpCode(secret, f.users.curator.email, t.clock.now());
    const first = new Agent(t.app);
    await first.signIn(f.users.curator.email);
    assert.equal((await first.post('/aanmelden/code', { code })).statusCode, 303);
    const replay = new Agent(t.app);
    await replay.signIn(f.users.curator.email);
    assert.equal(
      (await replay.post('/aanmelden/code', { code })).statusCode,
      401,
      'the same code is not accepted twice',
    );

    const guesser = new Agent(t.app);
    await guesser.signIn(f.users.curator.email);
    for (let i = 1; i <= 4; i++)
      assert.equal((await guesser.post('/aanmelden/code', { code: '000000' })).statusCode, 401);
    const fifth = await guesser.post('/aanmelden/code', { code: '000000' });
    assert.equal(fifth.statusCode, 303);
    assert.equal(fifth.headers.location, '/aanmelden');
    t.clock.advance(30_000);
    const good = await currentTotpCode(secret, f.users.curator.email, t.clock.now());
    assert.equal((await guesser.post('/aanmelden/code', { code: good })).statusCode, 303);
    assert.equal(
      (await guesser.get('/account')).statusCode,
      303,
      'the session is gone: back to the password',
    );
    const admin = new Agent(t.app);
    await admin.signIn(f.users['platform-admin'].email);
    const reset = `/beheer/gebruikers/${f.users.curator.id}/tweestapsverificatie-wissen`;
    assert.match((await admin.get(reset)).body, /Ja, wissen/);
    assert.equal((await admin.post(reset)).statusCode, 303);
    assert.equal((await first.get('/account')).statusCode, 303, 'sessions of that user end');
    assert.ok((await events('user.mfa_reset')).some((r) => r.subject_id === f.users.curator.id));
    assert.equal((await admin.get(reset)).statusCode, 404, 'nothing left to clear');
    const plain = new Agent(t.app);
    assert.equal(
      (await plain.signIn(f.users.curator.email)).headers.location,
      '/account',
      'password alone again',
    );
  });

  it('sends a user whose role requires a second factor to enrolment first', async () => {
    const admin = new Agent(t.app);
    await admin.signIn(f.users.admin.email);
    const saved = await admin.post(`/organisaties/${f.organisation.slug}/tweestapsverificatie`, {
      roles: 'member',
    });
    assert.equal(saved.statusCode, 303);
    assert.ok((await events('mfa_requirement.added')).length >= 1);
    const member = new Agent(t.app);
    await member.signIn(f.users.member.email);
    const blocked = await member.get(`/organisaties/${f.organisation.slug}/leden`);
    assert.equal(blocked.statusCode, 303);
    assert.equal(blocked.headers.location, '/account/tweestapsverificatie');
    assert.equal((await member.get('/account/tweestapsverificatie')).statusCode, 200);
    await admin.post(`/organisaties/${f.organisation.slug}/tweestapsverificatie`, {});
    assert.equal((await member.get(`/organisaties/${f.organisation.slug}/leden`)).statusCode, 200);
  });

  it('creates an API token shown once, authenticates with it, and revokes it', async () => {
    const agent = new Agent(t.app);
    await agent.signIn(f.users.curator.email);
    const created = await agent.post('/account/tokens', { name: 'Rapportage' });
    assert.equal(created.statusCode, 200);
    const token = /data-testid="new-token">\s*(bw_[A-Za-z0-9_-]+)/.exec(created.body)![1]!;
    const stored = await t.deps.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('name', '=', 'Rapportage')
      .executeTakeFirstOrThrow();
    assert.notEqual(stored.token_hash, token, 'stored as a hash');
    assert.ok(!(await agent.get('/account/tokens')).body.includes(token), 'shown only once');
    const me = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().email, f.users.curator.email);
    assert.ok((await events('api_token.created')).some((r) => r.subject_id === stored.id));
    assert.equal((await agent.post(`/account/tokens/${stored.id}/intrekken`)).statusCode, 303);
    const after = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(after.statusCode, 401);
    assert.equal(after.json().error.code, 'Unauthorized');
  });

  it('ignores a session cookie on the API and a bearer token on pages', async () => {
    const agent = new Agent(t.app);
    await agent.signIn(f.users.member.email);
    const cookie = `brugwerk_sessie=${agent.cookies.get('brugwerk_sessie')}`;
    assert.equal((await t.app.inject({ url: '/api/v1/me', headers: { cookie } })).statusCode, 401);
  });

  it('invites a new person by mail, who creates an account and joins with the role', async () => {
    const admin = new Agent(t.app);
    await admin.signIn(f.users.admin.email);
    const invalid = await admin.post(`/organisaties/${f.organisation.slug}/uitnodigingen`, {
      email: 'geen-adres',
      role: 'editor',
    });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /geldig e-mailadres/);
    const sent = await admin.post(`/organisaties/${f.organisation.slug}/uitnodigingen`, {
      email: 'nieuw@test.invalid',
      role: 'editor',
    });
    assert.equal(sent.statusCode, 303);
    const mail = await latestMailTo('nieuw@test.invalid');
    assert.equal(mail.purpose, 'invitation');
    const link = linkIn(mail.body_text);
    const guest = new Agent(t.app);
    assert.equal((await guest.get(link)).statusCode, 200);
    const bad = await guest.post(link, { name: 'Nieuwe Collega', password: 'kort' });
    assert.equal(bad.statusCode, 400);
    assert.equal(
      (await guest.post(link, { name: 'Nieuwe Collega', password: TEST_PASSWORD })).statusCode,
      303,
    );
    assert.equal((await guest.get(link)).statusCode, 404, 'an invitation works once');
    await guest.signIn('nieuw@test.invalid');
    const me = await guest.get('/account');
    assert.match(me.body, /Testschool/);
    assert.match(me.body, /Redacteur/);
    const newUser = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'nieuw@test.invalid')
      .executeTakeFirstOrThrow();
    assert.ok(
      (await events('user.created')).some((r) => r.subject_id === newUser.id),
      'user creation audited',
    );
    const added = await events('membership.added');
    assert.ok(added.some((r) => (r.details as { role?: string }).role === 'editor'));
  });

  it('changes a role and removes a member after confirmation, auditing both', async () => {
    const admin = new Agent(t.app);
    await admin.signIn(f.users.admin.email);
    const userId = f.users.member.id;
    assert.equal(
      (await admin.post(`/organisaties/${f.organisation.slug}/leden/${userId}/rol`, { role: 'editor' }))
        .statusCode,
      303,
    );
    const changed = await events('membership.role_changed');
    assert.ok(
      changed.some((r) => r.subject_id === userId && (r.details as { role?: string }).role === 'editor'),
    );
    const confirm = await admin.get(`/organisaties/${f.organisation.slug}/leden/${userId}/verwijderen`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /echt verwijderen/);
    assert.equal(
      (await admin.post(`/organisaties/${f.organisation.slug}/leden/${userId}/verwijderen`)).statusCode,
      303,
    );
    assert.ok((await events('membership.removed')).some((r) => r.subject_id === userId));
    await admin.post(`/organisaties/${f.organisation.slug}/uitnodigingen`, {
      email: f.users.member.email,
      role: 'member',
    });
    const link = linkIn((await latestMailTo(f.users.member.email)).body_text);
    const member = new Agent(t.app);
    await member.signIn(f.users.member.email);
    assert.equal((await member.post(link)).statusCode, 303, 'an existing account accepts while signed in');
    assert.match((await member.get('/account')).body, /Testschool/);
  });

  it('keeps at least one admin: the last admin can be neither demoted nor removed', async () => {
    const admin = new Agent(t.app);
    await admin.signIn(f.users.admin.email);
    const base = `/organisaties/${f.organisation.slug}/leden/${f.users.admin.id}`;
    const demote = await admin.post(`${base}/rol`, { role: 'member' });
    assert.equal(demote.statusCode, 303);
    assert.match((await admin.get(`/organisaties/${f.organisation.slug}/leden`)).body, /laatste beheerder/);
    await admin.post(`${base}/verwijderen`);
    const membership = await t.deps.db
      .selectFrom('memberships')
      .select('role')
      .where('user_id', '=', f.users.admin.id)
      .where('organisation_id', '=', f.organisation.id)
      .executeTakeFirst();
    assert.equal(membership?.role, 'admin');
  });

  it('answers "not found" for an organisation the user may not see', async () => {
    const admin = new Agent(t.app);
    await admin.signIn(f.users.admin.email);
    assert.equal((await admin.get(`/organisaties/${f.otherOrganisation.slug}/leden`)).statusCode, 404);
    assert.equal((await admin.get('/organisaties/bestaat-niet/leden')).statusCode, 404);
  });

  it('resets a forgotten password by mail, ending existing sessions', async () => {
    const existing = new Agent(t.app);
    await existing.signIn(f.users['platform-admin'].email);
    const agent = new Agent(t.app);
    await agent.get('/wachtwoord-vergeten');
    const res = await agent.post('/wachtwoord-vergeten', { email: f.users['platform-admin'].email });
    assert.equal(res.statusCode, 200);
    const unknown = await agent.post('/wachtwoord-vergeten', { email: 'onbekend@test.invalid' });
    assert.equal(
      unknown.body.replace(/value="[^"]+"/g, ''),
      res.body.replace(/value="[^"]+"/g, ''),
      'same answer for unknown addresses',
    );
    const link = linkIn((await latestMailTo(f.users['platform-admin'].email)).body_text);
    assert.equal((await agent.get(link)).statusCode, 200);
    assert.equal((await agent.post(link, { password: 'een nieuw sterk wachtwoord' })).statusCode, 303);
    assert.equal((await existing.get('/account')).statusCode, 303, 'old sessions end');
    assert.equal(
      (await agent.signIn(f.users['platform-admin'].email, 'een nieuw sterk wachtwoord')).statusCode,
      303,
    );
    assert.equal((await agent.get(link)).statusCode, 404, 'the link works once');
  });

  it('lets a platform admin create an organisation, with validation next to the fields', async () => {
    const agent = new Agent(t.app);
    await agent.signIn(f.users['platform-admin'].email, 'een nieuw sterk wachtwoord');
    const empty = await agent.post('/beheer/organisaties', {});
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /id="field-name-error"/);
    const walloon = await agent.post('/beheer/organisaties', {
      name: 'École Test',
      type: 'school',
      municipality: '92094',
    });
    assert.equal(walloon.statusCode, 400, 'only Flemish and Brussels municipalities');
    const created = await agent.post('/beheer/organisaties', {
      name: 'Basisschool Sint-Jozef (Gent)',
      type: 'school',
      municipality: '44021',
    });
    assert.equal(created.statusCode, 303);
    assert.equal(created.headers.location, '/organisaties/basisschool-sint-jozef-gent/leden');
    const twice = await agent.post('/beheer/organisaties', {
      name: 'Basisschool Sint-Jozef (Gent)',
      type: 'school',
      municipality: '44021',
    });
    assert.equal(twice.statusCode, 409);
    assert.match(twice.body, /al in gebruik/);
    assert.ok((await events('organisation.created')).length >= 3);
    assert.match((await agent.get('/beheer/organisaties')).body, /Basisschool Sint-Jozef \(Gent\)/);
  });

  it('lets a platform admin read the mailbox and change platform roles, audited', async () => {
    const agent = new Agent(t.app);
    await agent.signIn(f.users['platform-admin'].email, 'een nieuw sterk wachtwoord');
    const box = await agent.get('/beheer/mailbox');
    assert.equal(box.statusCode, 200);
    assert.match(box.body, /Uitnodiging voor Testschool/);
    const changed = await agent.post(`/beheer/gebruikers/${f.users.editor.id}/platformrollen`, {
      roles: ['curator'],
    });
    assert.equal(changed.statusCode, 303);
    assert.ok((await events('user.platform_roles_changed')).some((r) => r.subject_id === f.users.editor.id));
    assert.equal((await agent.get('/beheer/audit')).statusCode, 200);
  });
});
