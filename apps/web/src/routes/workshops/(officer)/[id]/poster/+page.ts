import { joinQrSvg } from '#lib/workshops/qr.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url }) => {
  const { workshop } = await parent();
  const joinUrl = new URL(workshop.joinUrl, url.origin).href;
  return { joinUrl, qr: await joinQrSvg(joinUrl) };
};
