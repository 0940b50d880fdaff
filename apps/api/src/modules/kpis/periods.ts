// A KPI's readings per period, from its survey question's waves, its area's pins, or the
// official indicator's values, measured by @thrive/indicators (docs/methods.md §6–7).
import { measurePeriod, summariseAnswers, type PeriodObservation } from '@thrive/indicators';
import type { Static } from 'typebox';
import * as surveys from '../surveys/repository.ts';
import * as repo from './repository.ts';
import type { KpiPeriodBody, KpiUnit } from './schemas.ts';

export interface Readings {
  unit: Static<typeof KpiUnit>;
  question: {
    id: string;
    surveyId: string;
    text: string;
    scale: surveys.QuestionRow['scale'];
  } | null;
  periods: KpiPeriodBody[];
}

/** The unit a version's values are in (targets and baselines are checked against it). */
export async function unitOf(
  db: repo.Executor,
  v: Pick<repo.VersionRow, 'method' | 'survey_question_id' | 'pin_metric'>,
): Promise<Static<typeof KpiUnit>> {
  switch (v.method) {
    case 'survey': {
      const q = v.survey_question_id
        ? await surveys.findQuestion(db, v.survey_question_id)
        : undefined;
      return q?.scale === '0-10' ? 'mean_0_10' : 'proportion';
    }
    case 'pin_metric':
      return v.pin_metric?.measure === 'rate_per_1000' ? 'per_1000' : 'proportion';
    case 'indicator':
      return 'indicator';
  }
}

type Observed = { period: string; observed: PeriodObservation };

async function surveyReadings(
  db: repo.Executor,
  questionId: string,
): Promise<{ question: Readings['question']; rows: Observed[] }> {
  const q = await surveys.findQuestion(db, questionId);
  if (!q) return { question: null, rows: [] };
  const [waves, answers] = await Promise.all([
    surveys.wavesOf(db, [q.survey_id]),
    surveys.answersTo(db, q.id),
  ]);
  const rows = waves.map((w) => {
    const values = answers.filter((a) => a.wave_id === w.id).map((a) => a.value);
    const s = summariseAnswers(q.scale, values);
    const observed: PeriodObservation =
      s.kind === 'share' ? s : { kind: 'mean', n: s.n, mean: s.mean, sd: s.sd };
    return { period: w.period, observed };
  });
  return { question: { id: q.id, surveyId: q.survey_id, text: q.text, scale: q.scale }, rows };
}

async function pinReadings(
  db: repo.Executor,
  areaCode: string,
  metric: NonNullable<repo.VersionRow['pin_metric']>,
): Promise<Observed[]> {
  const counts = await repo.pinsForMetric(db, areaCode, {
    ...(metric.kind ? { kind: metric.kind } : {}),
    ...(metric.theme ? { theme: metric.theme } : {}),
  });
  if (metric.measure === 'share_answered') {
    return counts.map((c) => ({
      period: c.period,
      observed: { kind: 'share', n: c.pins, agreeing: c.answered },
    }));
  }
  const population = (await repo.population(db, areaCode)) ?? 0;
  return counts.map((c) => ({
    period: c.period,
    observed: { kind: 'rate', count: c.pins, population },
  }));
}

async function indicatorReadings(
  db: repo.Executor,
  indicatorId: string,
  areaCode: string,
): Promise<Observed[]> {
  const values = await repo.indicatorValues(db, indicatorId, areaCode);
  return values.flatMap((r) =>
    r.value === null
      ? []
      : [
          {
            period: r.period,
            observed: {
              kind: 'official',
              value: r.value,
              lower: r.lower_ci,
              upper: r.upper_ci,
              n: null,
            } as const,
          },
        ],
  );
}

/** Every period of a version's measure, oldest first, with status and change from baseline. */
export async function readingsOf(
  db: repo.Executor,
  areaCode: string,
  v: repo.VersionRow,
): Promise<Readings> {
  let question: Readings['question'] = null;
  let rows: Observed[] = [];
  if (v.method === 'survey' && v.survey_question_id)
    ({ question, rows } = await surveyReadings(db, v.survey_question_id));
  else if (v.method === 'pin_metric' && v.pin_metric)
    rows = await pinReadings(db, areaCode, v.pin_metric);
  else if (v.method === 'indicator' && v.indicator_id)
    rows = await indicatorReadings(db, v.indicator_id, areaCode);
  const settings = { target: v.target_value, direction: v.direction, minimumN: v.minimum_n };
  // The change is measured against the period the baseline names, when it was measured here too.
  const baseline =
    v.baseline_period === null ? undefined : rows.find((r) => r.period === v.baseline_period);
  const periods = rows.map(({ period, observed }) => {
    const m = measurePeriod(
      observed,
      settings,
      baseline && baseline.period !== period ? baseline.observed : null,
    );
    return { period, ...m };
  });
  return { unit: await unitOf(db, v), question, periods };
}
