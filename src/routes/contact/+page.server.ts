import { getApp } from '$lib/server/app.ts';
import { handleContactAction } from '$lib/server/contact/form-action.ts';
import { instanceSecret, issueFormToken } from '$lib/server/contact/form-guard.ts';
import { getProjectPage } from '$lib/server/projects/get-project-page.ts';
import type { Actions, PageServerLoad } from './$types';

/** Contact the coordinators, about a project (?projet=<slug>) or to report an error (?sujet=erreur). */
export const load: PageServerLoad = async ({ url }) => {
  const { db } = await getApp();
  const slug = url.searchParams.get('projet');
  const project = slug ? await getProjectPage(db, slug) : null;
  return {
    token: issueFormToken(await instanceSecret(db)),
    project: project
      ? {
          slug: project.slug,
          name: project.name,
          path: project.path,
          contact: project.contact,
          website: project.website,
          credits: project.credits,
        }
      : null,
    errorReport: url.searchParams.get('sujet') === 'erreur',
  };
};

export const actions: Actions = {
  default: async ({ request, getClientAddress, locals }) => {
    const { db } = await getApp();
    return handleContactAction(db, request, getClientAddress(), 'contact', locals.locale);
  },
};
