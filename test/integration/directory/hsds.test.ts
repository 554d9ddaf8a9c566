import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { loadDemoDirectory } from '../../../src/modules/directory/directory.demo.ts';
import { startTestApp, type TestContext } from '../../helpers/app.ts';

const schema = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../fixtures/hsds-3.0/${name}.json`, import.meta.url), 'utf8'),
  ) as object;

describe('Open Referral HSDS 3.0 read API', () => {
  let t: TestContext;
  before(async () => {
    t = await startTestApp();
    await loadDemoDirectory(t.deps.db, t.clock.now());
  });
  after(() => t.close());

  // The compiled schemas carry Open Referral's own annotation keywords: not strict about those.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const validateService = ajv.compile(schema('service'));
  const validateOrganization = ajv.compile(schema('organization'));

  const allPages = async (path: string) => {
    const items: Record<string, unknown>[] = [];
    for (let page = 1; ; page++) {
      const res = await t.app.inject(`${path}?page=${page}&per_page=20`);
      assert.equal(res.statusCode, 200);
      const body = res.json();
      items.push(...body.contents);
      if (body.last_page) return { items, total: body.total_items as number };
    }
  };

  it('exports every service and organisation with 0 schema errors', async () => {
    const services = await allPages('/api/hsds/services');
    const organizations = await allPages('/api/hsds/organizations');
    assert.equal(services.items.length, services.total);
    assert.ok(services.total >= 59 && organizations.total >= 40);
    const errors: string[] = [];
    for (const s of services.items) {
      const id = String(s.id);
      if (!validateService(s)) errors.push(`service ${id}: ${ajv.errorsText(validateService.errors)}`);
    }
    for (const o of organizations.items) {
      const id = String(o.id);
      if (!validateOrganization(o))
        errors.push(`organization ${id}: ${ajv.errorsText(validateOrganization.errors)}`);
    }
    const links = await allPages('/api/hsds/service_at_locations');
    const validateLink = ajv.compile(schema('service_at_location'));
    for (const l of links.items) {
      const id = String(l.id);
      if (!validateLink(l)) errors.push(`service_at_location ${id}: ${ajv.errorsText(validateLink.errors)}`);
    }
    console.log(
      `hsds: ${services.items.length} services, ${organizations.items.length} organizations and ${links.items.length} services at locations validated, ${errors.length} errors`,
    );
    assert.equal(links.items.length, services.items.length, 'every demo service has one location');
    assert.deepEqual(errors, []);
    // The validator itself bites: a service without its required fields is refused.
    assert.equal(validateService({ name: 'Zonder id en status' }), false);
    assert.equal(validateService({ ...services.items[0], status: 'open' }), false);
  });

  it('serves single documents, taxonomies and modified_after, and 404 for unknown ids', async () => {
    const list = (await t.app.inject('/api/hsds/services?per_page=1')).json();
    const id = list.contents[0].id;
    const one = await t.app.inject(`/api/hsds/services/${id}`);
    assert.equal(one.statusCode, 200);
    assert.ok(one.json().attributes.length > 0, 'needs exported as taxonomy attributes');
    assert.equal(
      (await t.app.inject('/api/hsds/services/00000000-0000-4000-8000-000000000000')).statusCode,
      404,
    );
    const taxonomies = (await t.app.inject('/api/hsds/taxonomies')).json();
    const needs = taxonomies.contents.find((x: { name: string }) => x.name === 'brugwerk-aanleidingen');
    const terms = (await t.app.inject('/api/hsds/taxonomy_terms')).json();
    const needTerms = terms.contents.filter((x: { taxonomy_id: string }) => x.taxonomy_id === needs.id);
    assert.deepEqual(needTerms.map((x: { code: string }) => x.code).sort(), [
      'ADM',
      'EDU',
      'FIN',
      'HEALTH',
      'HOUS',
      'LANG',
      'LEIS',
      'PAR',
      'POV',
    ]);
    const future = (await t.app.inject('/api/hsds/services?modified_after=2099-01-01T00:00:00Z')).json();
    assert.equal(future.total_items, 0);
    assert.equal(future.empty, true);
  });

  it('never exports contact points or their direct lines', async () => {
    const directLines = (
      await t.deps.db.selectFrom('directory_contacts').select(['direct_phone', 'email']).execute()
    ).flatMap((c) => [c.direct_phone, c.email].filter((v): v is string => Boolean(v)));
    const bodies = [
      (await t.app.inject('/api/hsds/services?per_page=100')).body,
      (await t.app.inject('/api/hsds/organizations?per_page=100')).body,
      (await t.app.inject('/api/hsds/service_at_locations?per_page=100')).body,
    ];
    for (const body of bodies)
      for (const line of directLines) assert.ok(!body.includes(line), `leaked ${line}`);
  });
});
