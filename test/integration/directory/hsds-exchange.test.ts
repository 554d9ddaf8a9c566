import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { unzipSync } from 'fflate';
import { loadDemoDirectory } from '../../../src/modules/directory/directory.demo.ts';
import { exportHsds, readHsdsFiles } from '../../../src/modules/directory/hsds-files.ts';
import { HsdsImportRefused, importHsds } from '../../../src/modules/directory/hsds-import.ts';
import { systemActor } from '../../../src/platform/deps.ts';
import { auditEvents, startTestApp, type TestContext } from '../../helpers/app.ts';

const examples = new URL('../../fixtures/hsds-3.0/examples/', import.meta.url);
const actor = systemActor('test');

const schema = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../fixtures/hsds-3.0/${name}.json`, import.meta.url), 'utf8'),
  ) as object;

const readJson = async (dir: string, name: string) =>
  JSON.parse(await readFile(path.join(dir, name), 'utf8')) as Record<string, unknown>[];

/** The JSON documents of an export folder, without what is a timestamp of the export itself. */
async function exportedDocuments(dir: string) {
  const out: Record<string, unknown> = {};
  for (const name of ['organizations.json', 'services.json', 'taxonomies.json', 'taxonomy_terms.json'])
    out[name] = await readJson(dir, name);
  return out;
}

const count = async (t: TestContext, table: 'directory_services' | 'directory_organizations') =>
  Number(
    (
      await t.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('HSDS 3.0 export and import', () => {
  let source: TestContext;
  let work: string;
  before(async () => {
    source = await startTestApp();
    await loadDemoDirectory(source.deps.db, source.clock.now());
    work = await mkdtemp(path.join(tmpdir(), 'brugwerk-hsds-'));
    await exportHsds(source.deps.db, path.join(work, 'first'));
  });
  after(async () => {
    await source.close();
    await rm(work, { recursive: true, force: true });
  });

  it('writes JSON files that validate against the compiled schemas, and a tabular data package', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validators = {
      'services.json': ajv.compile(schema('service')),
      'organizations.json': ajv.compile(schema('organization')),
    };
    const errors: string[] = [];
    let documents = 0;
    for (const [file, validate] of Object.entries(validators)) {
      for (const d of await readJson(path.join(work, 'first'), file)) {
        documents++;
        const id = String(d.id);
        if (!validate(d)) errors.push(`${file} ${id}: ${ajv.errorsText(validate.errors)}`);
      }
    }
    console.log(`hsds export files: ${documents} documents validated, ${errors.length} errors`);
    assert.deepEqual(errors, []);
    assert.ok(documents >= 99);

    const zip = unzipSync(await readFile(path.join(work, 'first', 'hsds-tabular.zip')));
    const datapackage = JSON.parse(Buffer.from(zip['datapackage.json']!).toString('utf8'));
    for (const resource of datapackage.resources) {
      const csv = Buffer.from(zip[resource.path]!).toString('utf8');
      const header = csv.split(/\r?\n/, 1)[0]!.split(',');
      assert.deepEqual(
        header,
        resource.schema.fields.map((f: { name: string }) => f.name),
        `${resource.path} columns follow its schema`,
      );
    }
    assert.ok(zip['services.csv'] && zip['organizations.csv'] && zip['attributes.csv']);
  });

  it('round trip: JSON and tabular export, imported into an empty database, export the same documents', async () => {
    const first = await exportedDocuments(path.join(work, 'first'));
    for (const input of ['first', 'first/hsds-tabular.zip']) {
      const target = await startTestApp();
      try {
        const files = await readHsdsFiles(path.join(work, input));
        const result = await importHsds(target.deps.db, files, actor, target.clock.now());
        assert.equal(result.counts.service!.added, (first['services.json'] as unknown[]).length);
        const again = path.join(work, `again-${path.basename(input)}`);
        await exportHsds(target.deps.db, again);
        assert.deepEqual(await exportedDocuments(again), first, `round trip through ${input}`);

        // The same file twice changes nothing.
        const second = await importHsds(target.deps.db, files, actor, target.clock.now());
        for (const [table, n] of Object.entries(second.counts))
          assert.equal(n.added + n.changed, 0, `${table} unchanged on the second import of ${input}`);
        assert.equal((await auditEvents(target.deps, 'directory.hsds_imported')).length, 2);
      } finally {
        await target.close();
      }
    }
  });

  it('imports the official HSDS examples: the CSV data package and the JSON documents', async () => {
    const target = await startTestApp();
    try {
      const csv = await importHsds(
        target.deps.db,
        await readHsdsFiles(new URL('csv', examples).pathname),
        actor,
        target.clock.now(),
      );
      assert.equal(csv.counts.service!.added, 1);
      assert.equal(csv.counts.organization!.added, 1);
      assert.ok(
        csv.notes.some((n) => n.includes('985e4a42')),
        'a dangling organisation link is noted',
      );
      for (const name of await readdir(examples)) {
        if (!name.endsWith('.json') || name === 'base.json' || name === 'tabular.json') continue;
        await importHsds(
          target.deps.db,
          await readHsdsFiles(new URL(name, examples).pathname),
          actor,
          target.clock.now(),
        );
      }
      const res = await target.app.inject('/api/hsds/services/ac148810-d857-441c-9679-408f346de14b');
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().name, 'Community Counselling');
      assert.equal(res.json().organization.name, 'Example Organization Inc.');
    } finally {
      await target.close();
    }
  });

  it('refuses a broken file as a whole, with a list of what is wrong, and imports nothing', async () => {
    const target = await startTestApp();
    try {
      const services = await readJson(path.join(work, 'first'), 'services.json');
      const broken = structuredClone(services);
      broken.at(-1)!.status = 'open';
      delete broken.at(-2)!.name;
      const dir = path.join(work, 'broken');
      await exportHsds(target.deps.db, dir);
      await writeFile(path.join(dir, 'services.json'), JSON.stringify(broken));
      await assert.rejects(
        importHsds(target.deps.db, await readHsdsFiles(dir), actor, target.clock.now()),
        (err: HsdsImportRefused) => {
          assert.equal(err.problems.length, 2, err.problems.join('\n'));
          assert.match(err.problems.join('\n'), /"status".*"open"/);
          assert.match(err.problems.join('\n'), /verplichte veld "name"/);
          return true;
        },
      );
      assert.equal(await count(target, 'directory_services'), 0);
      assert.equal(await count(target, 'directory_organizations'), 0);

      // A value only the database refuses (an amount beyond numeric(10, 2)), in the last table
      // written, rolls back the organisations and services already written before it.
      const tooMuch = structuredClone(services.slice(0, 3));
      tooMuch[2]!.cost_options = [
        { id: '6f1b1d8e-5a1e-4c1e-9a1e-000000000001', service_id: tooMuch[2]!.id, amount: 1e12 },
      ];
      await assert.rejects(
        importHsds(
          target.deps.db,
          new Map([['services.json', Buffer.from(JSON.stringify(tooMuch))]]),
          actor,
          target.clock.now(),
        ),
        (err: HsdsImportRefused) => /database weigerde/.test(err.problems[0]!),
      );
      assert.equal(await count(target, 'directory_services'), 0);
      assert.equal(await count(target, 'directory_organizations'), 0);
    } finally {
      await target.close();
    }
  });
});
