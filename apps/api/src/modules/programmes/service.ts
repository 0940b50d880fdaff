// Regeneration programmes: strands, objectives, officers' dated updates and recorded outputs
// (typed in, labelled so), and the board report that sets them beside what Thrive computes:
// community KPIs with status and trend, engagement KPIs and who is not heard, and "you said,
// we did". Nothing typed in here is ever read by the engagement figures.
import type { Database } from '@thrive/db';
import { engagementFigures, poolCounts } from '@thrive/indicators';
import type { KpiStatus } from '@thrive/participation';
import type { Kysely } from 'kysely';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { areaWithDescendants } from '../engagement/repository.ts';
import {
  ENGAGEMENT_METHODS,
  engagementBody,
  engagementCounts,
  periodOf,
  type EngagementContext,
} from '../engagement/service.ts';
import type { EngagementBody } from '../engagement/schemas.ts';
import { register } from '../open-data/datasets.ts';
import { getKpi, listKpis } from '../kpis/service.ts';
import type { KpiDetailBody } from '../kpis/schemas.ts';
import { FieldError } from '../workshops/errors.ts';
import * as repo from './repository.ts';
import type {
  KpiTrend,
  NewOutputBody,
  NewProgrammeBody,
  NewUpdateBody,
  ProgrammeBody,
  ProgrammePatchBody,
  ReportBody,
  ReportKpi,
} from './schemas.ts';

type Db = repo.Executor;

export const DEFAULT_STRANDS = ['People', 'Prosperity', 'Place'] as const;
export const OUTPUTS_NOTE =
  'Recorded, not measured: outputs typed in by officers with their source. Thrive has not computed or checked them, and no computed figure uses them.';

const notFound = () => new NotFoundError('There is no programme with that id.');

async function checkedAreas(db: Db, codes: readonly string[]): Promise<string[]> {
  const unique = [...new Set(codes)];
  const found = await repo.existingAreas(db, unique);
  const missing = unique.filter((c) => !found.has(c));
  if (missing.length > 0)
    throw new FieldError('areaCodes', `No area with code ${missing.join(', ')} is loaded.`);
  return unique;
}

function checkedDates(startsOn: string, endsOn: string | null): void {
  if (endsOn !== null && endsOn < startsOn)
    throw new FieldError('endsOn', 'The programme cannot end before it starts.');
}

/** A programme with its areas, strands, objectives (updates newest first) and recorded outputs. */
export async function getProgramme(db: Db, id: string): Promise<ProgrammeBody> {
  const row = await repo.findProgramme(db, id);
  if (!row) throw notFound();
  const [areas, strands, objectives, updates, outputs] = await Promise.all([
    repo.areasOf(db, [id]),
    repo.strandsOf(db, id),
    repo.objectivesOf(db, id),
    repo.updatesOf(db, id),
    repo.outputsOf(db, id),
  ]);
  return {
    id: row.id,
    name: row.name,
    summary: row.summary,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    areas: areas.map(({ code, name, level }) => ({ code, name, level })),
    strands: strands.map((s) => ({
      id: s.id,
      name: s.name,
      objectives: objectives
        .filter((o) => o.strand_id === s.id)
        .map((o) => ({
          id: o.id,
          text: o.text,
          updates: updates
            .filter((u) => u.objective_id === o.id)
            .map((u) => ({ id: u.id, onDate: u.on_date, text: u.text })),
        })),
    })),
    outputs: outputs.map((o) => ({
      id: o.id,
      strandId: o.strand_id,
      strand: o.strand_name,
      label: o.label,
      count: o.count,
      onDate: o.on_date,
      source: o.source,
      kind: 'recorded' as const,
    })),
  };
}

/** Every programme with its areas. */
export async function listProgrammes(db: Db) {
  const rows = await repo.listProgrammes(db);
  const areas = await repo.areasOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    programmes: rows.map((r) => ({
      id: r.id,
      name: r.name,
      summary: r.summary,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      areas: areas
        .filter((a) => a.programme_id === r.id)
        .map(({ code, name, level }) => ({ code, name, level })),
    })),
  };
}

