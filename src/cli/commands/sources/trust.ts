import { parseArgs } from 'node:util';
import { consolidateRecords } from '../../../lib/server/consolidate/consolidate-records.ts';
import { setSourceTrust } from '../../../lib/server/harvest/source-repository.ts';
import { CliUsageError } from '../../command.ts';
import { openCliDatabase } from '../../open-cli-database.ts';

/** `tadata sources trust <slug> <0-100>`: the new trust, and merged projects rebuilt with it, in one transaction. */
export async function trustSource(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
  const [slug, value, ...extra] = positionals;
  if (!slug || value === undefined || extra.length) {
    throw new CliUsageError('expected: tadata sources trust <slug> <0-100>');
  }
  if (!/^\d+$/.test(value)) throw new CliUsageError('the trust is a whole number from 0 to 100');
  const trust = Number(value);
  const { db } = await openCliDatabase('tadata sources trust', { quiet: true });
  try {
    const { before, report } = await db.transaction(async (tx) => {
      const { before } = await setSourceTrust(tx, slug, trust);
      // Trust is part of what an incremental run compares: the source's records are re-read.
      return { before, report: await consolidateRecords(tx) };
    });
    process.stdout.write(
      `source ${slug}: trust ${before} → ${trust}; ${report.records} records re-read, ${report.updated} projects updated\n`,
    );
  } finally {
    await db.close();
  }
  return 0;
}
