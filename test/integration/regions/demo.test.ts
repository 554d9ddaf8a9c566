import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadDemoDataIfEmpty } from '../../../src/demo.ts';
import { Agent } from '../../helpers/agent.ts';
import { startTestApp, type TestContext } from '../../helpers/app.ts';

// The demo region after `npm start`: the learning network's picture has indicators to compare and
// the demo services to count, and says its figures are invented.
describe('demo data: the learning network Kanaalzone and its picture', () => {
  let t: TestContext;
  before(async () => {
    t = await startTestApp();
    await loadDemoDataIfEmpty(t.deps);
  });
  after(() => t.close());

  it('shows the demo region with invented indicators, assessed cells and its map', async () => {
    const visitor = new Agent(t.app);
    const list = await visitor.get('/regios');
    assert.match(list.body, /Lerend netwerk Kanaalzone \(demo\)/);
    const page = await visitor.get('/regios/lerend-netwerk-kanaalzone-demo');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Kansarmoede-index bij geboorte \(demo\)/);
    assert.match(page.body, /verzonnen cijfers voor de demo/);
    assert.match(page.body, /<svg[^>]*role="img"/);
    const figures = JSON.parse(
      (await visitor.get('/api/v1/regions/lerend-netwerk-kanaalzone-demo/figures')).body,
    ) as {
      cells: { verdict: string; services: number }[];
      indicators: { covered: number }[];
    };
    assert.equal(figures.indicators.length, 3);
    assert.ok(figures.indicators.every((i) => i.covered === 5));
    assert.ok(figures.cells.some((c) => c.verdict !== 'unknown'));
    assert.ok(figures.cells.some((c) => c.services > 0));
  });
});
