import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type DemoAccount, loadDemoDataIfEmpty } from '../../../src/demo.ts';
import { Agent } from '../../helpers/agent.ts';
import { startTestApp, type TestContext } from '../../helpers/app.ts';
import { signInWithSecondFactor } from '../../helpers/cases.ts';

// The demo data shows a care coordinator's week: what `npm start` opens on.
describe('demo data: a care coordinator’s week in Toeleiding en casusoverleg', () => {
  let t: TestContext;
  let accounts: DemoAccount[];
  const signIn = async (email: string) => {
    const account = accounts.find((a) => a.email === email)!;
    const agent = new Agent(t.app);
    await signInWithSecondFactor(t, agent, email, account.secondFactorKey, account.password);
    return agent;
  };
  before(async () => {
    t = await startTestApp();
    accounts = (await loadDemoDataIfEmpty(t.deps))!;
  });
  after(() => t.close());

  it('the care coordinator sees her referrals, the check-back due, her consult and the round table she joined', async () => {
    const page = (await (await signIn('zorg@regenboog.demo.invalid')).get('/toeleiding')).body;
    const section = (title: string) =>
      page.slice(page.indexOf(title), page.indexOf('</section>', page.indexOf(title)));
    assert.match(section('Wacht op je opvolging'), /Gezin Zonnebloem \(demo\)/);
    assert.match(section('Mijn lopende doorverwijzingen'), /Gezin Madelief \(demo\)/);
    assert.match(section('Mijn lopende doorverwijzingen'), /Gezin Klaproos \(demo\)/);
    assert.match(section('Mijn consultvragen'), /Hoe krijgen|6-11|lager/i);
    assert.match(section('Rondetafels waaraan ik deelneem'), /12-17|secundair/i);
  });

  it('the CAW worker has a referral to answer and one waiting in the intake', async () => {
    const page = (await (await signIn('welzijn@noordoever.demo.invalid')).get('/toeleiding')).body;
    assert.match(page, /Gezin Zonnebloem \(demo\)/);
    assert.match(page, /Nieuwe doorverwijzingen voor jullie organisatie/);
    assert.doesNotMatch(page, /Korenbloem/, 'the intake shows no family');
  });
});
