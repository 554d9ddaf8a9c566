import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assignRole } from '../src/modules/collaboration/coordinator-roles.service.ts';
import { systemActor } from '../src/platform/deps.ts';
import {
  axeViolations,
  type E2EServer,
  launchChromium,
  signInThroughForm,
  startE2EServer,
} from './helpers.ts';

// Signalen in Chromium: two professionals pass on a signal each, the region's signal coordinator
// bundles them, records the working group's endorsement, the recommendation, the answer and the
// close; after every step both senders see the new status on their own page. The public report
// shows the recommendation without any sender. Once without JavaScript, once with it and axe.
for (const mode of ['without JavaScript', 'with JavaScript and axe'] as const)
  describe(`signalen in the browser, ${mode}`, () => {
    const js = mode !== 'without JavaScript';
    let server: E2EServer;
    let browser: Browser;
    const checked: string[] = [];
    const url = (path: string) => `${server.baseUrl}${path}`;
    const check = async (page: Page, label: string) => {
      if (!js) return;
      checked.push(label);
      assert.deepEqual(await axeViolations(page), [], `${label} (${page.url()})`);
    };
    const open = async (email?: string) => {
      const page = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
      page.setDefaultTimeout(15_000);
      if (email) {
        await signInThroughForm(page, server.baseUrl, email);
        await page.waitForURL((u) => !u.pathname.startsWith('/aanmelden'));
      }
      return page;
    };
    const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
    const flash = (page: Page, text: string) => page.locator('.flash').getByText(text).waitFor();

    before(async () => {
      server = await startE2EServer();
      await assignRole(server.t.deps, systemActor('test'), {
        code: 'signal',
        regionCode: '40000',
        userId: server.f.users.admin.id,
        organisationId: server.f.organisation.id,
        deputy: false,
      });
      browser = await launchChromium();
    });
    after(async () => {
      if (js)
        console.log(
          `axe (signals): ${checked.length} page states checked, 0 violations: ${checked.join(', ')}`,
        );
      await browser?.close();
      await server?.t.close();
    });

    const raise = async (page: Page, title: string, named: boolean) => {
      await page.goto(url('/signalen'));
      await page.getByRole('link', { name: 'Signaal doorgeven' }).first().click();
      await page.getByLabel('In één zin: wat loopt er mis?').fill(title);
      await page
        .getByLabel('Wat zie je?')
        .fill(
          'Gezinnen vinden geen tandarts die nog nieuwe patiënten aanneemt; kinderen wachten maanden op zorg.',
        );
      await page.locator('input[name="needs"][value="HEALTH"]').check();
      await page.locator('select[name="sector"]').selectOption('health');
      await page.locator('select[name="place"]').selectOption('gemeente:44021');
      await page.locator('input[name="frequency"][value="structural"]').check();
      await page.locator('input[name="sourceType"][value="school"]').check();
      await page.locator(`input[name="mayBeNamed"][value="${named ? 'yes' : 'no'}"]`).check();
      await button(page, 'Signaal doorgeven').click();
      await flash(page, 'Bedankt. Je signaal is doorgegeven');
    };
    /** The status (and latest entry) a sender sees on their own page. */
    const seesStatus = async (page: Page, status: string) => {
      // Time passes between the coordinator's steps (the log is ordered by when entries were made).
      server.t.clock.advance(60_000);
      await page.goto(url('/signalen/mijn'));
      await page.locator('.status-tag').getByText(status, { exact: true }).first().waitFor();
    };

    it('a signal passes intake → bundle → endorsement → recommendation → answer → closed; the senders see each step', async () => {
      const visitor = await open();
      await visitor.goto(url('/signalen'));
      await check(visitor, 'signals home, public');

      const karim = await open(server.f.users.member.email);
      await karim.goto(url('/signalen/mijn'));
      await check(karim, 'my signals, empty');
      await karim.goto(url('/signalen/nieuw'));
      await check(karim, 'new signal form');
      await button(karim, 'Signaal doorgeven').click();
      await karim.locator('.error-summary').waitFor();
      await check(karim, 'new signal form with errors');
      await raise(karim, 'Geen tandarts voor nieuwe gezinnen', false);
      await karim.locator('.status-tag').getByText('Nieuw', { exact: true }).waitFor();
      await check(karim, 'my signals, one new');

      const lies = await open(server.f.users.editor.email);
      await raise(lies, 'Tandartsen nemen geen nieuwe gezinnen aan', true);

      // The coordinator takes the first up and adds the second, which the bundle page suggests.
      const sien = await open(server.f.users.admin.email);
      await sien.goto(url('/signalen'));
      await sien.getByRole('link', { name: 'Signalen behandelen' }).click();
      await check(sien, 'coordinator desk');
      await sien.getByRole('link', { name: 'Geen tandarts voor nieuwe gezinnen' }).click();
      await sien.getByText('Tandartsen nemen geen nieuwe gezinnen aan').first().waitFor();
      await check(sien, 'signal with similar signals');
      await sien.getByLabel('Titel van de nieuwe bundel').fill('Tandzorg voor gezinnen');
      await button(sien, 'Opnemen').click();
      await flash(sien, 'Het signaal zit nu in de bundel');
      await check(sien, 'new bundle');
      await seesStatus(karim, 'In behandeling');
      await sien.getByRole('button', { name: /Voeg toe aan deze bundel\W+Tandartsen nemen/ }).click();
      await flash(sien, 'Het signaal zit nu in de bundel');
      await seesStatus(lies, 'In behandeling');

      await button(sien, 'Beslissing bewaren').click();
      await sien.locator('.error-summary').waitFor();
      await check(sien, 'endorsement with errors');
      await sien.locator('input[name="decision"][value="endorsed"]').check();
      await sien.getByLabel('Werkgroep', { exact: true }).fill('Werkgroep gezondheid');
      await button(sien, 'Beslissing bewaren').click();
      await flash(sien, 'De beslissing van de werkgroep is bewaard');
      await check(sien, 'endorsed bundle');
      await seesStatus(karim, 'Onderschreven');

      await sien.locator('input[name="level"][value="local"]').check();
      await sien.getByLabel('Bestemmeling').fill('Schepen van welzijn');
      await sien
        .locator('textarea[name="recommendation"]')
        .fill('Maak afspraken met de tandartsen over nieuwe gezinnen.');
      await button(sien, 'Aanbeveling bewaren').click();
      await flash(sien, 'De aanbeveling is bewaard');
      await seesStatus(lies, 'Aanbeveling verstuurd');

      await sien.locator('textarea[name="answer"]').fill('De stad overlegt met de tandartsenkring.');
      await button(sien, 'Antwoord bewaren').click();
      await flash(sien, 'Het antwoord is bewaard');
      await check(sien, 'bundle with answer');
      await seesStatus(karim, 'Antwoord ontvangen');

      await sien.locator('select[name="status"]').selectOption('closed');
      await sien.getByLabel('Wat is er gebeurd?').fill('Drie tandartsen nemen weer nieuwe gezinnen aan.');
      await button(sien, 'Opvolging bewaren').click();
      await flash(sien, 'De opvolging is bewaard');
      for (const sender of [karim, lies]) {
        await seesStatus(sender, 'Afgesloten');
        await sender.getByText('Drie tandartsen nemen weer nieuwe gezinnen aan.').waitFor();
      }
      await check(karim, 'my signals, closed with the latest entry');

      // The working group's print names only the sender who agreed.
      await sien.getByRole('link', { name: 'Versie voor de werkgroep (om af te drukken)' }).click();
      await sien.getByText('Niet genoemd (op eigen vraag)').waitFor();
      assert.equal(await sien.getByText('Test member').count(), 0);
      assert.ok((await sien.getByText('Test editor').count()) > 0);
      await check(sien, 'working group version');
      const pdf = js ? await sien.pdf() : null;
      if (pdf) assert.ok(pdf.length > 1000, 'prints');

      // The public report, chosen through its form.
      await visitor.goto(url('/signalen'));
      await visitor.locator('select[name="regio"]').selectOption('40000');
      await visitor.locator('select[name="jaar"]').selectOption('2026');
      await button(visitor, 'Toon het rapport').click();
      await visitor.getByRole('heading', { name: 'Tandzorg voor gezinnen' }).waitFor();
      assert.equal(await visitor.getByText(/Test (member|editor)/).count(), 0, 'no sender in public');
      await check(visitor, 'public report');
    });
  });
