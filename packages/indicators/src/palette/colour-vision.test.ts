import { describe, expect, it } from 'vitest';
import {
  deltaE2000,
  linearRgbToLab,
  perceivedDifference,
  simulateDeficiency,
} from './colour-vision.ts';

describe('deltaE2000', () => {
  // Sharma G, Wu W, Dalal EN (2005), Color Res Appl 30:21–30, Table 1 (supplementary test data).
  it.each([
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
    [[50, 2.8361, -74.02], [50, 0, -82.7485], 3.4412],
    [[50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[50, 2.5, 0], [61, -5, 29], 22.8977],
    [[50, 2.5, 0], [56, -27, -3], 31.903],
    [[50, 2.5, 0], [58, 24, 15], 19.4535],
  ] as const)('reproduces Sharma et al. (2005) for %j vs %j', (a, b, expected) => {
    expect(deltaE2000(a, b)).toBeCloseTo(expected, 4);
  });

  it('is zero for identical colours', () => {
    expect(deltaE2000([40, 10, -20], [40, 10, -20])).toBe(0);
  });
});

describe('linearRgbToLab', () => {
  it('maps white to L* = 100, a* = b* = 0 (D65)', () => {
    const [l, a, b] = linearRgbToLab([1, 1, 1]);
    expect(l).toBeCloseTo(100, 3);
    expect(a).toBeCloseTo(0, 2);
    expect(b).toBeCloseTo(0, 2);
  });
});

describe('simulateDeficiency (Machado et al. 2009, severity 1.0)', () => {
  it('leaves greys grey: each matrix row sums to 1', () => {
    for (const deficiency of ['protanopia', 'deuteranopia', 'tritanopia'] as const) {
      const [r, g, b] = simulateDeficiency('#808080', deficiency);
      expect(r).toBeCloseTo(g, 2);
      expect(g).toBeCloseTo(b, 2);
    }
  });

  it('makes a typical red/green pair hard to tell apart with deuteranopia (the check can fail)', () => {
    // matplotlib's tab:red and tab:green, distinct to normal vision.
    expect(perceivedDifference('#D62728', '#2CA02C')).toBeGreaterThan(40);
    expect(perceivedDifference('#D62728', '#2CA02C', 'deuteranopia')).toBeLessThan(10);
  });
});
