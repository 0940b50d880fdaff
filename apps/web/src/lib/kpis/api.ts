// Typed client for community-defined KPIs and the surveys behind them (issue 12). Types come
// from the API's own TypeBox schemas.
import type {
  AdoptionBody,
  KpiAreaListBody,
  KpiAreaPageBody,
  KpiBody,
  KpiDetailBody,
  KpiDraftsBody,
  KpiListBody,
  KpiPatchBody,
  KpiPeriodBody,
  KpiTemplateListBody,
  KpiVersionBody,
  NewKpiBody,
  NewSurveyBody,
  NewSurveyResponseBody,
  RetirementBody,
  SurveyBody,
  SurveyJoinBody,
  SurveyListBody,
  SurveyMeBody,
  SurveyResponseBody,
  SurveyWaveBody,
} from '@thrive/api/schemas';
import { query, sendJson } from '#lib/api.ts';

export type {
  AdoptionBody,
  KpiAreaListBody,
  KpiAreaPageBody,
  KpiBody,
  KpiDetailBody,
  KpiDraftsBody,
  KpiListBody,
  KpiPatchBody,
  KpiPeriodBody,
  KpiTemplateListBody,
  KpiVersionBody,
  NewKpiBody,
  NewSurveyBody,
  NewSurveyResponseBody,
  RetirementBody,
  SurveyBody,
  SurveyJoinBody,
  SurveyListBody,
  SurveyMeBody,
  SurveyResponseBody,
  SurveyWaveBody,
};

type Fetch = typeof fetch;

const get = async <T>(fetchFn: Fetch, path: string) =>
  (await sendJson<T>(fetchFn, 'GET', path)) as T;
const send = async <T>(fetchFn: Fetch, method: 'POST' | 'PATCH', path: string, body?: unknown) =>
  (await sendJson<T>(fetchFn, method, path, body)) as T;
const kpiPath = (id: string) => `/api/kpis/${encodeURIComponent(id)}`;
const surveyPath = (id: string) => `/api/surveys/${encodeURIComponent(id)}`;

/** GET /api/kpi-templates */
export const getKpiTemplates = (fetchFn: Fetch = fetch) =>
  get<KpiTemplateListBody>(fetchFn, '/api/kpi-templates');

/** GET /api/kpis/all (officer): drafts, adopted and retired, optionally of an area. */
export const getAllKpis = (area: string | undefined, fetchFn: Fetch = fetch) =>
  get<KpiListBody>(fetchFn, `/api/kpis/all${query({ area })}`);

/** GET /api/kpis/:id: versions and periods (drafts for officers only). */
export const getKpi = (id: string, fetchFn: Fetch = fetch) =>
  get<KpiDetailBody>(fetchFn, kpiPath(id));

/** POST /api/kpis (officer): a draft. */
export const createKpi = (body: NewKpiBody, fetchFn: Fetch = fetch) =>
  send<KpiDetailBody>(fetchFn, 'POST', '/api/kpis', body);

/** PATCH /api/kpis/:id (officer): an adopted version is kept, the change becomes a new one. */
export const updateKpi = (id: string, body: KpiPatchBody, fetchFn: Fetch = fetch) =>
  send<KpiDetailBody>(fetchFn, 'PATCH', kpiPath(id), body);

/** POST /api/kpis/:id/adoption (officer) */
export const adoptKpi = (id: string, body: AdoptionBody, fetchFn: Fetch = fetch) =>
  send<KpiDetailBody>(fetchFn, 'POST', `${kpiPath(id)}/adoption`, body);

/** POST /api/kpis/:id/retirement (officer) */
export const retireKpi = (id: string, body: RetirementBody, fetchFn: Fetch = fetch) =>
  send<KpiDetailBody>(fetchFn, 'POST', `${kpiPath(id)}/retirement`, body);

/** GET /api/workshops/:ref/kpi-drafts (officer) */
export const getKpiDrafts = (ref: string, fetchFn: Fetch = fetch) =>
  get<KpiDraftsBody>(fetchFn, `/api/workshops/${encodeURIComponent(ref)}/kpi-drafts`);

/** GET /api/kpis/areas: areas with adopted KPIs (public). */
export const getKpiAreas = (fetchFn: Fetch = fetch) =>
  get<KpiAreaListBody>(fetchFn, '/api/kpis/areas');

/** GET /api/kpis/areas/:code: an area's public page. */
export const getKpiAreaPage = (code: string, fetchFn: Fetch = fetch) =>
  get<KpiAreaPageBody>(fetchFn, `/api/kpis/areas/${encodeURIComponent(code)}`);

/** GET /api/surveys (officer), optionally of an area. */
export const getSurveys = (area: string | undefined, fetchFn: Fetch = fetch) =>
  get<SurveyListBody>(fetchFn, `/api/surveys${query({ area })}`);

/** GET /api/surveys/:id: questions and the open wave (public). */
export const getSurvey = (id: string, fetchFn: Fetch = fetch) =>
  get<SurveyBody>(fetchFn, surveyPath(id));

/** POST /api/surveys (officer) */
export const createSurvey = (body: NewSurveyBody, fetchFn: Fetch = fetch) =>
  send<SurveyBody>(fetchFn, 'POST', '/api/surveys', body);

/** POST /api/surveys/:id/waves (officer): opens a wave, closing the open one. */
export const openSurveyWave = (id: string, period: string, fetchFn: Fetch = fetch) =>
  send<SurveyWaveBody>(fetchFn, 'POST', `${surveyPath(id)}/waves`, { period });

/** POST /api/surveys/:id/join: a fresh anonymous participant (httpOnly cookie). */
export const joinSurvey = (id: string, fetchFn: Fetch = fetch) =>
  send<SurveyJoinBody>(fetchFn, 'POST', `${surveyPath(id)}/join`);

/** GET /api/surveys/:id/me: whether this participant answered the open wave. */
export const getSurveyMe = (id: string, fetchFn: Fetch = fetch) =>
  get<SurveyMeBody>(fetchFn, `${surveyPath(id)}/me`);

/** POST /api/surveys/:id/responses: idempotent on the device-made id. */
export const postSurveyResponse = (
  id: string,
  body: NewSurveyResponseBody,
  fetchFn: Fetch = fetch,
) => send<SurveyResponseBody>(fetchFn, 'POST', `${surveyPath(id)}/responses`, body);

/** The resident link of a survey. */
export const surveyLink = (id: string) => `/s/${encodeURIComponent(id)}`;
