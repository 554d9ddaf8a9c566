import type { FastifyInstance } from 'fastify';
import { buildApp, type BrugwerkApp } from '../../src/app.ts';
import * as accounts from '../../src/modules/accounts/accounts.service.ts';
import type { OrganisationRole, PlatformRole } from '../../src/modules/accounts/accounts.table.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { type Deps, systemActor } from '../../src/platform/deps.ts';
import { freshDatabase } from './database.ts';

export interface TestContext {
  app: BrugwerkApp;
  deps: Deps;
  clock: ManualClock;
  /** The database as it lies on disk: pg_dump on server PostgreSQL, the data directory on PGlite. */
  dumpDatabase(): Promise<string>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'een lang genoeg testwachtwoord';

export async function startTestApp(
  options: {
    extraRoutes?: (app: FastifyInstance) => void;
    env?: Record<string, string>;
    /** Collects every log line the app writes (at info level), to check what logs give away. */
    logLines?: string[];
  } = {},
): Promise<TestContext> {
  const database = await freshDatabase();
  const clock = new ManualClock();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: '/nonexistent-test-data-dir',
    SESSION_SECRET: 'test-session-secret-test-session-secret-0123',
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const deps: Deps = { db: database.db, engine: database.engine, clock, config };
  let app: BrugwerkApp;
  try {
    const lines = options.logLines;
    const logger = lines
      ? { level: 'info', stream: { write: (line: string) => void lines.push(line) } }
      : undefined;
    app = await buildApp({ deps, extraRoutes: options.extraRoutes, logger });
  } catch (err) {
    await database.close();
    throw err;
  }
  return {
    app,
    deps,
    clock,
    dumpDatabase: () => database.dump(),
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export type RoleName = 'anonymous' | 'member' | 'editor' | 'admin' | 'curator' | 'platform-admin';
export const roleNames: RoleName[] = ['anonymous', 'member', 'editor', 'admin', 'curator', 'platform-admin'];

export interface Fixtures {
  organisation: { id: string; slug: string };
  otherOrganisation: { id: string; slug: string };
  users: Record<Exclude<RoleName, 'anonymous'>, { id: string; email: string }>;
}

/** One organisation with a member, an editor and an admin; a curator and a platform admin; and a second organisation. */
export async function createFixtures(deps: Deps): Promise<Fixtures> {
  const actor = systemActor('test');
  const organisation = await accounts.createOrganisation(deps, actor, {
    slug: 'testschool',
    name: 'Testschool',
    type: 'school',
    municipalityNis: '44021',
  });
  const otherOrganisation = await accounts.createOrganisation(deps, actor, {
    slug: 'ander-caw',
    name: 'Ander CAW',
    type: 'caw',
    municipalityNis: '11002',
  });
  const make = async (key: string, platformRoles: PlatformRole[], role?: OrganisationRole) => {
    const user = await accounts.createUser(deps, actor, {
      email: `${key}@test.invalid`,
      name: `Test ${key}`,
      password: TEST_PASSWORD,
      platformRoles,
    });
    if (role)
      await accounts.setMembership(deps, actor, { userId: user.id, organisationId: organisation.id, role });
    return user;
  };
  return {
    organisation,
    otherOrganisation,
    users: {
      member: await make('member', [], 'member'),
      editor: await make('editor', [], 'editor'),
      admin: await make('admin', [], 'admin'),
      curator: await make('curator', ['curator']),
      'platform-admin': await make('platform-admin', ['platform-admin']),
    },
  };
}

/** The audit rows of one event, oldest first. */
export const auditEvents = (deps: Deps, event: string) =>
  deps.db.selectFrom('audit_log').selectAll().where('event', '=', event).orderBy('id').execute();
