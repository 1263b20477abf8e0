import { getApp } from '$lib/server/app.ts';
import { sitemapPages, sitemapXml } from '$lib/server/explore/sitemap.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
  const { db, config } = await getApp();
  return new Response(sitemapXml(config.publicUrl, await sitemapPages(db)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
};
