import { IMPORT_JOB_STATUSES } from '@thrive/db';
import { Type, type Static } from 'typebox';

export const ImportAuthorityBody = Type.Object(
  {
    code: Type.String({ pattern: '^E0[6-9][0-9]{6}$', description: 'English local authority district, 2019 code, e.g. E07000096 (Dacorum)' }),
  },
  { additionalProperties: false },
);
export type ImportAuthorityBody = Static<typeof ImportAuthorityBody>;

export const ImportReportBody = Type.Object({
  code: Type.String(),
  name: Type.String(),
  wards: Type.Integer(),
  lsoas: Type.Integer(),
  values: Type.Integer(),
  seconds: Type.Number(),
  notes: Type.Array(Type.String()),
});
export type ImportReportBody = Static<typeof ImportReportBody>;

/** A background import: POST answers it with 202, GET /api/imports/:job follows it. */
export const ImportJobBody = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Literal('authority'),
  target: Type.String({ description: 'What is being imported, e.g. the authority code' }),
  status: Type.Enum(IMPORT_JOB_STATUSES, { description: 'running, then done, refused (the input was at fault: see error) or failed (ours)' }),
  progress: Type.String({ description: 'The latest step' }),
  result: Type.Union([ImportReportBody, Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type ImportJobBody = Static<typeof ImportJobBody>;

export const ImportJobParams = Type.Object({ job: Type.String({ format: 'uuid' }) });
