import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Collaboration } from '../../../src/modules/collaboration/collaborations.service.ts';
import {
  drawNetwork,
  filterCollaborations,
  PICTURE_HEIGHT,
  PICTURE_WIDTH,
} from '../../../src/modules/collaboration/network-picture.ts';
import { Agent } from '../../helpers/agent.ts';
import { startTestApp, type TestContext } from '../../helpers/app.ts';

const partner = (id: string, name: string) => ({
  organisationId: id,
  name,
  municipalityNis: null,
  publicConsentAt: null,
});
const collaboration = (title: string, over: Partial<Collaboration>): Collaboration => ({
  id: title,
  title,
  description: '',
  forms: ['referral'],
  intensity: 'recurring',
  initiatorOrganisationId: null,
  needs: ['FIN'],
  level: 'case',
  municipalityNis: '44021',
  place: null,
  startsOn: '2026-09-01',
  endsOn: null,
  status: 'active',
  networkId: null,
  partners: [],
  isPublic: true,
  updatedAt: new Date(0),
  ...over,
});

const [a, b, c, d] = [
  partner('a', 'Basisschool De Linde'),
  partner('b', 'CAW Kanaalzone'),
  partner('c', 'CLB Gent'),
  partner('d', 'Sociaal Huis'),
];
const all = [
  collaboration('Zitdag', { partners: [a, b], forms: ['exchange', 'referral'] }),
  collaboration('Bemiddeling', { partners: [b, a], forms: ['mediation'], needs: ['HOUS'] }),
  collaboration('Vorming', {
    partners: [b, c, d],
    forms: ['professionalisation'],
    municipalityNis: '44083',
  }),
];
const none = { municipality: null, need: null, form: null };

describe('the network picture', () => {
  it('makes one edge per pair of partners, with the forms of all their collaborations', () => {
    const p = drawNetwork(all, none);
    assert.deepEqual(
      p.nodes.map((n) => [n.name, n.degree]),
      [
        ['Basisschool De Linde', 1],
        ['CAW Kanaalzone', 3],
        ['CLB Gent', 2],
        ['Sociaal Huis', 2],
      ],
    );
    assert.deepEqual(
      p.edges.map((e) => [e.source, e.target, e.forms, e.collaborations]),
      [
        ['a', 'b', ['referral', 'exchange', 'mediation'], ['Zitdag', 'Bemiddeling']],
        ['b', 'c', ['professionalisation'], ['Vorming']],
        ['b', 'd', ['professionalisation'], ['Vorming']],
        ['c', 'd', ['professionalisation'], ['Vorming']],
      ],
    );
  });

  it('lays out the same data the same way every time, inside the frame and without overlap', () => {
    const first = drawNetwork(all, none);
    assert.deepEqual(drawNetwork([...all].reverse(), none).nodes, first.nodes);
    for (const n of first.nodes) {
      assert.ok(n.x >= 0 && n.x <= PICTURE_WIDTH && n.y >= 0 && n.y <= PICTURE_HEIGHT, `${n.name} in frame`);
    }
    const spots = new Set(first.nodes.map((n) => `${n.x},${n.y}`));
    assert.equal(spots.size, first.nodes.length);
  });

  it('filters on form, need and municipality', () => {
    const byForm = { ...none, form: 'mediation' as const };
    const mediation = drawNetwork(filterCollaborations(all, byForm), byForm);
    assert.deepEqual(
      mediation.edges.map((e) => [e.source, e.target, e.forms]),
      [['a', 'b', ['mediation']]],
    );
    assert.deepEqual(
      filterCollaborations(all, { ...none, need: 'HOUS' }).map((x) => x.title),
      ['Bemiddeling'],
    );
    assert.deepEqual(
      filterCollaborations(all, { ...none, municipality: '44083' }).map((x) => x.title),
      ['Vorming'],
    );
  });
});

describe('the network picture page', () => {
  let t: TestContext;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('answers the public with an empty picture and refuses odd filters', async () => {
    const page = await new Agent(t.app).get('/samenwerking/netwerkbeeld?gemeente=&nood=FIN&vorm=referral');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Er zijn geen samenwerkingen die bij deze keuze passen/);
    assert.equal((await new Agent(t.app).get('/samenwerking/netwerkbeeld?vorm=alles')).statusCode, 400);
  });
});
