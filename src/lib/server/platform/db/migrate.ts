import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromAppRoot } from '../app-root.ts';
import type { Database } from './database.ts';

export interface Migration {
  version: string;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function readMigrations(dir = fromAppRoot('migrations')): Migration[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = FILE_PATTERN.exec(file);
      if (!match?.[1] || !match[2]) {
        throw new Error(`Migration file ${path.join(dir, file)} must be named NNNN_name.sql`);
      }
      return { version: match[1], name: match[2], sql: readFileSync(path.join(dir, file), 'utf8') };
    });
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

// One advisory lock for all Tadata processes sharing a PostgreSQL server.
const MIGRATION_LOCK_ID = 7_412_209;

/** Applies pending migrations in order, each in its own transaction. Forward only. */
export async function migrate(db: Database, migrations = readMigrations()): Promise<MigrationResult> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version text PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
    const done = new Set(
      (await tx.query<{ version: string }>('SELECT version FROM schema_migration')).map((r) => r.version),
    );
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new Error(
          `Migration ${migration.version}_${migration.name}.sql failed: ${(error as Error).message}`,
          { cause: error },
        );
      }
      await tx.query('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(`${migration.version}_${migration.name}`);
    }
    return { applied, alreadyApplied: done.size };
  });
}
