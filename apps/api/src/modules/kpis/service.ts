// Community-defined KPIs: written by officers with residents (from a template, a workshop's
// pins or a forum), adopted by a residents' forum, versioned (an adopted version is never
// changed: an edit makes a new one, history kept), retired only with a reason.
import type { Database } from '@thrive/db';
import {
  KPI_MINIMUM_N,
  KPI_TEMPLATES,
  RIPPLE_OF_DEFAULT_THEME,
  SMALL_COUNT_THRESHOLD,
  type KpiState,
} from '@thrive/participation';
import type { Kysely } from 'kysely';
import { ConflictError, NotFoundError } from '../../errors.ts';
import * as pins from '../pins/repository.ts';
import { toPinBody } from '../pins/service.ts';
import * as surveys from '../surveys/repository.ts';
import { FieldError } from '../workshops/errors.ts';
import { findWorkshopByRef } from '../workshops/repository.ts';
import { readingsOf, unitOf } from './periods.ts';
import * as repo from './repository.ts';
import type {
  AdoptionBody,
  KpiAreaPageBody,
  KpiBody,
  KpiDetailBody,
  KpiPatchBody,
  KpiVersionBody,
  NewKpiBody,
} from './schemas.ts';

type Db = Kysely<Database>;

const toVersion = (v: repo.VersionRow, adoption: repo.AdoptionRow | undefined): KpiVersionBody => ({
  version: v.version,
  title: v.title,
  statement: v.statement,
  method: v.method,
  tier: v.tier,
  ripple: v.ripple,
  direction: v.direction,
  baseline:
    v.baseline_value === null || v.baseline_period === null
      ? null
      : { value: v.baseline_value, period: v.baseline_period },
  target: { value: v.target_value, by: v.target_by },
  surveyQuestionId: v.survey_question_id,
  indicatorId: v.indicator_id,
  pinMetric: v.pin_metric,
  minimumN: v.minimum_n,
  changeNote: v.change_note,
  createdAt: v.created_at.toISOString(),
  adoption: adoption
    ? { forum: adoption.forum, adoptedOn: adoption.adopted_on, minutesUrl: adoption.minutes_url }
    : null,
});

/**
 * Whose view: officers work on the newest version; everyone else sees what a forum adopted,
 * so an edit awaiting adoption never speaks for residents in public.
 */
type KpiView = 'working' | 'adopted';

/** KPIs with their shown version, adoptions and latest reading (and, in detail, the versions and periods). */
async function assemble(
  db: repo.Executor,
  rows: readonly repo.KpiRow[],
  detail: boolean,
  view: KpiView,
): Promise<KpiDetailBody[]> {
  const ids = rows.map((r) => r.id);
  const [versions, adoptions] = await Promise.all([
    repo.versionsOf(db, ids),
    repo.adoptionsOf(db, ids),
  ]);
  const out: KpiDetailBody[] = [];
  for (const row of rows) {
    const ownAdoptions = adoptions.filter((a) => a.kpi_id === row.id);
    const all = versions.filter((v) => v.kpi_id === row.id);
    const adopted = all.filter((v) => ownAdoptions.some((a) => a.kpi_version_id === v.id));
    const own = view === 'adopted' && adopted.length > 0 ? adopted : all;
    const current = own.at(-1);
    if (!current) continue;
    const versionBodies = own.map((v) =>
      toVersion(
        v,
        ownAdoptions.find((a) => a.kpi_version_id === v.id),
      ),
    );
    const readings = await readingsOf(db, row.area_code, current);
    out.push({
      // The current version's fields, then the KPI's own (its createdAt wins over the version's).
      ...versionBodies.at(-1)!,
      id: row.id,
      areaCode: row.area_code,
      areaName: row.area_name,
      state: row.state,
      origin: row.origin,
      originRef: row.origin_ref,
      retiredReason: row.retired_reason,
      retiredAt: row.retired_at ? row.retired_at.toISOString() : null,
      createdAt: row.created_at.toISOString(),
      unit: readings.unit,
      question: readings.question,
      adoptions: ownAdoptions.map((a) => ({
        version: all.find((v) => v.id === a.kpi_version_id)?.version ?? 0,
        forum: a.forum,
        adoptedOn: a.adopted_on,
        minutesUrl: a.minutes_url,
      })),
      latest: readings.periods.at(-1) ?? null,
      versions: detail ? versionBodies : [],
      periods: detail ? readings.periods : [],
    });
  }
  return out;
}

