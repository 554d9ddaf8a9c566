// One load measurement: latencies from every response (so percentiles are exact, not histogram
// buckets), split by status, plus throughput and errors. Closed loop ("as fast as answered") with
// autocannon; open loop at a steady rate with an undici pool (see pacedLoad).
import { execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import autocannon from 'autocannon';
import { Pool } from 'undici';

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
  /** Open-loop load at this steady rate over all connections (default: as fast as answered). */
  overallRate?: number;
  /** Statuses that count as answered well (default 2xx). */
  expected?: (status: number) => boolean;
  /**
   * Open loop only: first open every connection with one request to this path, before the clock
   * starts. Node accepts one new connection per turn of its event loop, so connections opened in
   * the middle of a load measure how fast a busy process accepts, not how it answers.
   */
  openWith?: string;
  /** Open loop only: the load runs this much longer first; those answers are not counted. */
  rampSeconds?: number;
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
  /** For the median of several rounds (medianRound): the value it was chosen by, round by round. */
  rounds?: number[];
}

export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

type Answered = (status: number, ms: number) => void;

/**
 * As fast as answered: each connection sends its next request when the last one is answered. Each
 * connection starts at its own place in the list (autocannon starts them all at the first request),
 * so that together they ask for all of it, as the paced load does, not only its first part.
 */
async function closedLoad(o: LoadOptions, answered: Answered): Promise<number> {
  const requests = () =>
    o.requests.map((r) => ({
      method: r.method ?? 'GET',
      path: r.path,
      headers: r.headers ?? {},
      ...(r.body ? { body: r.body } : {}),
    }));
  let clients = 0;
  const result = await autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.seconds,
    timeout: 30,
    requests: requests(),
    setupClient: (client) => {
      const list = requests();
      const from = Math.floor((clients++ * list.length) / o.connections) % list.length;
      client.setRequests([...list.slice(from), ...list.slice(0, from)]);
      client.on('response', (status: number, _bytes: number, ms: number) => answered(status, ms));
    },
  });
  return result.errors; // autocannon counts timeouts among its errors
}

/**
 * Open loop at a steady rate: request n is due at n ÷ rate seconds after the start and is sent then,
 * whatever the earlier ones are doing, over at most `connections` kept-alive connections. Its latency
 * counts from the moment it was due, so waiting for a free connection counts too (no coordinated
 * omission). autocannon's own rate limit is not used: it lets each connection send its quota for a
 * second at once and then wait, which is a burst at every second rather than a steady rate.
 *
 * Requests go through undici's dispatch with plain callbacks, not `request()` with a stream and a
 * promise per answer: the load generator shares the machine with the server. At 2,800 requests a
 * second against the bare route it needed 37 % of a core instead of 41 (medians of three).
 */
async function pacedLoad(o: LoadOptions & { overallRate: number }, answered: Answered): Promise<number> {
  const pool = new Pool(o.url, { connections: o.connections, pipelining: 1, headersTimeout: 30_000 });
  if (o.openWith) {
    const path = o.openWith;
    await Promise.all(
      Array.from({ length: o.connections }, () =>
        pool.request({ method: 'GET', path }).then((res) => res.body.dump()),
      ),
    );
  }
  const ramp = Math.round(o.overallRate * (o.rampSeconds ?? 0));
  const total = ramp + Math.round(o.overallRate * o.seconds);
  let errors = 0;
  let sent = 0;
  let finished = 0;
  let allFinished = () => {};
  const done = new Promise<void>((resolve) => (allFinished = resolve));
  const start = performance.now();
  const send = (n: number) => {
    const r = o.requests[n % o.requests.length]!;
    const due = start + (n * 1000) / o.overallRate;
    const counted = n >= ramp;
    let status = 0;
    const finish = () => ++finished === total && allFinished();
    pool.dispatch(
      { origin: o.url, method: r.method ?? 'GET', path: r.path, headers: r.headers, body: r.body },
      {
        onRequestStart: () => {}, // with it, undici reads the handler in its current callback shape
        onResponseStart: (_controller, statusCode) => void (status = statusCode),
        onResponseData: () => {}, // read to the end, as a browser does
        onResponseEnd: () => {
          if (counted) answered(status, performance.now() - due);
          finish();
        },
        onResponseError: () => {
          if (counted) errors++;
          finish();
        },
      },
    );
  };
  while (sent < total) {
    const dueNow = Math.min(total, Math.floor(((performance.now() - start) * o.overallRate) / 1000) + 1);
    while (sent < dueNow) send(sent++);
    await new Promise((r) => setTimeout(r, 1));
  }
  if (finished < total) await done; // a load of no requests has nothing to wait for
  await pool.close();
  return errors;
}

export async function measure(o: LoadOptions): Promise<Measurement> {
  const all: number[] = [];
  const shedTimes: number[] = [];
  const servedTimes: number[] = [];
  const statuses: Record<number, number> = {};
  const expected = o.expected ?? ((s: number) => s >= 200 && s < 300);
  const answered: Answered = (status, ms) => {
    all.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
    (status === 503 ? shedTimes : servedTimes).push(ms);
  };
  const failed = o.overallRate
    ? await pacedLoad({ ...o, overallRate: o.overallRate }, answered)
    : await closedLoad(o, answered);
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
    errors: failed + unexpected,
    shed: statuses[503] ?? 0,
    shedP95: shedTimes.length ? percentile(shedTimes, 95) : null,
    servedP95: shedTimes.length ? percentile(servedTimes, 95) : null,
    statuses,
  };
}

/**
 * Several rounds of the same load as one measurement: the round with the median of `by` (its p95
 * unless told), with the errors and 503s of all rounds added up and every round's value kept. The
 * machine is shared and noisy: a stall of a second in one round of ten should not decide a budget.
 */
export function medianRound(
  rounds: Measurement[],
  by: (m: Measurement) => number = (m) => m.p95,
): Measurement {
  const sorted = [...rounds].sort((a, b) => by(a) - by(b));
  return {
    ...sorted[Math.floor((sorted.length - 1) / 2)]!,
    errors: rounds.reduce((n, m) => n + m.errors, 0),
    shed: rounds.reduce((n, m) => n + m.shed, 0),
    rounds: rounds.map(by),
  };
}

/** The commit and moment a bench run started from, read when the bench loads this file. */
const runStart = {
  commit: execSync('git rev-parse --short HEAD', { cwd: new URL('..', import.meta.url).pathname })
    .toString()
    .trim(),
  at: new Date().toISOString(),
};

/** The machine the figures come from and the commit the run started from, for every report. */
export async function machineLine(): Promise<string> {
  return `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, commit ${runStart.commit}; run started ${runStart.at}`;
}
