// The one colour module shared by the rug, the map and the legends. Blue/orange for
// better/worse (Okabe & Ito's colour-universal-design blue and orange: the blue–yellow axis
// survives red–green colour blindness), teal for higher/lower without judgement, a light grey
// with a hatch for not compared, and a single-hue purple ramp for quintiles (ColorBrewer
// "Purples", ordered by lightness alone). Every token carries a text colour meeting WCAG 2.2 AA,
// a symbol and a label, so colour is never the only cue.
import type { Comparison, Judgement } from '../stats/compare.ts';

/** Every colour token, in legend order. */
export const colourTokenIds = [
  'better',
  'similar',
  'worse',
  'higher',
  'lower',
  'not_compared',
  'benchmark',
  'quintile_1',
  'quintile_2',
  'quintile_3',
  'quintile_4',
  'quintile_5',
] as const;
export type ColourTokenId = (typeof colourTokenIds)[number];

/** Fill patterns a renderer should draw over the background (CSS or SVG). */
export const tokenPatterns = ['none', 'hatch'] as const;
export type TokenPattern = (typeof tokenPatterns)[number];

/** A cell colour: background, readable text colour, colour-independent symbol and label. */
export interface ColourToken {
  readonly id: ColourTokenId;
  /** "#rrggbb" fill. */
  readonly background: string;
  /** "#rrggbb" text drawn on the fill; contrast ≥ 4.5:1 (WCAG 2.2 AA). */
  readonly text: string;
  /** Symbol that identifies the token without colour. */
  readonly symbol: string;
  readonly pattern: TokenPattern;
  /** Short legend label. */
  readonly label: string;
}

const DARK_TEXT = '#1A1A1A';
const LIGHT_TEXT = '#FFFFFF';

/** The palette, keyed by token id. */
export const palette: Readonly<Record<ColourTokenId, ColourToken>> = Object.freeze({
  better: {
    id: 'better',
    background: '#0072B2',
    text: LIGHT_TEXT,
    symbol: '✓',
    pattern: 'none',
    label: 'Better',
  },
  similar: {
    id: 'similar',
    background: '#F3E3A6',
    text: DARK_TEXT,
    symbol: '●',
    pattern: 'none',
    label: 'Similar',
  },
  worse: {
    id: 'worse',
    background: '#E69F00',
    text: DARK_TEXT,
    symbol: '✗',
    pattern: 'none',
    label: 'Worse',
  },
  higher: {
    id: 'higher',
    background: '#1B7F79',
    text: LIGHT_TEXT,
    symbol: '▲',
    pattern: 'none',
    label: 'Higher',
  },
  lower: {
    id: 'lower',
    background: '#6BBFB5',
    text: DARK_TEXT,
    symbol: '▼',
    pattern: 'none',
    label: 'Lower',
  },
  not_compared: {
    id: 'not_compared',
    background: '#F0F0F0',
    text: '#333333',
    symbol: '○',
    pattern: 'hatch',
    label: 'Not compared',
  },
  benchmark: {
    id: 'benchmark',
    background: '#FFFFFF',
    text: DARK_TEXT,
    symbol: '◇',
    pattern: 'none',
    label: 'Benchmark',
  },
  quintile_1: {
    id: 'quintile_1',
    background: '#F2F0F7',
    text: DARK_TEXT,
    symbol: 'Q1',
    pattern: 'none',
    label: 'Quintile 1 (lowest)',
  },
  quintile_2: {
    id: 'quintile_2',
    background: '#CBC9E2',
    text: DARK_TEXT,
    symbol: 'Q2',
    pattern: 'none',
    label: 'Quintile 2',
  },
  quintile_3: {
    id: 'quintile_3',
    background: '#9E9AC8',
    text: DARK_TEXT,
    symbol: 'Q3',
    pattern: 'none',
    label: 'Quintile 3',
  },
  quintile_4: {
    id: 'quintile_4',
    background: '#756BB1',
    text: LIGHT_TEXT,
    symbol: 'Q4',
    pattern: 'none',
    label: 'Quintile 4',
  },
  quintile_5: {
    id: 'quintile_5',
    background: '#54278F',
    text: LIGHT_TEXT,
    symbol: 'Q5',
    pattern: 'none',
    label: 'Quintile 5 (highest)',
  },
});

/** Direction glyphs shown after a value: where the interval lies relative to the benchmark. */
export const comparisonSymbols: Readonly<Record<Comparison, string>> = Object.freeze({
  higher: '▲',
  lower: '▼',
  similar: '●',
  not_compared: '',
});

/** The token for a judgement (better/similar/worse, higher/lower, not compared). */
export function tokenForJudgement(judgement: Judgement): ColourTokenId {
  return judgement;
}

const QUINTILE_TOKENS = [
  'not_compared',
  'quintile_1',
  'quintile_2',
  'quintile_3',
  'quintile_4',
  'quintile_5',
] as const satisfies readonly ColourTokenId[];

/** The token for a quintile band 1..5; 0 (or anything else) means not banded. */
export function tokenForQuintile(band: number): ColourTokenId {
  return QUINTILE_TOKENS[band] ?? 'not_compared';
}
