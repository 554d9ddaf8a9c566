import type { Kysely } from 'kysely';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Engine } from './db/database.ts';
import type { DB } from './db/schema.ts';

/** What services need from the platform; built once in app.ts and passed down. */
export interface Deps {
  db: Kysely<DB>;
  engine: Engine;
  clock: Clock;
  config: Config;
}

/** Who acts, for the audit log. */
export interface Actor {
  userId: string | null;
  label?: string;
  correlationId: string | null;
}

export const systemActor = (label: string): Actor => ({ userId: null, label, correlationId: null });
