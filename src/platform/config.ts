import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** Secrets the app needs; in production they must come from the environment. */
const secretsSchema = z.object({
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET moet minstens 32 tekens lang zijn'),
  DATA_ENCRYPTION_KEY: z
    .string()
    .refine(
      (v) => Buffer.from(v, 'base64').length === 32,
      'DATA_ENCRYPTION_KEY moet 32 bytes in base64 zijn',
    ),
});
type Secrets = z.infer<typeof secretsSchema>;

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1_000).default(10),
  DEMO_DATA: booleanFlag.default(true),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default('Brugwerk <noreply@brugwerk.invalid>'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  SIGN_IN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  SEARCH_CACHE_SIZE: z.coerce.number().int().min(0).max(100_000).default(500),
  MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(100_000).default(64),
  TRUST_PROXY: booleanFlag.default(false),
  CASE_RETENTION_MONTHS_REFERRAL: z.coerce.number().int().min(1).max(120).default(12),
  CASE_RETENTION_MONTHS_CONSULTATION: z.coerce.number().int().min(1).max(120).default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_SECRET: z.string().optional(),
  DATA_ENCRYPTION_KEY: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /**
   * Connections to server PostgreSQL per process: the queries that run at once. Beyond the
   * database's cores more only compete for CPU (and, on a shared machine, with this process).
   */
  databasePoolSize: number;
  demoData: boolean;
  publicUrl: string;
  /** Cookies get the Secure flag and the __Host- prefix when the public URL is https. */
  secureCookies: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  /** Requests per minute per client address, for all routes and for the sign-in forms. */
  rateLimitPerMinute: number;
  signInRateLimitPerMinute: number;
  /** Directory search answers kept in memory per process (0: none). */
  searchCacheSize: number;
  /** Requests one process works on at once; more are answered 503 at once (load shedding). */
  maxConcurrentRequests: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  /** Months a case is kept after it closes, per kind of case, before the purge removes it. */
  caseRetentionMonths: { referral: number; consultation: number };
  secrets: Secrets;
}

export class ConfigError extends Error {}

/**
 * Reads and validates the configuration once, at boot. The only behaviour that depends on
 * NODE_ENV: in production missing secrets stop the boot; elsewhere they are generated once and
 * kept in the data directory so sessions survive restarts.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Ongeldige configuratie:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const production = e.NODE_ENV === 'production';
  const secrets = production ? secretsFromEnv(e) : secretsFromEnvOrDataDir(e, dataDir);
  const publicUrl = (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    demoData: e.DEMO_DATA,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    signInRateLimitPerMinute: e.SIGN_IN_RATE_LIMIT_PER_MINUTE,
    searchCacheSize: e.SEARCH_CACHE_SIZE,
    maxConcurrentRequests: e.MAX_CONCURRENT_REQUESTS,
    trustProxy: e.TRUST_PROXY,
    caseRetentionMonths: {
      referral: e.CASE_RETENTION_MONTHS_REFERRAL,
      consultation: e.CASE_RETENTION_MONTHS_CONSULTATION,
    },
    secrets,
  };
}

function secretsFromEnv(e: z.infer<typeof envSchema>): Secrets {
  const result = secretsSchema.safeParse({
    SESSION_SECRET: e.SESSION_SECRET,
    DATA_ENCRYPTION_KEY: e.DATA_ENCRYPTION_KEY,
  });
  if (!result.success) {
    const names = result.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`).join('\n');
    throw new ConfigError(`In productie start Brugwerk niet zonder zijn geheimen:\n${names}`);
  }
  return result.data;
}

function secretsFromEnvOrDataDir(e: z.infer<typeof envSchema>, dataDir: string): Secrets {
  const file = join(dataDir, 'secrets.json');
  const stored: Partial<Secrets> = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>)
    : {};
  const kept: Secrets = {
    SESSION_SECRET: stored.SESSION_SECRET ?? randomBytes(32).toString('base64url'),
    DATA_ENCRYPTION_KEY: stored.DATA_ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
  };
  if (
    stored.SESSION_SECRET !== kept.SESSION_SECRET ||
    stored.DATA_ENCRYPTION_KEY !== kept.DATA_ENCRYPTION_KEY
  ) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(kept, null, 2), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return secretsFromEnv({
    ...e,
    SESSION_SECRET: e.SESSION_SECRET ?? kept.SESSION_SECRET,
    DATA_ENCRYPTION_KEY: e.DATA_ENCRYPTION_KEY ?? kept.DATA_ENCRYPTION_KEY,
  });
}