const summary = ({ versions: _v, periods: _p, ...kpi }: KpiDetailBody): KpiBody => kpi;

/** A KPI with its versions and periods; drafts only for those who may see them (else 404). */
export async function getKpi(
  db: repo.Executor,
  id: string,
  seesDrafts: boolean,
): Promise<KpiDetailBody> {
  const row = await repo.findKpi(db, id);
  if (!row || (row.state === 'draft' && !seesDrafts))
    throw new NotFoundError('There is no KPI with that id.');
  const [kpi] = await assemble(db, [row], true, seesDrafts ? 'working' : 'adopted');
  if (!kpi) throw new NotFoundError('There is no KPI with that id.');
  return kpi;
}

/**
 * KPIs in some states, optionally of an area (and the areas directly inside it). A list that
 * includes drafts is the officers' working view; otherwise each shows its adopted wording.
 */
export async function listKpis(
  db: repo.Executor,
  states: readonly KpiState[],
  areaCode?: string,
): Promise<KpiBody[]> {
  const view = states.includes('draft') ? 'working' : 'adopted';
  return (await assemble(db, await repo.listKpis(db, states, areaCode), false, view)).map(summary);
}

/** The version fields a KPI would have, checked: one measure matching the method, values in range. */
async function checkedVersion(
  db: repo.Executor,
  input: Omit<repo.VersionFields, 'minimum_n'> & { minimum_n: number | undefined },
): Promise<repo.VersionFields> {
  const title = input.title.trim();
  const statement = input.statement.trim();
  if (!title) throw new FieldError('title', 'A KPI needs a short title.');
  if (!statement)
    throw new FieldError('statement', "A KPI needs a statement in residents' own words.");
  const needs = {
    survey: 'surveyQuestionId',
    pin_metric: 'pinMetric',
    indicator: 'indicatorId',
  } as const;
  const given = {
    survey: input.survey_question_id,
    pin_metric: input.pin_metric,
    indicator: input.indicator_id,
  };
  if (given[input.method] === null)
    throw new FieldError(
      needs[input.method],
      `A ${input.method} KPI needs ${needs[input.method]}.`,
    );
  for (const method of Object.keys(needs) as (keyof typeof needs)[]) {
    if (method !== input.method && given[method] !== null)
      throw new FieldError(
        needs[method],
        `${needs[method]} is only for ${method} KPIs; this one is measured by ${input.method}.`,
      );
  }
  if (
    input.survey_question_id !== null &&
    !(await surveys.findQuestion(db, input.survey_question_id))
  ) {
    throw new FieldError('surveyQuestionId', 'No survey question with that id.');
  }
  if (input.indicator_id !== null && !(await repo.indicatorExists(db, input.indicator_id))) {
    throw new FieldError('indicatorId', 'No indicator with that id in the catalogue.');
  }
  const unit = await unitOf(db, input);
  const range =
    unit === 'proportion'
      ? ([0, 1, 'a fraction from 0 to 1 (0.75 = 75%)'] as const)
      : unit === 'mean_0_10'
        ? ([0, 10, 'a score from 0 to 10'] as const)
        : unit === 'per_1000'
          ? ([0, Infinity, 'a rate of 0 or more'] as const)
          : null;
  const inRange = (x: number) => range === null || (x >= range[0] && x <= range[1]);
  if (!inRange(input.target_value))
    throw new FieldError('target.value', `The target is ${range?.[2] ?? 'a number'}.`);
  if (input.baseline_value !== null && !inRange(input.baseline_value))
    throw new FieldError('baseline.value', `The baseline is ${range?.[2] ?? 'a number'}.`);
  return {
    ...input,
    title,
    statement,
    target_by: input.target_by.trim(),
    minimum_n: input.minimum_n ?? KPI_MINIMUM_N[input.method],
  };
}

