import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestContext } from '../../helpers/app.ts';

describe('load shedding', () => {
  let t: TestContext;
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
  });
  after(() => t.close());

  it('answers 503 at once past the limit, keeps /health up and recovers by itself', async () => {
    const slow = [t.app.inject('/test/slow'), t.app.inject('/test/slow')];
    while (waiting.length < 2) await new Promise((r) => setTimeout(r, 5));

    const shed = await t.app.inject({ url: '/api/v1/services', headers: { accept: 'application/json' } });
    assert.equal(shed.statusCode, 503);
    assert.equal(shed.headers['retry-after'], '1');
    assert.equal(shed.json().error.code, 'Overloaded');
    assert.match(shed.json().error.message, /druk/);
    const page = await t.app.inject('/praktijken');
    assert.equal(page.statusCode, 503);
    assert.match(page.body, /^<!doctype html><html lang="nl">/);
    assert.equal((await t.app.inject('/health')).statusCode, 200);

    for (const release of waiting.splice(0)) release();
    assert.deepEqual(
      (await Promise.all(slow)).map((r) => r.statusCode),
      [200, 200],
    );
    assert.equal((await t.app.inject('/praktijken')).statusCode, 200);
  });
});
