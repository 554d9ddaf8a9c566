import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { currentTotpCode } from '../src/modules/accounts/mfa.service.ts';
import { TEST_PASSWORD } from '../test/helpers/app.ts';
import { type E2EServer, launchChromium, signInThroughForm, startE2EServer } from './helpers.ts';

describe('every journey of the foundation works with JavaScript disabled', () => {
  let server: E2EServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    server = await startE2EServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.t.close();
  });

  const freshPage = async () => {
    await context?.close();
    context = await browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return page;
  };
  const url = (path: string) => `${server.baseUrl}${path}`;

  it('switches language and signs in and out', async () => {
    await freshPage();
    await page.goto(url('/'));
    await page.getByRole('link', { name: 'Français' }).click();
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    await page.getByRole('link', { name: 'Nederlands' }).click();
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    await signInThroughForm(page, server.baseUrl, server.f.users.member.email);
    await page.waitForURL(/\/account$/);
    assert.match(await page.locator('.flash').innerText(), /aangemeld/);
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.waitForURL(url('/'));
    assert.match(await page.locator('.flash').innerText(), /afgemeld/);
    await page.goto(url('/account'));
    assert.match(page.url(), /\/aanmelden\?terug=/);
  });

  it('searches the sociale kaart with filters and opens a service', async () => {
    await freshPage();
    await page.goto(url('/sociale-kaart'));
    await page.getByLabel('Waar zoek je hulp bij?').fill('huiswerk');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    assert.match(page.url(), /q=huiswerk/);
    const count = Number(/(\d+) resultaten/.exec(await page.locator('.results h2').first().innerText())![1]);
    assert.ok(count > 0);
    await page.getByLabel('Gemeente', { exact: true }).selectOption('44021');
    await page.getByLabel(/Alleen gratis aanbod/).check();
    await page.getByRole('button', { name: 'Zoeken' }).click();
    assert.match(page.url(), /gemeente=44021/);
    await page.locator('.result a').first().click();
    assert.match(await page.locator('main').innerText(), /Wat kan ik hier vragen\?/);
    assert.match(await page.locator('main').innerText(), /Professionals zien na het aanmelden/);
  });

  it('edits an owned service, reports a mistake and marks a partner in Ken je buurt', async () => {
    const { owned, f } = server;
    await freshPage();
    await page.goto(url(`/sociale-kaart/aanbod/${owned.serviceId}`));
    await page.getByRole('link', { name: 'Meld een fout' }).click();
    await page.getByLabel('Wat klopt er niet?').fill('Het adres klopt niet meer sinds de verhuis.');
    await page.getByRole('button', { name: 'Versturen' }).click();
    assert.match(await page.locator('main').innerText(), /Je bericht is doorgestuurd/);

    await freshPage();
    await signInThroughForm(page, server.baseUrl, f.users.editor.email);
    await page.waitForURL(/\/account$/);
    await page.goto(url(`/sociale-kaart/aanbod/${owned.serviceId}`));
    await page.getByRole('link', { name: 'Dit aanbod bewerken' }).click();
    await page.getByLabel('Wat kost het?').fill('Het is gratis voor iedereen.');
    await page.getByLabel(/Ik heb alle gegevens/).check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    assert.match(await page.locator('main').innerText(), /De wijzigingen zijn bewaard/);
    assert.match(await page.locator('main').innerText(), /Het is gratis voor iedereen\./);
    await page.getByRole('link', { name: 'Geschiedenis van de wijzigingen' }).click();
    assert.match(await page.locator('main').innerText(), /plain_cost/);

    await page.goto(url(`/sociale-kaart/organisaties/${owned.partnerId}`));
    await page.getByRole('link', { name: 'Deze fiche bewerken' }).click();
    await page.getByRole('link', { name: 'Een aanspreekpunt toevoegen' }).click();
    await page.getByLabel('Rol').fill('brugfiguur');
    await page.getByLabel('Rechtstreeks nummer').fill('0470 11 22 33');
    await page.getByLabel('dinsdag').check();
    await page.getByLabel('Van', { exact: true }).fill('08:15');
    await page.getByLabel('Tot', { exact: true }).fill('09:00');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    assert.match(await page.locator('main').innerText(), /brugfiguur/);
    await page.goto(url(`/sociale-kaart/organisaties/${owned.partnerId}`));
    assert.match(await page.locator('main').innerText(), /0470 11 22 33/);

    await page.goto(url('/sociale-kaart/ken-je-buurt'));
    await page.getByLabel('Afstand').selectOption('10');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page
      .locator(`a[href^="/sociale-kaart/ken-je-buurt/${owned.schoolId}/${owned.partnerId}"]`)
      .first()
      .click();
    await page.getByLabel('Samenwerking').selectOption('working_together');
    await page.getByLabel('Notitie').fill('Vast overleg op dinsdag.');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    assert.match(page.url(), /afstand=10/);
    assert.match(await page.locator('main').innerText(), /We werken samen — Vast overleg op dinsdag\./);
  });

  it('enrols TOTP and then signs in with a code from the authenticator', async () => {
    await freshPage();
    const { email } = server.f.users.editor;
    await signInThroughForm(page, server.baseUrl, email);
    await page.goto(url('/account/tweestapsverificatie'));
    assert.equal(await page.locator('figure.qr svg').count(), 1, 'QR code rendered on the server');
    const secret = await page.getByTestId('totp-secret').innerText();
    await page
      .getByLabel('Code', { exact: true })
      .fill(await currentTotpCode(secret, email, server.t.clock.now()));
    await page.getByRole('button', { name: 'Inschakelen' }).click();
    assert.equal(await page.locator('.code-list li').count(), 10);
    await page.getByRole('button', { name: 'Afmelden' }).click();

    await signInThroughForm(page, server.baseUrl, email);
    await page.waitForURL(/\/aanmelden\/code/);
    await page.getByLabel('Code', { exact: true }).fill('123456');
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    assert.match(await page.locator('.error-summary').innerText(), /klopt niet/);
    server.t.clock.advance(30_000);
    await page
      .getByLabel('Code', { exact: true })
      .fill(await currentTotpCode(secret, email, server.t.clock.now()));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.waitForURL(/\/account$/);
    assert.match(await page.locator('main').innerText(), /Tweestapsverificatie\s+Aan/);
  });

  it('creates and revokes an API token', async () => {
    await freshPage();
    await signInThroughForm(page, server.baseUrl, server.f.users.curator.email);
    await page.goto(url('/account/tokens'));
    await page.getByRole('button', { name: 'Sleutel aanmaken' }).click();
    assert.match(await page.locator('#field-name-error').innerText(), /Vul dit veld in/);
    await page.getByLabel('Naam').fill('Koppeling');
    await page.getByRole('button', { name: 'Sleutel aanmaken' }).click();
    const token = await page.getByTestId('new-token').innerText();
    const me = await fetch(url('/api/v1/me'), { headers: { authorization: `Bearer ${token.trim()}` } });
    assert.equal(me.status, 200);
    await page.getByRole('button', { name: 'Intrekken Koppeling' }).click();
    assert.match(await page.locator('.flash').innerText(), /ingetrokken/);
    assert.equal(
      (await fetch(url('/api/v1/me'), { headers: { authorization: `Bearer ${token.trim()}` } })).status,
      401,
    );
  });

  it('invites a colleague, who accepts through the mailed link; the admin changes the role', async () => {
    await freshPage();
    const { f } = server;
    await signInThroughForm(page, server.baseUrl, f.users.admin.email);
    await page.goto(url(`/organisaties/${f.organisation.slug}/leden`));
    await page.getByLabel('E-mailadres').fill('collega@test.invalid');
    await page.getByLabel('Rol', { exact: true }).selectOption('editor');
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    assert.match(await page.locator('.flash').innerText(), /verstuurd/);

    const admin = await browser.newContext({ javaScriptEnabled: false });
    const adminPage = await admin.newPage();
    await signInThroughForm(adminPage, server.baseUrl, f.users['platform-admin'].email);
    await adminPage.goto(url('/beheer/mailbox'));
    await adminPage
      .getByRole('link', { name: /Uitnodiging voor Testschool/ })
      .first()
      .click();
    // The mail carries PUBLIC_URL; this test server listens elsewhere, so follow the path.
    const link = url(
      new URL(/(http\S+)/.exec(await adminPage.getByTestId('mail-body').innerText())![1]!).pathname,
    );
    await admin.close();

    const guest = await browser.newContext({ javaScriptEnabled: false });
    const guestPage = await guest.newPage();
    await guestPage.goto(link);
    await guestPage.getByLabel('Naam').fill('Nieuwe Collega');
    await guestPage.getByLabel('Nieuw wachtwoord').fill(TEST_PASSWORD);
    await guestPage.getByRole('button', { name: 'Uitnodiging aanvaarden' }).click();
    await signInThroughForm(guestPage, server.baseUrl, 'collega@test.invalid');
    await guestPage.waitForURL(/\/account$/);
    assert.match(await guestPage.locator('main').innerText(), /Testschool\s+Redacteur/);
    await guest.close();

    await page.reload();
    await page.getByLabel('Rol van Nieuwe Collega').selectOption('admin');
    await page.getByRole('button', { name: 'Rol wijzigen Nieuwe Collega' }).click();
    assert.match(await page.locator('.flash').innerText(), /gewijzigd/);
  });

  it('resets a forgotten password through the mailed link', async () => {
    await freshPage();
    const { f } = server;
    await page.goto(url('/wachtwoord-vergeten'));
    await page.getByLabel('E-mailadres').fill(f.users.member.email);
    await page.getByRole('button', { name: 'Stuur de link' }).click();
    assert.match(await page.locator('main').innerText(), /krijg je binnen enkele minuten een mail/);
    const mail = await server.t.deps.db
      .selectFrom('mail_outbox')
      .select('body_text')
      .where('to_address', '=', f.users.member.email)
      .where('purpose', '=', 'password_reset')
      .executeTakeFirstOrThrow();
    await page.goto(url(new URL(/(http\S+)/.exec(mail.body_text)![1]!).pathname));
    await page.getByLabel('Nieuw wachtwoord').fill('een ander lang wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await signInThroughForm(page, server.baseUrl, f.users.member.email, 'een ander lang wachtwoord');
    await page.waitForURL(/\/account$/);
  });
});
