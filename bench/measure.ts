// One load measurement with autocannon: latencies from every response (so percentiles are exact,
// not autocannon's histogram buckets), split by status, plus throughput and errors.
import autocannon from 'autocannon';

export interface LoadRequest {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  url: string;
  requests: LoadRequest[];
  connections: number;
  seconds: number;
  /** Open-loop load: requests per second over all connections (default: as fast as answered). */
  overallRate?: number;
  /** Statuses that count as answered well (default 2xx). */
  expected?: (status: number) => boolean;
}

export interface Measurement {
  p50: number;
  p95: number;
  p99: number;
  /** Answered requests per second (all statuses). */
  rps: number;
  requests: number;
  /** Connection errors, timeouts and unexpected statuses (503 counted apart). */
  errors: number;
  shed: number;
  /** Percentiles of the 503 answers and of the others, when there were 503s. */
  shedP95: number | null;
  servedP95: number | null;
  statuses: Record<number, number>;
}

export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export async function measure(o: LoadOptions): Promise<Measurement> {
  const all: number[] = [];
  const shedTimes: number[] = [];
  const servedTimes: number[] = [];
  const statuses: Record<number, number> = {};
  const expected = o.expected ?? ((s: number) => s >= 200 && s < 300);
  const result = await autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.seconds,
    timeout: 30,
    ...(o.overallRate ? { overallRate: o.overallRate } : {}),
    requests: o.requests.map((r) => ({
      method: r.method ?? 'GET',
      path: r.path,
      headers: r.headers ?? {},
      ...(r.body ? { body: r.body } : {}),
    })),
    setupClient: (client) => {
      client.on('response', (status: number, _bytes: number, ms: number) => {
        all.push(ms);
        statuses[status] = (statuses[status] ?? 0) + 1;
        (status === 503 ? shedTimes : servedTimes).push(ms);
      });
    },
  });
  for (const list of [all, shedTimes, servedTimes]) list.sort((a, b) => a - b);
  const unexpected = Object.entries(statuses)
    .filter(([s]) => Number(s) !== 503 && !expected(Number(s)))
    .reduce((n, [, c]) => n + c, 0);
  return {
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    rps: all.length / o.seconds,
    requests: all.length,
    errors: result.errors + unexpected, // autocannon counts timeouts among its errors
    shed: statuses[503] ?? 0,
    shedP95: shedTimes.length ? percentile(shedTimes, 95) : null,
    servedP95: shedTimes.length ? percentile(servedTimes, 95) : null,
    statuses,
  };
}

/** The machine the figures come from, for every report. */
export async function machineLine(): Promise<string> {
  const { cpus, totalmem } = await import('node:os');
  const { execSync } = await import('node:child_process');
  const commit = execSync('git rev-parse --short HEAD', { cwd: new URL('..', import.meta.url).pathname })
    .toString()
    .trim();
  return `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, commit ${commit}; ${new Date().toISOString()}`;
}
