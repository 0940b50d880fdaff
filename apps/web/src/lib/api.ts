// Typed client for the Thrive API. Types come from the API's own TypeBox schemas, never
// copied by hand.
import type {
  AreaCollectionBody,
  AreaDetailBody,
  ErrorBody,
  HealthBody,
  IndicatorListBody,
  AreaListQuery,
  ProfileBody,
  RugBody,
  RugQuery,
} from '@thrive/api/schemas';
import type {
  AnalysisBody,
  LivePinFeature,
  ModerationBody,
  NewResponseBody,
  NewWorkshopBody,
  OfficerPinBody,
  OfficerPinListBody,
  ResponseEntryBody,
  ResponseHistoryBody,
  WallBody,
  WorkshopBody,
  WorkshopListBody,
  WorkshopPatchBody,
} from '@thrive/api/schemas';
// Residents' workshop pages (/w/<code>).
import type {
  AboutYouBody,
  JoinBody,
  NewPinBody,
  ParticipantMeBody,
  PinBody,
  PinCollectionBody,
  PinFeatureBody,
  PinResponseBody,
  ResidentWorkshopBody,
  SupportBody,
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
export type {
  AnalysisBody,
  LivePinFeature,
  ModerationBody,
  NewResponseBody,
  NewWorkshopBody,
  OfficerPinBody,
  OfficerPinListBody,
  ResponseEntryBody,
  ResponseHistoryBody,
  WallBody,
  WorkshopBody,
  WorkshopListBody,
  WorkshopPatchBody,
};
export type {
  AboutYouBody,
  JoinBody,
  NewPinBody,
  ParticipantMeBody,
  PinBody,
  PinCollectionBody,
  PinFeatureBody,
  PinResponseBody,
  ResidentWorkshopBody,
  SupportBody,
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

/**
 * A request with an optional JSON body; the JSON answer out, null for 204 (errors as ApiError).
 */
export async function sendJson<T>(
  fetchFn: Fetch,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T | null> {
  const response = await fetchFn(path, {
    method,
    headers:
      body === undefined
        ? { accept: 'application/json' }
        : { accept: 'application/json', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const parsed: unknown = response.status === 204 ? null : await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, (parsed ?? {}) as Partial<ErrorBody>);
  return parsed as T | null;
}

/** Officer writes: a JSON body in, the JSON answer out (errors as ApiError). */
const officerSend = async <T>(
  fetchFn: Fetch,
  method: 'POST' | 'PATCH',
  path: string,
  payload: unknown,
) => (await sendJson<T>(fetchFn, method, path, payload)) as T;

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
  params: { level: AreaListQuery['level']; parent?: string; simplify?: number },
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

// Residents' workshops, officer routes (`ref` is a workshop's id or join code; workshopPath
// is defined with the residents' calls below).

/** GET /api/workshops (officer) */
export const getWorkshops = (fetchFn: Fetch = fetch) =>
  getJson<WorkshopListBody>(fetchFn, '/api/workshops');

/** GET /api/workshops/:ref (officer) */
export const getWorkshop = (ref: string, fetchFn: Fetch = fetch) =>
  getJson<WorkshopBody>(fetchFn, workshopPath(ref));

/** POST /api/workshops (officer) */
export const createWorkshop = (body: NewWorkshopBody, fetchFn: Fetch = fetch) =>
  officerSend<WorkshopBody>(fetchFn, 'POST', '/api/workshops', body);

/** PATCH /api/workshops/:ref (officer) */
export const updateWorkshop = (ref: string, body: WorkshopPatchBody, fetchFn: Fetch = fetch) =>
  officerSend<WorkshopBody>(fetchFn, 'PATCH', workshopPath(ref), body);

// ---- Residents' workshops (/w/<code>) -------------------------------------------------------

const workshopPath = (code: string) => `/api/workshops/${encodeURIComponent(code)}`;

/** GET /api/w/:code: what a resident's page shows of a workshop (no cookie needed). */
export const getResidentWorkshop = (code: string, fetchFn: Fetch = fetch) =>
  getJson<ResidentWorkshopBody>(fetchFn, `/api/w/${encodeURIComponent(code)}`);

/** GET /api/workshops/:code/pins: the published pins as GeoJSON. */
export const getWorkshopPins = (code: string, fetchFn: Fetch = fetch) =>
  getJson<PinCollectionBody>(fetchFn, `${workshopPath(code)}/pins`);

/** POST /api/workshops/:code/join: a fresh anonymous participant (the cookie is httpOnly). */
export const joinWorkshop = async (code: string, fetchFn: Fetch = fetch) =>
  (await sendJson<JoinBody>(fetchFn, 'POST', `${workshopPath(code)}/join`)) as JoinBody;

/** POST /api/workshops/:code/leave: forgets the participant on this device (station mode). */
export const leaveWorkshop = async (code: string, fetchFn: Fetch = fetch) => {
  await sendJson(fetchFn, 'POST', `${workshopPath(code)}/leave`);
};

/** GET /api/workshops/:code/me: the participant's own pins (any state) and whether "about you" was asked. */
export const getMyWorkshop = (code: string, fetchFn: Fetch = fetch) =>
  getJson<ParticipantMeBody>(fetchFn, `${workshopPath(code)}/me`);

/** PUT /api/workshops/:code/me/about */
export const putAboutYou = async (code: string, body: AboutYouBody, fetchFn: Fetch = fetch) => {
  await sendJson(fetchFn, 'PUT', `${workshopPath(code)}/me/about`, body);
};

/** POST /api/workshops/:code/pins: idempotent on the pin's id (made on the device). */
export const postPin = async (code: string, body: NewPinBody, fetchFn: Fetch = fetch) =>
  (await sendJson<PinBody>(fetchFn, 'POST', `${workshopPath(code)}/pins`, body)) as PinBody;

/** POST /api/workshops/:code/pins/:id/support: "me too" (idempotent). */
export const postSupport = async (code: string, pinId: string, fetchFn: Fetch = fetch) =>
  (await sendJson<SupportBody>(
    fetchFn,
    'POST',
    `${workshopPath(code)}/pins/${encodeURIComponent(pinId)}/support`,
  )) as SupportBody;

/** PUT /api/workshops/:code/pins/:id/photo: the photo's bytes (the server re-encodes them). */
export async function putPinPhoto(
  code: string,
  pinId: string,
  photo: Blob,
  fetchFn: Fetch = fetch,
): Promise<void> {
  const response = await fetchFn(`${workshopPath(code)}/pins/${encodeURIComponent(pinId)}/photo`, {
    method: 'PUT',
    headers: { 'content-type': photo.type || 'image/jpeg', accept: 'application/json' },
    body: photo,
  });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => ({}));
    throw new ApiError(response.status, body as Partial<ErrorBody>);
  }
}

/** The URL of a published pin's photo. */
export const pinPhotoUrl = (pinId: string) => `/api/pins/${encodeURIComponent(pinId)}/photo`;

/** GET /api/workshops/:ref/pins/all (officer): every pin, hidden and waiting ones too. */
export const getAllPins = (ref: string, fetchFn: Fetch = fetch) =>
  getJson<OfficerPinListBody>(fetchFn, `${workshopPath(ref)}/pins/all`);

/** PATCH /api/pins/:id (officer): hide or restore a pin, with the reason (audited). */
export const moderatePin = (id: string, body: ModerationBody, fetchFn: Fetch = fetch) =>
  officerSend<OfficerPinBody>(fetchFn, 'PATCH', `/api/pins/${encodeURIComponent(id)}`, body);

/** POST /api/pins/:id/responses (officer): "you said, we did". */
export const addPinResponse = (id: string, body: NewResponseBody, fetchFn: Fetch = fetch) =>
  officerSend<ResponseEntryBody>(
    fetchFn,
    'POST',
    `/api/pins/${encodeURIComponent(id)}/responses`,
    body,
  );

/** GET /api/pins/:id/responses: every reply on a pin, oldest first. */
export const getPinResponses = (id: string, fetchFn: Fetch = fetch) =>
  getJson<ResponseHistoryBody>(fetchFn, `/api/pins/${encodeURIComponent(id)}/responses`);

/** GET /api/workshops/:ref/wall (public): the live wall's first paint. */
export const getWall = (ref: string, fetchFn: Fetch = fetch) =>
  getJson<WallBody>(fetchFn, `${workshopPath(ref)}/wall`);

/** GET /api/workshops/:ref/analysis (officer): counts with every one under 5 suppressed. */
export const getAnalysis = (ref: string, fetchFn: Fetch = fetch) =>
  getJson<AnalysisBody>(fetchFn, `${workshopPath(ref)}/analysis`);

/** The live wall's event stream (public), resuming after `lastEventId`. */
export const wallEventsUrl = (ref: string, lastEventId?: string) =>
  `${workshopPath(ref)}/events${query({ lastEventId })}`;

/** The workshop's pins as GeoJSON or CSV (officer); `hidden` includes hidden pins. */
export const workshopExportUrl = (ref: string, format: 'geojson' | 'csv', hidden = false) =>
  `${workshopPath(ref)}/export.${format}${query({ hidden: hidden ? 1 : undefined })}`;
