import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { convertOpenScraperSpiders } from '../../../lib/server/harvest/openscraper/convert-openscraper-spiders.ts';
import { CliUsageError } from '../../command.ts';
import { readJsonFile } from '../../read-json-file.ts';

export async function importOpenScraper(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const [file, ...extra] = positionals;
  if (!file) throw new CliUsageError('which file? give the path of an OpenScraper spiders backup (JSON)');
  if (extra.length) throw new CliUsageError('one file at a time');
  const conversion = convertOpenScraperSpiders(readJsonFile(file));
  const out = values.out ?? 'openscraper-sources';
  mkdirSync(out, { recursive: true });
  for (const c of conversion.converted) {
    writeFileSync(path.join(out, `${c.slug}.json`), `${JSON.stringify(c.config, null, 2)}\n`);
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ out, ...conversion }, null, 2)}\n`);
    return 0;
  }
  const lines = [
    `Converted ${conversion.converted.length} spiders into ${out}/ (one <slug>.json per source):`,
  ];
  for (const c of conversion.converted) {
    lines.push(`  ${c.slug}.json  ← "${c.spider}"`);
    for (const n of c.notCarriedOver) lines.push(`      not carried over: ${n.name}: ${n.reason}`);
    for (const w of c.warnings) lines.push(`      check: ${w}`);
  }
  if (conversion.skipped.length) {
    lines.push(`Skipped ${conversion.skipped.length}:`);
    for (const s of conversion.skipped) lines.push(`  "${s.spider}": ${s.reason}`);
  }
  lines.push('Next: tadata sources add <out>/<slug>.json --partner <partner-slug>');
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
