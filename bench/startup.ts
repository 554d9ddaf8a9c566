// Cold start of `npm start` to the first `/health` 200, on a fresh and on an existing data
// directory, and the resident memory after start. Baseline in the same run: a bare Node HTTP
// server started the same way (node process → first 200). Usage: npx tsx bench/startup.ts [rounds]
import { spawn } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { childProcesses, residentKiB } from '../scripts/processes.ts';
import { machineLine, median } from './measure.ts';
import { scratchDir } from '../scripts/scratch-dir.ts';

const root = new URL('..', import.meta.url).pathname;
const rounds = Number(process.argv[2] ?? 5);

/** Every descendant of a process (npm → sh → tsx → node). */
const descendantsOf = (pid: number): number[] =>
  childProcesses(pid).flatMap((child) => [child, ...descendantsOf(child)]);

async function timeToHealthy(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  path: string,
) {
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: 'ignore',
    detached: true,
  });
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 1000)); // settle before reading memory
  const tree = [child.pid!, ...descendantsOf(child.pid!)];
  const perProcess = tree.map(residentKiB);
  const server = Math.max(...perProcess);
  const total = perProcess.reduce((a, b) => a + b, 0);
  process.kill(-child.pid!, 'SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await new Promise((r) => setTimeout(r, 300));
  return { ms, serverRssMiB: server / 1024, treeRssMiB: total / 1024 };
}

const baselineScript = join(scratchDir('bw-base-'), 'server.mjs');
writeFileSync(
  baselineScript,
  "import http from 'node:http'; http.createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1');\n",
);

const results: Record<string, { ms: number[]; server: number[]; tree: number[] }> = {
  baseline: { ms: [], server: [], tree: [] },
  fresh: { ms: [], server: [], tree: [] },
  existing: { ms: [], server: [], tree: [] },
};
for (let i = 0; i < rounds; i++) {
  const port = 31000 + i;
  const b = await timeToHealthy(process.execPath, [baselineScript], { PORT: String(port) }, port, '/');
  const dataDir = scratchDir('bw-start-');
  const env = { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
  const fresh = await timeToHealthy('npm', ['start', '--silent'], env, port, '/health');
  const existing = await timeToHealthy('npm', ['start', '--silent'], env, port, '/health');
  for (const [k, r] of [
    ['baseline', b],
    ['fresh', fresh],
    ['existing', existing],
  ] as const) {
    results[k]!.ms.push(r.ms);
    results[k]!.server.push(r.serverRssMiB);
    results[k]!.tree.push(r.treeRssMiB);
  }
  console.error(
    `round ${i + 1}/${rounds}: baseline ${b.ms.toFixed(0)} ms, fresh ${fresh.ms.toFixed(0)} ms, existing ${existing.ms.toFixed(0)} ms`,
  );
}

const base = median(results.baseline!.ms);
const lines = [
  `# Start-up: npm start to first /health 200`,
  '',
  `${await machineLine()}; ${rounds} rounds`,
  '',
  '| case | median start (ms) | ratio to baseline | median RSS of server process (MiB) | median RSS of process tree (MiB) |',
  '|---|---|---|---|---|',
  ...Object.entries(results).map(
    ([k, r]) =>
      `| ${k} | ${median(r.ms).toFixed(0)} | ${(median(r.ms) / base).toFixed(1)}× | ${median(r.server).toFixed(0)} | ${median(r.tree).toFixed(0)} |`,
  ),
  '',
  'baseline: a bare node:http server (node process start to first 200). fresh: empty DATA_DIR (initdb, migrations, reference data, demo data). existing: the same DATA_DIR again.',
  'The process tree is npm → sh → tsx → node; the server process is the largest of them.',
];
const report = lines.join('\n');
console.log(report);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'startup.md'), `${report}\n`);
