// Directory search under concurrent load, on both engines, against a bare Fastify route measured in
// the same run. Usage: npx tsx bench/directory-search.ts [--seconds 15] [--connections 50]
// Writes bench/results/directory-search.md.
import { parseArgs } from 'node:util';
import { generateDirectory } from './directory-data.ts';
import { runSearchBenchmark } from './search-harness.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '15' }, connections: { type: 'string', default: '50' } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const size = { organisations: 2000, schools: 3500, services: 20000 };

// The query mix: what a zorgcoördinator types, with filters and distance.
const queries = [
  '/api/v1/services?q=schoolkosten',
  '/api/v1/services?q=huiswerk',
  '/api/v1/services?q=huiswerkbgeleiding',
  '/api/v1/services?q=opvoeding&ageBand=3-5',
  '/api/v1/services?q=tandarts',
  '/api/v1/services?q=kleuterschool%20inschrijven',
  '/api/v1/services?need=FIN&free=true',
  '/api/v1/services?municipality=44021&radiusKm=5',
  '/api/v1/services?q=taal&municipality=11002&radiusKm=10',
  '/api/v1/services?q=school',
];

await runSearchBenchmark({
  title: 'Directory search under load',
  name: 'directory-search',
  data: `${size.organisations} organisations, ${size.schools} schools, ${size.services} services.`,
  queries,
  generate: (db) => generateDirectory(db, size),
  notes: ['Target (issue 3): p95 ≤ 50 ms on server PostgreSQL for the query mix.'],
  connections,
  seconds,
});
process.exit(0);
