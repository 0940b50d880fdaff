import { getUsers } from '#lib/roles/admin-api.ts';
import { failWith } from '#lib/workshops/access.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent }) => {
  await parent();
  try {
    return { users: await getUsers(fetch) };
  } catch (problem) {
    failWith(problem);
  }
};
