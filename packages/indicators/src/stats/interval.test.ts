import { describe, expect, it } from 'vitest';
import { assertConfidence, formatConfidence, isConfidenceLevel, zFor } from './interval.ts';

describe('zFor', () => {
  // APHO/PHE Technical Guide "Confidence Intervals": z = 1.959964 (95%) and 3.090232 (99.8%).
  it('gives the Technical Guide z values for 95% and 99.8%', () => {
    expect(zFor(0.95)).toBeCloseTo(1.959964, 6);
    expect(zFor(0.998)).toBeCloseTo(3.090232, 6);
  });

  it('computes z for other levels from the normal quantile (99% → 2.575829)', () => {
    expect(zFor(0.99)).toBeCloseTo(2.575829, 6);
  });

  it('rejects percentages and levels outside (0, 1)', () => {
    expect(() => zFor(95)).toThrow(RangeError);
    expect(() => assertConfidence(1)).toThrow(RangeError);
  });
});

describe('confidence levels', () => {
  it('recognises exactly 0.95 and 0.998', () => {
    expect(isConfidenceLevel(0.95)).toBe(true);
    expect(isConfidenceLevel(0.998)).toBe(true);
    expect(isConfidenceLevel(0.99)).toBe(false);
  });

  it('formats levels for people', () => {
    expect(formatConfidence(0.95)).toBe('95%');
    expect(formatConfidence(0.998)).toBe('99.8%');
  });
});
