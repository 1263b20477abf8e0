import { startHarvestWorker } from '../../lib/server/harvest/harvest-jobs.ts';
import { getConfig } from '../../lib/server/platform/config.ts';
import { startJobQueue } from '../../lib/server/platform/jobs.ts';
import { CliUsageError, type Command } from '../command.ts';
import { openCliDatabase } from '../open-cli-database.ts';

export const workerCommand: Command = {
  name: 'worker',
  summary: 'run the job worker and the harvest scheduler (without the web server)',
  help: `Usage: tadata worker

Runs the job worker (harvest runs, then consolidation of new or changed records) and the
scheduler (enqueues a harvest run for each source whose frequency says it is due), until
stopped with Ctrl-C or SIGTERM. \`tadata serve\` already does this in the same process unless
JOBS_ENABLED=false; run separate workers with a PostgreSQL server (DATABASE_URL), as many as
needed: one run per source at a time is guaranteed by the database. With the embedded PGlite
database only one process may open the data directory, so use \`tadata serve\` alone.

Options:
  -h, --help  show this help
`,
  async run(argv) {
    if (argv.length) throw new CliUsageError(`unknown argument ${argv[0]}`);
    const config = getConfig();
    const { db, logger } = await openCliDatabase('tadata worker');
    const boss = await startJobQueue(db, {
      maintenance: true,
      onError: (error) => logger.error({ err: error }, 'job queue error'),
    });
    const worker = await startHarvestWorker(db, boss, { harvest: config.harvest, logger });
    logger.info({ database: db.description }, 'worker and scheduler started');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    logger.info('stopping: finishing the jobs in progress');
    await worker.stop();
    await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    await db.close();
    return 0;
  },
};
