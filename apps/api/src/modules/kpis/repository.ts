// The only SQL of KPIs, their versions and adoptions, and the readings behind their measures
// (survey answers are read by surveys/repository.ts).
import type { Database, PinMetricDefinition } from '@thrive/db';
import type {
  KpiDirection,
  KpiMethod,
  KpiOrigin,
  KpiRipple,
  KpiState,
  KpiTier,
  PinKind,
} from '@thrive/participation';
import { sql, type Kysely, type Transaction } from 'kysely';

export type Executor = Kysely<Database> | Transaction<Database>;

export interface KpiRow {
  id: string;
  area_code: string;
  area_name: string;
  state: KpiState;
  origin: KpiOrigin;
  origin_ref: string | null;
  retired_reason: string | null;
  retired_at: Date | null;
  created_at: Date;
}

export interface VersionRow {
  id: string;
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
  pin_metric: PinMetricDefinition | null;
  minimum_n: number;
  change_note: string | null;
  created_at: Date;
}

export interface AdoptionRow {
  kpi_id: string;
  kpi_version_id: string;
  forum: string;
  adopted_on: string;
  minutes_url: string | null;
}

/** The fields of one version as written. */
export type VersionFields = Omit<VersionRow, 'id' | 'kpi_id' | 'version' | 'created_at'>;

function selectKpis(db: Executor) {
  return db
    .selectFrom('kpi')
    .innerJoin('area', 'area.code', 'kpi.area_code')
    .select([
      'kpi.id',
      'kpi.area_code',
      'area.name as area_name',
      'kpi.state',
      'kpi.origin',
      'kpi.origin_ref',
      'kpi.retired_reason',
      'kpi.retired_at',
      'kpi.created_at',
    ]);
}

/** A KPI by id, or undefined. */
export function findKpi(db: Executor, id: string): Promise<KpiRow | undefined> {
  return selectKpis(db).where('kpi.id', '=', id).executeTakeFirst();
}

/**
 * A KPI by id, locking its row until the transaction ends, so an edit and an adoption of the
 * same KPI happen one after the other (a forum always adopts the wording it read).
 */
export function lockKpi(db: Transaction<Database>, id: string): Promise<KpiRow | undefined> {
  return selectKpis(db).where('kpi.id', '=', id).forUpdate('kpi').executeTakeFirst();
}

/**
 * KPIs in some states, oldest first; with an area, those of the area and of the estates (or
 * other areas) directly inside it, so a ward shows its estates' KPIs too.
 */
export function listKpis(
  db: Executor,
  states: readonly KpiState[],
  areaCode?: string,
): Promise<KpiRow[]> {
  let q = selectKpis(db).where('kpi.state', 'in', states);
  if (areaCode !== undefined)
    q = q.where((eb) =>
      eb.or([eb('kpi.area_code', '=', areaCode), eb('area.parent_code', '=', areaCode)]),
    );
  return q.orderBy('kpi.created_at').orderBy('kpi.id').execute();
}

