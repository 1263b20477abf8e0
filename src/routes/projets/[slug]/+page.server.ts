import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n/locale.ts';
import { getApp } from '$lib/server/app.ts';
import { renderLocationsMapSvg } from '$lib/server/charts/render-france-map.ts';
import { findRedirect } from '$lib/server/consolidate/duplicates/find-redirect.ts';
import { messages, pageLocale } from '$lib/server/i18n/messages.ts';
import { memoize } from '$lib/server/platform/memo.ts';
import { getProjectPage } from '$lib/server/projects/get-project-page.ts';
import { getSimilarProjects } from '$lib/server/projects/get-similar-projects.ts';
import { localizeCards, localizeProjectPage } from '$lib/server/projects/localize-project-terms.ts';
import { projectJsonLd } from '$lib/server/projects/project-structured-data.ts';
import { termLabels } from '$lib/server/taxonomy/term-labels.ts';
import type { PageServerLoad } from './$types';

/** Mainland France, where the small map can place a dot; overseas sites are listed in text. */
const inMainland = (lon: number, lat: number) => lon > -5.5 && lon < 10 && lat > 41 && lat < 51.5;

export const load: PageServerLoad = async ({ url, params }) => {
  const locale = pageLocale(url);
  const { db, config } = await getApp();
  const found = await getProjectPage(db, params.slug);
  if (!found) {
    // A project merged into another keeps its URL as a permanent redirect.
    const target = await findRedirect(db, params.slug);
    if (target) redirect(301, localizeHref(`/projets/${target}`, locale));
    error(404, { message: messages(locale).project.notFound, code: 'project_not_found' });
  }
  const labels = await termLabels(db, locale);
  const project = localizeProjectPage(found, labels);
  const canonical = `${config.publicUrl}${localizeHref(project.path, locale)}`;
  const points = project.locations.flatMap((l) =>
    l.longitude !== null && l.latitude !== null && inMainland(l.longitude, l.latitude)
      ? [{ longitude: l.longitude, latitude: l.latitude, label: l.city ?? '' }]
      : [],
  );
  return {
    project,
    canonical,
    jsonLd: projectJsonLd(project, canonical),
    locationsMap: points.length ? renderLocationsMapSvg(points) : null,
    // Suggestions need not be fresh to the second; they cost a scan of recent projects.
    similar: localizeCards(
      await memoize(`similar:${project.slug}`, 300_000, () => getSimilarProjects(db, project.slug)),
      labels,
    ),
  };
};
