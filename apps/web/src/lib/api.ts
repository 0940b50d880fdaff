// Typed client for the Thrive API. Types come from the API's own TypeBox schemas, never
// copied by hand.
import type {
  AreaCollectionBody,
  AreaDetailBody,
  ErrorBody,
  HealthBody,
  IndicatorListBody,
  ProfileBody,
  RugBody,
  RugQuery,
} from '@thrive/api/schemas';

export type {
  AreaCollectionBody,
  AreaDetailBody,
  HealthBody,
  IndicatorListBody,
  ProfileBody,
  RugBody,
  RugQuery,
};

/** An API call answered with an error status; `message` is the API's own words. */
export class ApiError extends Error {
  readonly status: number;
  readonly field: string | undefined;

  constructor(status: number, body: Partial<ErrorBody>) {
    super(body.message ?? `The server answered ${status}.`);
    this.name = 'ApiError';
    this.status = status;
    this.field = body.field;
  }
}

type Fetch = typeof fetch;

async function getJson<T>(fetchFn: Fetch, path: string): Promise<T> {
  const response = await fetchFn(path, { headers: { accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body as Partial<ErrorBody>);
  return body as T;
}

/** A query string from defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** GET /api/health */
export const getHealth = (fetchFn: Fetch = fetch) => getJson<HealthBody>(fetchFn, '/api/health');

/** GET /api/areas: areas of a level (under a parent) as GeoJSON. */
export const getAreas = (
  params: { level: string; parent?: string; simplify?: number },
  fetchFn: Fetch = fetch,
) => getJson<AreaCollectionBody>(fetchFn, `/api/areas${query(params)}`);

/** GET /api/areas/:code */
export const getArea = (code: string, fetchFn: Fetch = fetch) =>
  getJson<AreaDetailBody>(fetchFn, `/api/areas/${encodeURIComponent(code)}`);

/** GET /api/areas/:code/profile */
export const getProfile = (
  code: string,
  params: { confidence?: string } = {},
  fetchFn: Fetch = fetch,
) =>
  getJson<ProfileBody>(fetchFn, `/api/areas/${encodeURIComponent(code)}/profile${query(params)}`);

/** GET /api/indicators */
export const getIndicators = (fetchFn: Fetch = fetch) =>
  getJson<IndicatorListBody>(fetchFn, '/api/indicators');

/** The rug's query parameters, as the API takes them. */
export type RugParams = Partial<Omit<RugQuery, 'parent'>> & { parent: string };

/** GET /api/rug */
export const getRug = (params: RugParams, fetchFn: Fetch = fetch) =>
  getJson<RugBody>(fetchFn, `/api/rug${query(params)}`);

/** The URL of the rug as CSV (same parameters). */
export const rugCsvUrl = (params: RugParams) => `/api/rug.csv${query(params)}`;
