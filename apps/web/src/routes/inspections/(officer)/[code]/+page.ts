import { getArea } from '#lib/api.ts';
import { getBlocks, getInvites, getStandards } from '#lib/inspections/api.ts';
import { failWith } from '#lib/workshops/access.ts';
import type { PageLoad } from './$types';

/** An estate's standards, blocks, invite links and name, for the officer's set-up page. */
export const load: PageLoad = async ({ params, fetch }) => {
  try {
    const [area, standards, blocks, invites] = await Promise.all([
      getArea(params.code, fetch),
      getStandards(params.code, fetch),
      getBlocks(params.code, fetch),
      getInvites(params.code, fetch),
    ]);
    return { code: params.code, area, standards, blocks, invites };
  } catch (problem) {
    failWith(problem);
  }
};
