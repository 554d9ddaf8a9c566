import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  type E2EServer,
  launchChromium,
  signInThroughForm,
  startE2EServer,
} from './helpers.ts';

// Regio's in Chromium: a curator makes a region of municipalities and imports an indicator (first a
// file with a bad row, then a good one); the public sees the regions. Once without JavaScript, once
// with it and axe on every page state.
for (const mode of ['without JavaScript', 'with JavaScript and axe'] as const)
  describe(`regio's in the browser, ${mode}`, () => {
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
    const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

    before(async () => {
      server = await startE2EServer();
      browser = await launchChromium();
    });
    after(async () => {
      if (js)
        console.log(
          `axe (regions): ${checked.length} page states checked, 0 violations: ${checked.join(', ')}`,
        );
      await browser?.close();
      await server?.t.close();
    });

    it('a curator makes a region and imports an indicator; the public sees them', async () => {
      const page = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
      page.setDefaultTimeout(15_000);
      await signInThroughForm(page, server.baseUrl, server.f.users.curator.email);
      await page.waitForURL((u) => !u.pathname.startsWith('/aanmelden'));
      await page.goto(url('/regios'));
      await check(page, 'regions, empty');
      await page.getByRole('link', { name: 'Nieuwe regio' }).click();
      await check(page, 'new region form');
      await page.getByLabel('Naam', { exact: true }).fill('Lerend netwerk Kanaalzone');
      await button(page, 'Opslaan').click();
      await page.locator('.error-summary').waitFor();
      await check(page, 'new region form with errors');
      await page.locator('input[name="kind"][value="learning_network"]').check();
      await page.locator('summary', { hasText: 'Oost-Vlaanderen' }).click();
      await page.getByLabel('Gent', { exact: true }).check();
      await page.getByLabel('Nazareth-De Pinte', { exact: true }).check();
      await button(page, 'Opslaan').click();
      await page.getByRole('heading', { name: 'Lerend netwerk Kanaalzone' }).waitFor();
      await page.getByText('(44086)').waitFor();
      await check(page, 'region page');
      await page.getByRole('link', { name: 'Regio wijzigen' }).click();
      await check(page, 'edit region form');

      await page.goto(url('/regios/indicatoren'));
      await check(page, 'indicator import form');
      await page.getByLabel('Code van de indicator').fill('kansarmoede-index');
      await page.getByLabel('Naam van de indicator').fill('Kansarmoede-index');
      await page.getByLabel('Eenheid').fill('%');
      await page.getByLabel('Bron').fill('Kind en Gezin (demo-extract)');
      await page.locator('input[name="needs"][value="POV"]').check();
      await page.getByLabel('Inhoud van het CSV-bestand').fill('nis;waarde\n44021;21,4\n99999;3\n');
      await button(page, 'Inlezen').click();
      await page.getByText('Regel 3: NIS-code 99999 kennen we niet').waitFor();
      await check(page, 'indicator import refused, with the rows');
      const good = 'nis;waarde\n44021;21,4\n44086;12\n';
      if (js) {
        // With JavaScript the curator picks the file; it is read into the field.
        await page.getByLabel('Kies een CSV-bestand').setInputFiles({
          name: 'kansarmoede.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(good),
        });
        await page.getByText('kansarmoede.csv gelezen: 3 regels.').waitFor();
        assert.equal(await page.getByLabel('Inhoud van het CSV-bestand').inputValue(), good);
        await check(page, 'indicator import, file read into the field');
      } else {
        assert.equal(await page.getByLabel('Kies een CSV-bestand').isVisible(), false);
        await page.getByLabel('Inhoud van het CSV-bestand').fill(good);
      }
      await button(page, 'Inlezen').click();
      await page.locator('.flash').getByText('De indicator is ingelezen.').waitFor();
      await check(page, 'regions with a group and an indicator');

      const visitor = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
      await visitor.goto(url('/regios'));
      await visitor.getByRole('link', { name: 'Lerend netwerk Kanaalzone' }).waitFor();
      assert.equal(await visitor.getByRole('link', { name: 'Nieuwe regio' }).count(), 0);
      await visitor.getByRole('link', { name: 'Lerend netwerk Kanaalzone' }).click();
      // The picture: findings, heat table, supply, demand and the map of the first indicator.
      await visitor.getByRole('heading', { name: 'Kloven en sterktes' }).waitFor();
      await visitor.getByRole('table', { name: /Nood en aanbod per behoefte/ }).waitFor();
      await visitor.getByRole('img', { name: /gekleurd volgens Kansarmoede-index/ }).waitFor();
      const indicatorTable = visitor.getByRole('table', { name: 'Kansarmoede-index per gemeente' });
      assert.match(await indicatorTable.innerText(), /Gent\s+21,4/);
      await check(visitor, 'region picture, indicator map');
      await visitor.getByLabel('Wat toont de kaart?').selectOption('aanbod:FIN:12plus');
      await button(visitor, 'Toon op de kaart').click();
      await visitor
        .getByRole('table', { name: 'Geld en materiële hulp · Jongeren van 12 en ouder per gemeente' })
        .waitFor();
      await check(visitor, 'region picture, supply map');
      // The region report on paper: the map chooser and the buttons stay off the page.
      await visitor.emulateMedia({ media: 'print' });
      assert.equal(await visitor.locator('.map-chooser').isVisible(), false);
      assert.equal(
        await visitor.getByRole('table', { name: /Nood en aanbod per behoefte/ }).isVisible(),
        true,
      );
      if (js) assert.ok((await visitor.pdf()).length > 10_000);
      await visitor.emulateMedia({ media: 'screen' });
      const csv = await visitor.request.get(url('/api/v1/regions/lerend-netwerk-kanaalzone/figures.csv'));
      assert.match(await csv.text(), /^onderdeel,behoefte,leeftijd,code,maat,waarde/);

      await visitor.goto(url('/regios'));
      await visitor.getByRole('link', { name: 'Oost-Vlaanderen' }).click();
      await visitor.getByText('(44086)').waitFor();
      await check(visitor, 'province page, public');
    });
  });
