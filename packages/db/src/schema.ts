// The database schema as Kysely types: the one source for row types in repositories.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Levels an area can have; the DB check constraint is generated from this list. */
export const AREA_LEVELS = ['country', 'lad', 'ward', 'lsoa', 'estate', 'custom'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** How a small area is linked to a larger one. */
export const LINK_METHODS = ['best_fit_centroid', 'best_fit_nearest', 'manual'] as const;
export type LinkMethod = (typeof LINK_METHODS)[number];

export const VALUE_TYPES = ['proportion', 'rate', 'mean', 'score', 'rank', 'decile', 'count'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export const POLARITIES = ['high_is_good', 'low_is_good', 'no_judgement'] as const;
export type Polarity = (typeof POLARITIES)[number];

/** Roles of signed-in users; the DB check constraint is generated from this list. */
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
  key: string;
  at: ColumnType<Date, Date | string | undefined, never>;
}

export interface AppSecretTable {
  name: string;
  value: string;
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
  app_secret: AppSecretTable;
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
