import { describe, expect, it } from 'vitest';
import { pinRatePer1000, pinShare } from './pin-metrics.ts';

describe('pin metrics', () => {
  // Exact Poisson 95% limits for 12 events are 6.20 and 20.96 (Garwood F, Biometrika
  // 1936;28:437–42; tabulated in the APHO/PHE Technical Guide "Confidence Intervals"); Byar's
  // approximation (Breslow & Day 1987) agrees to 0.01. 12 pins among 1,500 residents → 8.0 per
  // 1,000, 95% 4.13 to 13.97.
  it('gives 12 pins among 1,500 residents as 8.0 per 1,000 with Byar limits close to the exact ones', () => {
    const ci = pinRatePer1000(12, 1500);
    expect(ci.value).toBeCloseTo(8, 12);
    expect(ci.method).toBe('byar');
    expect(ci.lower * 1.5).toBeCloseTo(6.2, 1);
    expect(ci.upper * 1.5).toBeCloseTo(20.96, 1);
    expect(ci.lower).toBeCloseTo(4.13, 2);
    expect(ci.upper).toBeCloseTo(13.98, 2);
  });

  it('uses exact Poisson limits below 10 pins', () => {
    expect(pinRatePer1000(4, 1500).method).toBe('exact_poisson');
  });

  // Newcombe RG, Stat Med 1998;17:857–72, Table II (method 3): 81/263 → 0.2553 to 0.3662.
  it('gives the share of pins with a reply a Wilson interval (Newcombe 1998, 81/263)', () => {
    const ci = pinShare(81, 263);
    expect(ci.lower).toBeCloseTo(0.2553, 4);
    expect(ci.upper).toBeCloseTo(0.3662, 4);
  });
});
