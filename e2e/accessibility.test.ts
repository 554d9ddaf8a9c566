import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as accounts from '../src/modules/accounts/accounts.service.ts';
import { currentTotpCode } from '../src/modules/accounts/mfa.service.ts';
import { systemActor } from '../src/platform/deps.ts';
import {
  axeViolations,
  type E2EServer,
  launchChromium,
  signInThroughForm,
  startE2EServer,
} from './helpers.ts';

describe('accessibility of every shell page state (axe, WCAG 2.2 AA)', () => {
  let server: E2EServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const checked: string[] = [];

  before(async () => {
    server = await startE2EServer();
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  });
  after(async () => {
    console.log(`axe: ${checked.length} page states checked, 0 violations: ${checked.join(', ')}`);
    await browser?.close();
    await server?.t.close();
  });

  const check = async (label: string) => {
    const violations = await axeViolations(page);
    checked.push(label);
    assert.deepEqual(violations, [], `${label} (${page.url()})`);
  };
  const visit = async (path: string, label = path) => {
    await page.goto(`${server.baseUrl}${path}`);
    await check(label);
  };

  it('signed out: home in three languages, module placeholders, sources, sign-in, reset, 404, error', async () => {
    await visit('/', 'home nl');
    await visit('/taal/fr?terug=/', 'home fr');
    await visit('/taal/en?terug=/', 'home en');
    await page.goto(`${server.baseUrl}/taal/nl?terug=/`);
    await visit('/sociale-kaart?q=huiswerk&nood=EDU', 'directory search with highlights');
    await visit('/sociale-kaart?q=xqzwvbnm', 'directory without results');
    await visit('/sociale-kaart?gemeente=44021&straal=5', 'directory by distance');
    await page.locator('.result a').first().click();
    await check('service page (anonymous)');
    for (const path of [
      '/sociale-kaart',
      '/praktijken',
      '/regios',
      '/bronnen',
      '/aanmelden',
      '/wachtwoord-vergeten',
    ]) {
      await visit(path);
    }
    const notFound = await page.goto(`${server.baseUrl}/bestaat-niet`);
    assert.equal(notFound?.status(), 404);
    await check('404');
    const failed = await page.goto(`${server.baseUrl}/__test/fout`);
    assert.equal(failed?.status(), 500);
    assert.match(await page.locator('.correlation-id code').innerText(), /^[0-9a-f-]{36}$/);
    await check('error page');
  });

  it('forms with errors: sign-in, reset request and invitation', async () => {
    await page.goto(`${server.baseUrl}/aanmelden`);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.locator('.error-summary').waitFor();
    await check('sign-in with errors');
    await page.getByLabel('E-mailadres').fill('iemand@test.invalid');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('verkeerd wachtwoord');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await check('sign-in with wrong password');
    await page.goto(`${server.baseUrl}/wachtwoord-vergeten`);
    await page.getByRole('button', { name: 'Stuur de link' }).click();
    await check('reset request with errors');
    let link = '';
    await accounts.inviteMember(
      server.t.deps,
      systemActor('test'),
      {
        email: 'a11y@test.invalid',
        organisationId: server.f.organisation.id,
        organisationName: 'Testschool',
        role: 'member',
      },
      (l) => ((link = l), { subject: 'x', text: l }),
    );
    await page.goto(`${server.baseUrl}${new URL(link).pathname}`);
    await check('invitation');
    await page.getByRole('button', { name: 'Uitnodiging aanvaarden' }).click();
    await check('invitation with errors');
  });

  it('signed in: account, tokens, second factor, members, administration', async () => {
    const { f } = server;
    await signInThroughForm(page, server.baseUrl, f.users['platform-admin'].email);
    await page.waitForURL(/\/account$/);
    await check('account (with flash)');
    await visit('/account/tokens');
    await page.getByLabel('Naam').fill('Rapport');
    await page.getByRole('button', { name: 'Sleutel aanmaken' }).click();
    await check('token created');
    await visit('/account/tweestapsverificatie', 'second factor enrolment');
    await page.getByRole('button', { name: 'Inschakelen' }).click();
    await check('second factor enrolment with error');
    const secret = await page.getByTestId('totp-secret').innerText();
    await page
      .getByLabel('Code', { exact: true })
      .fill(await currentTotpCode(secret, f.users['platform-admin'].email, server.t.clock.now()));
    await page.getByRole('button', { name: 'Inschakelen' }).click();
    await check('recovery codes');
    await visit(`/organisaties/${f.organisation.slug}/leden`, 'members (admin view)');
    await visit(
      `/organisaties/${f.organisation.slug}/leden/${f.users.member.id}/verwijderen`,
      'remove member confirmation',
    );
    await visit('/beheer/gebruikers');
    await visit(
      `/beheer/gebruikers/${f.users['platform-admin'].id}/tweestapsverificatie-wissen`,
      'clear second factor confirmation',
    );
    await visit('/beheer/organisaties');
    await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();
    await check('new organisation with errors');
    await visit('/beheer/audit');
    await page.goto(`${server.baseUrl}/sociale-kaart?q=opvoeding`);
    await page.locator('.result a').first().click();
    await check('service page (signed in, with contact points)');
    await visit('/beheer/mailbox');
    await page.locator('main table a').first().click();
    await check('mail');

    await visit('/sociale-kaart/claims', 'claims refused to a platform admin');

    const other = await browser.newContext();
    const second = await other.newPage();
    await signInThroughForm(second, server.baseUrl, f.users['platform-admin'].email);
    await second.waitForURL(/\/aanmelden\/code/);
    const violations = await axeViolations(second);
    checked.push('second factor code');
    assert.deepEqual(violations, []);
    await other.close();
  });

  it('sociale kaart upkeep: editing, history, meld een fout, claims, Ken je buurt', async () => {
    const { f, owned } = server;
    const anonymous = await browser.newContext();
    page = await anonymous.newPage();
    await visit(`/sociale-kaart/aanbod/${owned.serviceId}/meld-een-fout`, 'meld een fout');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await check('meld een fout with errors');
    await visit(`/sociale-kaart/organisaties/${owned.partnerId}`, 'organisation page');
    await anonymous.close();

    const admin = await browser.newContext();
    page = await admin.newPage();
    await signInThroughForm(page, server.baseUrl, f.users.admin.email);
    await page.waitForURL(/\/account$/);
    await visit(`/sociale-kaart/aanbod/${owned.serviceId}`, 'service page (owner)');
    await visit(`/sociale-kaart/aanbod/${owned.serviceId}/bewerken`, 'edit service');
    await page.getByLabel('Naam van het aanbod').fill('');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await check('edit service with errors');
    await visit(`/sociale-kaart/aanbod/${owned.serviceId}/geschiedenis`, 'history (empty)');
    await visit(
      '/sociale-kaart/organisaties/' + (await unclaimedEntry()),
      'organisation page with claim form',
    );
    await page.getByRole('button', { name: 'Beheer aanvragen' }).click();
    await check('claim requested');
    await visit(`/sociale-kaart/organisaties/${owned.partnerId}/bewerken`, 'edit organisation');
    await page.getByLabel('Website').fill('geen adres');
    await page.getByRole('button', { name: 'Opslaan' }).first().click();
    await check('edit organisation with errors');
    await visit(`/sociale-kaart/organisaties/${owned.partnerId}/aanspreekpunten/nieuw`, 'new contact point');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await check('new contact point with errors');
    const contact = await server.t.deps.db
      .selectFrom('directory_contacts')
      .select('id')
      .where('organization_id', '=', owned.partnerId)
      .executeTakeFirstOrThrow();
    await visit(
      `/sociale-kaart/organisaties/${owned.partnerId}/aanspreekpunten/${contact.id}/verwijderen`,
      'remove contact point confirmation',
    );
    await visit(`/sociale-kaart/organisaties/${owned.partnerId}/geschiedenis`, 'organisation history');
    await visit(`/sociale-kaart/organisaties/${owned.schoolId}`, 'school page (signed in)');
    await visit(`/sociale-kaart/organisaties/${owned.partnerId}`, 'organisation page with contact points');
    await visit(`/sociale-kaart?school=${owned.schoolId}&open=1&soort=caw`, 'search from a school, open now');
    await visit('/sociale-kaart/ken-je-buurt?afstand=10', 'ken je buurt');
    await visit(`/sociale-kaart/ken-je-buurt/${owned.schoolId}/${owned.partnerId}`, 'ken je buurt mark');
    await page.getByLabel('Notitie').fill('x'.repeat(1001));
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await check('ken je buurt mark with errors');
    await admin.close();

    const curator = await browser.newContext();
    page = await curator.newPage();
    await signInThroughForm(page, server.baseUrl, f.users.curator.email);
    await page.waitForURL(/\/account$/);
    await visit('/sociale-kaart/claims', 'claims (one pending)');
    await curator.close();
  });

  const unclaimedEntry = async () =>
    (
      await server.t.deps.db
        .selectFrom('directory_organizations')
        .select('id')
        .where('owner_organisation_id', 'is', null)
        .where('kind', '!=', 'school')
        .orderBy('name')
        .executeTakeFirstOrThrow()
    ).id;
});
