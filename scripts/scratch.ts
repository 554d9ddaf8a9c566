import { startTestApp } from '../test/helpers/app.ts';
const t = await startTestApp();
for (const [method, url, ct, payload] of [
  ['GET', '/uitnodiging/' + 'a'.repeat(300), undefined, undefined],
  ['POST', '/aanmelden', 'application/xml', '<a/>'],
  ['POST', '/api/v1/me', 'application/json', '{"a":'],
  ['GET', '/api/v1/municipalities?region=XX', undefined, undefined],
  ['POST', '/aanmelden', 'application/json', '{"__proto__":{"a":1}}'],
] as const) {
  const r = await t.app.inject({ method, url, headers: ct ? { 'content-type': ct } : {}, payload });
  console.log(
    method,
    url.slice(0, 40),
    r.statusCode,
    r.headers['content-type'],
    r.body.slice(0, 200).replace(/\n/g, ' '),
  );
}
await t.close();
