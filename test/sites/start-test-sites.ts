import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { benchSite } from './bench-site.ts';
import { compressedSite } from './compressed-site.ts';
import { drupalSite } from './drupal-site.ts';
import { feedsSite } from './feeds-site.ts';
import { escapeHtml, page } from './html.ts';
import { joomlaSite } from './joomla-site.ts';
import { jsSite } from './js-site.ts';
import { jsonApiSite } from './json-api-site.ts';
import { messySite } from './messy-site.ts';
import { robotsSite } from './robots-site.ts';
import type { Reply, SiteContext, SiteHandler, SiteVariants } from './site-types.ts';
import { unstableSite } from './unstable-site.ts';
import { wordpressSite } from './wordpress-site.ts';

/**
 * Synthetic partner sites for the harvest tests, on one HTTP server on 127.0.0.1 (a port chosen
 * by the OS), one site per path prefix. Each server keeps its own variants, counters and request
 * log, so test files do not disturb each other. It stops by itself after `lifetimeMs`.
 */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. /drupal/projets?page=1 */
  path: string;
  /** Date.now() when the request arrived. */
  at: number;
  /** Date.now() when the answer was finished (or the connection closed). */
  finishedAt: number | null;
  status: number | null;
  headers: IncomingMessage['headers'];
  /** The Content-Encoding the server answered with, if any. */
  encoding: string | null;
}

export interface TestSites {
  /** http://127.0.0.1:PORT, no trailing slash. */
  origin: string;
  port: number;
  setVariant<S extends keyof SiteVariants>(site: S, variant: SiteVariants[S]): void;
  /** Requests received so far, oldest first; optionally only those whose path starts with `prefix`. */
  requests(prefix?: string): RecordedRequest[];
  clearRequests(): void;
  stop(): Promise<void>;
}

export interface StartTestSitesOptions {
  /** Detail pages of the /bench/ site when the URL does not say (?n=). Default 10 000. */
  benchPages?: number;
  /** The server stops itself after this long, in case a test forgets. Default 10 minutes. */
  lifetimeMs?: number;
  /** Record requests (off for the benchmark). Default true. */
  record?: boolean;
}

const SITES: readonly SiteHandler[] = [
  robotsSite,
  drupalSite,
  joomlaSite,
  wordpressSite,
  jsonApiSite,
  feedsSite,
  jsSite,
  unstableSite,
  messySite,
  compressedSite,
  benchSite,
];

/** The date every cacheable page claims it last changed. */
const LAST_MODIFIED = new Date(Date.UTC(2026, 2, 2, 10, 0, 0)).toUTCString();

function homePage(): string {
  const links = [
    ['/drupal/projets', 'Drupal : liste paginée (li.pager-next)'],
    ['/joomla/index.php?option=com_sobi2&Itemid=95&limit=5&limitstart=0', 'Joomla : annuaire (limitstart)'],
    ['/wordpress/initiatives/', 'WordPress : archive (rel=next)'],
    ['/api/projets?page=1', 'API JSON paginée'],
    ['/feeds/rss.xml', 'Flux RSS'],
    ['/feeds/atom.xml', 'Flux Atom'],
    ['/js/projets', 'Liste rendue en JavaScript (Charger plus)'],
    ['/robots/projets', 'Site avec robots.txt'],
    ['/messy/projets', 'HTML désordonné en Windows-1252'],
    ['/bench/list?page=1', 'Banc d’essai'],
  ];
  return page({
    title: 'Sites synthétiques de Tadata',
    body: `<ul>${links.map(([href, label]) => `<li><a href="${escapeHtml(href ?? '')}">${escapeHtml(label ?? '')}</a></li>`).join('')}</ul>`,
  });
}

function encode(body: Buffer, encoding: NonNullable<Reply['encoding']>): Buffer {
  if (encoding === 'gzip') return gzipSync(body);
  if (encoding === 'br') return brotliCompressSync(body);
  if (encoding === 'deflate') return deflateSync(body);
  return deflateRawSync(body);
}

