import { error } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n/locale.ts';
import { getApp } from '$lib/server/app.ts';
import { exploreCharts } from '$lib/server/charts/explore-charts.ts';
import { getPartnerPage } from '$lib/server/explore/partner-pages.ts';
import { exploreMessages, pageLocale } from '$lib/server/i18n/messages.ts';
import { localizeCards } from '$lib/server/projects/localize-project-terms.ts';
import { termLabels } from '$lib/server/taxonomy/term-labels.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, params }) => {
  const locale = pageLocale(url);
  const { db, config } = await getApp();
  const found = await getPartnerPage(db, params.slug);
  if (!found) error(404, { message: exploreMessages(locale).partners.notFound, code: 'partner_not_found' });
  const partner = { ...found, latest: localizeCards(found.latest, await termLabels(db, locale)) };
  const charts = await exploreCharts(
    db,
    { partner: partner.slug },
    ['theme', 'region', 'month', 'stage'],
    locale,
  );
  return {
    partner,
    charts,
    canonical: `${config.publicUrl}${localizeHref(`/partenaires/${partner.slug}`, locale)}`,
  };
};
