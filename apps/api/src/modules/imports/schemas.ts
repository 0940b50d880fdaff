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
