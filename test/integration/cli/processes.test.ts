import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions } from '../../../src/platform/db/database.ts';
import { testEngine } from '../../helpers/database.ts';
import { scratchDir } from '../../../scripts/scratch-dir.ts';

const root = new URL('../../..', import.meta.url).pathname;
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function waitForHealth(port: number, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = async () => {
      if (child.exitCode !== null) return reject(new Error(`server exited with ${child.exitCode}`));
      try {
        const res = await fetch(`http://127.0.0.1:${port}/health`);
        if (res.ok) return resolve();
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) return reject(new Error('server did not become healthy'));
      setTimeout(tick, 100);
    };
    void tick();
  });
}

// These start real processes on the embedded database; the engine of the run does not matter,
// so they run once, in the PGlite pass.
if (testEngine === 'pglite') {
  describe('processes on one data directory', () => {
    const children: ChildProcess[] = [];
    after(() => {
      for (const c of children) c.kill('SIGKILL');
    });

    it('refuses a second server on the same DATA_DIR with a clear message, and the data stays intact', async () => {
      const dataDir = scratchDir('bw-lock-');
      const port = 30000 + Math.floor(Math.random() * 20000);
      const env = {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        DEMO_DATA: '1',
      };
      const first = spawn(tsx, ['src/server.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(first);
      await waitForHealth(port, first);

      const second = spawnSync(tsx, ['src/server.ts'], {
        cwd: root,
        env: { ...env, PORT: String(port + 1) },
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(second.status, 1);
      assert.match(second.stderr, /in gebruik door een ander Brugwerk-proces \(pid \d+\)/);

      const health = await fetch(`http://127.0.0.1:${port}/health`);
      assert.deepEqual(await health.json(), { status: 'ok', database: 'pglite' });
      first.kill('SIGTERM');
      await new Promise((r) => first.once('exit', r));

      const db = await PGlite.create(join(dataDir, 'pglite'), { extensions: pgliteExtensions });
      const orgs = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM organisations WHERE is_demo',
      );
      assert.equal(orgs.rows[0]?.n, 5, 'demo data intact after the refused start');
      // The demo reflection: last year's session and this year's repeat, both closed with answers.
      const reflection = await db.query<{ year: string; people: number }>(
        `SELECT s.school_year AS year, count(p.*)::int AS people FROM reflection_sessions s
           JOIN reflection_participations p ON p.session_id = s.id
          WHERE s.is_demo AND s.status = 'closed' GROUP BY s.school_year ORDER BY 1`,
      );
      assert.deepEqual(reflection.rows, [
        { year: '2025-2026', people: 7 },
        { year: '2026-2027', people: 8 },
      ]);
      const cases = await db.query<{ kind: string; n: number }>(
        'SELECT kind, count(*)::int AS n FROM cases WHERE is_demo GROUP BY kind ORDER BY kind',
      );
      assert.deepEqual(cases.rows, [
        { kind: 'consultation', n: 2 },
        { kind: 'referral', n: 4 },
      ]);
      await db.close();
      // The demo accounts that work on cases sign in with a code the CLI shows; other accounts' never.
      const code = (email: string) =>
        spawnSync(tsx, ['src/cli.ts', 'demo:code', '--email', email], { cwd: root, env, encoding: 'utf8' });
      const demoCode = code('zorg@regenboog.demo.invalid');
      assert.equal(demoCode.status, 0, demoCode.stderr);
      assert.match(demoCode.stdout, /^\d{6}\n$/);
      assert.equal(code('beheer@demo.brugwerk.invalid').status, 2, 'no second factor, no code');
    });

    it('creates a user and prints a token alone on stdout through the CLI', () => {
      const dataDir = scratchDir('bw-cli-');
      const env = { ...process.env, DATA_DIR: dataDir, BRUGWERK_PASSWORD: 'een sterk cli-wachtwoord' };
      const created = spawnSync(
        tsx,
        [
          'src/cli.ts',
          'user:create',
          '--email',
          'cli@test.invalid',
          '--name',
          'CLI Test',
          '--role',
          'platform-admin',
        ],
        { cwd: root, env, encoding: 'utf8' },
      );
      assert.equal(created.status, 0, created.stderr);
      const token = spawnSync(tsx, ['src/cli.ts', 'token:create', '--email', 'cli@test.invalid'], {
        cwd: root,
        env,
        encoding: 'utf8',
      });
      assert.equal(token.status, 0, token.stderr);
      assert.match(token.stdout, /^bw_[A-Za-z0-9_-]{43}\n$/);
      const org = spawnSync(
        tsx,
        ['src/cli.ts', 'org:create', '--name', 'Buurtwerk De Brug', '--type', 'buurtwerk', '--nis', '44021'],
        { cwd: root, env, encoding: 'utf8' },
      );
      assert.equal(org.status, 0, org.stderr);
      assert.equal(org.stdout, 'buurtwerk-de-brug\n');
      const editor = spawnSync(
        tsx,
        [
          'src/cli.ts',
          'user:create',
          '--email',
          'ed@test.invalid',
          '--name',
          'Ed',
          '--role',
          'editor',
          '--org',
          'buurtwerk-de-brug',
        ],
        { cwd: root, env, encoding: 'utf8' },
      );
      assert.equal(editor.status, 0, editor.stderr);
      const missingOrg = spawnSync(
        tsx,
        ['src/cli.ts', 'user:create', '--email', 'x@test.invalid', '--name', 'X', '--role', 'editor'],
        { cwd: root, env, encoding: 'utf8' },
      );
      assert.equal(missingOrg.status, 2);
      assert.match(missingOrg.stderr, /--org/);
    });

    it('imports and exports Open Referral HSDS through the CLI; a broken file changes nothing', () => {
      const dataDir = scratchDir('bw-hsds-');
      const env = { ...process.env, DATA_DIR: dataDir };
      const cli = (...args: string[]) =>
        spawnSync(tsx, ['src/cli.ts', ...args], { cwd: root, env, encoding: 'utf8' });
      const broken = join(dataDir, 'services.json');
      writeFileSync(broken, JSON.stringify([{ id: 'geen-uuid', name: 'Zonder status' }]));
      const refused = cli('hsds:import', broken);
      assert.equal(refused.status, 2);
      assert.match(refused.stderr, /Niets ingevoerd: het bestand heeft 2 problemen[^]*"status"/);
      const imported = cli('hsds:import', join(root, 'test/fixtures/hsds-3.0/examples/csv'));
      assert.equal(imported.status, 0, imported.stderr);
      assert.match(imported.stderr, /service\t1 nieuw, 0 gewijzigd, 0 ongewijzigd/);
      const exported = cli('hsds:export', join(dataDir, 'export'));
      assert.equal(exported.status, 0, exported.stderr);
      assert.match(exported.stderr, /services\.json\t1 records/);
      assert.ok(existsSync(join(dataDir, 'export', 'hsds-tabular.zip')));
    });

    it('imports practice fiches from text files, all or nothing, and exports the published ones', () => {
      const dataDir = scratchDir('bw-practices-');
      const env = { ...process.env, DATA_DIR: dataDir };
      const cli = (...args: string[]) =>
        spawnSync(tsx, ['src/cli.ts', ...args], { cwd: root, env, encoding: 'utf8' });
      const good = join(dataDir, 'goed.txt');
      writeFileSync(
        good,
        'Voorlezen op woensdag\n\nBeschrijving\n\nVrijwilligers lezen voor.\n\nDeze praktijk in\n\nAalst\n',
      );
      const bad = join(dataDir, 'fout.txt');
      writeFileSync(bad, 'Alleen een titel\n\nen wat tekst.\n');
      const refused = cli('practices:import', good, bad);
      assert.equal(refused.status, 2);
      assert.match(
        refused.stderr,
        /Niets ingevoerd\.\n.*fout\.txt: Deze tekst is geen fiche: de herkenbare secties/,
      );
      const exportedNothing = cli('practices:export', join(dataDir, 'leeg'));
      assert.match(exportedNothing.stderr, /praktijken\.json\t0 fiches/);
      const imported = cli('practices:import', good, '--publish');
      assert.equal(imported.status, 0, imported.stderr);
      assert.match(imported.stdout.trim(), /^[0-9a-f-]{36}$/);
      assert.match(imported.stderr, /gepubliceerd\tVoorlezen op woensdag/);
      const exported = cli('practices:export', join(dataDir, 'export'));
      assert.equal(exported.status, 0, exported.stderr);
      const json = JSON.parse(readFileSync(join(dataDir, 'export', 'praktijken.json'), 'utf8'));
      assert.equal(json.count, 1);
      assert.equal(json.practices[0].places[0].nis, '41002');
      assert.match(json.licence.url, /by\/4\.0/);
      assert.match(readFileSync(join(dataDir, 'export', 'praktijken.csv'), 'utf8'), /^id,url,/);
    });
  });
}
