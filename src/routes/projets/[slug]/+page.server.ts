import { error, redirect } from '@sveltejs/kit';
import { fr as t } from '$lib/i18n/fr.ts';
import { getApp } from '$lib/server/app.ts';
import { findRedirect } from '$lib/server/consolidate/duplicates/find-redirect.ts';
import { getProjectPage } from '$lib/server/projects/get-project-page.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  const { db, config } = await getApp();
  const project = await getProjectPage(db, params.slug);
  if (!project) {
    // A project merged into another keeps its URL as a permanent redirect.
    const target = await findRedirect(db, params.slug);
    if (target) redirect(301, `/projets/${target}`);
    error(404, { message: t.project.notFound, code: 'project_not_found' });
  }
  return { project, canonical: `${config.publicUrl}${project.path}` };
};
