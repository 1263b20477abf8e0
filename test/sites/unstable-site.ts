import { gzipSync } from 'node:zlib';
import { page } from './html.ts';
import { html, notFound, redirect, type SiteHandler } from './site-types.ts';

/**
 * A slow and failing site under /unstable/: every way a partner site can hurt a harvester.
 * Counters are per server and per `key` query parameter, so each test gets fresh behaviour.
 *   slow?ms=N               answers after N ms (at most 30 s)
 *   stall                   sends the headers, then never finishes the body (until the server stops)
 *   flaky?key=K&fails=N     HTTP 500 the first N times, then a page
 *   always-500              HTTP 500 forever
 *   unavailable?key=K&fails=N&after=S   HTTP 503 with Retry-After: S the first N times, then a page
 *   rate-limited?key=K&after=S[&date=1] HTTP 429 with Retry-After (seconds or HTTP date) once, then a page
 *   reset                   closes the connection without answering
 *   loop-a ⇄ loop-b         a redirect loop; chain?n=N redirects N times before a page
 *   to-loopback, to-localhost, to-metadata, to-private, to-file   redirects to places a harvester must not go
 *   huge?mb=N               an HTML page of N MiB, streamed
 *   bomb                    20 MiB of HTML gzipped into a few kilobytes
 */
const okPage = (what: string) =>
  html(page({ title: what, body: `<h1 class="ok">${what}</h1><p>Tout va bien.</p>` }), { cacheable: false });

let bomb: Buffer | undefined;

export const unstableSite: SiteHandler = (ctx) => {
  const path = ctx.url.pathname;
  if (!path.startsWith('/unstable/')) return null;
  const q = ctx.url.searchParams;
  const key = `${path}:${q.get('key') ?? ''}`;
  const { res } = ctx;
  switch (path.slice('/unstable/'.length)) {
    case 'slow': {
      const ms = Math.min(30_000, Number(q.get('ms') ?? '5000') || 0);
      return new Promise((resolve) => ctx.later(ms, () => resolve(okPage('Réponse lente'))));
    }
    case 'stall':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write('<!DOCTYPE html><html><head><title>Bloqué</title></head><body><p>');
      return 'streamed';
    case 'flaky':
      return ctx.count(key) <= Number(q.get('fails') ?? '1')
        ? { status: 500, type: 'text/plain', body: 'Erreur interne (synthétique)' }
        : okPage('Rétabli');
    case 'always-500':
      return { status: 500, type: 'text/plain', body: 'Erreur interne (synthétique)' };
    case 'unavailable':
      return ctx.count(key) <= Number(q.get('fails') ?? '1')
        ? {
            status: 503,
            type: 'text/plain',
            body: 'Maintenance',
            headers: { 'retry-after': q.get('after') ?? '1' },
          }
        : okPage('Maintenance terminée');
    case 'rate-limited': {
      if (ctx.count(key) > Number(q.get('fails') ?? '1')) return okPage('Quota rétabli');
      const seconds = Number(q.get('after') ?? '1');
      const retryAfter = q.get('date')
        ? new Date(Date.now() + seconds * 1000 + 999).toUTCString()
        : String(seconds);
      return {
        status: 429,
        type: 'text/plain',
        body: 'Trop de requêtes',
        headers: { 'retry-after': retryAfter },
      };
    }
    case 'reset':
      ctx.req.socket.destroy();
      return 'streamed';
    case 'loop-a':
      return redirect('/unstable/loop-b');
    case 'loop-b':
      return redirect('/unstable/loop-a');
    case 'chain': {
      const n = Number(q.get('n') ?? '0');
      return n > 0 ? redirect(`/unstable/chain?n=${n - 1}`, 301) : okPage('Fin de la chaîne');
    }
    case 'to-loopback':
      return redirect(`http://127.0.0.1:${new URL(ctx.origin).port}/wordpress/initiatives/`);
    case 'to-localhost':
      return redirect(`http://localhost:${new URL(ctx.origin).port}/wordpress/initiatives/`);
    case 'to-metadata':
      return redirect('http://169.254.169.254/latest/meta-data/');
    case 'to-private':
      return redirect('http://10.0.0.1/admin');
    case 'to-file':
      return redirect('file:///etc/passwd');
    case 'robots-interdit':
      return okPage('Vous ne devriez pas lire ceci');
    case 'huge': {
      const bytes = Math.min(200, Number(q.get('mb') ?? '20')) * 1024 * 1024;
      const chunk = Buffer.from(`<p>${'Contenu volumineux. '.repeat(3270)}</p>\n`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      let sent = 0;
      const pump = () => {
        while (sent < bytes && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        if (!res.destroyed) res.end();
      };
      pump();
      return 'streamed';
    }
    case 'bomb':
      bomb ??= gzipSync(Buffer.from(`<html><body>${' '.repeat(20 * 1024 * 1024)}</body></html>`));
      return { type: 'text/html; charset=utf-8', body: bomb, headers: { 'content-encoding': 'gzip' } };
    default:
      return notFound();
  }
};
