import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileBands, quintileBands } from './quintiles.ts';

// Expected bands follow the algorithm of the OHID Technical Guide "Assigning Deprivation
// Categories" as PHEindicatormethods::phe_quantile implements it (invert = FALSE):
// band = (q + 1) − ceiling((N + 1 − rank) / (N / q)), ties at the minimum rank, 0 → 1.
describe('quintileBands', () => {
  it('puts ten distinct values two to a band, lowest values in band 1', () => {
    // N = 10, q = 5: rank r → 6 − ceil((11 − r) / 2).
    expect([...quintileBands([10, 1, 2, 3, 4, 5, 6, 7, 8, 9])]).toEqual([
      5, 1, 1, 2, 2, 3, 3, 4, 4, 5,
    ]);
  });

  it('handles a count that does not divide by five (N = 7)', () => {
    // ranks 1..7: (8 − r) · 5 / 7 = 5, 4.29, 3.57, 2.86, 2.14, 1.43, 0.71; ceilings
    // 5, 5, 4, 3, 3, 2, 1; bands 6 − ceiling = 1, 1, 2, 3, 3, 4, 5.
    expect([...quintileBands([1, 2, 3, 4, 5, 6, 7])]).toEqual([1, 1, 2, 3, 3, 4, 5]);
  });

  it('gives tied values the same band (the band of their lowest rank)', () => {
    // Ranks 1, 2 (×5), 7, 8, 9, 10; bands 6 − ceil((11 − r) / 2) = 1, 1, 4, 4, 5, 5.
    expect([...quintileBands([1, 2, 2, 2, 2, 2, 3, 4, 5, 6])]).toEqual([
      1, 1, 1, 1, 1, 1, 4, 4, 5, 5,
    ]);
  });

  it('leaves missing values unbanded (0) and bands the rest among themselves', () => {
    expect([...quintileBands([5, null, 1, Number.NaN, 2, undefined, 3, 4])]).toEqual([
      5, 0, 1, 0, 2, 0, 3, 4,
    ]);
  });

  it('bands nothing when fewer values than bands are present', () => {
    expect([...quintileBands([3, 1, 2, null])]).toEqual([0, 0, 0, 0]);
  });

  it('keeps bands between 1 and 5, in the order of the values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
          minLength: 5,
          maxLength: 200,
        }),
        (values) => {
          const bands = quintileBands(values);
          for (let i = 0; i < values.length; i++) {
            const bi = bands[i] ?? 0;
            expect(bi).toBeGreaterThanOrEqual(1);
            expect(bi).toBeLessThanOrEqual(5);
            for (let j = 0; j < values.length; j++) {
              if ((values[i] ?? 0) < (values[j] ?? 0))
                expect(bi).toBeLessThanOrEqual(bands[j] ?? 0);
            }
          }
        },
      ),
    );
  });

  it('fills about a fifth of distinct values into each band', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i);
    const counts = [0, 0, 0, 0, 0, 0];
    for (const b of quintileBands(values)) counts[b] = (counts[b] ?? 0) + 1;
    expect(counts).toEqual([0, 200, 200, 200, 200, 200]);
  });
});

describe('quantileBands', () => {
  it('makes deciles as well', () => {
    const values = Array.from({ length: 20 }, (_, i) => i);
    expect([...quantileBands(values, 10)]).toEqual(values.map((i) => Math.floor(i / 2) + 1));
  });

  it('rejects a band count that is not a whole number from 1 to 255', () => {
    expect(() => quantileBands([1, 2], 0)).toThrow(RangeError);
    expect(() => quantileBands([1, 2], 2.5)).toThrow(RangeError);
  });
});

describe('quantileBands against the published formula applied literally', () => {
  // Reference: rank every value (ties at the minimum) with a full sort, then apply the OHID
  // formula value by value, as phe_quantile does.
  function reference(values: readonly number[], q: number): number[] {
    const n = values.length;
    if (n < q) return values.map(() => 0);
    return values.map((v) => {
      const rank = 1 + values.filter((w) => w < v).length;
      const band = q + 1 - Math.ceil((n + 1 - rank) / (n / q) - 1e-9);
      return band < 1 ? 1 : band;
    });
  }

  it('agrees for fractions and for whole numbers spread too widely to count, with ties', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 0, maxLength: 120 }),
        fc.constantFrom(0.25, 1e6),
        fc.constantFrom(5, 10),
        (steps, size, q) => {
          const values = steps.map((k) => k * size);
          expect([...quantileBands(values, q)]).toEqual(reference(values, q));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('agrees for random values with many ties, for quintiles and deciles', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 0, maxLength: 120 }),
        fc.constantFrom(5, 10),
        (values, q) => {
          expect([...quantileBands(values, q)]).toEqual(reference(values, q));
        },
      ),
      { numRuns: 500 },
    );
  });
});
