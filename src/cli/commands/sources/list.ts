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
      s.health === 'attention' ? 'NEEDS ATTENTION' : s.health,
    ]);
    const header = ['source', 'partner', 'kind', 'config', 'frequency', 'last run', 'health'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells: string[]) =>
      `${cells
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd()}\n`;
    process.stdout.write(line(header) + rows.map(line).join(''));
    // The reasons in full, below the table: they are sentences, not cells.
    const flagged = sources.filter((s) => s.health === 'attention');
    if (flagged.length) {
      process.stdout.write(
        `\n${flagged.map((s) => `${s.slug} needs attention: ${s.healthReason ?? 'see its last run'}`).join('\n')}\n`,
      );
    }
  } finally {
    await db.close();
  }
  return 0;
}
