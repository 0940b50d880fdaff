// The database schema as Kysely types: the one source for row types in repositories.
import type {
  AgeBand,
  KpiDirection,
  KpiMethod,
  KpiOrigin,
  KpiRipple,
  KpiState,
  KpiTier,
  PinMetricMeasure,
  SurveyScale,
  ModerationMode,
  ParticipantRole,
  InspectionScale,
  PinKind,
  PinModerationState,
  ResponseStatus,
  Tenure,
  WorkshopStatus,
  YearsBand,
} from '@thrive/participation';
import type { Polarity, ValueType } from '@thrive/indicators';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Levels an area can have; migrations write the check constraint out literally (lists.test.ts keeps them in step). */
export const AREA_LEVELS = ['country', 'lad', 'ward', 'lsoa', 'estate', 'custom'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** How a small area is linked to a larger one. */
export const LINK_METHODS = ['best_fit_centroid', 'best_fit_nearest', 'manual'] as const;
export type LinkMethod = (typeof LINK_METHODS)[number];


/** Roles of signed-in users; migrations write the check constraint out literally (lists.test.ts keeps them in step). */
export const ROLES = ['admin', 'officer', 'partner'] as const;
export type Role = (typeof ROLES)[number];

/** A date column: written as Date or ISO string, read back as Date on both engines. */
type DateColumn = ColumnType<Date, Date | string, Date | string>;
/** jsonb: written as a JSON string (parameterised), read back parsed. */
type JsonColumn<T> = ColumnType<T, string, string>;

export interface AreaTable {
  code: string;
  name: string;
  level: AreaLevel;
  parent_code: string | null;
  geometry: JsonColumn<unknown> | null;
  minx: number | null;
  miny: number | null;
  maxx: number | null;
  maxy: number | null;
  source: string | null;
  valid_from: DateColumn | null;
  valid_to: DateColumn | null;
}

export interface AreaLinkTable {
  from_code: string;
  to_code: string;
  method: LinkMethod;
  weight: Generated<number>;
}

export interface IndicatorTable {
  id: string;
  title: string;
  short_label: string;
  unit: string;
  value_type: ValueType;
  polarity: Polarity;
  multiplier: Generated<number>;
  decimals: Generated<number>;
  theme: string | null;
  source: string;
  licence: string;
  definition: string;
  tier: string | null;
  ripple: string | null;
}

export interface IndicatorValueTable {
  indicator_id: string;
  area_code: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  lower_ci: number | null;
  upper_ci: number | null;
  note: string | null;
}

export interface DataVersionTable {
  id: number;
  version: number;
  /** Bumped by trigger on every change to KPIs, surveys and pins (migration 0013); bigint, read as text (drivers differ). */
  community_version: ColumnType<string, never, never>;
  updated_at: Generated<Date>;
}

export interface UserTable {
  id: Generated<string>;
  /** Always lower-case (a check constraint holds it so). */
  email: string;
  display_name: string | null;
  role: Role;
  /** argon2id, PHC string format. */
  password_hash: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  disabled_at: DateColumn | null;
  /** Set when an admin gave the password (migration 0011): the person must choose their own. */
  must_change_password: Generated<boolean>;
}

export interface SessionTable {
  /** SHA-256 (hex) of the token in the cookie; the token itself is never stored. */
  id: string;
  user_id: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  expires_at: ColumnType<Date, Date | string, never>;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  user_agent_hint: string | null;
}

export interface AuditEventTable {
  /** bigint identity; read it with a cast to text (pg and PGlite differ on int8). */
  id: ColumnType<string | number, never, never>;
  at: ColumnType<Date, Date | string | undefined, never>;
  actor_id: string | null;
  action: string;
  target: string | null;
  /** Never personal data. */
  details: JsonColumn<Record<string, unknown>>;
}

export interface LoginFailureTable {
  id: Generated<string>;
  key: string;
  at: ColumnType<Date, Date | string | undefined, never>;
}

export const IMPORT_JOB_STATUSES = ['running', 'done', 'refused', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];
export const IMPORT_JOB_KINDS = ['authority'] as const;

/** A background import (migration 0006): one running per kind and target. */
export interface ImportJobTable {
  id: Generated<string>;
  kind: (typeof IMPORT_JOB_KINDS)[number];
  target: string;
  status: ImportJobStatus;
  progress: ColumnType<string, string | undefined, string>;
  result: JsonColumn<Record<string, unknown>> | null;
  error: string | null;
  actor_id: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  finished_at: Date | null;
}

export interface AppSecretTable {
  name: string;
  value: string;
}

/** A `date` column: written as an ISO day, read back as Date on both engines. */
type DayColumn = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** "About you" answers: a band, "prefer not to say", or null when not answered. */
type AboutYou<T extends string> = T | 'prefer_not_to_say' | null;

export interface WorkshopTable {
  id: Generated<string>;
  /** The join code on the poster (no look-alike characters). */
  code: string;
  title: string;
  area_code: string;
  starts_on: DayColumn | null;
  ends_on: DayColumn | null;
  /** The workshop's themes, in its own words (jsonb array of strings). */
  themes: JsonColumn<string[]>;
  moderation: ColumnType<ModerationMode, ModerationMode | undefined, ModerationMode>;
  status: ColumnType<WorkshopStatus, WorkshopStatus | undefined, WorkshopStatus>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface WorkshopPlaceTable {
  id: Generated<string>;
  workshop_id: string;
  name: string;
  lon: number;
  lat: number;
  position: Generated<number>;
}

export interface ParticipantTable {
  id: Generated<string>;
  /** SHA-256 (hex) of the token in the participant cookie. */
  token_hash: string;
  workshop_id: string | null;
  role: ColumnType<ParticipantRole, ParticipantRole | undefined, ParticipantRole>;
  age_band: AboutYou<AgeBand>;
  years_band: AboutYou<YearsBand>;
  tenure: AboutYou<Tenure>;
  /** When "about you" was answered or skipped (null: not asked yet). */
  about_asked_at: DateColumn | null;
  created_at: CreatedAt;
  /** Set for a survey's participant (migration 0007); workshop_id is null then. */
  survey_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PinTable {
  /** Made on the device: the idempotency key. */
  id: string;
  workshop_id: string;
  participant_id: string | null;
  kind: PinKind;
  theme: string;
  /** As the resident wrote it: officers only. */
  text: string;
  /** Masked (contact details, profanity): what everyone else sees. */
  public_text: string;
  masked: ColumnType<string[], string | undefined, string>;
  place_id: string | null;
  lon: number | null;
  lat: number | null;
  ward_code: string | null;
  lsoa_code: string | null;
  moderation: PinModerationState;
  moderation_reason: string | null;
  content_hash: string;
  created_at: CreatedAt;
  response_status: ResponseStatus | null;
  response_reply: string | null;
  response_expected_by: DayColumn | null;
  response_at: DateColumn | null;
}

export interface PinTombstoneTable {
  id: string;
  workshop_id: string;
  removed_at: CreatedAt;
}

export interface PinSupportTable {
  pin_id: string;
  participant_id: string;
  created_at: CreatedAt;
}

export interface PinResponseTable {
  /** bigint identity; read it with a cast to text (pg and PGlite differ on int8). */
  id: ColumnType<string | number, never, never>;
  pin_id: string;
  status: ResponseStatus;
  reply: string;
  expected_by: DayColumn | null;
  actor_id: string | null;
  at: CreatedAt;
}

export interface PhotoTable {
  pin_id: string;
  mime: string;
  bytes: Uint8Array;
  width: number;
  height: number;
  content_hash: string;
  created_at: CreatedAt;
}

export interface WorkshopEventTable {
  /** bigint identity, in commit order per workshop; read it with a cast to text. */
  id: ColumnType<string | number, never, never>;
  workshop_id: string;
  type: string;
  pin_id: string | null;
  at: CreatedAt;
}

// Community-defined KPIs and surveys (migration 0007).

export interface SurveyTable {
  id: Generated<string>;
  title: string;
  area_code: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface SurveyQuestionTable {
  id: Generated<string>;
  survey_id: string;
  position: number;
  text: string;
  scale: SurveyScale;
}

export interface SurveyWaveTable {
  id: Generated<string>;
  survey_id: string;
  /** The period the wave measures, in the officer's words ("2025", "2025-Q3"). */
  period: string;
  opened_at: CreatedAt;
  closed_at: DateColumn | null;
}

export interface SurveyResponseTable {
  /** Made on the device: the idempotency key. */
  id: string;
  survey_id: string;
  wave_id: string;
  participant_id: string | null;
  /** { questionId: value } (jsonb). */
  answers: JsonColumn<Record<string, number>>;
  content_hash: string;
  created_at: CreatedAt;
}

/** What a pin-metric KPI counts: a rate of pins per 1,000 residents or the share with a reply. */
export interface PinMetricDefinition {
  measure: PinMetricMeasure;
  kind?: PinKind;
  theme?: string;
}

export interface KpiTable {
  id: Generated<string>;
  area_code: string;
  state: ColumnType<KpiState, KpiState | undefined, KpiState>;
  origin: ColumnType<KpiOrigin, KpiOrigin | undefined, KpiOrigin>;
  /** The workshop id or template id it came from. */
  origin_ref: string | null;
  retired_reason: string | null;
  retired_at: DateColumn | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface KpiVersionTable {
  id: Generated<string>;
  kpi_id: string;
  version: number;
  title: string;
  statement: string;
  method: KpiMethod;
  tier: KpiTier;
  ripple: KpiRipple;
  direction: KpiDirection;
  baseline_value: number | null;
  baseline_period: string | null;
  target_value: number;
  target_by: string;
  survey_question_id: string | null;
  indicator_id: string | null;
  pin_metric: JsonColumn<PinMetricDefinition> | null;
  minimum_n: number;
  change_note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface KpiAdoptionTable {
  id: Generated<string>;
  kpi_id: string;
  kpi_version_id: string;
  forum: string;
  adopted_on: DayColumn;
  minutes_url: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

// Residents' block inspections (migration 0008).

export interface InspectionStandardTable {
  id: Generated<string>;
  area_code: string;
  version: number;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface InspectionItemTable {
  id: Generated<string>;
  standard_id: string;
  position: number;
  title: string;
  description: string;
  scale: InspectionScale;
  /** The lowest 1–5 score that meets the standard (null for meets / does not meet). */
  threshold: number | null;
  /** The share of inspections that should meet it, 0–1. */
  target: number;
}

export interface BlockTable {
  id: Generated<string>;
  area_code: string;
  name: string;
  lon: number;
  lat: number;
  /** A GeoJSON Polygon or MultiPolygon (WGS84), when uploaded. */
  outline: JsonColumn<unknown> | null;
  created_at: CreatedAt;
}

export interface InspectorInviteTable {
  id: Generated<string>;
  area_code: string;
  token_hash: string;
  created_by: string | null;
  created_at: CreatedAt;
  revoked_at: DateColumn | null;
}

export interface InspectorTable {
  participant_id: string;
  area_code: string;
  invite_id: string | null;
  display_name: string | null;
  created_at: CreatedAt;
}

export interface InspectionTable {
  /** Made on the device: the idempotency key. */
  id: string;
  area_code: string;
  block_id: string;
  standard_id: string;
  participant_id: string | null;
  inspected_on: DayColumn;
  defect_lon: number | null;
  defect_lat: number | null;
  content_hash: string;
  created_at: CreatedAt;
}

export interface InspectionScoreTable {
  inspection_id: string;
  item_id: string;
  value: number;
  meets: boolean;
  note: string | null;
}

export interface InspectionPhotoTable {
  inspection_id: string;
  mime: string;
  bytes: Uint8Array;
  width: number;
  height: number;
  content_hash: string;
  created_at: CreatedAt;
}

/** An inspection item's example photo (migration 0012), re-encoded without metadata. */
export interface InspectionItemPhotoTable {
  item_id: string;
  mime: string;
  bytes: Uint8Array;
  width: number;
  height: number;
  created_at: CreatedAt;
}

export interface InspectionActionTable {
  id: Generated<string>;
  area_code: string;
  block_id: string;
  item_id: string;
  /** The month, YYYY-MM. */
  period: string;
  status: ColumnType<ResponseStatus, ResponseStatus | undefined, ResponseStatus>;
  reply: string | null;
  closed_at: DateColumn | null;
  actor_id: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

// Regeneration programmes (migration 0009). Recorded outputs are typed in by officers and
// never read by anything that computes engagement.

export interface ProgrammeTable {
  id: Generated<string>;
  name: string;
  summary: ColumnType<string, string | undefined, string>;
  starts_on: DayColumn;
  ends_on: DayColumn | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ProgrammeAreaTable {
  programme_id: string;
  area_code: string;
  position: number;
}

export interface ProgrammeStrandTable {
  id: Generated<string>;
  programme_id: string;
  name: string;
  position: number;
}

export interface ProgrammeObjectiveTable {
  id: Generated<string>;
  strand_id: string;
  text: string;
  position: number;
}

export interface ProgrammeUpdateTable {
  id: Generated<string>;
  objective_id: string;
  on_date: DayColumn;
  text: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface RecordedOutputTable {
  id: Generated<string>;
  programme_id: string;
  strand_id: string | null;
  label: string;
  count: number;
  on_date: DayColumn;
  source: string;
  created_by: string | null;
  created_at: CreatedAt;
}

/** Every table, as Kysely sees it. */
export interface Database {
  data_version: DataVersionTable;
  area: AreaTable;
  area_link: AreaLinkTable;
  indicator: IndicatorTable;
  indicator_value: IndicatorValueTable;
  user: UserTable;
  session: SessionTable;
  audit_event: AuditEventTable;
  login_failure: LoginFailureTable;
  import_job: ImportJobTable;
  app_secret: AppSecretTable;
  workshop: WorkshopTable;
  workshop_place: WorkshopPlaceTable;
  participant: ParticipantTable;
  pin: PinTable;
  pin_tombstone: PinTombstoneTable;
  pin_support: PinSupportTable;
  pin_response: PinResponseTable;
  photo: PhotoTable;
  workshop_event: WorkshopEventTable;
  survey: SurveyTable;
  survey_question: SurveyQuestionTable;
  survey_wave: SurveyWaveTable;
  survey_response: SurveyResponseTable;
  kpi: KpiTable;
  kpi_version: KpiVersionTable;
  kpi_adoption: KpiAdoptionTable;
  inspection_standard: InspectionStandardTable;
  inspection_item: InspectionItemTable;
  block: BlockTable;
  inspector_invite: InspectorInviteTable;
  inspector: InspectorTable;
  inspection: InspectionTable;
  inspection_score: InspectionScoreTable;
  inspection_photo: InspectionPhotoTable;
  inspection_item_photo: InspectionItemPhotoTable;
  inspection_action: InspectionActionTable;
  programme: ProgrammeTable;
  programme_area: ProgrammeAreaTable;
  programme_strand: ProgrammeStrandTable;
  programme_objective: ProgrammeObjectiveTable;
  programme_update: ProgrammeUpdateTable;
  recorded_output: RecordedOutputTable;
}

export type Area = Selectable<AreaTable>;
export type NewArea = Insertable<AreaTable>;
export type AreaUpdate = Updateable<AreaTable>;
export type AreaLink = Selectable<AreaLinkTable>;
export type NewAreaLink = Insertable<AreaLinkTable>;
export type Indicator = Selectable<IndicatorTable>;
export type NewIndicator = Insertable<IndicatorTable>;
export type IndicatorValue = Selectable<IndicatorValueTable>;
export type NewIndicatorValue = Insertable<IndicatorValueTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type Session = Selectable<SessionTable>;
export type NewSession = Insertable<SessionTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
export type Workshop = Selectable<WorkshopTable>;
export type NewWorkshop = Insertable<WorkshopTable>;
export type WorkshopPlace = Selectable<WorkshopPlaceTable>;
export type Participant = Selectable<ParticipantTable>;
export type Pin = Selectable<PinTable>;
export type NewPin = Insertable<PinTable>;
export type PinResponse = Selectable<PinResponseTable>;
export type WorkshopEvent = Selectable<WorkshopEventTable>;
