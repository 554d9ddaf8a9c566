import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isPermission } from '../../../src/platform/authz/permissions.ts';
import { startTestApp, type TestContext } from '../../helpers/app.ts';

describe('route permissions', () => {
  let t: TestContext;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('every registered route declares a known permission', () => {
    assert.ok(t.app.registeredRoutes.length > 30);
    const undeclared = t.app.registeredRoutes.filter((r) => !isPermission(r.permission));
    assert.deepEqual(undeclared, []);
  });

  it('the app refuses to boot with a route that declares no permission', async () => {
    await assert.rejects(
      startTestApp({
        extraRoutes: (app) => {
          app.get('/zonder-toestemming', async () => 'open');
        },
      }),
      /declares no permission/,
    );
  });

  it('the app refuses to boot with a route that declares an unknown permission', async () => {
    await assert.rejects(
      startTestApp({
        extraRoutes: (app) => {
          app.get('/verkeerd', { config: { permission: 'everything:allowed' as never } }, async () => 'open');
        },
      }),
      /declares no permission/,
    );
  });
});
