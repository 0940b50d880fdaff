// Schemas shared by every module and by the web client (one source for API types).
import { Type, type Static } from 'typebox';

/** The body of every error response. */
export const ErrorBody = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String({ description: 'The input at fault, e.g. querystring.level' })),
  },
  { $id: 'ErrorBody' },
);
export type ErrorBody = Static<typeof ErrorBody>;

export { HealthBody } from './modules/health/schemas.ts';
export { AreaCollectionBody, AreaDetailBody, AreaListQuery } from './modules/areas/schemas.ts';
export { IndicatorListBody, ValuesBody } from './modules/indicators/schemas.ts';
export { RugBody, RugQuery } from './modules/rug/schemas.ts';
export { ProfileBody } from './modules/profiles/schemas.ts';
export { LoginBody, MeBody, SignedInBody } from './modules/auth/schemas.ts';
