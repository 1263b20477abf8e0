import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Every setting is documented here and in the README's
 * configuration table (a test keeps the two in step).
 */
const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('var'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  LOAD_DEMO: booleanFromEnv.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  HARVEST_CONTACT_URL: z.url().optional(),
  HARVEST_ALLOW_PRIVATE_NETWORKS: booleanFromEnv.default(false),
  HARVEST_MIN_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(1000),
  HARVEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  HARVEST_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 ** 3)
    .default(10 * 1024 ** 2),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  JOBS_ENABLED: booleanFromEnv.default(true),
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  API_RATE_LIMIT: z.coerce.number().int().min(0).default(600),
  API_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config {
  env: RawConfig['NODE_ENV'];
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  /** The PGlite data directory, used when no databaseUrl is set. */
  pgliteDir: string;
  databaseUrl: string | undefined;
  loadDemo: boolean;
  logLevel: RawConfig['LOG_LEVEL'];
  logFormat: 'json' | 'pretty';
  /** Requests per client IP and window on /api (0: no limit). */
  apiRateLimit: number;
  apiRateWindowSeconds: number;
  harvest: HarvestConfig;
  /** Whether `tadata serve` also runs the job worker and the harvest scheduler. */
  jobsEnabled: boolean;
  /** Protects the back-office API (source preview); unset: those endpoints answer 404. */
  adminToken: string | undefined;
}

export interface HarvestConfig {
  /** Named in the User-Agent so site owners can reach the people running this instance. */
  contactUrl: string;
  /** Only for tests and intranet deployments: lets the harvester reach loopback/private addresses. */
  allowPrivateNetworks: boolean;
  minDelayMs: number;
  timeoutMs: number;
  maxBodyBytes: number;
  chromiumPath: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  // Empty strings count as unset, so `PORT= npm start` behaves like no PORT at all.
  const cleaned = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const details = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid configuration in environment variables:\n${details}`);
  }
  const raw = result.data;
  const dataDir = path.resolve(cwd, raw.DATA_DIR);
  const publicUrl = (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, '');
  return {
    env: raw.NODE_ENV,
    port: raw.PORT,
    host: raw.HOST,
    publicUrl,
    dataDir,
    pgliteDir: path.join(dataDir, 'pglite'),
    databaseUrl: raw.DATABASE_URL,
    loadDemo: raw.LOAD_DEMO,
    logLevel: raw.LOG_LEVEL,
    logFormat: raw.LOG_FORMAT ?? (raw.NODE_ENV === 'production' || !process.stdout.isTTY ? 'json' : 'pretty'),
    harvest: {
      contactUrl: raw.HARVEST_CONTACT_URL ?? publicUrl,
      allowPrivateNetworks: raw.HARVEST_ALLOW_PRIVATE_NETWORKS,
      minDelayMs: raw.HARVEST_MIN_DELAY_MS,
      timeoutMs: raw.HARVEST_TIMEOUT_MS,
      maxBodyBytes: raw.HARVEST_MAX_BODY_BYTES,
      chromiumPath: raw.CHROMIUM_PATH,
    },
    jobsEnabled: raw.JOBS_ENABLED,
    adminToken: raw.ADMIN_TOKEN,
    apiRateLimit: raw.API_RATE_LIMIT,
    apiRateWindowSeconds: raw.API_RATE_WINDOW_SECONDS,
  };
}

let current: Config | undefined;

export function getConfig(): Config {
  current ??= parseConfig(process.env);
  return current;
}

/** For the CLI and tests: replace the configuration read from the environment. */
export function setConfig(config: Config): void {
  current = config;
}

/** Settings the web server (adapter-node) reads itself; set from our validated config. */
export function exportServerEnv(config: Config): void {
  process.env.PORT = String(config.port);
  process.env.HOST = config.host;
  process.env.ORIGIN ??= config.publicUrl;
}
