// Scores, distances and other values without counts: population-weighted mean for a larger area.

import { type Coverage, statusOf } from './coverage.ts';

/** One small area's value and weight (usually its population). */
export interface WeightedInput {
  readonly value?: number | null;
  readonly weight?: number | null;
  readonly suppressed?: boolean;
}

/** The weighted mean of the covered inputs, with coverage. */
export interface MeanAggregate extends Coverage {
  /** Σ value × weight / Σ weight over covered inputs, or null when nothing is covered. */
  readonly value: number | null;
}

function known(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/**
 * Population-weighted mean over the inputs with both a value and a weight. Missing or suppressed
 * values make the result 'partial' (or 'missing'), never a silent zero; `share` is the covered
 * part of the known total weight.
 * @see docs/methods.md §4 (underlying indicators without counts aggregate as population-weighted means)
 */
export function weightedMean(inputs: Iterable<WeightedInput>): MeanAggregate {
  let inputsTotal = 0;
  let inputsCovered = 0;
  let weightTotal = 0;
  let weightCovered = 0;
  let weightedSum = 0;
  let anyWeight = false;
  for (const input of inputs) {
    const index = inputsTotal++;
    const { value, weight } = input;
    if (known(weight)) {
      if (weight < 0) throw new RangeError(`weight of input ${index} must be >= 0, got ${weight}`);
      weightTotal += weight;
      anyWeight = true;
    }
    if (input.suppressed === true || !known(value) || !known(weight)) continue;
    inputsCovered++;
    weightCovered += weight;
    weightedSum += value * weight;
  }
  // All-zero weights cannot weight anything: report missing rather than 0/0.
  const usable = inputsCovered > 0 && weightCovered > 0;
  return {
    status: usable ? statusOf(inputsCovered, inputsTotal) : 'missing',
    inputsTotal,
    inputsCovered: usable ? inputsCovered : 0,
    weightTotal,
    weightCovered: usable ? weightCovered : 0,
    share: anyWeight && weightTotal > 0 ? (usable ? weightCovered : 0) / weightTotal : null,
    value: usable ? weightedSum / weightCovered : null,
  };
}