/** Creates a programme (strands People, Prosperity, Place unless given); 400 naming the field. */
export async function createProgramme(
  db: Kysely<Database>,
  body: NewProgrammeBody,
  actor: string | null,
): Promise<ProgrammeBody> {
  const name = body.name.trim();
  if (!name) throw new FieldError('name', 'A programme needs a name.');
  const endsOn = body.endsOn ?? null;
  checkedDates(body.startsOn, endsOn);
  const areas = await checkedAreas(db, body.areaCodes);
  const strands = [
    ...new Set((body.strands ?? DEFAULT_STRANDS).map((s) => s.trim()).filter(Boolean)),
  ];
  const id = await db
    .transaction()
    .execute((tx) =>
      repo.insertProgramme(
        tx,
        { name, summary: body.summary?.trim() ?? '', starts_on: body.startsOn, ends_on: endsOn },
        areas,
        strands,
        actor,
      ),
    );
  return getProgramme(db, id);
}

/** Changes a programme's name, summary, dates or areas. */
export async function updateProgramme(
  db: Db,
  id: string,
  patch: ProgrammePatchBody,
): Promise<ProgrammeBody> {
  const row = await repo.findProgramme(db, id);
  if (!row) throw notFound();
  const name = patch.name?.trim();
  if (name === '') throw new FieldError('name', 'A programme needs a name.');
  const startsOn = patch.startsOn ?? row.starts_on;
  const endsOn = patch.endsOn === undefined ? row.ends_on : patch.endsOn;
  checkedDates(startsOn, endsOn);
  const areas = patch.areaCodes ? await checkedAreas(db, patch.areaCodes) : null;
  await repo.updateProgramme(db, id, {
    ...(name ? { name } : {}),
    ...(patch.summary !== undefined ? { summary: patch.summary.trim() } : {}),
    ...(patch.startsOn ? { starts_on: patch.startsOn } : {}),
    ...(patch.endsOn !== undefined ? { ends_on: patch.endsOn } : {}),
  });
  if (areas) await repo.replaceAreas(db, id, areas);
  return getProgramme(db, id);
}

/** Adds a strand; 409 when the programme has one of that name. */
export async function addStrand(db: Db, id: string, name: string): Promise<ProgrammeBody> {
  if (!(await repo.findProgramme(db, id))) throw notFound();
  const trimmed = name.trim();
  if (!trimmed) throw new FieldError('name', 'A strand needs a name.');
  if (!(await repo.insertStrand(db, id, trimmed)))
    throw new ConflictError(`This programme already has a strand called ${trimmed}.`);
  return getProgramme(db, id);
}

async function requireStrand(db: Db, programmeId: string, strandId: string, field: string) {
  const strands = await repo.strandsOf(db, programmeId);
  if (!strands.some((s) => s.id === strandId))
    throw new FieldError(field, 'No strand with that id in this programme.');
}

/** Adds an objective to one of the programme's strands. */
export async function addObjective(
  db: Db,
  id: string,
  body: { strandId: string; text: string },
): Promise<ProgrammeBody> {
  if (!(await repo.findProgramme(db, id))) throw notFound();
  await requireStrand(db, id, body.strandId.toLowerCase(), 'strandId');
  const text = body.text.trim();
  if (!text) throw new FieldError('text', 'An objective needs some words.');
  await repo.insertObjective(db, body.strandId.toLowerCase(), text);
  return getProgramme(db, id);
}

/** Adds an officer's dated update to one of the programme's objectives. */
export async function addUpdate(
  db: Db,
  id: string,
  body: NewUpdateBody,
  actor: string | null,
): Promise<ProgrammeBody> {
  if (!(await repo.findProgramme(db, id))) throw notFound();
  const objectives = await repo.objectivesOf(db, id);
  const objectiveId = body.objectiveId.toLowerCase();
  if (!objectives.some((o) => o.id === objectiveId))
    throw new FieldError('objectiveId', 'No objective with that id in this programme.');
  const text = body.text.trim();
  if (!text) throw new FieldError('text', 'An update needs some words.');
  await repo.insertUpdate(db, {
    objective_id: objectiveId,
    on_date: body.onDate,
    text,
    created_by: actor,
  });
  return getProgramme(db, id);
}

