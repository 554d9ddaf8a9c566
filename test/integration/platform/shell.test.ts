import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestContext } from '../../helpers/app.ts';

describe('page shell and health', () => {
  let t: TestContext;
  before(async () => {
    t = await startTestApp({
      extraRoutes: (app) => {
        app.get('/__test/boom', { config: { permission: 'public' } }, async () => {
          throw new Error('secret internals: SELECT * FROM users');
        });
      },
    });
  });
  after(() => t.close());

  it('answers /health with the engine', async () => {
    const res = await t.app.inject('/health');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', database: t.deps.engine });
  });

  it('serves a Dutch home page with skip link, navigation and language switch', async () => {
    const res = await t.app.inject('/');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /^<!doctype html><html lang="nl">/);
    assert.match(res.body, /href="#inhoud"/);
    assert.match(res.body, /<nav class="main-nav" aria-label="Hoofdmenu">/);
    assert.match(res.body, /href="\/taal\/fr\?terug=%2F"/);
  });

  it('switches language with a plain link and keeps it in a cookie', async () => {
    const res = await t.app.inject('/taal/fr?terug=/aanmelden');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/aanmelden');
    const cookie = res.cookies.find((c) => c.name === 'brugwerk_taal');
    assert.equal(cookie?.value, 'fr');
    const page = await t.app.inject({ url: '/aanmelden', headers: { cookie: 'brugwerk_taal=fr' } });
    assert.match(page.body, /<html lang="fr">/);
    assert.match(page.body, /Se connecter/);
  });

  it('never follows a language switch to another site', async () => {
    const res = await t.app.inject('/taal/en?terug=//evil.example/');
    assert.equal(res.headers.location, '/');
  });

  it('shows a Dutch 404 page and a JSON 404 for the API', async () => {
    const page = await t.app.inject('/bestaat-niet');
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /Pagina niet gevonden/);
    const api = await t.app.inject('/api/v1/bestaat-niet');
    assert.equal(api.statusCode, 404);
    assert.deepEqual(Object.keys(api.json().error), ['code', 'message']);
  });

  it('shows an error page with a correlation id and no internals', async () => {
    const res = await t.app.inject('/__test/boom');
    assert.equal(res.statusCode, 500);
    const id = res.headers['x-correlation-id'];
    assert.ok(typeof id === 'string' && id.length > 10);
    assert.ok(res.body.includes(id));
    assert.doesNotMatch(res.body, /SELECT|secret internals|at .*\.ts/);
  });

  it('refuses NUL characters anywhere in the input as a client error', async () => {
    const path = await t.app.inject('/api/v1/municipalities/%00');
    assert.equal(path.statusCode, 400);
    const query = await t.app.inject('/taal/nl?terug=%00');
    assert.equal(query.statusCode, 400);
    const form = await t.app.inject({
      method: 'POST',
      url: '/aanmelden',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a%00b',
    });
    assert.equal(form.statusCode, 400);
  });

  it('sets a CSP that allows scripts and styles from the site itself only (no inline code, no nonces)', async () => {
    const res = await t.app.inject('/');
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, /script-src 'self';/);
    assert.match(csp, /style-src 'self';/);
    assert.doesNotMatch(csp, /nonce-/);
  });
});
