import { Type, type Static } from 'typebox';

/** What `GET /api/health` answers. */
export const HealthBody = Type.Object({
  status: Type.Literal('ok'),
  engine: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  migration: Type.Union([Type.String(), Type.Null()], { description: 'Newest applied migration' }),
});
export type HealthBody = Static<typeof HealthBody>;
