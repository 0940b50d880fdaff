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
export { SearchBody, SearchQuery, SearchResultBody } from './modules/search/schemas.ts';
export { LoginBody, MeBody, PasswordChangeBody, SignedInBody } from './modules/auth/schemas.ts';
export { AuditListBody, AuditQuery, NewUserBody, TemporaryPasswordBody, UserBody, UserListBody, UserPatchBody } from './modules/admin/schemas.ts';
export { BoundaryReportBody, BoundaryUploadBody, ImportJobBody, IndicatorReportBody, IndicatorUploadBody } from './modules/imports/schemas.ts';
export { LiveEventData, LivePinFeature, LivePinResponse, WallBody } from './modules/events/schemas.ts';
export { PhotoBody } from './modules/photos/schemas.ts';
export { ExportCollectionBody, ExportQuery } from './modules/workshop-exports/schemas.ts';
export { AnalysisBody } from './modules/workshop-analysis/schemas.ts';
export {
  BoundaryInput,
  NewWorkshopBody,
  Place,
  PlaceInput,
  ResidentWorkshopBody,
  WorkshopBody,
  WorkshopListBody,
  WorkshopPatchBody,
} from './modules/workshops/schemas.ts';
export { AboutYouBody, JoinBody, MeBody as ParticipantMeBody } from './modules/participants/schemas.ts';
export {
  MAX_PIN_TEXT,
  ModerationBody,
  NewPinBody,
  NewResponseBody,
  OfficerPinBody,
  OfficerPinListBody,
  PinBody,
  PinCollectionBody,
  PinFeatureBody,
  PinResponseBody,
  RemovalBody,
  ResponseEntryBody,
  ResponseHistoryBody,
  SupportBody,
} from './modules/pins/schemas.ts';
export { KpiAreaListBody, KpiAreaPageBody, KpiBody, KpiDetailBody, KpiDraftsBody, KpiListBody, KpiPatchBody, KpiPeriodBody, KpiTemplateListBody, KpiVersionBody, NewKpiBody, AdoptionBody, RetirementBody } from './modules/kpis/schemas.ts';
export { NewSurveyBody, NewSurveyResponseBody, NewWaveBody, SurveyBody, SurveyJoinBody, SurveyListBody, SurveyMeBody, SurveyResponseBody, SurveyWaveBody } from './modules/surveys/schemas.ts';
export { ActionBody, ActionPatchBody, BlockBody, InspectionBody, InspectorMeBody, InviteEntryBody, InviteListBody, NewBlockBody, NewInspectionBody, NewStandardBody, ResultsBody, StandardBody, StandardsBody, SummaryRow } from './modules/inspections/schemas.ts';
export { EngagementBody, EngagementQuery } from './modules/engagement/schemas.ts';
export {
  NewObjectiveBody,
  NewOutputBody,
  NewProgrammeBody,
  NewStrandBody,
  NewUpdateBody,
  ProgrammeBody,
  ProgrammeListBody,
  ProgrammePatchBody,
  REPORT_TABLES,
  ReportBody,
  type ReportTable,
} from './modules/programmes/schemas.ts';