/** Inserts a KPI with its first version; the KPI's id. */
export async function insertKpi(
  db: Executor,
  kpi: { areaCode: string; origin: KpiOrigin; originRef: string | null; createdBy: string | null },
  version: VersionFields,
): Promise<string> {
  const { id } = await db
    .insertInto('kpi')
    .values({
      area_code: kpi.areaCode,
      origin: kpi.origin,
      origin_ref: kpi.originRef,
      created_by: kpi.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertVersion(db, id, 1, version, kpi.createdBy);
  return id;
}

/** Appends a version. */
export async function insertVersion(
  db: Executor,
  kpiId: string,
  number: number,
  v: VersionFields,
  createdBy: string | null,
): Promise<void> {
  await db
    .insertInto('kpi_version')
    .values({
      ...v,
      pin_metric: v.pin_metric ? JSON.stringify(v.pin_metric) : null,
      kpi_id: kpiId,
      version: number,
      created_by: createdBy,
    })
    .execute();
}

/**
 * Rewrites a version in place only while no forum has adopted it, in one statement, so an
 * adoption recorded at the same moment cannot be overwritten; whether it changed a row.
 */
export async function updateUnadoptedVersion(
  db: Executor,
  versionId: string,
  v: VersionFields,
): Promise<boolean> {
  const result = await db
    .updateTable('kpi_version')
    .set({ ...v, pin_metric: v.pin_metric ? JSON.stringify(v.pin_metric) : null })
    .where('id', '=', versionId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('kpi_adoption')
            .select('kpi_adoption.id')
            .whereRef('kpi_adoption.kpi_version_id', '=', 'kpi_version.id'),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Every version of some KPIs, oldest first. */
export function versionsOf(db: Executor, kpiIds: readonly string[]): Promise<VersionRow[]> {
  if (kpiIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('kpi_version')
    .select([
      'id',
      'kpi_id',
      'version',
      'title',
      'statement',
      'method',
      'tier',
      'ripple',
      'direction',
      'baseline_value',
      'baseline_period',
      'target_value',
      'target_by',
      'survey_question_id',
      'indicator_id',
      'pin_metric',
      'minimum_n',
      'change_note',
      'created_at',
    ])
    .where('kpi_id', 'in', kpiIds)
    .orderBy('kpi_id')
    .orderBy('version')
    .execute();
}

/** Every adoption of some KPIs, oldest first; dates as ISO days. */
export function adoptionsOf(db: Executor, kpiIds: readonly string[]): Promise<AdoptionRow[]> {
  if (kpiIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('kpi_adoption')
    .select([
      'kpi_id',
      'kpi_version_id',
      'forum',
      sql<string>`cast(adopted_on as text)`.as('adopted_on'),
      'minutes_url',
    ])
    .where('kpi_id', 'in', kpiIds)
    .orderBy('adopted_on')
    .orderBy('created_at')
    .execute();
}

/** Records an adoption of a version and marks the KPI adopted; false when that version already was. */
export async function insertAdoption(
  db: Executor,
  a: {
    kpiId: string;
    versionId: string;
    forum: string;
    adoptedOn: string;
    minutesUrl: string | null;
    recordedBy: string | null;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('kpi_adoption')
    .values({
      kpi_id: a.kpiId,
      kpi_version_id: a.versionId,
      forum: a.forum,
      adopted_on: a.adoptedOn,
      minutes_url: a.minutesUrl,
      recorded_by: a.recordedBy,
    })
    .onConflict((oc) => oc.column('kpi_version_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  await db
    .updateTable('kpi')
    .set({ state: 'adopted' })
    .where('id', '=', a.kpiId)
    .where('state', '=', 'draft')
    .execute();
  return true;
}

/** Retires a KPI with its reason (history kept). */
export async function retireKpi(db: Executor, id: string, reason: string): Promise<void> {
  await db
    .updateTable('kpi')
    .set({ state: 'retired', retired_reason: reason, retired_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** Whether an area is loaded. */
export async function areaExists(db: Executor, code: string): Promise<boolean> {
  return (
    (await db.selectFrom('area').select('code').where('code', '=', code).executeTakeFirst()) !==
    undefined
  );
}

/** Whether an indicator is in the catalogue. */
export async function indicatorExists(db: Executor, id: string): Promise<boolean> {
  return (
    (await db.selectFrom('indicator').select('id').where('id', '=', id).executeTakeFirst()) !==
    undefined
  );
}

/** An official indicator's values for an area, by period (oldest first). */
export function indicatorValues(db: Executor, indicatorId: string, areaCode: string) {
  return db
    .selectFrom('indicator_value')
    .select(['period', 'value', 'lower_ci', 'upper_ci', 'denominator'])
    .where('indicator_id', '=', indicatorId)
    .where('area_code', '=', areaCode)
    .where('value', 'is not', null)
    .orderBy('period')
    .execute();
}

/**
 * The area's resident population: the IoD2019 total population (the income deprivation rate's
 * denominator) of the area itself, else summed over the small areas linked into it; null when
 * neither is loaded.
 */
export async function population(db: Executor, areaCode: string): Promise<number | null> {
  const own = await db
    .selectFrom('indicator_value')
    .select('denominator')
    .where('indicator_id', '=', 'income_deprivation_rate')
    .where('area_code', '=', areaCode)
    .where('denominator', 'is not', null)
    .orderBy('period', 'desc')
    .executeTakeFirst();
  if (own?.denominator) return own.denominator;
  const linked = await db
    .selectFrom('area_link')
    .innerJoin('indicator_value', 'indicator_value.area_code', 'area_link.from_code')
    .select((eb) =>
      eb.fn
        .sum<string | number | null>(sql`indicator_value.denominator * area_link.weight`)
        .as('total'),
    )
    .where('area_link.to_code', '=', areaCode)
    .where('indicator_value.indicator_id', '=', 'income_deprivation_rate')
    .executeTakeFirst();
  const total = linked?.total === null || linked?.total === undefined ? null : Number(linked.total);
  return total && total > 0 ? total : null;
}

/** Published pins of the workshops on an area, with the year they count in and whether answered. */
export async function pinsForMetric(
  db: Executor,
  areaCode: string,
  filter: { kind?: PinKind; theme?: string },
) {
  let q = db
    .selectFrom('pin')
    .innerJoin('workshop', 'workshop.id', 'pin.workshop_id')
    .select([
      sql<string>`cast(extract(year from coalesce(workshop.starts_on, cast(workshop.created_at as date))) as text)`.as(
        'period',
      ),
      (eb) => eb.fn.countAll<string | number>().as('pins'),
      (eb) => eb.fn.count<string | number>('pin.response_at').as('answered'),
    ])
    .where('workshop.area_code', '=', areaCode)
    .where('pin.moderation', '=', 'published');
  if (filter.kind) q = q.where('pin.kind', '=', filter.kind);
  if (filter.theme) q = q.where(sql`lower(pin.theme)`, '=', filter.theme.trim().toLowerCase());
  const rows = await q
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  return rows.map((r) => ({
    period: r.period,
    pins: Number(r.pins),
    answered: Number(r.answered),
  }));
}

/** A workshop's published pins with their support, most supported first. */
export async function supportedPins(db: Executor, workshopId: string) {
  const rows = await db
    .selectFrom('pin')
    .leftJoin('pin_support', 'pin_support.pin_id', 'pin.id')
    .select([
      'pin.id',
      'pin.kind',
      'pin.theme',
      'pin.public_text',
      'pin.created_at',
      (eb) => eb.fn.count<string | number>('pin_support.participant_id').as('support'),
    ])
    .where('pin.workshop_id', '=', workshopId)
    .where('pin.moderation', '=', 'published')
    .groupBy(['pin.id', 'pin.kind', 'pin.theme', 'pin.public_text', 'pin.created_at'])
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      theme: r.theme,
      text: r.public_text,
      createdAt: r.created_at,
      support: Number(r.support),
    }))
    .sort(
      (a, b) =>
        b.support - a.support ||
        a.createdAt.getTime() - b.createdAt.getTime() ||
        (a.id < b.id ? -1 : 1),
    );
}

/** Areas with at least one adopted KPI (their own, not their estates'), by name. */
export function areasWithAdoptedKpis(db: Executor) {
  return db
    .selectFrom('kpi')
    .innerJoin('area', 'area.code', 'kpi.area_code')
    .where('kpi.state', '=', 'adopted')
    .groupBy(['area.code', 'area.name', 'area.level'])
    .select(['area.code', 'area.name', 'area.level', (eb) => eb.fn.countAll<string>().as('kpis')])
    .orderBy('area.name')
    .execute();
}

/** An area's code, name and level, or undefined. */
export function findArea(db: Executor, code: string) {
  return db
    .selectFrom('area')
    .select(['code', 'name', 'level'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Workshops on an area or on the areas directly inside it (a ward's estates), oldest first. */
export function workshopsIn(db: Executor, areaCode: string) {
  return db
    .selectFrom('workshop')
    .innerJoin('area', 'area.code', 'workshop.area_code')
    .select(['workshop.id', 'workshop.title', 'workshop.code'])
    .where((eb) =>
      eb.or([eb('workshop.area_code', '=', areaCode), eb('area.parent_code', '=', areaCode)]),
    )
    .orderBy('workshop.created_at')
    .execute();
}