/** Records an output (typed in: recorded, not measured). */
export async function addOutput(
  db: Db,
  id: string,
  body: NewOutputBody,
  actor: string | null,
): Promise<ProgrammeBody> {
  if (!(await repo.findProgramme(db, id))) throw notFound();
  const strandId = body.strandId?.toLowerCase() ?? null;
  if (strandId) await requireStrand(db, id, strandId, 'strandId');
  const label = body.label.trim();
  const source = body.source.trim();
  if (!label) throw new FieldError('label', 'Say what was counted, e.g. "people into paid work".');
  if (!source) throw new FieldError('source', 'Say where the count comes from.');
  await repo.insertOutput(db, {
    programme_id: id,
    strand_id: strandId,
    label,
    count: body.count,
    on_date: body.onDate,
    source,
    created_by: actor,
  });
  return getProgramme(db, id);
}

/**
 * A KPI's trend: from the change from baseline when it has one (Newcombe interval: improving or
 * worsening only when the interval excludes 0), else from the last two readings' values in the
 * KPI's direction (no significance test, and said so).
 */
export function kpiTrend(
  periods: KpiDetailBody['periods'],
  direction: 'up' | 'down',
): { trend: KpiTrend; basis: string } {
  const latest = periods.at(-1);
  if (latest?.change) {
    const { real, improving } = latest.change;
    return {
      trend: !real ? 'no_clear_change' : improving ? 'improving' : 'worsening',
      basis: 'Change from baseline, Newcombe hybrid score 95% interval',
    };
  }
  const shown = periods.filter((p) => p.value !== null);
  const [before, last] = shown.slice(-2);
  if (!before || !last || before.value === null || last.value === null)
    return { trend: 'not_known', basis: 'Fewer than two readings' };
  const delta = last.value - before.value;
  const better = direction === 'up' ? delta > 0 : delta < 0;
  return {
    trend: delta === 0 ? 'no_clear_change' : better ? 'improving' : 'worsening',
    basis: `Last two readings (${before.period}, ${last.period}); no significance test`,
  };
}

const STATUS_ORDER: Record<KpiStatus, number> = {
  off_track: 1,
  not_yet_measurable: 2,
  on_track: 3,
};
const rankOf = (k: ReportKpi) =>
  k.status === 'off_track' && k.trend === 'worsening' ? 0 : STATUS_ORDER[k.status];

/** The programme's adopted community KPIs, latest reading up to the period, off target and worsening first. */
async function reportKpis(
  db: Db,
  areaCodes: readonly string[],
  periodLabel: string | null,
): Promise<ReportKpi[]> {
  const seen = new Set<string>();
  const out: ReportKpi[] = [];
  for (const code of areaCodes) {
    for (const summary of await listKpis(db, ['adopted'], code)) {
      if (seen.has(summary.id)) continue;
      seen.add(summary.id);
      const kpi = await getKpi(db, summary.id, false);
      // Readings up to the report's period (a year label sorts before its quarters and months).
      const periods = kpi.periods.filter((p) => periodLabel === null || p.period <= periodLabel);
      const latest = periods.at(-1) ?? null;
      const { trend, basis } = kpiTrend(periods, kpi.direction);
      out.push({
        id: kpi.id,
        title: kpi.title,
        statement: kpi.statement,
        areaCode: kpi.areaCode,
        areaName: kpi.areaName,
        unit: kpi.unit,
        direction: kpi.direction,
        target: kpi.target,
        period: latest?.period ?? null,
        value: latest?.value ?? null,
        lower: latest?.lower ?? null,
        upper: latest?.upper ?? null,
        n: latest?.n ?? null,
        suppressed: latest?.suppressed ?? false,
        status: latest?.status ?? 'not_yet_measurable',
        trend,
        trendBasis: basis,
        method: latest?.method ?? null,
      });
    }
  }
  return out.sort((a, b) => rankOf(a) - rankOf(b) || a.title.localeCompare(b.title));
}

