import { error } from '@sveltejs/kit';
import { ApiError, getAreas, getProfile, type ProfileBody } from '#lib/api.ts';
import type { PageLoad } from './$types';

const CODE = /^[A-Za-z0-9_-]{1,40}$/;

/** Two wards' profiles side by side (?a=&b=); with only ?a=, the wards to choose the second from. */
export const load: PageLoad = async ({ fetch, url }) => {
  const a = url.searchParams.get('a') ?? '';
  const b = url.searchParams.get('b') ?? '';
  if (!CODE.test(a)) error(404, 'Choose a ward first: open its profile and pick “Compare with another ward”.');
  const profile = (code: string) =>
    getProfile(code, {}, fetch).catch((problem: unknown): never => {
      if (problem instanceof ApiError) error(problem.status === 400 ? 404 : problem.status, problem.message);
      error(503, 'The server could not be reached. Try again in a moment.');
    });
  const first: ProfileBody = await profile(a);
  if (first.area.level !== 'ward' || !first.parent) error(404, `${first.area.name} is not a ward; comparisons are between wards.`);
  const [second, wards] = await Promise.all([
    CODE.test(b) ? profile(b) : null,
    getAreas({ level: 'ward', parent: first.parent.code, simplify: 5000 }, fetch),
  ]);
  return {
    first,
    second: second && second.area.level === 'ward' ? second : null,
    wards: wards.features
      .map((f) => ({ code: f.properties.code, name: f.properties.name }))
      .filter((w) => w.code !== first.area.code)
      .sort((x, y) => x.name.localeCompare(y.name, 'en-GB')),
  };
};