/** Creates a draft KPI (version 1); 400 naming the field at fault. */
export async function createKpi(
  db: Db,
  body: NewKpiBody,
  createdBy: string | null,
): Promise<KpiDetailBody> {
  if (!(await repo.areaExists(db, body.areaCode)))
    throw new FieldError('areaCode', `No area with code ${body.areaCode} is loaded.`);
  const origin =
    body.origin ?? (KPI_TEMPLATES.some((t) => t.id === body.originRef) ? 'template' : 'forum');
  const version = await checkedVersion(db, {
    title: body.title,
    statement: body.statement,
    method: body.method,
    tier: body.tier,
    ripple: body.ripple,
    direction: body.direction,
    baseline_value: body.baseline?.value ?? null,
    baseline_period: body.baseline?.period.trim() ?? null,
    target_value: body.target.value,
    target_by: body.target.by,
    survey_question_id: body.surveyQuestionId?.toLowerCase() ?? null,
    indicator_id: body.indicatorId ?? null,
    pin_metric: body.pinMetric ?? null,
    minimum_n: body.minimumN,
    change_note: null,
  });
  const id = await db
    .transaction()
    .execute((tx) =>
      repo.insertKpi(
        tx,
        { areaCode: body.areaCode, origin, originRef: body.originRef ?? null, createdBy },
        version,
      ),
    );
  return getKpi(db, id, true);
}

/**
 * Changes a KPI. While its current version is not adopted it is rewritten in place; once a
 * forum has adopted it, the change becomes a new version and the adopted one stays as it was.
 */
export async function updateKpi(
  db: Db,
  id: string,
  patch: KpiPatchBody,
  actor: string | null,
): Promise<KpiDetailBody> {
  await db.transaction().execute(async (tx) => {
    const row = await repo.lockKpi(tx, id);
    if (!row) throw new NotFoundError('There is no KPI with that id.');
    if (row.state === 'retired')
      throw new ConflictError('This KPI is retired; write a new one instead.');
    const current = (await repo.versionsOf(tx, [id])).at(-1);
    if (!current) throw new NotFoundError('There is no KPI with that id.');
    const method = patch.method ?? current.method;
    const keep = <T>(value: T | null | undefined, was: T | null, forMethod: boolean): T | null =>
      !forMethod ? null : value === undefined ? was : value;
    const baseline =
      patch.baseline === undefined
        ? current.baseline_value === null
          ? null
          : { value: current.baseline_value, period: current.baseline_period ?? '' }
        : patch.baseline;
    const next = await checkedVersion(tx, {
      title: patch.title ?? current.title,
      statement: patch.statement ?? current.statement,
      method,
      tier: patch.tier ?? current.tier,
      ripple: patch.ripple ?? current.ripple,
      direction: patch.direction ?? current.direction,
      baseline_value: baseline?.value ?? null,
      baseline_period: baseline ? baseline.period.trim() : null,
      target_value: patch.target?.value ?? current.target_value,
      target_by: patch.target?.by ?? current.target_by,
      survey_question_id: keep(
        patch.surveyQuestionId?.toLowerCase() ??
          (patch.surveyQuestionId === null ? null : undefined),
        current.survey_question_id,
        method === 'survey',
      ),
      indicator_id: keep(patch.indicatorId, current.indicator_id, method === 'indicator'),
      pin_metric: keep(patch.pinMetric, current.pin_metric, method === 'pin_metric'),
      minimum_n: patch.minimumN ?? (method === current.method ? current.minimum_n : undefined),
      change_note: patch.changeNote?.trim() ?? null,
    });
    if (!(await repo.updateUnadoptedVersion(tx, current.id, next))) {
      await repo.insertVersion(tx, id, current.version + 1, next, actor);
    }
  });
  return getKpi(db, id, true);
}

/** Records a forum's adoption of the KPI's current version; 409 when that version is already adopted or the KPI retired. */
export async function adoptKpi(
  db: Db,
  id: string,
  body: AdoptionBody,
  actor: string | null,
): Promise<KpiDetailBody> {
  const forum = body.forum.trim();
  if (!forum) throw new FieldError('forum', 'Name the forum that adopted it.');
  await db.transaction().execute(async (tx) => {
    const row = await repo.lockKpi(tx, id);
    if (!row) throw new NotFoundError('There is no KPI with that id.');
    if (row.state === 'retired')
      throw new ConflictError('This KPI is retired and cannot be adopted.');
    const current = (await repo.versionsOf(tx, [id])).at(-1);
    if (!current) throw new NotFoundError('There is no KPI with that id.');
    const adopted = await repo.insertAdoption(tx, {
      kpiId: id,
      versionId: current.id,
      forum,
      adoptedOn: body.adoptedOn,
      minutesUrl: body.minutesUrl ?? null,
      recordedBy: actor,
    });
    if (!adopted)
      throw new ConflictError(`Version ${current.version} of this KPI has already been adopted.`);
  });
  return getKpi(db, id, true);
}

