import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { getApp } from '$lib/server/app.ts';
import { getLogger } from '$lib/server/platform/logger.ts';

// Open the database, migrate, load reference data and the demo before the first request.
export const init: ServerInit = async () => {
  const app = await getApp();
  app.logger.info({ url: app.config.publicUrl, database: app.db.description }, 'Tadata is ready');
  process.once('sveltekit:shutdown' as 'exit', () => {
    void app.close().then(() => app.logger.info('jobs stopped, database closed'));
  });
};

export const handle: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
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
  return { message: status === 404 ? 'Page introuvable' : 'Erreur interne du serveur', code: String(status) };
};
