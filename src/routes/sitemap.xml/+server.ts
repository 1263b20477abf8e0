import { getApp } from '$lib/server/app.ts';
import { countSitemapProjectFiles, sitemapIndexXml } from '$lib/server/explore/sitemap.ts';
import type { RequestHandler } from './$types';

/** The sitemap index: one file of pages, and project files of at most 40,000 URLs each. */
export const GET: RequestHandler = async () => {
  const { db, config } = await getApp();
  const files = await countSitemapProjectFiles(db);
  const paths = [
    '/sitemaps/pages.xml',
    ...Array.from({ length: files }, (_, i) => `/sitemaps/projects-${i + 1}.xml`),
  ];
  return new Response(sitemapIndexXml(config.publicUrl, paths), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
};