/** The engagement of each programme area and of the programme as a whole (counts pooled, LSOAs once). */
export async function programmeEngagement(
  ctx: EngagementContext,
  areas: readonly { code: string; name: string; level: string }[],
  programmeName: string,
  periodText: string | undefined,
): Promise<{ total: EngagementBody; areas: EngagementBody[] }> {
  const period = periodOf(periodText);
  const each = [];
  for (const area of areas)
    each.push({ area, ...(await engagementCounts(ctx, area.code, period)) });
  const lsoas = [...new Set(each.flatMap((e) => e.lsoas))];
  const population = lsoas.length > 0 ? ctx.population.of(lsoas) : null;
  const pooled = poolCounts(
    each.map((e) => e.counts),
    population,
  );
  return {
    total: engagementBody(
      { code: 'programme', name: `${programmeName} (all areas)`, level: 'programme' },
      period,
      each.reduce((s, e) => s + e.workshops, 0),
      engagementFigures(pooled),
      { total: population?.total ?? null, lsoas: population?.lsoas ?? [] },
    ),
    areas: each.map((e) =>
      engagementBody(e.area, period, e.workshops, engagementFigures(e.counts), {
        total: e.populationTotal,
        lsoas: e.lsoas,
      }),
    ),
  };
}

/** The board report of a programme for a period (or all time). */
export async function programmeReport(
  ctx: EngagementContext,
  id: string,
  periodText: string | undefined,
): Promise<ReportBody> {
  const period = periodOf(periodText);
  const programme = await getProgramme(ctx.db, id);
  const codes = programme.areas.map((a) => a.code);
  const everywhere = [
    ...new Set((await Promise.all(codes.map((c) => areaWithDescendants(ctx.db, c)))).flat()),
  ];
  const [kpis, engagement, replies] = await Promise.all([
    reportKpis(ctx.db, codes, period?.label ?? null),
    programmeEngagement(ctx, programme.areas, programme.name, periodText),
    repo.youSaidWeDid(ctx.db, everywhere, 8, period?.to ?? null),
  ]);
  const inPeriod = (day: string) => period === null || day < period.to;
  return {
    programme: {
      id: programme.id,
      name: programme.name,
      summary: programme.summary,
      startsOn: programme.startsOn,
      endsOn: programme.endsOn,
      areas: programme.areas,
    },
    period: period && { label: period.label, from: period.from, to: period.to },
    strands: programme.strands.map((s) => ({
      id: s.id,
      name: s.name,
      objectives: s.objectives.map((o) => ({
        id: o.id,
        text: o.text,
        latestUpdate: o.updates.find((u) => inPeriod(u.onDate)) ?? null,
      })),
    })),
    kpis,
    engagement,
    notHeard: engagement.areas
      .filter((a) => a.representation.missing.length > 0 || (a.representation.score ?? 1) < 0.5)
      .map((a) => ({
        areaCode: a.area.code,
        areaName: a.area.name,
        missing: [...a.representation.missing],
        score: a.representation.score,
      })),
    youSaidWeDid: replies.map((r) => ({
      pinId: r.id,
      areaCode: r.area_code,
      areaName: r.area_name,
      workshop: r.workshop_title,
      kind: r.kind,
      theme: r.theme,
      youSaid: r.public_text,
      status: r.response_status ?? '',
      weDid: r.response_reply ?? '',
      repliedOn: r.replied_on,
    })),
    outputs: programme.outputs.filter(
      (o) => period === null || (o.onDate >= period.from && o.onDate < period.to),
    ),
    outputsNote: OUTPUTS_NOTE,
    methods: {
      ...ENGAGEMENT_METHODS,
      kpiStatus:
        "On track when the latest reading has reached the residents' own target in the KPI's direction; not yet measurable below the KPI's minimum n.",
      kpiTrend:
        'Improving or worsening when the change from baseline is beyond chance (Newcombe); otherwise from the last two readings, without a test.',
      notHeard:
        'Areas where an age group living there took no part, or whose representation score is under 0.5.',
    },
    attribution: `Engagement computed by Thrive from residents' participation. Population: ${register.attribution}`,
  };
}
