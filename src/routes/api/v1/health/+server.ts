import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
  const { db } = await getApp();
  await db.query('SELECT 1');
  return json({ status: 'ok', database: db.kind }, { headers: { 'Cache-Control': 'no-store' } });
};
