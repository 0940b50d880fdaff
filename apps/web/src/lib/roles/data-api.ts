// The data page's calls: loading an authority from the mirror as a job, and an officer's own
// boundaries and indicators (types from the API's schemas).
import type {
  BoundaryReportBody,
  BoundaryUploadBody,
  ImportJobBody,
  IndicatorReportBody,
} from '@thrive/api/schemas';
import { sendJson } from '#lib/api.ts';

export type ImportJob = ImportJobBody;
export type BoundaryUpload = BoundaryUploadBody;
export type BoundaryReport = BoundaryReportBody;
export type IndicatorReport = IndicatorReportBody;

type Fetch = typeof fetch;

/** POST /api/imports/authorities: starts the job (202). */
export const startAuthorityImport = async (code: string, fetchFn: Fetch = fetch) =>
  (await sendJson<ImportJob>(fetchFn, 'POST', '/api/imports/authorities', { code })) as ImportJob;

/** GET /api/imports/:job: its progress, then its result. */
export const getImportJob = async (id: string, fetchFn: Fetch = fetch) =>
  (await sendJson<ImportJob>(
    fetchFn,
    'GET',
    `/api/imports/${encodeURIComponent(id)}`,
  )) as ImportJob;

/** POST /api/imports/boundaries */
export const uploadBoundaries = async (body: BoundaryUpload, fetchFn: Fetch = fetch) =>
  (await sendJson<BoundaryReport>(
    fetchFn,
    'POST',
    '/api/imports/boundaries',
    body,
  )) as BoundaryReport;

/** POST /api/imports/indicators */
export const uploadIndicators = async (csv: string, definitions: string, fetchFn: Fetch = fetch) =>
  (await sendJson<IndicatorReport>(fetchFn, 'POST', '/api/imports/indicators', {
    csv,
    definitions,
  })) as IndicatorReport;
