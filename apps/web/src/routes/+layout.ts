import { getMe } from '#lib/auth.ts';
import type { LayoutLoad } from './$types';

/** Who is signed in, for the header; rerun after signing in or out (invalidateAll). */
export const load: LayoutLoad = async ({ fetch }) => {
  try {
    return { user: await getMe(fetch) };
  } catch {
    // The page still works without knowing; the header then offers to sign in.
    return { user: null };
  }
};
