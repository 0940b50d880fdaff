import { AREA_LEVELS, IMPORT_JOB_STATUSES } from '@thrive/db';
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

/** An officer's own boundaries, as the text of a GeoJSON FeatureCollection (WGS84). */
export const BoundaryUploadBody = Type.Object(
  {
    geojson: Type.String({ minLength: 1, description: 'The file as text' }),
    fileName: Type.String({ minLength: 1, maxLength: 200, description: 'Stored with the areas as their source' }),
    level: Type.Enum(AREA_LEVELS, { description: 'What the features are: ward, lsoa, estate, …' }),
    parent: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$', description: 'The area they belong to (e.g. the local authority)' })),
    codeProp: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'The property holding each code (guessed when absent)' })),
    nameProp: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'The property holding each name (guessed when absent)' })),
    replace: Type.Optional(Type.Boolean({ description: 'Move areas that already exist at another level or under another parent' })),
  },
  { additionalProperties: false },
);
export type BoundaryUploadBody = Static<typeof BoundaryUploadBody>;

export const BoundaryReportBody = Type.Object({
  areas: Type.Integer(),
  codeProp: Type.String(),
  nameProp: Type.Union([Type.String(), Type.Null()]),
  guessed: Type.Array(Type.String()),
  warnings: Type.Array(Type.String()),
});
export type BoundaryReportBody = Static<typeof BoundaryReportBody>;

/** An officer's own indicators: values in long CSV, with their definitions (JSON). */
export const IndicatorUploadBody = Type.Object(
  {
    csv: Type.String({ minLength: 1, description: 'indicator_id,area_code,period,value,numerator,denominator,lower_ci,upper_ci' }),
    definitions: Type.String({ minLength: 1, description: 'A JSON array of indicator definitions' }),
  },
  { additionalProperties: false },
);
export type IndicatorUploadBody = Static<typeof IndicatorUploadBody>;

export const IndicatorReportBody = Type.Object({ indicators: Type.Integer(), values: Type.Integer() });
export type IndicatorReportBody = Static<typeof IndicatorReportBody>;
