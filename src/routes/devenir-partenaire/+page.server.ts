import { getApp } from '$lib/server/app.ts';
import { handleContactAction } from '$lib/server/contact/form-action.ts';
import { instanceSecret, issueFormToken } from '$lib/server/contact/form-guard.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const { db } = await getApp();
  return { token: issueFormToken(await instanceSecret(db)) };
};

export const actions: Actions = {
  default: async ({ request, getClientAddress, locals }) => {
    const { db } = await getApp();
    return handleContactAction(db, request, getClientAddress(), 'partner_application', locals.locale);
  },
};
