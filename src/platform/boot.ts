import { type Config, ConfigError, loadConfig } from './config.ts';
import { type Database, openDatabase } from './db/database.ts';
import { DataDirLockedError } from './db/lockfile.ts';
import { migrateToLatest } from './db/migrate.ts';
import { systemClock } from './clock.ts';
import type { Deps } from './deps.ts';

/** Shared start of the server and the CLI: config, database (locked), migrations. */
export async function openPlatform(): Promise<{ config: Config; database: Database; deps: Deps }> {
  try {
    const config = loadConfig();
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.databasePoolSize,
    });
    await migrateToLatest(database.db);
    return {
      config,
      database,
      deps: { db: database.db, engine: database.engine, clock: systemClock, config },
    };
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
