import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app.ts';
import { countSitemapProjectFiles, sitemapProjects, sitemapXml } from '$lib/server/explore/sitemap.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
  const page = Number(params.page);
  const { db, config } = await getApp();
  if (!Number.isInteger(page) || page < 1 || page > (await countSitemapProjectFiles(db))) error(404);
  return new Response(sitemapXml(config.publicUrl, await sitemapProjects(db, page)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
};
