import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app.ts';
import { getPartnerPage } from '$lib/server/explore/partner-pages.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  const { db, config } = await getApp();
  const partner = await getPartnerPage(db, params.slug);
  if (!partner) error(404, { message: 'Ce partenaire est inconnu.', code: 'partner_not_found' });
  return { partner, canonical: `${config.publicUrl}/partenaires/${partner.slug}` };
};
