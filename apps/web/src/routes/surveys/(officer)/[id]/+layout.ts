import { resolve } from '$app/paths';
import { getSurvey } from '#lib/kpis/api.ts';
import { joinQrSvg } from '#lib/workshops/qr.ts';
import { failWith } from '#lib/workshops/access.ts';
import type { LayoutLoad } from './$types';

/** The survey every page under /surveys/<id> is about, with its resident link and QR code. */
export const load: LayoutLoad = async ({ fetch, params, parent, url }) => {
  await parent();
  try {
    const survey = await getSurvey(params.id, fetch);
    const link = new URL(resolve('/s/[id]', { id: survey.id }), url.origin).href;
    return { survey, link, qr: await joinQrSvg(link) };
  } catch (problem) {
    failWith(problem);
  }
};
