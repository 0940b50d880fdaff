// Typed client for the Thrive API. Types come from the API's own TypeBox schemas, never
// copied by hand.
import type { ErrorBody, HealthBody } from '@thrive/api/schemas';

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

/** GET /api/health */
export const getHealth = (fetchFn: Fetch = fetch) => getJson<HealthBody>(fetchFn, '/api/health');
