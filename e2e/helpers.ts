import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { currentTotpCode } from '../src/modules/accounts/mfa.service.ts';
import { loadDemoPractices } from '../src/modules/practices/practices.demo.ts';
import { loadDemoDirectory } from '../src/modules/directory/directory.demo.ts';
import {
  createFixtures,
  type Fixtures,
  startTestApp,
  type TestContext,
  TEST_PASSWORD,
} from '../test/helpers/app.ts';

// Debian's Chromium with the flags this machine needs (ARCHITECTURE §5).
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface E2EServer {
  t: TestContext;
  f: Fixtures;
  baseUrl: string;
  /** Directory entries the test organisation owns: a school, a partner and one of its services. */
  owned: { schoolId: string; partnerId: string; serviceId: string };
}

export async function startE2EServer(): Promise<E2EServer> {
  const t = await startTestApp({
    env: { RATE_LIMIT_PER_MINUTE: '100000', SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000' },
    extraRoutes: (app) => {
      app.get('/__test/fout', { config: { permission: 'public' } }, async () => {
        throw new Error('deliberate failure for the error page');
      });
    },
  });
  const f = await createFixtures(t.deps);
  await loadDemoDirectory(t.deps.db, t.clock.now());
  // The test organisation owns a school in Gent and a partner there (editing, Ken je buurt).
  const entryIn44021 = (kind: 'school' | 'partner') =>
    t.deps.db
      .selectFrom('directory_organizations')
      .select('id')
      .where('kind', kind === 'school' ? '=' : '!=', 'school')
      .where('municipality_nis', '=', '44021')
      .orderBy('name')
      .executeTakeFirstOrThrow();
  const school = await entryIn44021('school');
  const partner = await entryIn44021('partner');
  await t.deps.db
    .updateTable('directory_organizations')
    .set({ owner_organisation_id: f.organisation.id })
    .where('id', 'in', [school.id, partner.id])
    .execute();
  const service = await t.deps.db
    .selectFrom('directory_services')
    .select('id')
    .where('organization_id', '=', partner.id)
    .orderBy('name')
    .executeTakeFirstOrThrow();
  // The demo fiches, those of the demo school owned by the test organisation.
  await loadDemoPractices(t.deps, new Map([['bs-de-regenboog-demo', f.organisation.id]]));
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return {
    t,
    f,
    baseUrl: `http://127.0.0.1:${port}`,
    owned: { schoolId: school.id, partnerId: partner.id, serviceId: service.id },
  };
}

// WCAG 2.2 AA and everything below it.
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

export async function signInThroughForm(
  page: Page,
  baseUrl: string,
  email: string,
  password = TEST_PASSWORD,
) {
  await page.goto(`${baseUrl}/aanmelden`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
}

/** Signs in through the forms with password and the current TOTP code (one clock step later). */
export async function signInWithCode(
  page: Page,
  server: E2EServer,
  person: { email: string; secret: string | null },
) {
  await signInThroughForm(page, server.baseUrl, person.email);
  server.t.clock.advance(30_000);
  await page
    .locator('input[name="code"]')
    .fill(await currentTotpCode(person.secret!, person.email, server.t.clock.now()));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/aanmelden'));
}
