/** Time comes from here so tests can move it (idle and absolute session timeouts, expiries). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to; for tests. */
export class ManualClock implements Clock {
  #now: number;
  constructor(start = new Date('2026-11-21T09:00:00Z')) {
    this.#now = start.getTime();
  }
  now(): Date {
    return new Date(this.#now);
  }
  advance(ms: number): void {
    this.#now += ms;
  }
}

export const minutes = (n: number) => n * 60_000;
export const hours = (n: number) => n * 3_600_000;
export const days = (n: number) => n * 86_400_000;

/** The day a moment falls on in Brussels, as 'YYYY-MM-DD'. */
const brusselsDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' });
export const brusselsDay = (d: Date) => brusselsDayFormat.format(d);

const brusselsParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Brussels',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** How far Brussels' wall clock is ahead of UTC at a moment (one or two hours). */
function brusselsOffset(at: number): number {
  const parts = brusselsParts.formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return (
    Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - (at - (at % 60_000))
  );
}

/** The moment a Brussels day ('YYYY-MM-DD') and time ('HH:MM') name, summer time included. */
export function brusselsMoment(day: string, time: string): Date {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const first = wall - brusselsOffset(wall);
  return new Date(wall - brusselsOffset(first));
}

/** The Brussels wall-clock time of a moment, as 'HH:MM'. */
const brusselsTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
export const brusselsTime = (d: Date) => brusselsTimeFormat.format(d);
