// Typed client for block inspections (issue 14). Types come from the API's own TypeBox schemas.
import type {
  ActionBody,
  ActionPatchBody,
  BlockBody,
  InspectionBody,
  InspectorMeBody,
  InviteEntryBody,
  InviteListBody,
  NewBlockBody,
  NewInspectionBody,
  NewStandardBody,
  ResultsBody,
  StandardBody,
  StandardsBody,
} from '@thrive/api/schemas';
import { ApiError, query, sendJson } from '#lib/api.ts';

export type {
  ActionBody,
  BlockBody,
  InspectionBody,
  InspectorMeBody,
  InviteEntryBody,
  NewInspectionBody,
  NewStandardBody,
  ResultsBody,
  StandardBody,
  StandardsBody,
};

type Fetch = typeof fetch;

const get = async <T>(fetchFn: Fetch, path: string) =>
  (await sendJson<T>(fetchFn, 'GET', path)) as T;
const send = async <T>(
  fetchFn: Fetch,
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
) => (await sendJson<T>(fetchFn, method, path, body)) as T;
const estatePath = (code: string) => `/api/estates/${encodeURIComponent(code)}`;

/** GET /api/estates/:code/standards */
export const getStandards = (code: string, fetchFn: Fetch = fetch) =>
  get<StandardsBody>(fetchFn, `${estatePath(code)}/standards`);

/** POST /api/estates/:code/standards (officer): a new version. */
export const createStandard = (code: string, body: NewStandardBody, fetchFn: Fetch = fetch) =>
  send<StandardBody>(fetchFn, 'POST', `${estatePath(code)}/standards`, body);

/** GET /api/estates/:code/blocks */
export const getBlocks = async (code: string, fetchFn: Fetch = fetch) =>
  (await get<{ blocks: BlockBody[] }>(fetchFn, `${estatePath(code)}/blocks`)).blocks;

/** POST /api/estates/:code/blocks (officer) */
export const createBlock = (code: string, body: NewBlockBody, fetchFn: Fetch = fetch) =>
  send<{ id: string }>(fetchFn, 'POST', `${estatePath(code)}/blocks`, body);

/** POST /api/estates/:code/blocks/import (officer): GeoJSON outlines named by properties.name. */
export const importBlocks = (code: string, geojson: unknown, fetchFn: Fetch = fetch) =>
  send<{ ids: string[] }>(fetchFn, 'POST', `${estatePath(code)}/blocks/import`, geojson);

/** POST /api/estates/:code/inspectors (officer): an invite link. */
export const inviteInspector = (code: string, fetchFn: Fetch = fetch) =>
  send<{ inviteUrl: string }>(fetchFn, 'POST', `${estatePath(code)}/inspectors`);

/** GET /api/estates/:code/inspector-invites (officer): the links made, newest first. */
export const getInvites = async (code: string, fetchFn: Fetch = fetch) =>
  (await get<InviteListBody>(fetchFn, `${estatePath(code)}/inspector-invites`)).invites;

/** DELETE /api/estates/:code/inspector-invites/:id (officer): stop a link and its inspectors. */
export const revokeInvite = (code: string, id: string, fetchFn: Fetch = fetch) =>
  send<InviteEntryBody>(
    fetchFn,
    'DELETE',
    `${estatePath(code)}/inspector-invites/${encodeURIComponent(id)}`,
  );

/** GET /api/inspect/me (inspector cookie) */
export const getInspectorMe = (fetchFn: Fetch = fetch) =>
  get<InspectorMeBody>(fetchFn, '/api/inspect/me');

/** PUT /api/inspect/me: the inspector's chosen name. */
export const putDisplayName = (displayName: string, fetchFn: Fetch = fetch) =>
  sendJson<null>(fetchFn, 'PUT', '/api/inspect/me', { displayName });

/** POST /api/inspections: 201 stored, 200 the same again. */
export const postInspection = (body: NewInspectionBody, fetchFn: Fetch = fetch) =>
  send<InspectionBody>(fetchFn, 'POST', '/api/inspections', body);

/** PUT /api/inspections/:id/photo: the raw image (the server strips EXIF and GPS again). */
export async function putInspectionPhoto(
  id: string,
  photo: Blob,
  fetchFn: Fetch = fetch,
): Promise<void> {
  const response = await fetchFn(`/api/inspections/${encodeURIComponent(id)}/photo`, {
    method: 'PUT',
    headers: { 'content-type': photo.type || 'image/jpeg', accept: 'application/json' },
    body: photo,
  });
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => ({})));
}

/** PUT /api/inspection-items/:id/example-photo (officer): a picture of the standard met, replacing any before. */
export async function putItemExamplePhoto(
  itemId: string,
  photo: Blob,
  fetchFn: Fetch = fetch,
): Promise<void> {
  const response = await fetchFn(
    `/api/inspection-items/${encodeURIComponent(itemId)}/example-photo`,
    {
      method: 'PUT',
      headers: { 'content-type': photo.type || 'image/jpeg', accept: 'application/json' },
      body: photo,
    },
  );
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => ({})));
}

/** Where an item's example photo is shown from. */
export const itemExamplePhotoUrl = (itemId: string) =>
  `/api/inspection-items/${encodeURIComponent(itemId)}/example-photo`;

/** GET /api/estates/:code/inspection-results */
export const getResults = (
  code: string,
  params: { period?: string; block?: string },
  fetchFn: Fetch = fetch,
) => get<ResultsBody>(fetchFn, `${estatePath(code)}/inspection-results${query(params)}`);

/** POST /api/inspection-actions (officer): a failed item becomes "you said, we did". */
export const createAction = (
  body: { blockId: string; itemId: string; period: string },
  fetchFn: Fetch = fetch,
) => send<ActionBody>(fetchFn, 'POST', '/api/inspection-actions', body);

/** PATCH /api/inspection-actions/:id (officer) */
export const patchAction = (id: string, body: ActionPatchBody, fetchFn: Fetch = fetch) =>
  send<ActionBody>(fetchFn, 'PATCH', `/api/inspection-actions/${encodeURIComponent(id)}`, body);

/** The outbox key of an estate's inspections (pins use the workshop's join code). */
export const inspectionOutboxKey = (estate: string) => `inspect:${estate}`;
