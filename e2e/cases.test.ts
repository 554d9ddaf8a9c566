import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { remindCheckBacks } from '../src/modules/cases/referrals.service.ts';
import { days } from '../src/platform/clock.ts';
import { type CaseCast, type CaseWorker, castForCases, castReferral } from '../test/helpers/cases.ts';
import { axeViolations, type E2EServer, launchChromium, signInWithCode, startE2EServer } from './helpers.ts';

// Toeleiding en casusoverleg in Chromium, each journey through the pages as its people use them:
// the school records a referral with consent, the CAW routes and answers it with statuses, the
// school is reminded to check back and records the outcome; a consult goes to the region's
// coordinator, who holds a round table, finds no offer and so passes an anonymous signal on; a
// family answers through its link, and asks (through the platform admin) to see its data. Once
// without JavaScript, once with it and axe on every page state.
for (const mode of ['without JavaScript', 'with JavaScript and axe'] as const)
  describe(`toeleiding en casusoverleg in the browser, ${mode}`, () => {
    const js = mode !== 'without JavaScript';
    let server: E2EServer;
    let cast: CaseCast;
    let browser: Browser;
    const checked: string[] = [];
    const url = (path: string) => `${server.baseUrl}${path}`;
    const check = async (page: Page, label: string) => {
      if (!js) return;
      checked.push(label);
      assert.deepEqual(await axeViolations(page), [], `${label} (${page.url()})`);
    };
    /** A browser of one's own, signed in with the second factor. */
    const open = async (person: CaseWorker) => {
      const page = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
      page.setDefaultTimeout(15_000);
      await signInWithCode(page, server, person);
      return page;
    };
    const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
    const flash = (page: Page, text: string) => page.locator('.flash').getByText(text).waitFor();

    before(async () => {
      server = await startE2EServer();
      cast = await castForCases(server.t, server.f);
      browser = await launchChromium();
    });
    after(async () => {
      if (js)
        console.log(
          `axe (cases): ${checked.length} page states checked, 0 violations: ${checked.join(', ')}`,
        );
      await browser?.close();
      await server?.t.close();
    });

    it('referral: recorded with consent → statuses from the receiver → check-back reminder → outcome', async () => {
      const { people } = cast;
      let school = await open(people.creator);
      await school.goto(url('/toeleiding'));
      await check(school, 'day page, nothing yet');
      await school.getByRole('link', { name: 'Nieuwe doorverwijzing' }).click();
      await check(school, 'choose a service');
      const word = cast.serviceName.split(/\s+/).find((w) => w.length > 4)!;
      await school.getByLabel('Naar welke dienst verwijs je door?').fill(word);
      await button(school, 'Zoeken').click();
      await check(school, 'service search results');
      await school.locator(`a[href="/toeleiding/nieuw?dienst=${cast.serviceId}"]`).click();
      await check(school, 'new referral form');
      await button(school, 'Doorverwijzing bewaren').click();
      await school.locator('.error-summary').waitFor();
      await check(school, 'new referral form with errors');
      await school.locator('input[name="pseudonym"]').fill('Gezin Zonnebloem');
      await school.locator('input[name="needs"][value="FIN"]').check();
      await school.locator('input[name="intensity"][value="3"]').check();
      await school.locator('input[name="parentName"]').fill('Mama Zonnebloem');
      await school.locator('input[name="phone"]').fill('0470 12 34 56');
      await school.locator('input[name="consentGivenBy"][value="parent"]').check();
      await school.locator('input[name="consentInformation"][value="needs"]').check();
      await school.locator('input[name="consentInformation"][value="contact"]').check();
      await school.locator('input[name="consentPurpose"][value="intake"]').check();
      await school.locator('input[name="consentFeedbackText"]').check();
      await school.locator('input[name="consentMethod"][value="conversation"]').check();
      await school.locator('input[name="checkBackDays"]').fill('10');
      await button(school, 'Doorverwijzing bewaren').click();
      await school.getByRole('heading', { name: 'De doorverwijzing is bewaard' }).waitFor();
      await check(school, 'referral saved, with the family reference');
      await school.getByRole('link', { name: 'Naar de doorverwijzing' }).click();
      await school.waitForURL(/\/toeleiding\/[0-9a-f-]{36}$/);
      const casePath = new URL(school.url()).pathname;
      assert.equal(await school.getByText('Mama Zonnebloem').count(), 0, 'no name before the reveal');
      await check(school, 'referral, referrer side');
      await button(school, 'Naam en contactgegevens tonen').click();
      await school.getByText('Mama Zonnebloem').waitFor();
      await check(school, 'referral with identity shown');

      // The CAW's admin routes it to a colleague, who answers with statuses only.
      const admin = await open(people.receivingAdmin);
      await admin.goto(url('/toeleiding'));
      await admin.getByText(`Doorverwijzing naar ${cast.serviceName}`).waitFor();
      assert.equal(await admin.getByText('Zonnebloem').count(), 0, 'the intake shows no family');
      await check(admin, 'day page with intake');
      await admin.locator(`select[name="handler"]`).selectOption(people.handler.email);
      await button(admin, 'Toewijzen').click();
      await flash(admin, 'De doorverwijzing is toegewezen.');

      const handler = await open(people.handler);
      await handler.goto(url('/toeleiding'));
      await check(handler, 'day page, receiving side');
      await handler.getByRole('link', { name: /Gezin Zonnebloem/ }).click();
      await check(handler, 'referral, receiving side');
      await handler.locator('input[name="status"][value="waiting_list"]').check();
      await button(handler, 'Status doorgeven').click();
      await handler.locator('.error-summary').waitFor();
      await check(handler, 'status form with an error');
      await handler.locator('input[name="waitWeeks"]').fill('6');
      await button(handler, 'Status doorgeven').click();
      await flash(handler, 'De status is doorgegeven.');
      await check(handler, 'status given');
      await school.goto(url(casePath));
      await school.getByText('Op de wachtlijst · ongeveer 6 weken').first().waitFor();

      // Ten days on, the school gets a reminder without names and checks back.
      server.t.clock.advance(days(11));
      assert.ok((await remindCheckBacks(server.t.deps)) >= 1);
      const mail = await server.t.deps.db
        .selectFrom('mail_outbox')
        .select('body_text')
        .where('to_address', '=', people.creator.email)
        .where('purpose', '=', 'case.check_back')
        .executeTakeFirstOrThrow();
      assert.doesNotMatch(mail.body_text, /Zonnebloem/);
      school = await open(people.creator);
      await school.goto(url('/toeleiding'));
      await school.getByRole('heading', { name: 'Wacht op je opvolging' }).waitFor();
      await check(school, 'day page, check-back due');
      await school.goto(url(casePath));
      await school.locator('input[name="outcome"][value="helped"]').check();
      await school.locator('textarea[name="note"]').fill('Mama is tevreden over het eerste gesprek.');
      await school.locator('input[name="close"]').check();
      await button(school, 'Opvolging bewaren').click();
      await flash(school, 'De opvolging is bewaard.');
      await check(school, 'closed referral');
      await school.getByRole('link', { name: 'Logboek van dit dossier' }).click();
      await school.getByRole('heading', { name: 'Logboek van het dossier' }).waitFor();
      await check(school, 'audit trail');

      // The case prints without the navigation.
      await school.goto(url(casePath));
      await school.emulateMedia({ media: 'print' });
      assert.equal(await school.locator('header nav').first().isVisible(), false);
      assert.ok(await school.getByText('Het gezin kreeg hulp').first().isVisible());
      assert.ok((await school.pdf()).length > 10_000);
    });

    it('consultation: anonymous consult → advice → round table → no offer → anonymous signal', async () => {
      const { people } = cast;
      const requester = await open(people.creator);
      await requester.goto(url('/casusoverleg'));
      await check(requester, 'consultations page');
      await requester.getByRole('link', { name: 'Nieuwe consultvraag' }).first().click();
      await check(requester, 'new consultation form');
      await button(requester, 'Consultvraag versturen').click();
      await requester.locator('.error-summary').waitFor();
      await check(requester, 'new consultation form with errors');
      await requester.locator('select[name="region"]').selectOption(cast.region);
      await requester.locator('input[name="ageBand"][value="12-17"]').check();
      await requester.locator('input[name="schoolLevel"][value="secundair"]').check();
      await requester.locator('input[name="needs"][value="EDU"]').check();
      await requester.locator('textarea[name="tried"]').fill('Gesprekken met het CLB en een time-out.');
      await requester.locator('textarea[name="question"]').fill('Wat brengt deze jongere terug naar school?');
      await button(requester, 'Consultvraag versturen').click();
      await flash(requester, 'Je consultvraag is verstuurd naar de regionale coördinator.');
      const casePath = new URL(requester.url()).pathname;
      await check(requester, 'consultation, waiting for advice');

      const coordinator = await open(people.coordinator);
      await coordinator.goto(url('/casusoverleg'));
      await check(coordinator, 'consultations page, coordinator');
      await coordinator.goto(url(casePath));
      await coordinator.locator('textarea[name="advice"]').fill('Breng iedereen rond de tafel.');
      await button(coordinator, 'Advies bewaren').click();
      await flash(coordinator, 'Het advies is bewaard; de vraagsteller krijgt een bericht.');
      await check(coordinator, 'consultation with advice');
      await coordinator.locator('input[name="basis"][value="legal_ground"]').check();
      await coordinator.locator('input[name="meetingOn"]').fill('2026-12-15');
      await coordinator.locator('textarea[name="participants"]').fill('de jongere, moeder, CLB, consulent');
      await button(coordinator, 'Rondetafel bewaren').click();
      await coordinator.locator('.error-summary').waitFor();
      await check(coordinator, 'round table form with an error');
      await coordinator.locator('select[name="legalGround"]').selectOption('gedeeld_beroepsgeheim');
      await coordinator.locator('[name="identity"]').fill('Jongere Esra');
      await button(coordinator, 'Rondetafel bewaren').click();
      await flash(coordinator, 'De rondetafel is bewaard.');
      assert.equal(await coordinator.getByText('Jongere Esra').count(), 0, 'no name before the reveal');
      await check(coordinator, 'consultation with round table');
      await button(coordinator, 'Naam en contactgegevens tonen').click();
      await coordinator.getByText('Jongere Esra').waitFor();
      await check(coordinator, 'consultation with identity shown');
      await coordinator.goto(url(casePath));
      await coordinator.locator('input[name="description"]').fill('Trajectbegeleiding aanvragen');
      await coordinator.locator('input[name="owner"]').fill('CLB');
      await button(coordinator, 'Afspraak bewaren').click();
      await flash(coordinator, 'De afspraak is bewaard.');
      await button(coordinator, '"Trajectbegeleiding aanvragen" is gedaan').click();
      await flash(coordinator, 'De afspraak is aangepast.');
      await check(coordinator, 'consultation with an action done');
      await coordinator.locator('input[name="outcome"][value="none"]').check();
      await coordinator
        .locator('textarea[name="signal"]')
        .fill('Geen time-outplaats voor 12-plussers met schoolangst in de regio.');
      await button(coordinator, 'Uitkomst bewaren en afsluiten').click();
      await flash(coordinator, 'De uitkomst is bewaard en het dossier is afgesloten.');
      await check(coordinator, 'closed consultation, signal passed on');
      const signals = await server.t.deps.db.selectFrom('case_signal_queue').selectAll().execute();
      assert.ok(
        signals.some((s) => s.region_code === cast.region && s.description.includes('time-outplaats')),
        'the anonymous signal is queued',
      );
      await requester.goto(url('/casusoverleg'));
      await check(requester, 'consultations page, closed');
    });

    it('the family answers through its link and, through the platform admin, reads what is kept', async () => {
      const referral = await castReferral(server.t, cast, 'open', { consentByLink: true });
      const family = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
      await family.goto(url(`/toestemming/${referral.consentLink}`));
      await family.getByRole('heading', { name: 'Mogen we uw gegevens doorgeven?' }).waitFor();
      await check(family, 'family consent page');
      await button(family, 'Ja, dat mag').click();
      await family.getByRole('heading', { name: 'Bedankt' }).waitFor();
      await check(family, 'family thanks page');
      await family.goto(url(`/toestemming/${referral.consentLink}`));
      await family.getByRole('heading', { name: 'Deze link werkt niet meer' }).waitFor();
      await check(family, 'family link used');

      const admin = await open(cast.people.platformAdmin);
      await admin.goto(url('/beheer/verzoeken-gezinnen'));
      await check(admin, 'family requests');
      await admin.locator('input[name="reference"]').fill(referral.reference);
      await admin.locator('input[name="request"][value="view"]').check();
      await button(admin, 'Verzoek uitvoeren').click();
      await admin.locator('.error-summary').waitFor();
      await check(admin, 'family requests with an error');
      await admin.locator('input[name="confirm"]').check();
      await button(admin, 'Verzoek uitvoeren').click();
      const link = (await admin.locator('code, .one-time-link').first().textContent())!.trim();
      await check(admin, 'family request served, link shown');
      await family.goto(link.replace(/^https?:\/\/[^/]+/, server.baseUrl));
      await family.getByRole('heading', { name: 'Wat we over u bewaren' }).waitFor();
      await family.getByText('Gezin Matrix').first().waitFor();
      await check(family, 'what is kept about the family');
    });
  });
