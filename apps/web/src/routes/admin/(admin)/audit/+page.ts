import { ApiError } from '#lib/api.ts';
import { AUDIT_ACTION_LABELS, getAudit, getUsers, type AuditAction, type AuditFilter } from '#lib/roles/admin-api.ts';
import { failWith } from '#lib/workshops/access.ts';
import type { PageLoad } from './$types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters in a URL (who, what, from, to, before); anything malformed is left out. */
function readAuditFilter(search: URLSearchParams): AuditFilter {
  const filter: AuditFilter = {};
  const action = search.get('action');
  if (action && action in AUDIT_ACTION_LABELS) filter.action = action as AuditAction;
  const actor = search.get('actor');
  if (actor && UUID.test(actor)) filter.actor = actor;
  for (const key of ['from', 'to'] as const) {
    const value = search.get(key);
    if (value && DAY.test(value)) filter[key] = value;
  }
  const before = search.get('before');
  if (before && /^[1-9][0-9]{0,17}$/.test(before)) filter.before = before;
  return filter;
}

export const load: PageLoad = async ({ fetch, parent, url }) => {
  await parent();
  const filter = readAuditFilter(url.searchParams);
  try {
    const [users, page] = await Promise.all([getUsers(fetch), getAudit(filter, fetch)]);
    return { users, filter, page, problem: null };
  } catch (problem) {
    // A filter the API refuses (e.g. a day that does not exist) is said on the page.
    if (problem instanceof ApiError && problem.status === 400)
      return { users: await getUsers(fetch), filter, page: { events: [], next: null }, problem: problem.message };
    failWith(problem);
  }
};
