// npm run bench:harvest [-- --pages 10000 --concurrency 8]
// Harvests the loopback benchmark site (10 000 detail pages, 50 per listing page, no delay) with
// a CSS config, then the same with an XPath config, and prints pages per second, CPU
// milliseconds per page (this process: fetching, parsing and extraction; the site runs in a
// child process) and peak memory (RSS). Nothing is stored: this measures the crawl itself.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { SourceConfig } from '../src/lib/server/harvest/config/source-config.schema.ts';
import { validateSourceConfig } from '../src/lib/server/harvest/config/validate-source-config.ts';
import { crawlSource } from '../src/lib/server/harvest/crawl-source.ts';
import { createRunFetchPage } from '../src/lib/server/harvest/run-fetch-page.ts';
import { createLogger } from '../src/lib/server/platform/logger.ts';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '8' },
    // css,xpath (default) or one of them.
    configs: { type: 'string', default: 'css,xpath' },
  },
});
const pages = Number(values.pages);
const concurrency = Number(values.concurrency);

const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench-site-server.ts', String(pages)], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const origin = await new Promise<string>((resolve, reject) => {
  createInterface({ input: child.stdout }).once('line', resolve);
  child.once('exit', () => reject(new Error('the benchmark site did not start')));
});

function config(selector: (css: string, xpath: string) => string | { xpath: string }): SourceConfig {
  const checked = validateSourceConfig({
    kind: 'html',
    schemaVersion: 1,
    startUrls: [`${origin}/bench/list?page=1`],
    items: selector('ul.items li.item', "//ul[@class='items']/li"),
    detailLink: selector('a', './a'),
    pagination: { type: 'next-link', selector: selector('a.next', "//a[@class='next']") },
    maxPages: Math.ceil(pages / 50) + 1,
    fields: {
      name: { selector: selector('h1.nom', "//h1[@class='nom']"), from: 'detail' },
      carrier: { selector: selector('p.porteur', "//p[@class='porteur']"), from: 'detail' },
      city: { selector: selector('span.ville', "//span[@class='ville']"), from: 'detail' },
      postcode: { selector: selector('span.cp', "//span[@class='cp']"), from: 'detail' },
      summary: { selector: selector('div.resume', "//div[@class='resume']"), from: 'detail' },
      tags: { selector: selector('ul.tags li', "//ul[@class='tags']/li"), from: 'detail', multiple: true },
    },
    politeness: { minDelayMs: 0, concurrency, timeoutMs: 30_000, maxBodyBytes: 1_048_576 },
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.config;
}

const harvest = {
  contactUrl: 'https://cis.example.org/contact',
  allowPrivateNetworks: true,
  minDelayMs: 0,
  timeoutMs: 30_000,
  maxBodyBytes: 1_048_576,
  chromiumPath: '/usr/bin/chromium',
};

async function measure(label: string, source: SourceConfig) {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const memory = process.memoryUsage();
    peak = Math.max(peak, memory.rss);
    peakHeap = Math.max(peakHeap, memory.heapUsed);
  }, 50);
  const run = createRunFetchPage(harvest, source, {
    perHostConcurrency: concurrency,
    logger: createLogger({ level: 'warn', format: 'json', destination: 2 }),
  });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await crawlSource(source, run.fetchPage);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await run.close();
  const cpuMsPerPage = (used.user + used.system) / 1000 / result.pagesFetched;
  const figures = {
    config: label,
    pages: result.pagesFetched,
    records: result.records.length,
    errors: result.errors.length,
    seconds: Number(seconds.toFixed(1)),
    pagesPerSecond: Math.round(result.pagesFetched / seconds),
    cpuMsPerPage: Number(cpuMsPerPage.toFixed(2)),
    peakMemoryMB: Math.round(peak / 1024 / 1024),
    peakHeapMB: Math.round(peakHeap / 1024 / 1024),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  return figures;
}

try {
  process.stdout.write(
    `benchmark: ${pages} detail pages on ${origin}, concurrency ${concurrency}, no delay\n`,
  );
  const wanted = new Set(values.configs.split(','));
  const lines = [''];
  const css = wanted.has('css')
    ? await measure(
        'css',
        config((c) => c),
      )
    : null;
  if (css) {
    lines.push(
      `CSS:   ${css.pagesPerSecond} pages/s (target ≥ 200), ${css.cpuMsPerPage} ms CPU/page (target ≤ 2), peak ${css.peakMemoryMB} MB RSS (target < 300), heap ${css.peakHeapMB} MB`,
    );
  }
  const xpath = wanted.has('xpath')
    ? await measure(
        'xpath',
        config((_c, x) => ({ xpath: x })),
      )
    : null;
  if (xpath) {
    lines.push(
      `XPath: ${xpath.pagesPerSecond} pages/s, ${xpath.cpuMsPerPage} ms CPU/page, peak ${xpath.peakMemoryMB} MB RSS, heap ${xpath.peakHeapMB} MB`,
    );
  }
  if (css && xpath) {
    lines.push(
      `XPath costs ${(xpath.cpuMsPerPage / css.cpuMsPerPage).toFixed(1)}× the CPU of CSS per page (target ≤ 5×)`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  child.stdin?.end();
  child.kill();
}
