// Community-defined KPI columns of the rug: one column per KPI a residents' forum adopted for an
// area shown (or for an estate inside a ward shown), each cell coloured by the KPI's latest
// status against the residents' own target, never by a national benchmark. Kept apart from
// build-rug so deprivation columns and community columns never share a comparison rule.
import type { KpiDirection, KpiStatus } from '@thrive/participation';
import { palette, type TokenPattern } from '../palette/palette.ts';
import { formatNumber } from './format-value.ts';

/** What a KPI's values mean (as GET /api/kpis says): a 0–1 share, a 0–10 mean, a rate per 1,000 or an official indicator's unit. */
export type RugKpiUnit = 'proportion' | 'mean_0_10' | 'per_1000' | 'indicator';

/** The latest measured period of a KPI, as published (n and values null when held back). */
export interface RugKpiPeriod {
  readonly period: string;
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly n: number | null;
  readonly status: KpiStatus;
}

/** An adopted KPI, as much of it as the rug needs. */
export interface RugKpiInput {
  readonly id: string;
  readonly title: string;
  readonly statement: string;
  readonly areaCode: string;
  readonly areaName: string;
  /** The parent of the KPI's area (the ward holding an estate), so the ward's row shows it too. */
  readonly areaParentCode: string | null;
  readonly unit: RugKpiUnit;
  readonly direction: KpiDirection;
  readonly target: { readonly value: number; readonly by: string };
  readonly latest: RugKpiPeriod | null;
}

/** A community-defined column. */
export interface RugKpiColumn {
  readonly id: string;
  readonly title: string;
  readonly statement: string;
  readonly areaCode: string;
  readonly areaName: string;
  /** Always true: the heading says the column is the residents' own measure. */
  readonly communityDefined: true;
  /** "Residents' target: 70% or more by 2027". */
  readonly targetText: string;
}

/** Tokens of community-defined cells: the three statuses, and rows the KPI is not about. */
export const kpiTokenIds = [
  'kpi_on_track',
  'kpi_off_track',
  'kpi_not_yet_measurable',
  'kpi_not_applicable',
] as const;
export type KpiTokenId = (typeof kpiTokenIds)[number];

/** A status colour, with the symbol and words that say the same without colour. */
export interface KpiToken {
  readonly id: KpiTokenId;
  readonly background: string;
  readonly text: string;
  readonly symbol: string;
  readonly pattern: TokenPattern;
  readonly label: string;
}

// The palette's colour-blind-safe blue and orange, so the rug has one set of colours; the
// symbols, the words in every cell and the legend say these mean the residents' target.
export const KPI_TOKENS: Readonly<Record<KpiTokenId, KpiToken>> = Object.freeze({
  kpi_on_track: {
    id: 'kpi_on_track',
    background: palette.better.background,
    text: palette.better.text,
    symbol: '✓',
    pattern: 'none',
    label: 'On track',
  },
  kpi_off_track: {
    id: 'kpi_off_track',
    background: palette.worse.background,
    text: palette.worse.text,
    symbol: '✗',
    pattern: 'none',
    label: 'Off track',
  },
  kpi_not_yet_measurable: {
    id: 'kpi_not_yet_measurable',
    background: palette.not_compared.background,
    text: palette.not_compared.text,
    symbol: '…',
    pattern: 'hatch',
    label: 'Not yet measurable',
  },
  kpi_not_applicable: {
    id: 'kpi_not_applicable',
    background: '#FFFFFF',
    text: '#595959',
    symbol: '',
    pattern: 'none',
    label: 'Not this area’s KPI',
  },
});

const TOKEN_OF: Readonly<Record<KpiStatus, KpiTokenId>> = {
  on_track: 'kpi_on_track',
  off_track: 'kpi_off_track',
  not_yet_measurable: 'kpi_not_yet_measurable',
};

/** A community-defined cell: the status (null where the KPI is not the row's), its words and colour. */
export interface RugKpiCell {
  readonly kpiId: string;
  readonly applies: boolean;
  readonly status: KpiStatus | null;
  readonly period: string | null;
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Answers (or pins) behind the value; null when under 5 or not published. */
  readonly n: number | null;
  /** The reading in its unit with its interval, "75% (95% CI 63% to 84%)"; null when none is shown. */
  readonly valueText: string | null;
  /** "✓ On track", "✗ Off track", "… Not yet measurable", or "" where the KPI is not the row's. */
  readonly text: string;
  readonly token: KpiTokenId;
  /** Screen-reader sentence. */
  readonly label: string;
}

