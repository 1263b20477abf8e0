import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app.ts';
import { exploreCharts } from '$lib/server/charts/explore-charts.ts';
import { getPartnerPage } from '$lib/server/explore/partner-pages.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  const { db, config } = await getApp();
  const partner = await getPartnerPage(db, params.slug);
  if (!partner) error(404, { message: 'Ce partenaire est inconnu.', code: 'partner_not_found' });
  const charts = await exploreCharts(db, { partner: partner.slug }, ['theme', 'region', 'month', 'stage']);
  return { partner, charts, canonical: `${config.publicUrl}/partenaires/${partner.slug}` };
};
