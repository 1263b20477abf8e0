import { getConfig } from '../../lib/server/platform/config.ts';
import { migrate } from '../../lib/server/platform/db/migrate.ts';
import { openDatabase } from '../../lib/server/platform/db/open-database.ts';
import { createLogger } from '../../lib/server/platform/logger.ts';
import { loadReferenceData } from '../../lib/server/reference/load-reference-data.ts';
import { CliUsageError, type Command } from '../command.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply pending database migrations and load reference data',
  help: `Usage: tadata migrate [--reload-reference]

Applies the SQL migrations in migrations/ that this database has not run yet (forward only),
then loads the reference data shipped with Tadata (territories, taxonomy) if it changed.
The server does the same at start; this command is for deployments with DATABASE_URL.

Options:
  --reload-reference  load territories and taxonomy again even if their version is current
  -h, --help          show this help

The database is PostgreSQL when DATABASE_URL is set, otherwise the PGlite directory in DATA_DIR
(which must not be in use by a running server).
`,
  async run(argv) {
    const unknown = argv.filter((a) => a !== '--reload-reference');
    if (unknown.length) throw new CliUsageError(`unknown option ${unknown[0]}`);
    const config = getConfig();
    const logger = createLogger({ level: config.logLevel, format: config.logFormat, destination: 2 });
    const db = await openDatabase(config, 'tadata migrate');
    try {
      const result = await migrate(db);
      const reloaded = await loadReferenceData(db, logger, { force: argv.includes('--reload-reference') });
      process.stdout.write(
        `${db.description}: ${result.applied.length ? `applied ${result.applied.join(', ')}` : 'no pending migration'}` +
          ` (${result.alreadyApplied} already applied); reference data ${reloaded ? 'loaded' : 'up to date'}.\n`,
      );
    } finally {
      await db.close();
    }
    return 0;
  },
};
