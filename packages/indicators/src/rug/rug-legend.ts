// The rug's columns and legend: how each column was compared, in words a reader can check.
import type { IndicatorDefinition } from '../catalogue/indicator-definition.ts';
import { comparisonMethodOf } from '../catalogue/indicator-definition.ts';
import { type ColourTokenId, palette } from '../palette/palette.ts';
import { formatConfidence } from '../stats/interval.ts';
import { AUTHORITY_WIDE_LEGEND, CONSTANT_LEGEND, QUINTILE_LEGEND } from '../stats/quintiles.ts';
import type { BuildRugInput, RugArea, RugColumn, RugColumnLegend, RugLegend } from './rug-model.ts';

/** The benchmark named in notes and legends: the one parent if all rows share it, or England. */
export function describeBenchmark(
  benchmark: BuildRugInput['benchmark'],
  parents: readonly RugArea[],
  areas: readonly RugArea[],
  englandName: string,
): string {
  if (benchmark === 'england') return englandName;
  const codes = new Set<string>();
  for (const a of areas) if (a.parentCode != null) codes.add(a.parentCode);
  if (codes.size === 1) {
    const only = parents.find((p) => codes.has(p.code));
    if (only !== undefined) return only.name;
  }
  return "each area's parent area";
}

function intervalName(definition: IndicatorDefinition): string {
  switch (definition.interval) {
    case 'wilson':
      return 'Wilson score';
    case 'byar':
      return "Byar's method (exact Poisson below 10 events)";
    case 'mean':
      return 'normal';
    case null:
      return '';
  }
}

/** A rug column for an indicator, with a one-line method note. */
export function rugColumn(
  definition: IndicatorDefinition,
  benchmarkLabel: string,
  confidence: number,
  notBanded: RugColumn['notBanded'] = null,
): RugColumn {
  const method = comparisonMethodOf(definition);
  return {
    id: definition.id,
    title: definition.title,
    shortLabel: definition.shortLabel,
    theme: definition.theme,
    polarity: definition.polarity,
    unit: definition.unit,
    valueType: definition.valueType,
    decimals: definition.decimals,
    comparisonMethod: method,
    methodNote:
      method === 'significance'
        ? `${intervalName(definition)} ${formatConfidence(confidence)} CI, compared with ${benchmarkLabel}`
        : notBanded === 'authority_wide'
          ? 'Same for the whole authority: not compared between areas'
          : notBanded === 'constant'
            ? 'Same in every area shown: not banded'
            : 'Quintiles within the areas shown (equal values share a quintile), no significance test',
    notBanded,
  };
}

const QUINTILE_TOKENS = [
  'quintile_1',
  'quintile_2',
  'quintile_3',
  'quintile_4',
  'quintile_5',
  'not_compared',
] as const satisfies readonly ColourTokenId[];

function columnLegend(
  definition: IndicatorDefinition,
  benchmarkLabel: string,
  level: string,
  notBanded: RugColumn['notBanded'] = null,
): RugColumnLegend {
  if (notBanded !== null) {
    return {
      indicatorId: definition.id,
      comparisonMethod: 'quintile',
      text: `${notBanded === 'authority_wide' ? AUTHORITY_WIDE_LEGEND : CONSTANT_LEGEND}.`,
      tokens: ['not_compared'],
    };
  }
  if (comparisonMethodOf(definition) === 'quintile') {
    return {
      indicatorId: definition.id,
      comparisonMethod: 'quintile',
      text: `${QUINTILE_LEGEND}.`,
      tokens: QUINTILE_TOKENS,
    };
  }
  const tokens =
    definition.polarity === 'no_judgement'
      ? (['higher', 'similar', 'lower', 'not_compared'] as const)
      : (['better', 'similar', 'worse', 'not_compared'] as const);
  const direction =
    definition.polarity === 'high_is_good'
      ? 'higher is better'
      : definition.polarity === 'low_is_good'
        ? 'lower is better'
        : 'higher and lower are not judged';
  const minimum =
    definition.minimumCount !== null
      ? `, or with fewer than ${definition.minimumCount} events`
      : definition.minimumDenominator !== null
        ? `, or with a denominator below ${definition.minimumDenominator}`
        : '';
  return {
    indicatorId: definition.id,
    comparisonMethod: 'significance',
    text:
      `Compared with ${benchmarkLabel} using ${level} confidence intervals (${intervalName(definition)}): ` +
      'interval entirely above the benchmark value = higher (▲), entirely below = lower (▼), ' +
      `otherwise similar (●); ${direction}. Not compared when suppressed, without an interval${minimum}.`,
    tokens,
  };
}

/**
 * The legend: a summary sentence, each column's method (significance at 95% / 99.8% with the
 * interval family, or quintiles without a test), and the colour tokens in use.
 * @see docs/methods.md §2 (the legend says which method each column used)
 */
export function rugLegend(
  indicators: readonly IndicatorDefinition[],
  benchmarkLabel: string,
  confidence: number,
  notBanded: readonly RugColumn['notBanded'][] = [],
): RugLegend {
  const level = formatConfidence(confidence);
  const columns = indicators.map((d, c) =>
    columnLegend(d, benchmarkLabel, level, notBanded[c] ?? null),
  );
  const used = new Set<ColourTokenId>();
  for (const c of columns) for (const t of c.tokens) used.add(t);
  used.add('benchmark');
  const parts: string[] = [];
  if (columns.some((c) => c.comparisonMethod === 'significance')) {
    parts.push(
      `Columns with counts compare each area with ${benchmarkLabel} at ${level} confidence (▲ higher, ▼ lower, ● similar).`,
    );
  }
  if (columns.some((c) => c.comparisonMethod === 'quintile' && c.tokens.length > 1)) {
    parts.push(
      `Other columns: ${QUINTILE_LEGEND.charAt(0).toLowerCase()}${QUINTILE_LEGEND.slice(1)}.`,
    );
  }
  if (notBanded.includes('authority_wide')) {
    parts.push(
      'Cells marked "same for the whole authority" are not coloured: the publisher measures that indicator for each local authority and gives all its areas that figure.',
    );
  }
  if (notBanded.includes('constant')) {
    parts.push(
      'Cells marked "same in every area shown" are not coloured: they have one value (as displayed) throughout.',
    );
  }
  return { summary: parts.join(' '), columns, tokens: [...used].map((id) => palette[id]) };
}