/** One line of the legend's community-defined section. */
export const KPI_LEGEND_TEXT =
  "Community-defined columns are measures chosen and adopted by residents' forums. Each cell " +
  "shows the latest period's status against the residents' own target, not a comparison with " +
  'the authority or England: ✓ on track (the target is reached), ✗ off track, … not yet ' +
  'measurable (no reading yet, or fewer answers than the stated minimum). A ward also shows the ' +
  'KPIs of the estates inside it, named in the heading. Counts under 5 are never shown.';

/** A KPI value in its unit: "75%", "7.2 out of 10", "12.3 per 1,000" or the number itself. */
export function formatKpiValue(value: number, unit: RugKpiUnit): string {
  switch (unit) {
    case 'proportion':
      return `${formatNumber(value * 100, 0)}%`;
    case 'mean_0_10':
      return `${formatNumber(value, 1)} out of 10`;
    case 'per_1000':
      return `${formatNumber(value, 1)} per 1,000`;
    case 'indicator':
      return formatNumber(value, 1);
  }
}

/** The target in words: "70% or more by 2027". */
export function kpiTargetText(kpi: Pick<RugKpiInput, 'target' | 'unit' | 'direction'>): string {
  return `${formatKpiValue(kpi.target.value, kpi.unit)} or ${kpi.direction === 'up' ? 'more' : 'less'} by ${kpi.target.by}`;
}

/** The rug's community-defined columns, one per KPI, in the order given. */
export function kpiColumns(kpis: readonly RugKpiInput[]): RugKpiColumn[] {
  return kpis.map((k) => ({
    id: k.id,
    title: k.title,
    statement: k.statement,
    areaCode: k.areaCode,
    areaName: k.areaName,
    communityDefined: true,
    targetText: `Residents' target: ${kpiTargetText(k)}`,
  }));
}

/** Whether a KPI belongs on a row: the row is its area, or the area holding its estate. */
export function kpiAppliesTo(
  kpi: Pick<RugKpiInput, 'areaCode' | 'areaParentCode'>,
  rowCode: string,
): boolean {
  return kpi.areaCode === rowCode || kpi.areaParentCode === rowCode;
}

/**
 * One cell per KPI for a row. A KPI of the row's own area, or of an estate inside it, shows its
 * latest status against the residents' target (not_yet_measurable when never measured); other
 * KPIs leave the cell blank and say why. n under 5 is never passed on, whatever the input says.
 */
export function kpiCells(
  kpis: readonly RugKpiInput[],
  row: { readonly code: string; readonly name: string },
): RugKpiCell[] {
  return kpis.map((kpi): RugKpiCell => {
    const named = `${row.name}, community-defined KPI “${kpi.title}”`;
    if (!kpiAppliesTo(kpi, row.code)) {
      return {
        kpiId: kpi.id,
        applies: false,
        status: null,
        period: null,
        value: null,
        lower: null,
        upper: null,
        n: null,
        valueText: null,
        text: '',
        token: 'kpi_not_applicable',
        label: `${named}: a KPI of ${kpi.areaName}, not of this area`,
      };
    }
    const latest = kpi.latest;
    const status: KpiStatus = latest?.status ?? 'not_yet_measurable';
    const token = KPI_TOKENS[TOKEN_OF[status]];
    const n = latest?.n !== null && latest?.n !== undefined && latest.n >= 5 ? latest.n : null;
    const where = kpi.areaCode === row.code ? '' : ` of ${kpi.areaName}`;
    let valueText: string | null = null;
    if (latest && latest.value !== null) {
      valueText = formatKpiValue(latest.value, kpi.unit);
      if (latest.lower !== null && latest.upper !== null) {
        valueText += ` (95% CI ${formatKpiValue(latest.lower, kpi.unit)} to ${formatKpiValue(latest.upper, kpi.unit)})`;
      }
    }
    let reading = 'no reading yet';
    if (latest) {
      reading = `${latest.period}: ${valueText ?? 'value not shown'}`;
      if (n !== null) reading += `, n = ${formatNumber(n, 0)}`;
    }
    return {
      kpiId: kpi.id,
      applies: true,
      status,
      period: latest?.period ?? null,
      value: latest?.value ?? null,
      lower: latest?.lower ?? null,
      upper: latest?.upper ?? null,
      n,
      valueText,
      text: `${token.symbol} ${token.label}`,
      token: token.id,
      label: `${named}${where}, ${reading}; ${token.label.toLowerCase()} against the residents' own target of ${kpiTargetText(kpi)}`,
    };
  });
}
