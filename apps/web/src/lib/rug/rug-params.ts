// The rug page's URL is its state: which rug (parent, level, benchmark, confidence, indicators)
// and how it is viewed (sort, name filter). Reading it in one place keeps the load function, the
// controls form and the download links in step.
import { rugBenchmarks, rugConfidences, rugServedLevels } from '@thrive/indicators';
import type { RugParams } from '#lib/api.ts';

export type Benchmark = (typeof rugBenchmarks)[number];
export type Confidence = (typeof rugConfidences)[number];
export type Level = (typeof rugServedLevels)[number];

/** Which rug to fetch: everything the API's answer depends on. */
export interface RugChoice {
  parent: string;
  level: Level;
  benchmark: Benchmark;
  confidence: Confidence;
  /** Comma-separated indicator ids, passed through for custom rugs; the API validates them. */
  indicators?: string;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return allowed.find((a) => a === value) ?? fallback;
}

/**
 * The rug chosen by a URL's query, or null when no parent is given. Unknown benchmark,
 * confidence or level values fall back to the API's defaults rather than failing: a mistyped
 * link still shows a rug, and the controls show which one.
 */
export function readRugChoice(search: URLSearchParams): RugChoice | null {
  const parent = search.get('parent')?.trim();
  if (!parent) return null;
  const choice: RugChoice = {
    parent,
    level: oneOf(rugServedLevels, search.get('level'), 'ward'),
    benchmark: oneOf(rugBenchmarks, search.get('benchmark'), 'parent'),
    confidence: oneOf(rugConfidences, search.get('confidence'), '95'),
  };
  // One comma-separated value (the column picker with JavaScript), or one per ticked box (without).
  const indicators = search.getAll('indicators').filter(Boolean).join(',');
  if (indicators) choice.indicators = indicators;
  return choice;
}

/** The API parameters for a choice, with an optional sort for the CSV's row order. */
export function rugParams(choice: RugChoice, sort?: string | null): RugParams {
  return { ...choice, ...(sort ? { sort } : {}) };
}

/** How the plural of a level reads in a sentence: "wards", "LSOAs", "estates". */
export function levelNoun(level: Level): string {
  return level === 'ward' ? 'wards' : level === 'estate' ? 'estates' : 'LSOAs';
}