function accepts(req: IncomingMessage, encoding: NonNullable<Reply['encoding']>): boolean {
  const token = encoding === 'deflate-raw' ? 'deflate' : encoding;
  return (req.headers['accept-encoding'] ?? '')
    .split(',')
    .map((part) => part.trim().split(';')[0])
    .includes(token);
}

function send(req: IncomingMessage, res: ServerResponse, reply: Reply, record: RecordedRequest | null): void {
  let body =
    reply.body === undefined
      ? Buffer.alloc(0)
      : Buffer.isBuffer(reply.body)
        ? reply.body
        : Buffer.from(reply.body);
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.type) headers['content-type'] = reply.type;
  let status = reply.status ?? 200;
  if (reply.cacheable && status === 200) {
    const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
    headers.etag = etag;
    headers['last-modified'] = LAST_MODIFIED;
    const ifNoneMatch = req.headers['if-none-match'];
    const ifModifiedSince = req.headers['if-modified-since'];
    const notModified =
      ifNoneMatch !== undefined
        ? ifNoneMatch.split(',').some((tag) => tag.trim() === etag)
        : ifModifiedSince !== undefined && Date.parse(ifModifiedSince) >= Date.parse(LAST_MODIFIED);
    if (notModified) {
      status = 304;
      body = Buffer.alloc(0);
      delete headers['content-type'];
    }
  }
  if (reply.encoding && status === 200 && accepts(req, reply.encoding)) {
    body = encode(body, reply.encoding);
    headers['content-encoding'] = reply.encoding === 'deflate-raw' ? 'deflate' : reply.encoding;
    headers.vary = 'Accept-Encoding';
  }
  if (record) record.encoding = headers['content-encoding'] ?? null;
  headers['content-length'] = String(body.length);
  res.writeHead(status, headers);
  res.end(body);
}

export async function startTestSites(options: StartTestSitesOptions = {}): Promise<TestSites> {
  const variants: SiteVariants = { drupal: 'original', robots: 'default' };
  const counters = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const log: RecordedRequest[] = [];
  const record = options.record ?? true;
  const benchPages = options.benchPages ?? 10_000;
  let origin = '';

  const server = createServer((req, res) => {
    const entry: RecordedRequest | null = record
      ? {
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          at: Date.now(),
          finishedAt: null,
          status: null,
          headers: req.headers,
          encoding: null,
        }
      : null;
    if (entry) {
      log.push(entry);
      res.once('close', () => {
        entry.finishedAt = Date.now();
        entry.status = res.headersSent ? res.statusCode : null;
      });
    }
    const ctx: SiteContext = {
      url: new URL(req.url ?? '/', origin),
      req,
      res,
      origin,
      variant: (site) => variants[site],
      count: (key) => {
        const n = (counters.get(key) ?? 0) + 1;
        counters.set(key, n);
        return n;
      },
      later: (ms, action) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          action();
        }, ms);
        timers.add(timer);
      },
      benchPages,
    };
    void (async () => {
      try {
        if (ctx.url.pathname === '/') {
          send(req, res, { type: 'text/html; charset=utf-8', body: homePage() }, entry);
          return;
        }
        for (const site of SITES) {
          const reply = await site(ctx);
          if (reply === 'streamed') return;
          if (reply !== null) {
            if (!res.destroyed) send(req, res, reply, entry);
            return;
          }
        }
        send(
          req,
          res,
          { status: 404, type: 'text/plain; charset=utf-8', body: 'Aucun site synthétique ici' },
          entry,
        );
      } catch (error) {
        if (!res.headersSent) send(req, res, { status: 500, type: 'text/plain', body: String(error) }, entry);
        else res.destroy();
      }
    })();
  });
  // Keep-alive sockets must not hold the test process open.
  server.keepAliveTimeout = 2_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= new Promise<void>((resolve) => {
      clearTimeout(lifetime);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return stopped;
  };
  const lifetime = setTimeout(() => void stop(), options.lifetimeMs ?? 10 * 60_000);
  lifetime.unref();

  return {
    origin,
    port,
    setVariant(site, variant) {
      variants[site] = variant;
    },
    requests: (prefix) => (prefix === undefined ? [...log] : log.filter((r) => r.path.startsWith(prefix))),
    clearRequests: () => {
      log.length = 0;
    },
    stop,
  };
}
