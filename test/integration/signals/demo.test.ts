import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type DemoAccount, loadDemoDataIfEmpty } from '../../../src/demo.ts';
import { Agent } from '../../helpers/agent.ts';
import { startTestApp, type TestContext } from '../../helpers/app.ts';
import { signInWithSecondFactor } from '../../helpers/cases.ts';

// The demo signals: what the regisseur, the senders and the public see after `npm start`.
describe('demo data: signals handled by the regisseur', () => {
  let t: TestContext;
  let accounts: DemoAccount[];
  const signIn = async (email: string) => {
    const account = accounts.find((a) => a.email === email)!;
    const agent = new Agent(t.app);
    if (account.secondFactorKey)
      await signInWithSecondFactor(t, agent, email, account.secondFactorKey, account.password);
    else assert.equal((await agent.signIn(email, account.password)).statusCode, 303);
    return agent;
  };
  before(async () => {
    t = await startTestApp();
    accounts = (await loadDemoDataIfEmpty(t.deps))!;
  });
  after(() => t.close());

  it('the regisseur sees a new signal, the bundle with its recommendation and the one being handled', async () => {
    const desk = (await (await signIn('regie@kanaalzone.demo.invalid')).get('/signalen/behandelen')).body;
    assert.match(desk, /Wachttijd voor budgetbegeleiding loopt op tot vier maanden \(demo\)/);
    assert.match(desk, /Schoolkosten die gezinnen niet kunnen dragen \(demo\)/);
    assert.match(desk, /Aanbeveling verstuurd/);
    assert.match(desk, /Kinderen zonder ontbijt \(demo\)/);
    assert.doesNotMatch(desk, /kinderopvang/, 'the Limburg signal is not hers');
  });

  it('the senders see where their signals stand', async () => {
    const lies = (await (await signIn('zorg@regenboog.demo.invalid')).get('/signalen/mijn')).body;
    assert.match(lies, /Aanbeveling verstuurd/);
    assert.match(lies, /De aanbeveling ligt bij de schepen/);
    const nadia = (await (await signIn('onthaal@zonnewijzer.demo.invalid')).get('/signalen/mijn')).body;
    assert.match(nadia, /Nieuw/);
  });

  it('the public report of East Flanders shows the recommendation, without senders', async () => {
    const year = new Date(t.clock.now().getTime() - 12 * 86_400_000).getUTCFullYear();
    const report = (await new Agent(t.app).get(`/signalen/rapport?regio=40000&jaar=${year}`)).body;
    assert.match(report, /Schoolkosten die gezinnen niet kunnen dragen \(demo\)/);
    assert.doesNotMatch(report, /Lies Vermeulen|Joke Peeters/);
  });
});
