import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import * as accounts from '../src/modules/accounts/accounts.service.ts';
import { systemActor } from '../src/platform/deps.ts';
import { TEST_PASSWORD } from '../test/helpers/app.ts';
import {
  axeViolations,
  type E2EServer,
  launchChromium,
  signInThroughForm,
  startE2EServer,
} from './helpers.ts';

// Samenwerking in Chromium: a school admin registers a collaboration with a CAW, records an agreement,
// both admins accept, a second version is compared with the first; a network with a meeting whose open
// action lands on the next meeting's agenda, a pulse round, an open event with a waiting list and an
// attendance list; the network picture. Once without JavaScript, once with it and axe on every state.
for (const mode of ['without JavaScript', 'with JavaScript and axe'] as const)
  describe(`samenwerking in the browser, ${mode}`, () => {
    const js = mode !== 'without JavaScript';
    let server: E2EServer;
    let browser: Browser;
    const checked: string[] = [];
    const url = (path: string) => `${server.baseUrl}${path}`;
    const cawAdmin = 'caw-admin@test.invalid';
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
    /** Submits the form whose action ends in `action` and waits for the next page. */
    const submit = async (page: Page, action: string, button?: Locator) => {
      const target = button ?? page.locator(`form[action$="${action}"] button[type="submit"]`).first();
      await Promise.all([page.waitForNavigation(), target.click()]);
    };
    const flash = (page: Page, text: string) => page.locator('.flash').getByText(text).waitFor();

    before(async () => {
      server = await startE2EServer();
      const actor = systemActor('test');
      const user = await accounts.createUser(server.t.deps, actor, {
        email: cawAdmin,
        name: 'Test CAW-beheerder',
        password: TEST_PASSWORD,
      });
      await accounts.setMembership(server.t.deps, actor, {
        userId: user.id,
        organisationId: server.f.otherOrganisation.id,
        role: 'admin',
      });
      browser = await launchChromium();
    });
    after(async () => {
      if (js)
        console.log(
          `axe (collaboration): ${checked.length} page states checked, 0 violations: ${checked.join(', ')}`,
        );
      await browser?.close();
      await server?.t.close();
    });

    it('a collaboration gets an agreement, both admins accept it, and two versions are compared', async () => {
      const admin = await open(server.f.users.admin.email);
      await admin.goto(url('/samenwerking'));
      await check(admin, 'collaboration home, none yet');
      await admin.goto(url('/samenwerking/nieuw'));
      await check(admin, 'new collaboration form');
      await submit(admin, '/samenwerking/nieuw');
      await admin.locator('.error-summary').waitFor();
      await check(admin, 'new collaboration form with errors');
      await admin.locator('[name="title"]').fill('Zitdag CAW op school');
      await admin.locator('[name="partner-0"]').selectOption(server.f.otherOrganisation.id);
      await admin.locator('input[name="forms"][value="referral"]').check();
      await admin.locator('input[name="intensity"][value="structural"]').check();
      await admin.locator('input[name="level"][value="case"]').check();
      await admin.locator('input[name="needs"][value="FIN"]').check();
      await admin.locator('[name="startsOn"]').fill('2026-09-01');
      await admin.locator('input[name="status"][value="active"]').check();
      await submit(admin, '/samenwerking/nieuw');
      const collaboration = new URL(admin.url()).pathname;
      assert.match(collaboration, /^\/samenwerking\/[0-9a-f-]{36}$/);
      await check(admin, 'collaboration page');
      await admin.goto(url(`${collaboration}/wijzigen`));
      await check(admin, 'collaboration edit form');

      await admin.goto(url(`${collaboration}/afspraken/nieuw`));
      await check(admin, 'agreement form from the template');
      await submit(admin, '/afspraken/nieuw', admin.getByRole('button', { name: 'Afspraken bewaren' }));
      const first = new URL(admin.url()).pathname;
      await check(admin, 'agreement, version 1');
      await admin.locator('#field-confirm').check();
      await submit(admin, '/aanvaarden');
      await flash(admin, 'Je organisatie heeft de afspraken aanvaard');
      await check(admin, 'agreement accepted by one partner');

      await admin.goto(url(`${collaboration}/afspraken/nieuw?van=${first.split('/').pop()}`));
      await admin.locator('[name="tasks-0-text"]').fill('Het CAW houdt elke dinsdag zitdag op school.');
      await submit(admin, '/afspraken/nieuw', admin.getByRole('button', { name: 'Afspraken bewaren' }));
      const second = new URL(admin.url()).pathname;
      assert.notEqual(second, first);

      const caw = await open(cawAdmin);
      await caw.goto(url(second));
      await caw.locator('#field-confirm').check();
      await submit(caw, '/aanvaarden');
      await flash(caw, 'Je organisatie heeft de afspraken aanvaard');
      await check(caw, 'agreement accepted by both partners');

      await admin.goto(url(collaboration));
      await submit(admin, '', admin.getByRole('button', { name: 'Vergelijken' }));
      await admin.getByText('Het CAW houdt elke dinsdag zitdag op school.').first().waitFor();
      await check(admin, 'two agreement versions compared');

      await admin.goto(url('/samenwerking/netwerkbeeld'));
      await admin.locator('svg[role="img"] line').first().waitFor({ state: 'attached' });
      await check(admin, 'network picture with the own collaboration');
      const visitor = await open();
      await visitor.goto(url('/samenwerking/netwerkbeeld?vorm=referral'));
      await visitor.locator('.empty-state').waitFor();
      await check(visitor, 'network picture, public, empty');
      await visitor.goto(url('/samenwerking/rollen'));
      await check(visitor, 'coordinators per region, public');
    });

    it('a network meets, carries an open action to the next agenda, takes its pulse and holds an open event', async () => {
      const admin = await open(server.f.users.admin.email);
      await admin.goto(url('/netwerken'));
      await check(admin, 'network list, none yet');
      await admin.goto(url('/netwerken/nieuw'));
      await check(admin, 'new network form');
      await admin.locator('[name="name"]').fill('Netwerk kinderarmoede Testgemeente');
      await admin.locator('[name="kind"]').selectOption('child_poverty');
      await admin.locator('[name="purpose"]').fill('Samen drempels wegwerken.');
      await admin.locator('input[name="public"][value="yes"]').check();
      await submit(admin, '/netwerken/nieuw');
      const network = new URL(admin.url()).pathname;
      await check(admin, 'network page, coordinator');
      await admin.goto(url(`${network}/wijzigen`));
      await check(admin, 'network edit form');
      await submit(admin, '/wijzigen');
      await admin
        .locator('form[action$="/leden"] [name="organisation"]')
        .selectOption(server.f.otherOrganisation.id);
      await submit(admin, '/leden');
      await flash(admin, 'Het lid is toegevoegd.');
      await check(admin, 'network page with a member added');

      const plan = async (title: string, day: string) => {
        await admin.goto(url(`${network}/vergaderingen/nieuw`));
        await admin.locator('[name="title"]').fill(title);
        await admin.locator('[name="day"]').fill(day);
        await admin.locator('[name="startsAt"]').fill('19:30');
        await admin.locator('[name="endsAt"]').fill('21:00');
        await admin.locator('[name="location"]').fill('Buurthuis');
        await submit(admin, '/vergaderingen/nieuw');
        return new URL(admin.url()).pathname;
      };
      await admin.goto(url(`${network}/vergaderingen/nieuw`));
      await check(admin, 'new meeting form');
      await plan('Eerste overleg', '2026-12-03');
      await check(admin, 'meeting page, planned');
      await admin.locator('form[action$="/acties"] [name="description"]').fill('Folder vertalen');
      await admin.locator('form[action$="/acties"] [name="owner"]').fill('Ander CAW');
      await submit(admin, '/acties');
      await admin.locator('form[action$="/verslag"] [name="minutes"]').fill('We spraken over schoolkosten.');
      await admin.locator('#field-held').check();
      await submit(admin, '/verslag');
      await check(admin, 'meeting page, held with minutes');
      await plan('Tweede overleg', '2027-02-04');
      await admin.getByText('Folder vertalen').first().waitFor();
      await check(admin, 'next meeting with the carried-over action');
      await admin.goto(url(`${new URL(admin.url()).pathname}/wijzigen`));
      await check(admin, 'meeting edit form');

      await admin.goto(url(`${network}/puls`));
      await check(admin, 'pulse, no rounds yet');
      await admin.locator('[name="title"]').fill('Puls najaar');
      await submit(admin, '/puls');
      await check(admin, 'pulse round, open');
      await admin.locator(`[name="trust_${server.f.otherOrganisation.id}"]`).selectOption('4');
      await submit(admin, '/antwoord');
      await admin.locator('.error-summary').waitFor();
      await check(admin, 'pulse answer with errors');
      await admin.locator(`[name="value_${server.f.otherOrganisation.id}"]`).selectOption('3');
      await submit(admin, '/antwoord');
      await flash(admin, 'Je antwoord is bewaard');
      await admin.locator('dd').getByText('100%').waitFor();
      await check(admin, 'pulse round with one answer');

      await admin.goto(url(`${network}/evenementen/nieuw`));
      await check(admin, 'new event form');
      await admin.locator('[name="title"]').fill('Ontmoetingsdag');
      await admin.locator('[name="day"]').fill('2027-03-13');
      await submit(admin, '/evenementen/nieuw');
      const event = new URL(admin.url()).pathname;
      await check(admin, 'event draft, organiser');
      await admin.locator('form[action$="/workshops"] [name="title"]').fill('Schoolkosten');
      await admin.locator('form[action$="/workshops"] [name="capacity"]').fill('1');
      await submit(admin, '/workshops');
      await submit(admin, '/publiceren');
      await flash(admin, 'Het evenement is gepubliceerd');

      const register = async (name: string) => {
        const visitor = await open();
        await visitor.goto(url(event));
        await visitor.locator('[name="name"]').fill(name);
        await visitor.locator('[name="email"]').fill(`${name.toLowerCase()}@test.invalid`);
        await visitor.locator('input[name="workshops"]').first().check();
        await submit(visitor, '/inschrijven');
        return visitor;
      };
      const visitor = await open();
      await visitor.goto(url(event));
      await check(visitor, 'event page, public, open');
      await submit(visitor, '/inschrijven');
      await visitor.locator('.error-summary').waitFor();
      await check(visitor, 'registration with errors');
      const anna = await register('Anna');
      await anna.getByText('je hebt een plaats').waitFor();
      await check(anna, 'own registration, seat');
      const bert = await register('Bert');
      await bert.getByText('je staat op de wachtlijst').waitFor();
      await check(bert, 'own registration, waiting list');
      await anna.locator('#field-confirm').check();
      await submit(anna, '/annuleren');
      await flash(anna, 'Je inschrijving is geannuleerd');
      await check(anna, 'own registration, cancelled');
      await bert.reload();
      await bert.getByText('je hebt een plaats').waitFor();

      await admin.goto(url(`${event}/aanwezigheden`));
      await admin.locator('input[name="present"]').first().check();
      await submit(admin, '', admin.locator('form[action*="/aanwezigheden/"] button[type="submit"]').first());
      await flash(admin, 'De aanwezigheden zijn bewaard');
      assert.equal(await admin.locator('input[name="present"]').first().isChecked(), true);
      await check(admin, 'attendance list, ticked');

      await visitor.goto(url(network));
      await visitor.getByText('Ontmoetingsdag').first().waitFor();
      await check(visitor, 'network page, public');
      await visitor.goto(url('/netwerken'));
      await check(visitor, 'network list, public');
      await admin.goto(url('/netwerken/kalender'));
      await check(admin, 'personal calendar page');
    });
  });
