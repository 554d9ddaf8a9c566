import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadDemoDataIfEmpty } from '../../../src/demo.ts';
import { followUpsOf } from '../../../src/modules/collaboration/networks.service.ts';
import { Agent } from '../../helpers/agent.ts';
import { startTestApp, type TestContext } from '../../helpers/app.ts';

// The collaboration demo after `npm start`: public collaborations in the picture, a public network with
// a carried-over action, an open event with a waiting list and two pulse rounds to compare.
describe('demo data: collaborations, two networks, an event and a pulse', () => {
  let t: TestContext;
  before(async () => {
    t = await startTestApp();
    await loadDemoDataIfEmpty(t.deps);
  });
  after(() => t.close());

  it('shows the public part to everyone and keeps the rest to those taking part', async () => {
    const visitor = new Agent(t.app);
    const picture = await visitor.get('/samenwerking/netwerkbeeld');
    assert.match(picture.body, /3 organisaties, 3 verbindingen/, 'the two public collaborations');
    assert.doesNotMatch(picture.body, /Vorming armoedebewust werken/, 'the private one stays private');
    const networks = await visitor.get('/netwerken');
    assert.match(networks.body, /Lokaal netwerk kinderarmoede Kanaalzone \(demo\)/);
    assert.doesNotMatch(networks.body, /Lerend netwerk brede school Noordoever/, 'members only');
    const network = await visitor.get('/netwerken/lokaal-netwerk-kinderarmoede-kanaalzone-demo');
    assert.match(network.body, /Netwerkoverleg winter \(demo\)/);
    assert.match(network.body, /Ontmoetingsdag gelijke kansen \(demo\)/);
    const event = await visitor.get('/evenementen/ontmoetingsdag-gelijke-kansen-demo');
    assert.match(event.body, /Volzet \(1 op de wachtlijst\)/);
  });

  it('carries the open action to the next meeting and compares two pulse rounds', async () => {
    const rows = await t.deps.db
      .selectFrom('network_meetings')
      .select(['id', 'title', 'status'])
      .orderBy('starts_at')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.title, r.status]),
      [
        ['Netwerkoverleg najaar (demo)', 'held'],
        ['Intervisie: de eerste vraag van een ouder (demo)', 'planned'],
        ['Netwerkoverleg winter (demo)', 'planned'],
      ],
    );
    const winter = await t.deps.db
      .selectFrom('network_meetings')
      .selectAll()
      .where('title', '=', 'Netwerkoverleg winter (demo)')
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      (await followUpsOf(t.deps, winter)).map((a) => a.description),
      ['Folder over de zitdag vertalen naar het Arabisch en het Roemeens'],
      'the open action, not the finished one',
    );
    const rounds = await t.deps.db.selectFrom('pulse_rounds').select('id').execute();
    const ratings = await t.deps.db.selectFrom('pulse_ratings').select('trust').execute();
    assert.deepEqual([rounds.length, ratings.length], [2, 9]);
    const agreements = await t.deps.db
      .selectFrom('agreement_acceptances')
      .select('organisation_id')
      .execute();
    assert.equal(agreements.length, 2, 'both partners accepted the agreement');
  });
});
