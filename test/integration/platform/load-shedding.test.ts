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
      env: { MAX_CONCURRENT_REQUESTS: '4' },
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

  const statuses: number[] = [];
  const pause = () => new Promise((r) => setTimeout(r, 5));
  /** Sends `count` requests to the slow route and waits until the app holds all of them. */
  const holdSlow = async (count: number) => {
    const held = waiting.length + count;
    for (let i = 0; i < count; i++) void fetch(`${base}/test/slow`).then((r) => statuses.push(r.status));
    while (waiting.length < held) await pause();
  };
  /** Lets `count` held requests finish; their statuses. */
  const release = async (count: number) => {
    const answered = statuses.length + count;
    for (const go of waiting.splice(0, count)) go();
    while (statuses.length < answered) await pause();
    return statuses.slice(-count);
  };

  it('answers 503 at once past the limit, keeps /health up and recovers by itself', async () => {
    await holdSlow(4);

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

    // Having refused, it takes a quarter of the limit (here 1) until a second passes without refusing.
    assert.deepEqual(await release(3), [200, 200, 200]);
    assert.equal((await fetch(`${base}/praktijken`)).status, 503);
    assert.deepEqual(await release(1), [200]);
    assert.equal((await fetch(`${base}/praktijken`)).status, 200);

    await new Promise((r) => setTimeout(r, 1100));
    await holdSlow(3);
    assert.equal((await fetch(`${base}/praktijken`)).status, 200);
    assert.deepEqual(await release(3), [200, 200, 200]);
  });
});
