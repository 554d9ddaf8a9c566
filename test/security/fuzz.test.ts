import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { Agent } from '../helpers/agent.ts';
import { declaredStatuses } from '../../src/platform/http/error-handler.tsx';
import { createFixtures, type Fixtures, startTestApp, type TestContext } from '../helpers/app.ts';

/** Generated requests per run of this file (once per engine in `npm test`), spread evenly over the routes. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

// What must never reach a client: stack frames, source paths, SQL and driver errors.
const leaks = [
  /\n\s+at \S+ \(/,
  /\.tsx?:\d+/,
  /\bSELECT\b.+\bFROM\b/i,
  /INSERT INTO/i,
  /syntax error at/i,
  /relation "/i,
  /node_modules/,
];

describe('property-based HTTP fuzzing of every route', () => {
  let t: TestContext;
  let f: Fixtures;
  const sessions: Record<string, Agent> = {};

  before(async () => {
    t = await startTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '1000000', SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000000' },
    });
    f = await createFixtures(t.deps);
    for (const role of ['member', 'admin', 'platform-admin'] as const) {
      sessions[role] = new Agent(t.app);
      await sessions[role].signIn(f.users[role].email);
    }
    sessions.anonymous = new Agent(t.app);
    await sessions.anonymous.get('/');
  });
  after(() => t.close());

  it(`sends ${RUNS} malformed requests over every route: no 5xx, no stack traces, no SQL, no undeclared status`, async () => {
    const routes = t.app.registeredRoutes.filter((r) => r.method !== 'HEAD');
    const realParams = () => [
      f.organisation.slug,
      f.users.member.id,
      f.users.admin.id,
      'nl',
      'fr',
      '44021',
      '11007',
      '9000',
      'app.css',
    ];
    const nasty = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme', maxLength: 50 }),
      fc.string({ minLength: 5_000, maxLength: 20_000 }),
      fc.constantFrom(
        "' OR 1=1 --",
        '../../etc/passwd',
        '%00',
        '<script>alert(1)</script>',
        '__proto__',
        '😀'.repeat(300),
        '\u0000',
        '-1',
        '1e309',
        'NaN',
        '{"a":',
      ),
      fc.integer().map(String),
      fc.uuid(),
    );
    const jsonValue = fc.oneof(
      nasty,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(nasty, { maxLength: 5 }),
      fc.dictionary(nasty, nasty, { maxKeys: 5 }),
    );
    const body = fc.oneof(
      fc.record({
        kind: fc.constant('form' as const),
        fields: fc.dictionary(
          fc.oneof(
            fc.constantFrom(
              'email',
              'password',
              'code',
              'name',
              'role',
              'roles',
              'terug',
              '_csrf',
              '__proto__',
              'constructor',
            ),
            nasty,
          ),
          nasty,
          { maxKeys: 6 },
        ),
      }),
      fc.record({
        kind: fc.constant('json' as const),
        value: fc.dictionary(nasty, jsonValue, { maxKeys: 6 }),
      }),
      fc.record({
        kind: fc.constant('raw' as const),
        text: nasty,
        contentType: fc.constantFrom(
          'application/json',
          'application/x-www-form-urlencoded',
          'text/plain',
          'multipart/form-data',
          'application/xml',
        ),
      }),
      fc.record({ kind: fc.constant('proto' as const) }),
      fc.record({ kind: fc.constant('none' as const) }),
    );
    const request = fc.record({
      otherMethod: fc.option(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'), {
        freq: 8,
      }),
      // Half the time real ids, so requests get past "not found" into validation and handlers.
      params: fc.array(fc.oneof(nasty, fc.constantFrom(...realParams())), { minLength: 3, maxLength: 3 }),
      query: fc.dictionary(fc.oneof(fc.constantFrom('terug', 'pagina', 'region', 'province'), nasty), nasty, {
        maxKeys: 4,
      }),
      body,
      who: fc.constantFrom('anonymous', 'member', 'admin', 'platform-admin'),
      csrf: fc.constantFrom('valid', 'missing', 'garbage'),
      authorization: fc.option(
        fc.oneof(
          nasty.map((s) => `Bearer ${s}`),
          nasty,
        ),
        { freq: 3 },
      ),
    });

    let sent = 0;
    const statuses = new Map<number, number>();
    const perRoute = Math.ceil(RUNS / routes.length);
    // Every route gets its share, so none is left out by chance.
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          let i = 0;
          const path = route.url.replace(/:\w+|\*/g, () =>
            encodeURIComponent(r.params[i++ % 3]!).slice(0, 3000),
          );
          const qs = new URLSearchParams(
            Object.entries(r.query).map(([k, v]) => [k, v.slice(0, 2000)]),
          ).toString();
          const url = qs ? `${path}?${qs}` : path;
          const agent = sessions[r.who]!;
          const headers: Record<string, string> = {};
          const cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
          if (cookie) headers.cookie = cookie;
          if (r.authorization) headers.authorization = r.authorization.slice(0, 8000);
          const csrf =
            r.csrf === 'valid' ? agent.csrfToken : r.csrf === 'garbage' ? 'x'.repeat(40) : undefined;
          let payload: string | undefined;
          if (r.body.kind === 'form') {
            const fields = new URLSearchParams(Object.entries(r.body.fields));
            if (csrf) fields.set('_csrf', csrf);
            payload = fields.toString();
            headers['content-type'] = 'application/x-www-form-urlencoded';
          } else if (r.body.kind === 'json') {
            payload = JSON.stringify(csrf ? { ...r.body.value, _csrf: csrf } : r.body.value);
            headers['content-type'] = 'application/json';
          } else if (r.body.kind === 'raw') {
            payload = r.body.text;
            headers['content-type'] = r.body.contentType;
          } else if (r.body.kind === 'proto') {
            payload = '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}';
            headers['content-type'] = 'application/json';
          }
          const method = (r.otherMethod ?? route.method) as 'GET';
          const res = await t.app.inject({
            method,
            url,
            headers,
            payload: method === 'GET' ? undefined : payload,
          });
          sent++;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          assert.ok(res.statusCode < 500, `${method} ${url} → ${res.statusCode}: ${res.body.slice(0, 300)}`);
          assert.ok(declaredStatuses.has(res.statusCode), `${method} ${url} → undeclared ${res.statusCode}`);
          if (!r.otherMethod && res.statusCode < 300 && route.successStatuses)
            assert.ok(
              route.successStatuses.includes(res.statusCode),
              `${method} ${url} → ${res.statusCode}, not in its response schema`,
            );
          for (const leak of leaks) assert.doesNotMatch(res.body, leak, `${method} ${url} leaked`);
          // Every error is either a Dutch-first page or the documented JSON shape.
          if (res.statusCode >= 400) {
            if (String(res.headers['content-type']).startsWith('application/json')) {
              const error = res.json().error;
              assert.match(
                error?.code ?? '',
                /^[A-Z][A-Za-z]+$/,
                `${method} ${url}: ${res.body.slice(0, 200)}`,
              );
              assert.ok(typeof error.message === 'string' && error.message.length > 0);
            } else {
              assert.match(
                res.body,
                /^<!doctype html><html lang="(nl|fr|en)">/,
                `${method} ${url}: ${res.body.slice(0, 200)}`,
              );
            }
          }
          if (route.url === '/afmelden' && r.who !== 'anonymous') {
            await agent.signIn(f.users[r.who].email);
          }
        }),
        { numRuns: perRoute },
      );
    }
    console.log(
      `fuzz: ${sent} requests over ${routes.length} routes (${perRoute} each); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
    );
    assert.ok(sent >= RUNS);
  });
});
