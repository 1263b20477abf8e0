import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { localeOfUrl } from '$lib/i18n/locale.ts';
import { getApp } from '$lib/server/app.ts';
import { corsPreflight, rateLimited } from '$lib/server/http/api-response.ts';
import { RateLimiter } from '$lib/server/http/rate-limiter.ts';
import { messages } from '$lib/server/i18n/messages.ts';
import { getConfig } from '$lib/server/platform/config.ts';
import { getLogger } from '$lib/server/platform/logger.ts';

// Open the database, migrate, load reference data and the demo before the first request.
export const init: ServerInit = async () => {
  const app = await getApp();
  app.logger.info({ url: app.config.publicUrl, database: app.db.description }, 'Tadata is ready');
  process.once('sveltekit:shutdown' as 'exit', () => {
    void app.close().then(() => app.logger.info('jobs stopped, database closed'));
  });
};

let limiter: RateLimiter | undefined;

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.locale = localeOfUrl(event.url);
  if (event.url.pathname.startsWith('/api/')) {
    if (event.request.method === 'OPTIONS') return corsPreflight();
    const config = getConfig();
    limiter ??= new RateLimiter(config.apiRateLimit, config.apiRateWindowSeconds);
    const decision = limiter.check(event.getClientAddress());
    if (!decision.allowed) return rateLimited(decision.retryAfterSeconds, decision.limit);
    const response = await resolve(event);
    if (decision.limit > 0) {
      response.headers.set('X-RateLimit-Limit', String(decision.limit));
      response.headers.set('X-RateLimit-Remaining', String(decision.remaining));
    }
    response.headers.set('X-Content-Type-Options', 'nosniff');
    return response;
  }
  const lang = event.locals.locale;
  // app.html says French; an English page says so to screen readers and search engines.
  const response = await resolve(
    event,
    lang === 'fr'
      ? {}
      : { transformPageChunk: ({ html }) => html.replace('<html lang="fr">', `<html lang="${lang}">`) },
  );
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  // Only the widget may be framed, by any site; every other page refuses framing.
  if (event.url.pathname.startsWith('/embed'))
    response.headers.set('Content-Security-Policy', 'frame-ancestors *');
  else response.headers.set('X-Frame-Options', 'SAMEORIGIN');
  return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
  if (status !== 404) getLogger().error({ err: error, path: event.url.pathname }, 'request failed');
  const t = messages(event.locals.locale ?? 'fr');
  return { message: status === 404 ? t.error.title(404) : t.error.internal, code: String(status) };
};
