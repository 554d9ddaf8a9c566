// `npm run bench`: every benchmark and drill of issue 9, one after the other (they share the two
// cores, so never together), then one report: bench/results/report.md, with each part's own report
// (bench/results/*.md) in it and whether it passed. Exits 1 when a part failed.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machineLine } from './measure.ts';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, 'bench', 'results');

interface Part {
  title: string;
  command: string[];
  /** Its own report, included whole. */
  report?: string;
}

const parts: Part[] = [
  { title: 'Start-up', command: ['bench/startup.ts', '5'], report: 'startup.md' },
  { title: 'Load at Flanders scale', command: ['bench/load.ts'], report: 'load.md' },
  { title: 'Crash drill', command: ['bench/crash-drill.ts'], report: 'crash-drill.md' },
  { title: 'Restore drill', command: ['bench/restore-drill.ts'], report: 'restore-drill.md' },
  // The property-based HTTP tests as CI runs them, on both engines.
  { title: 'Fuzzing', command: ['scripts/test.ts', '--only', 'integration', '--match', 'security/fuzz'] },
];

const sections: string[] = [];
let failed = 0;
for (const part of parts) {
  console.error(`\n== ${part.title}: tsx ${part.command.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), part.command, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const ok = run.status === 0;
  if (!ok) failed++;
  const body = part.report
    ? readFileSync(join(results, part.report), 'utf8').replace(/^# /, '### ')
    : run.stdout
        .split('\n')
        .filter((l) => /^fuzz:|passed, .* failed/.test(l.trim()))
        .map((l) => `    ${l.trim()}`)
        .join('\n');
  sections.push(`## ${part.title}: ${ok ? 'passed' : '**FAILED**'} (${minutes} min)`, '', body, '');
}

const report = [
  '# Brugwerk proven under load and faults (issue 9)',
  '',
  await machineLine(),
  '',
  'Made by `npm run bench` (bench/run-all.ts). Each part below also runs alone; its command is in its section.',
  '',
  ...sections,
].join('\n');
writeFileSync(join(results, 'report.md'), `${report}\n`);
console.log(report);
process.exit(failed ? 1 : 0);
