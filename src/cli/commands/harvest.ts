import { parseArgs } from 'node:util';
import { createHarvestQueues, enqueueConsolidation } from '../../lib/server/harvest/harvest-jobs.ts';
import {
  type HarvestProgress,
  type HarvestReport,
  type PreviewReport,
  previewSource,
  runHarvest,
} from '../../lib/server/harvest/run-harvest.ts';
import { getConfig } from '../../lib/server/platform/config.ts';
import { startJobQueue } from '../../lib/server/platform/jobs.ts';
import { CliUsageError, type Command } from '../command.ts';
import { openCliDatabase } from '../open-cli-database.ts';

const kB = (bytes: number) => `${Math.round(bytes / 1024)} kB`;

/** A bar on a terminal (one line, redrawn); plain lines every 10 pages otherwise (logs, CI). */
function progressPrinter(tty: boolean): { update(p: HarvestProgress): void; end(): void } {
  let lastLine = 0;
  let drawn = false;
  return {
    update(p) {
      if (tty) {
        const done = p.phase === 'crawling' ? Math.min(p.pagesFetched / Math.max(p.maxPages, 1), 0.99) : 1;
        const width = 24;
        const filled = Math.round(done * width);
        const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
        const text =
          p.phase === 'crawling'
            ? `crawling: ${p.pagesFetched} pages, ${kB(p.bytes)}`
            : `storing: ${p.recordsStored}/${p.recordsTotal} records`;
        process.stderr.write(`\r[${bar}] ${text}\u001b[K`);
        drawn = true;
        return;
      }
      if (p.phase === 'crawling' && p.pagesFetched - lastLine >= 10) {
        lastLine = p.pagesFetched;
        process.stderr.write(`crawling: ${p.pagesFetched} pages, ${kB(p.bytes)}\n`);
      } else if (p.phase === 'storing' && p.recordsStored === 0) {
        process.stderr.write(`storing ${p.recordsTotal} records\n`);
      }
    },
    end() {
      if (drawn) process.stderr.write('\n');
    },
  };
}

function summary(r: HarvestReport): string {
  const lines = [
    `${r.source}: run ${r.runId} ${r.status} (config version ${r.configVersion}) in ${(r.durationMs / 1000).toFixed(1)} s`,
    `  pages ${r.pagesFetched}, ${kB(r.bytes)}`,
    `  records: ${r.records.found} found, ${r.records.new} new, ${r.records.changed} changed, ${r.records.unchanged} unchanged, ${r.records.gone} gone`,
    `  fields: ${
      Object.entries(r.fields)
        .map(([name, f]) => `${name} ${Math.round(f.fillRate * 100)}%`)
        .join(', ') || '(none)'
    }`,
  ];
  if (r.recoveredRuns.length) lines.push(`  interrupted runs marked failed: ${r.recoveredRuns.join(', ')}`);
  if (r.incompleteBecause.length) lines.push(`  nothing marked gone: ${r.incompleteBecause.join('; ')}`);
  for (const e of r.errors.slice(0, 10)) lines.push(`  error: ${e.url}: ${e.reason}`);
  if (r.errors.length > 10) lines.push(`  … and ${r.errors.length - 10} more errors`);
  lines.push(
    r.health.status === 'ok'
      ? '  health: ok'
      : `  health: NEEDS ATTENTION\n${r.health.reasons.map((x) => `    - ${x}`).join('\n')}`,
  );
  return `${lines.join('\n')}\n`;
}

function previewText(p: PreviewReport): string {
  const lines = [
    `preview of config version ${p.configVersion}: ${p.pagesFetched} pages fetched, nothing saved`,
  ];
  p.records.forEach((record, i) => {
    lines.push(`\n#${i + 1} ${record.key}`);
    for (const [name, value] of Object.entries(record.fields)) {
      const text = Array.isArray(value) ? value.join(' | ') : value === null ? '(empty)' : String(value);
      lines.push(`  ${name}: ${text.length > 160 ? `${text.slice(0, 157)}…` : text}`);
    }
  });
  lines.push('\ndiagnostics:');
  lines.push(`  items found: ${p.diagnostics.itemsFound}`);
  for (const [name, f] of Object.entries(p.diagnostics.fields)) {
    lines.push(`  ${name}: matched on ${f.matched} of ${f.items} items`);
  }
  for (const m of p.diagnostics.messages) lines.push(`  - ${m}`);
  for (const e of p.errors) lines.push(`  error: ${e.url}: ${e.reason}`);
  return `${lines.join('\n')}\n`;
}

export const harvestCommand: Command = {
  name: 'harvest',
  summary: 'harvest one source now (or --preview its config without saving)',
  help: `Usage: tadata harvest <source> [--preview] [--limit <n>] [--json]

Fetches the source's pages politely (robots.txt, delays, retries) with its current config
version, and stores its items as raw records: new, changed, unchanged; records no longer found
are marked gone only after a complete run. Prints a summary (pages, bytes, records, fill rate of
each field, errors, source health). New or changed records are handed to consolidation through
the job queue. One run per source at a time; an interrupted run is taken over by the next one.

Options:
  --preview    run the config on the first page(s) only and save nothing: prints the records
               and, per field, how often its selector matched
  --limit <n>  keep at most n records (a run cut this way is partial: nothing marked gone)
  --json       print the report as JSON on stdout (no progress display)
  -h, --help   show this help

Examples:
  tadata harvest fondation-x-projets --preview
  tadata harvest fondation-x-projets
`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { preview: { type: 'boolean' }, limit: { type: 'string' }, json: { type: 'boolean' } },
    });
    const [slug, ...extra] = positionals;
    if (!slug) throw new CliUsageError('which source? give its slug (see `tadata sources list`)');
    if (extra.length) throw new CliUsageError('one source at a time');
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
      throw new CliUsageError('--limit must be a positive whole number');
    }
    const config = getConfig();
    const { db, logger } = await openCliDatabase('tadata harvest', { quiet: true });
    try {
      if (values.preview) {
        const preview = await previewSource(db, slug, {
          harvest: config.harvest,
          ...(limit ? { limit } : {}),
        });
        process.stdout.write(values.json ? `${JSON.stringify(preview, null, 2)}\n` : previewText(preview));
        return 0;
      }
      const progress = values.json ? undefined : progressPrinter(Boolean(process.stderr.isTTY));
      let report: HarvestReport;
      try {
        report = await runHarvest(db, slug, {
          harvest: config.harvest,
          ...(limit ? { limit } : {}),
          ...(progress ? { onProgress: (p: HarvestProgress) => progress.update(p) } : {}),
        });
      } finally {
        progress?.end();
      }
      if (report.records.new + report.records.changed > 0) {
        // The worker (tadata serve, or tadata worker) consolidates them when it next polls.
        const boss = await startJobQueue(db, {
          maintenance: false,
          onError: (error) => logger.warn({ err: error }, 'job queue error'),
        });
        try {
          const [source] = await db.query<{ id: number }>(`SELECT id FROM source WHERE slug = $1`, [slug]);
          await createHarvestQueues(boss);
          if (source) await enqueueConsolidation(boss, source.id);
        } finally {
          await boss.stop({ graceful: false, wait: true, timeout: 2_000 });
        }
      }
      process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : summary(report));
      return report.status === 'failed' ? 1 : 0;
    } finally {
      await db.close();
    }
  },
};
