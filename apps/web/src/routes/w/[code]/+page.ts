import { error, redirect } from '@sveltejs/kit';
import { normaliseJoinCode } from '@thrive/participation';
import {
  ApiError,
  getResidentWorkshop,
  getWorkshopPins,
  type PinCollectionBody,
} from '#lib/api.ts';
import { messages as m } from '#lib/messages/index.ts';
import type { PageLoad } from './$types';

const NO_PINS: PinCollectionBody = { type: 'FeatureCollection', features: [] };

/**
 * The workshop and its published pins: public data only, so the page (and the service worker's
 * copy of it) never holds anything about the person using it.
 */
export const load: PageLoad = async ({ params, url, fetch }) => {
  const code = normaliseJoinCode(params.code);
  if (!code) error(404, m.workshopNotFound);
  if (code !== params.code) redirect(308, `/w/${code}${url.search}`);
  try {
    const [workshop, pins] = await Promise.all([
      getResidentWorkshop(code, fetch),
      getWorkshopPins(code, fetch).catch(() => NO_PINS),
    ]);
    return { workshop, pins };
  } catch (problem) {
    if (problem instanceof ApiError && problem.status === 404) error(404, m.workshopNotFound);
    error(503, m.joinOffline);
  }
};
