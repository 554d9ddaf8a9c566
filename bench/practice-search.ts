// Practice search under concurrent load, on both engines, against a bare Fastify route measured in
// the same run, with 10,000 generated fiches. Usage:
//   npx tsx bench/practice-search.ts [--seconds 15] [--connections 50]
// Writes bench/results/practice-search.md.
import { parseArgs } from 'node:util';
import { generatePractices } from './practice-data.ts';
import { runSearchBenchmark } from './search-harness.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '15' }, connections: { type: 'string', default: '50' } },
});
const count = 10_000;

// The query mix: what someone looking for an approach types, with compounds, a typo and filters.
const queries = [
  '/api/v1/practices?q=ouderbetrokkenheid',
  '/api/v1/practices?q=ouderbetrokkenhied',
  '/api/v1/practices?q=hygiene',
  '/api/v1/practices?q=school',
  '/api/v1/practices?q=schoolkosten&need=FIN',
  '/api/v1/practices?q=huiswerk&sort=date',
  '/api/v1/practices?need=EDU&cooperationForm=mediation',
  '/api/v1/practices?municipality=44021&radiusKm=20',
  '/api/v1/practices?q=voorlezen&municipality=41002',
  '/api/v1/practices?q=brugfiguur%20ouders',
];

await runSearchBenchmark({
  title: 'Practice search under load',
  name: 'practice-search',
  data: `${count} published practice fiches (variations of the 30 demo fiches over the municipalities of Flanders and Brussels).`,
  queries,
  generate: (db) => generatePractices(db, count),
  notes: ['Target (issue 4): p95 ≤ 50 ms on server PostgreSQL for the query mix.'],
  connections: Number(values.connections),
  seconds: Number(values.seconds),
});
process.exit(0);
