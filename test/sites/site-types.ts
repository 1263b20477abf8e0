import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a synthetic site answers; the server adds validators, compression and logging. */
export interface Reply {
  status?: number;
  /** Full Content-Type; omitted for redirects and empty answers. */
  type?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Adds ETag and Last-Modified and answers If-None-Match / If-Modified-Since with 304. */
  cacheable?: boolean;
  /** Compresses the body when the client accepts this encoding. */
  encoding?: 'gzip' | 'br' | 'deflate' | 'deflate-raw';
}

/** The switchable variants of each site (setVariant). */
export interface SiteVariants {
  drupal: 'original' | 'redesign';
  robots: 'default' | 'crawl-delay' | 'unavailable' | 'missing';
}

export interface SiteContext {
  url: URL;
  req: IncomingMessage;
  res: ServerResponse;
  origin: string;
  variant<S extends keyof SiteVariants>(site: S): SiteVariants[S];
  /** Per-server counters, e.g. how many times a flaky URL has failed. */
  count(key: string): number;
  /** Timers the server clears on stop. */
  later(ms: number, action: () => void): void;
  benchPages: number;
}

/** A reply, 'streamed' when the handler wrote the response itself, or null when the path is not the site's. */
export type SiteHandler = (
  ctx: SiteContext,
) => Reply | 'streamed' | null | Promise<Reply | 'streamed' | null>;

export const html = (body: string, extra: Omit<Reply, 'body' | 'type'> = {}): Reply => ({
  type: 'text/html; charset=utf-8',
  body,
  cacheable: true,
  ...extra,
});

export const notFound = (): Reply => ({
  status: 404,
  type: 'text/plain; charset=utf-8',
  body: 'Page introuvable (site synthétique)',
});

export const redirect = (location: string, status = 302): Reply => ({ status, headers: { location } });
