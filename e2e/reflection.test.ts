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

// Reflectie in Chromium: a facilitator starts a session, participants join in their own browsers
// with the code and answer, the facilitator closes it and reads the results, acts on them, prints
// the report and repeats the session a year later. Once without JavaScript, once with it (the live
// count, and axe on every page state).
for (const mode of ['without JavaScript', 'with JavaScript and axe'] as const)
  describe(`reflectie in the browser, ${mode}`, () => {
    const js = mode !== 'without JavaScript';
    let server: E2EServer;
    let browser: Browser;
    let facilitator: BrowserContext;
    let page: Page;
    const checked: string[] = [];
    const url = (path: string) => `${server.baseUrl}${path}`;
    const check = async (target: Page, label: string) => {
      if (!js) return;
      checked.push(label);
      assert.deepEqual(await axeViolations(target), [], `${label} (${target.url()})`);
    };

    before(async () => {
      server = await startE2EServer();
      browser = await launchChromium();
      facilitator = await browser.newContext({ javaScriptEnabled: js });
      page = await facilitator.newPage();
      page.setDefaultTimeout(15_000);
      await signInThroughForm(page, server.baseUrl, server.f.users.member.email);
      await page.waitForURL(/\/account$/);
    });
    after(async () => {
      if (js)
        console.log(
          `axe (reflection): ${checked.length} page states checked, 0 violations: ${checked.join(', ')}`,
        );
      await browser?.close();
      await server?.t.close();
    });

    /** Starts a session through the forms and returns its code. */
    const startSession = async (team: string, options: { withSchool: boolean; label?: string }) => {
      await page.goto(url('/reflectie'));
      if (options.label) await check(page, 'reflectie home (facilitator)');
      await page.getByRole('link', { name: 'Een sessie starten' }).first().click();
      if (options.label) await check(page, 'choose a question set');
      await page.getByRole('link', { name: 'Kies Reflectie voor een schoolteam' }).click();
      await page.getByLabel('Team', { exact: true }).fill(team);
      if (options.withSchool)
        await page.getByLabel('School voor de oefening over partners in de buurt').selectOption({ index: 1 });
      if (options.label) await check(page, 'start a session');
      await page.getByRole('button', { name: 'Sessie starten' }).click();
      await page.waitForURL(/\/reflectie\/sessies\/[0-9a-f-]{36}$/);
      if (options.label) await check(page, 'open session with its code');
      return (await page.locator('.join-code').textContent())!.trim();
    };

    /** A participant in a browser of their own: the code on the front page, then the form. */
    const participate = async (code: string, index: number, label?: string) => {
      const context = await browser.newContext({ javaScriptEnabled: js });
      const p = await context.newPage();
      p.setDefaultTimeout(15_000);
      await p.goto(url('/reflectie'));
      if (label) await check(p, 'reflectie home (anonymous)');
      await p.getByLabel('Code').fill(code.toLowerCase());
      await p.getByRole('button', { name: 'Doe mee' }).click();
      await p.waitForURL(new RegExp(`/reflectie/doe-mee/${code}$`));
      if (label) await check(p, 'answer form');
      if (label) {
        await p.getByRole('button', { name: 'Antwoorden versturen' }).click();
        await p.locator('.error-summary').getByText('Beantwoord minstens één vraag.').waitFor();
        await check(p, 'answer form with an error');
      }
      const value = [2, 3, 4, 4, 5][index % 5]!;
      await p.check(`#field-noden-1-${value}`);
      await p.check(`#field-toegankelijkheid-1-${6 - value}`);
      await p.check(`#field-noden-3-${(index % 3) + 1}`);
      const marks = p.locator('.neighbourhood-exercise input[value="working_together"]');
      if ((await marks.count()) > 0) await marks.first().check();
      await p
        .getByLabel('Waarom wil jouw team (meer) samenwerken met welzijn?')
        .fill(`Antwoord van deelnemer ${index}`);
      await p.getByRole('button', { name: 'Antwoorden versturen' }).click();
      await p.getByRole('heading', { name: 'Bedankt!' }).waitFor();
      if (label) await check(p, 'answered (thanks)');
      return { context, page: p };
    };

    const close = async () => {
      await page.getByRole('button', { name: 'Sessie afsluiten en resultaten tonen' }).click();
      await page.getByRole('heading', { name: 'Resultaten', exact: true }).waitFor();
    };

    it('shows no results when only two people answered', async () => {
      const code = await startSession(`Klein team (${mode})`, { withSchool: false });
      for (const i of [0, 1]) await (await participate(code, i)).context.close();
      await page.reload();
      await close();
      await page.getByText(/Er zijn minstens drie antwoorden nodig om resultaten te tonen.*Nu: 2/).waitFor();
      assert.equal(await page.locator('svg.radar').count(), 0);
      assert.equal(await page.locator('table.spread-table').count(), 0);
      await check(page, 'closed session below the minimum');
    });

    let sessionUrl = '';
    let firstParticipant: Page;

    it('five participants answer; the facilitator sees the count, then the spread and the radar', async () => {
      const code = await startSession(`Zorgteam (${mode})`, { withSchool: true, label: 'first' });
      sessionUrl = page.url();
      const contexts: BrowserContext[] = [];
      for (const i of [0, 1, 2, 3, 4]) {
        const p = await participate(code, i, i === 0 ? 'first' : undefined);
        contexts.push(p.context);
        if (i === 0) firstParticipant = p.page;
      }
      // The same browser cannot answer again.
      await firstParticipant.goto(url(`/reflectie/doe-mee/${code}`));
      await firstParticipant.getByText('Je kan maar één keer antwoorden').waitFor();
      if (js) {
        // Live: the count changes on the open page without reloading it.
        await page.locator('[data-answered]').filter({ hasText: ': 5' }).waitFor({ timeout: 15_000 });
      } else {
        await page.getByRole('link', { name: 'Vernieuwen' }).click();
        await page.locator('[data-answered]').filter({ hasText: ': 5' }).waitFor();
      }
      await close();
      const row = page.locator('table.spread-table tr', { hasText: 'Ouders vertellen ons over zorgen' });
      assert.deepEqual(await row.locator('td').allTextContents(), ['0', '1', '1', '2', '1', '3,6', '']);
      assert.equal(await page.locator('svg.radar').count(), 1);
      await page.getByRole('table', { name: /Gemiddelde per dimensie/ }).waitFor();
      await page.getByText('Antwoord van deelnemer 3').waitFor();
      await page.getByRole('heading', { name: 'Volgende stappen' }).waitFor();
      await check(page, 'closed session with results');
      for (const c of contexts.slice(1)) await c.close();
    });

    it('records notes and an action point, shares the results, and prints the report', async () => {
      await page.getByLabel('Notities', { exact: true }).fill('We verschillen vooral over doorverwijzen.');
      await page.getByRole('button', { name: 'Notities bewaren' }).click();
      await page.getByText('De notities zijn bewaard.').waitFor();
      await page.getByLabel('Wat gaan we doen?').fill('Brugfiguur stelt zich voor op het oudercontact');
      await page.getByLabel('Wie trekt het?').fill('zorgcoördinator');
      await page.getByLabel('Tegen wanneer?').fill('31 maart');
      await page.getByRole('button', { name: 'Actiepunt toevoegen' }).click();
      await page.getByText('Schrijf de datum als jaar-maand-dag').first().waitFor();
      await check(page, 'action point with an error');
      await page.getByLabel('Tegen wanneer?').fill('2027-03-31');
      await page.getByRole('button', { name: 'Actiepunt toevoegen' }).click();
      await page.getByText('Het actiepunt is toegevoegd.').waitFor();

      const results = url(`${new URL(firstParticipant.url()).pathname}/resultaten`);
      assert.equal((await firstParticipant.goto(results))!.status(), 404);
      await page.getByRole('button', { name: 'Resultaten delen met de deelnemers' }).click();
      await page.getByText('De deelnemers kunnen de resultaten nu bekijken').waitFor();
      assert.equal((await firstParticipant.goto(results))!.status(), 200);
      await firstParticipant.locator('svg.radar').waitFor();
      await check(firstParticipant, 'shared results (participant)');
      await firstParticipant.context().close();

      await page.getByRole('link', { name: 'Verslag om af te drukken' }).click();
      await page.getByRole('heading', { name: /Verslag van de reflectie/ }).waitFor();
      await check(page, 'report');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.main-nav').isVisible(), false, 'no navigation on paper');
      assert.equal(await page.locator('svg.radar').isVisible(), true, 'the radar on paper');
      const pdf = await page.pdf({ format: 'A4' });
      assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
      assert.ok(pdf.length > 20_000, `a report of some pages (${pdf.length} bytes)`);
      await page.emulateMedia({ media: 'screen' });
    });

    it('repeats the session next school year and shows the change per dimension', async () => {
      await page.goto(sessionUrl);
      await page.getByRole('button', { name: 'Herhalen volgend schooljaar' }).click();
      await page.getByText('De sessie voor volgend schooljaar is klaar.').waitFor();
      const code = (await page.locator('.join-code').textContent())!.trim();
      for (const i of [3, 3, 4]) await (await participate(code, i)).context.close();
      await page.reload();
      await close();
      await page.getByRole('heading', { name: /Vergeleken met 2026-2027/ }).waitFor();
      const change = page.locator('tr', { hasText: 'Welke noden komen binnen' }).filter({ hasText: '+' });
      assert.match((await change.first().textContent())!, /3,6.*4,3.*\+0,7/);
      await check(page, 'repeated session compared with last year');
    });

    it('lets a curator read and change a question set', async () => {
      const curator = await browser.newContext({ javaScriptEnabled: js });
      const p = await curator.newPage();
      await signInThroughForm(p, server.baseUrl, server.f.users.curator.email);
      await p.waitForURL(/\/account$/);
      await p.goto(url('/reflectie'));
      await p.getByRole('link', { name: 'Reflectie voor een lokaal bestuur' }).click();
      await check(p, 'question set');
      await p.getByRole('link', { name: 'Vragen aanpassen' }).click();
      const text = p.getByLabel('De vragenset als tekst');
      await text.fill(`${await text.inputValue()}\nZomaar een regel\n`);
      await p.getByRole('button', { name: 'Nieuwe versie bewaren' }).click();
      await p
        .getByText(/begint niet met een bekend woord/)
        .first()
        .waitFor();
      await check(p, 'question set text with a mistake');
      await curator.close();
    });
  });
