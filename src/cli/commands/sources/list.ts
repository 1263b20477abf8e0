import { listSources } from '../../../lib/server/harvest/source-configs.ts';
import { CliUsageError } from '../../command.ts';
import { openCliDatabase } from '../../open-cli-database.ts';

export async function listSourcesCommand(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const unknown = argv.filter((a) => a !== '--json');
  if (unknown.length) throw new CliUsageError(`unknown argument ${unknown[0]}`);
  const { db } = await openCliDatabase('tadata sources list', { quiet: true });
  try {
    const sources = await listSources(db);
    if (json) {
      process.stdout.write(`${JSON.stringify(sources, null, 2)}\n`);
      return 0;
    }
    if (!sources.length) {
      process.stdout.write(
        'No source yet. Add one with `tadata sources add <config.json> --partner <slug>`.\n',
      );
      return 0;
    }
    const rows = sources.map((s) => [
      s.slug,
      s.partnerSlug,
      s.kind,
      `v${s.currentVersion}`,
      s.frequency ?? '-',
      s.lastRun
        ? `${s.lastRun.status} ${new Date(s.lastRun.startedAt).toISOString().slice(0, 16)}`
        : 'never run',
    ]);
    const header = ['source', 'partner', 'kind', 'config', 'frequency', 'last run'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells: string[]) =>
      `${cells
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd()}\n`;
    process.stdout.write(line(header) + rows.map(line).join(''));
  } finally {
    await db.close();
  }
  return 0;
}
