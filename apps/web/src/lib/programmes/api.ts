// Typed calls for programmes, their board report and the engagement rug. Types come from the
// API's own TypeBox schemas (@thrive/api/schemas), never copied by hand.
import type {
  EngagementBody,
  NewOutputBody,
  NewProgrammeBody,
  NewUpdateBody,
  ProgrammeBody,
  ProgrammeListBody,
  ProgrammePatchBody,
  ReportBody,
  ReportTable,
  RugBody,
} from '@thrive/api/schemas';
import { query, sendJson } from '#lib/api.ts';

export type { EngagementBody, ProgrammeBody, ProgrammeListBody, ReportBody, ReportTable };

type Fetch = typeof fetch;
const base = (id: string) => `/api/programmes/${encodeURIComponent(id)}`;
const get = async <T>(fetchFn: Fetch, path: string) =>
  (await sendJson<T>(fetchFn, 'GET', path)) as T;
const send = async <T>(fetchFn: Fetch, method: 'POST' | 'PATCH', path: string, body: unknown) =>
  (await sendJson<T>(fetchFn, method, path, body)) as T;

/** GET /api/programmes */
export const getProgrammes = (fetchFn: Fetch = fetch) =>
  get<ProgrammeListBody>(fetchFn, '/api/programmes');

/** GET /api/programmes/:id */
export const getProgramme = (id: string, fetchFn: Fetch = fetch) =>
  get<ProgrammeBody>(fetchFn, base(id));

/** POST /api/programmes (officers) */
export const createProgramme = (body: NewProgrammeBody, fetchFn: Fetch = fetch) =>
  send<ProgrammeBody>(fetchFn, 'POST', '/api/programmes', body);

/** PATCH /api/programmes/:id (officers) */
export const updateProgramme = (id: string, body: ProgrammePatchBody, fetchFn: Fetch = fetch) =>
  send<ProgrammeBody>(fetchFn, 'PATCH', base(id), body);

/** POST /api/programmes/:id/strands (officers) */
export const addStrand = (id: string, name: string, fetchFn: Fetch = fetch) =>
  send<ProgrammeBody>(fetchFn, 'POST', `${base(id)}/strands`, { name });

/** POST /api/programmes/:id/objectives (officers) */
export const addObjective = (id: string, strandId: string, text: string, fetchFn: Fetch = fetch) =>
  send<ProgrammeBody>(fetchFn, 'POST', `${base(id)}/objectives`, { strandId, text });

/** POST /api/programmes/:id/updates (officers) */
export const addUpdate = (id: string, body: NewUpdateBody, fetchFn: Fetch = fetch) =>
  send<ProgrammeBody>(fetchFn, 'POST', `${base(id)}/updates`, body);

/** POST /api/programmes/:id/outputs (officers): recorded, not measured */
export const addOutput = (id: string, body: NewOutputBody, fetchFn: Fetch = fetch) =>
  send<ProgrammeBody>(fetchFn, 'POST', `${base(id)}/outputs`, body);

/** GET /api/programmes/:id/report */
export const getReport = (id: string, period: string | null, fetchFn: Fetch = fetch) =>
  get<ReportBody>(fetchFn, `${base(id)}/report${query({ period })}`);

/** The CSV of one table of the report. */
export const reportCsvUrl = (id: string, table: ReportTable, period: string | null) =>
  `${base(id)}/report.csv${query({ table, period })}`;

/** GET /api/engagement/rug?programme= */
export const getEngagementRug = (
  programme: string,
  period: string | null,
  fetchFn: Fetch = fetch,
) => get<RugBody>(fetchFn, `/api/engagement/rug${query({ programme, period })}`);

/** Every table of the report, as the CSV download offers them. */
export const REPORT_TABLES: readonly { table: ReportTable; name: string }[] = [
  { table: 'objectives', name: 'Objectives and updates' },
  { table: 'kpis', name: 'Community KPIs' },
  { table: 'engagement', name: 'Engagement' },
  { table: 'representation', name: 'Who is heard' },
  { table: 'replies', name: 'You said, we did' },
  { table: 'outputs', name: 'Recorded outputs' },
];