/** Retires a KPI with a reason (kept, with its history); 409 when already retired. */
export async function retireKpi(db: Db, id: string, reason: string): Promise<KpiDetailBody> {
  const why = reason.trim();
  if (!why) throw new FieldError('reason', 'Say why the KPI is retired.');
  const row = await repo.findKpi(db, id);
  if (!row) throw new NotFoundError('There is no KPI with that id.');
  if (row.state === 'retired') throw new ConflictError('This KPI is already retired.');
  await repo.retireKpi(db, id, why);
  return getKpi(db, id, true);
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Draft KPIs suggested from a workshop: its most-supported themes, each with its most-supported
 * published pin quoted verbatim (the masked public text) as the statement residents rewrite.
 */
export async function workshopDrafts(db: repo.Executor, ref: string) {
  const workshop = await findWorkshopByRef(db, ref);
  if (!workshop) throw new NotFoundError('There is no workshop with that id or code.');
  const pins = await repo.supportedPins(db, workshop.id);
  const byTheme = new Map<string, { theme: string; pins: number; support: number }>();
  for (const p of pins) {
    const t = byTheme.get(p.theme) ?? { theme: p.theme, pins: 0, support: 0 };
    t.pins += 1;
    t.support += p.support;
    byTheme.set(p.theme, t);
  }
  const themes = [...byTheme.values()].sort(
    (a, b) => b.pins + b.support - (a.pins + a.support) || a.theme.localeCompare(b.theme),
  );
  const drafts = themes.slice(0, 5).flatMap((t) => {
    const top = pins.find((p) => p.theme === t.theme);
    if (!top) return [];
    return [
      {
        title: capitalise(t.theme),
        statement: top.text,
        theme: t.theme,
        quote: { pinId: top.id, kind: top.kind, text: top.text, support: top.support },
        method: 'survey' as const,
        tier: 'T2' as const,
        ripple: RIPPLE_OF_DEFAULT_THEME[t.theme.toLowerCase()] ?? 'place',
        direction: 'up' as const,
        question: { text: top.text, scale: 'agree5' as const },
        origin: 'workshop' as const,
        originRef: workshop.id,
      },
    ];
  });
  return {
    workshop: {
      id: workshop.id,
      code: workshop.code,
      title: workshop.title,
      areaCode: workshop.area_code,
    },
    themes,
    pins: pins.slice(0, 10).map(({ createdAt: _c, ...p }) => p),
    drafts,
  };
}

/** Areas with adopted KPIs, for the home page's list of public pages. */
export async function kpiAreas(db: repo.Executor) {
  const rows = await repo.areasWithAdoptedKpis(db);
  return { areas: rows.map((r) => ({ ...r, kpis: Number(r.kpis) })) };
}

/**
 * What the public page of an area shows: its adopted KPIs (and its estates') with their
 * readings, and "you said, we did" from its workshops: published pins with a reply only, their
 * "me too" count held back when under 5. 404 for an unknown area.
 */
export async function kpiAreaPage(db: repo.Executor, code: string): Promise<KpiAreaPageBody> {
  const area = await repo.findArea(db, code);
  if (!area) throw new NotFoundError('There is no area with that code.');
  const rows = await repo.listKpis(db, ['adopted'], area.code);
  const kpis = await assemble(db, rows, true, 'adopted');
  const saidDid: KpiAreaPageBody['saidDid'] = [];
  for (const workshop of await repo.workshopsIn(db, area.code)) {
    for (const row of await pins.answeredPins(db, workshop.id)) {
      const pin = toPinBody(row);
      if (!pin.response) continue;
      saidDid.push({
        pinId: pin.id,
        workshop: workshop.title,
        kind: pin.kind,
        theme: pin.theme,
        text: pin.text,
        support: pin.support < SMALL_COUNT_THRESHOLD ? null : pin.support,
        response: pin.response,
      });
    }
  }
  saidDid.sort((a, b) => b.response.at.localeCompare(a.response.at));
  return { area, kpis, saidDid };
}
