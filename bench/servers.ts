// Benchmark servers in processes of their own (bench/serve.ts): the app on a database, or the bare
// Fastify baseline. One node process each (not through the tsx wrapper), so its pid is the server's.
import { type ChildProcess, spawn } from 'node:child_process';
import { residentKiB } from '../scripts/processes.ts';

const root = new URL('..', import.meta.url).pathname;

export interface Server {
  child: ChildProcess;
  /** Milliseconds from spawning the process to the server listening. */
  startMs: number;
}

export function startServer(env: NodeJS.ProcessEnv, port: number): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/serve.ts'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on(
      'data',
      (d: Buffer) =>
        d.toString().includes('ready') && resolve({ child, startMs: performance.now() - started }),
    );
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/** Resident memory of a server process now, in MiB. */
export const residentMiB = (server: Server) => residentKiB(server.child.pid!) / 1024;

/** Stops a server and waits until it has closed its database connections. */
export async function stop(server: Server) {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}
