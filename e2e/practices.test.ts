import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations,
  type E2EServer,
  launchChromium,
  signInThroughForm,
  startE2EServer,
} from './helpers.ts';

// The practice library in Chromium: the whole submit–review–publish journey, once with JavaScript
// disabled and once with it enabled to check every page state it passes with axe (axe itself
// needs JavaScript in the page).
for (const mode of ['without JavaScript', 'with axe'] as const)
  describe(`praktijkendatabank in the browser, ${mode}`, () => {
    const axe = mode === 'with axe';
    let server: E2EServer;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const checked: string[] = [];

    before(async () => {
      server = await startE2EServer();
      browser = await launchChromium();
    });
    after(async () => {
      if (axe)
        console.log(
          `axe (practices): ${checked.length} page states checked, 0 violations: ${checked.join(', ')}`,
        );
      await context?.close();
      await browser?.close();
      await server?.t.close();
    });

    /** A browser without JavaScript, signed in as `role` (or anonymous). */
    const as = async (role: 'anonymous' | 'editor' | 'curator' | 'member') => {
      await context?.close();
      context = await browser.newContext({ javaScriptEnabled: axe });
      page = await context.newPage();
      page.setDefaultTimeout(10_000);
      if (role !== 'anonymous') {
        await signInThroughForm(page, server.baseUrl, server.f.users[role].email);
        await page.waitForURL(/\/account$/);
      }
    };
    const url = (path: string) => `${server.baseUrl}${path}`;
    const check = async (label: string) => {
      if (!axe) return;
      checked.push(label);
      assert.deepEqual(await axeViolations(page), [], `${label} (${page.url()})`);
    };
    const visit = async (path: string, label: string) => {
      await page.goto(url(path));
      await check(label);
    };
    const title = `Leesouders in de klas (e2e, ${mode})`;

    it('an editor starts a fiche, fixes what the form points out, and submits it', async () => {
      await as('editor');
      await visit('/praktijken', 'practice search (signed in)');
      await page.getByRole('link', { name: 'Een praktijk toevoegen' }).first().click();
      await check('new fiche form');
      await page.getByLabel('Titel', { exact: true }).fill(title);
      await page.getByLabel(/Cijfers per schooljaar/).fill('vorig jaar; ouders; veel');
      await page.getByRole('button', { name: 'Bewaren' }).click();
      await page.locator('.error-summary').waitFor();
      await check('new fiche form with errors');
      assert.match(await page.locator('.error-summary').innerText(), /Regel 1: begin met een schooljaar/);
      await page
        .getByLabel('Beschrijving', { exact: true })
        .fill('Ouders lezen **elke week** voor in de klas van hun kind.');
      await page.getByLabel(/Cijfers per schooljaar/).fill('2024-2025; Leesouders; 12');
      await page.locator('#field-needCodes-LANG').check();
      await page.getByLabel(/Waar loopt deze praktijk/).fill('Gent\nLeesouders Gent: in drie basisscholen.');
      await page.getByRole('button', { name: 'Bewaren' }).click();
      await page.getByRole('heading', { name: title }).waitFor();
      await check('draft fiche (owner)');
      await page.getByRole('button', { name: 'Indienen bij de redactie' }).click();
      assert.match(await page.locator('.flash').innerText(), /Ingediend/);
      await check('submitted fiche (owner)');
      await visit('/praktijken/mijn', 'my fiches');
    });

    it('a curator returns it, the editor changes it, and the curator publishes it', async () => {
      await as('curator');
      await visit('/praktijken/redactie', 'review queue');
      await page.getByRole('link', { name: title }).click();
      await check('review page');
      await page.getByLabel('Terugsturen met opmerkingen').check();
      await page.getByRole('button', { name: 'Beslissing bevestigen' }).click();
      await page.locator('.error-summary').waitFor();
      await check('review page with errors');
      await page.getByLabel('Opmerkingen voor de makers').fill('Vermeld ook een contactpersoon.');
      await page.getByRole('button', { name: 'Beslissing bevestigen' }).click();
      await page.waitForURL(/\/praktijken\/redactie$/);
      await check('review queue (empty)');

      await as('editor');
      await page.goto(url('/praktijken/mijn'));
      await page.getByRole('link', { name: title }).click();
      assert.match(await page.locator('.notice').first().innerText(), /Vermeld ook een contactpersoon/);
      await check('returned fiche (owner)');
      await page.getByRole('link', { name: 'De fiche aanpassen' }).click();
      await page.getByLabel('Naam van de contactpersoon').fill('Sara Leesmoeder');
      await page.getByRole('button', { name: 'Bewaren' }).click();
      await page.getByRole('button', { name: 'Indienen bij de redactie' }).click();

      await as('curator');
      await page.goto(url('/praktijken/redactie'));
      await page.getByRole('link', { name: title }).click();
      await page.getByLabel('Publiceren').check();
      await page.getByRole('button', { name: 'Beslissing bevestigen' }).click();
      assert.match(await page.locator('.flash').innerText(), /gepubliceerd/);
    });

    it('a visitor finds the published fiche, reads it, and sends a remark; a member follows it', async () => {
      await as('anonymous');
      await page.goto(url('/praktijken'));
      await page.getByLabel('Zoek op woorden').fill('leesouder');
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await check('practice search with highlights');
      await page.getByRole('link', { name: title }).click();
      assert.match(await page.locator('.prose').innerText(), /elke week/);
      assert.equal(await page.locator('.practice-figures svg').count(), 1);
      await check('published fiche (anonymous)');
      await page.getByRole('link', { name: 'Een wijziging of opmerking doorgeven' }).click();
      await page.getByRole('button', { name: 'Versturen' }).click();
      await check('remark with errors');
      await page.getByLabel('Je wijziging of opmerking').fill('In onze school doen ook grootouders mee.');
      await page.getByRole('button', { name: 'Versturen' }).click();
      assert.match(await page.locator('.flash').innerText(), /doorgestuurd/);
      const rich = await server.t.deps.db
        .selectFrom('practices')
        .select('id')
        .where('title', 'like', 'Brugfiguur aan de schoolpoort%')
        .executeTakeFirstOrThrow();
      await visit(
        `/praktijken/${rich.id}`,
        'fiche with building blocks, sites, figures and similar practices',
      );
      await visit('/praktijken?q=xqzwvbnm', 'practice search without results');
      await visit(
        '/praktijken?need=PAR&municipality=44021&radius=20&sort=date',
        'practice search near a municipality',
      );

      await as('member');
      await page.goto(url('/praktijken?q=leesouder'));
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('button', { name: /Volgen/ }).click();
      assert.match(await page.locator('.flash').innerText(), /mail/);
      await check('fiche followed (member)');
    });

    it('an owner changes a published fiche as a new version and compares versions', async () => {
      await as('editor');
      await page.goto(url('/praktijken?q=leesouder'));
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('link', { name: 'De fiche aanpassen' }).click();
      await check('edit published fiche');
      await page.getByLabel('Korte inleiding').fill('Ouders lezen voor, de school zorgt voor boeken.');
      await page.getByRole('button', { name: 'Bewaren' }).click();
      await check('published fiche with a new version in the works (owner)');
      await page.getByRole('link', { name: 'Alle versies' }).click();
      await page.getByLabel('Van versie').selectOption('1');
      await page.getByLabel('Naar versie').selectOption('2');
      await page.getByRole('button', { name: 'Vergelijken' }).click();
      assert.match(await page.locator('#compare-result').innerText(), /versie 1 en 2/);
      await check('versions compared');
    });
  });
