import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestContext } from '../../helpers/app.ts';

// Shedding happens in the HTTP server, before Fastify: it is tested over a real socket, not inject.
describe('load shedding', () => {
  let t: TestContext;
  let base = '';
  const waiting: (() => void)[] = [];
  before(async () => {
    t = await startTestApp({
      env: { MAX_CONCURRENT_REQUESTS: '2' },
      extraRoutes: (app) =>
        app.get('/test/slow', { config: { permission: 'public' } }, async () => {
          await new Promise<void>((resolve) => waiting.push(resolve));
          return { done: true };
        }),
    });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => t.close());

  it('keeps the timeouts Fastify gives the servers it makes itself', () => {
    assert.equal(t.app.server.keepAliveTimeout, 72_000);
    assert.equal(t.app.server.requestTimeout, 0);
    assert.equal(t.app.server.timeout, 0);
  });

  it('answers 503 at once past the limit, keeps /health up and recovers by itself', async () => {
    const slow = [fetch(`${base}/test/slow`), fetch(`${base}/test/slow`)];
    while (waiting.length < 2) await new Promise((r) => setTimeout(r, 5));

    const shed = await fetch(`${base}/api/v1/services`, { headers: { accept: 'application/json' } });
    assert.equal(shed.status, 503);
    assert.equal(shed.headers.get('retry-after'), '1');
    assert.equal(shed.headers.get('x-content-type-options'), 'nosniff');
    assert.match(shed.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    const answer = (await shed.json()) as { error: { code: string; message: string } };
    assert.equal(answer.error.code, 'Overloaded');
    assert.match(answer.error.message, /druk/);
    const page = await fetch(`${base}/praktijken`);
    assert.equal(page.status, 503);
    assert.match(await page.text(), /^<!doctype html><html lang="nl">/);
    assert.equal((await fetch(`${base}/health`)).status, 200);

    for (const release of waiting.splice(0)) release();
    assert.deepEqual(
      (await Promise.all(slow)).map((r) => r.status),
      [200, 200],
    );
    assert.equal((await fetch(`${base}/praktijken`)).status, 200);
  });
});
