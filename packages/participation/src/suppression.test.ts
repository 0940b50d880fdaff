import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SMALL_COUNT_THRESHOLD } from './lists.ts';
import { isSmallCount, suppressGroup, suppressNested, suppressSmall } from './suppression.ts';

describe('suppressing small counts', () => {
  it('never publishes 1 to 4', () => {
    for (const count of [1, 2, 3, 4])
      expect(suppressSmall(count)).toEqual({ value: null, suppressed: true });
  });

  it('publishes 0 as 0, and 5 or more as they are', () => {
    expect(suppressSmall(0)).toEqual({ value: 0, suppressed: false });
    expect(suppressSmall(SMALL_COUNT_THRESHOLD)).toEqual({ value: 5, suppressed: false });
    expect(suppressSmall(1234)).toEqual({ value: 1234, suppressed: false });
  });

  it('agrees with the threshold for any count', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000),
        (count) =>
          suppressSmall(count).suppressed === (count >= 1 && count < SMALL_COUNT_THRESHOLD) &&
          isSmallCount(count) === suppressSmall(count).suppressed,
      ),
    );
  });
});

describe('suppressing a group of counts beside their total', () => {
  it('hides a second cell when one hidden cell could be worked out from the total', () => {
    // 0 + ? + 10 + 7 = 20 would give the 3 away; the 7 is hidden with it.
    expect(suppressGroup([0, 3, 10, 7]).map((c) => c.value)).toEqual([0, null, 10, null]);
  });

  it('leaves a group alone when nothing is small or two cells are already hidden', () => {
    expect(suppressGroup([0, 5, 12]).map((c) => c.value)).toEqual([0, 5, 12]);
    expect(suppressGroup([2, 3, 12]).map((c) => c.value)).toEqual([null, null, 12]);
  });

  it('never leaves exactly one hidden cell among counts that are not all zero otherwise', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30), { minLength: 2, maxLength: 8 }), (counts) => {
        const out = suppressGroup(counts);
        const hidden = out.filter((c) => c.suppressed).length;
        const othersNonZero = counts.some((count, i) => !out[i]?.suppressed && count > 0);
        expect(hidden !== 1 || !othersNonZero).toBe(true);
        out.forEach((c, i) => {
          if (!c.suppressed) expect(c.value).toBe(counts[i]);
          if (isSmallCount(counts[i] ?? 0)) expect(c.suppressed).toBe(true);
        });
      }),
    );
  });
});

describe('suppressing counts in two levels', () => {
  it('hides the parts of a group hidden only to protect another', () => {
    // Groups 3, 20, 7 of a published 30: the 3 is hidden, so the 7 is too, and with it its parts.
    const { groups, parts } = suppressNested([[3], [10, 10], [7, 0]]);
    expect(groups.map((c) => c.value)).toEqual([null, 20, null]);
    expect(parts.map((p) => p.map((c) => c.value))).toEqual([[null], [10, 10], [null, 0]]);
  });

  it('never leaves a part or group that subtraction would give away', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat(12), { minLength: 1, maxLength: 3 }), {
          minLength: 1,
          maxLength: 4,
        }),
        (input) => {
          const { groups, parts } = suppressNested(input);
          const soleHidden = (
            cells: readonly { suppressed: boolean }[],
            counts: readonly number[],
          ) =>
            cells.filter((c) => c.suppressed).length === 1 &&
            counts.some((n, i) => !cells[i]?.suppressed && n > 0);
          const totals = input.map((p) => p.reduce((a, b) => a + b, 0));
          expect(soleHidden(groups, totals)).toBe(false);
          input.forEach((counts, g) => {
            if (groups[g]?.suppressed)
              expect(parts[g]?.every((c, i) => c.suppressed || counts[i] === 0)).toBe(true);
            else expect(soleHidden(parts[g] ?? [], counts)).toBe(false);
            counts.forEach((n, i) => {
              if (isSmallCount(n)) expect(parts[g]?.[i]?.suppressed).toBe(true);
            });
          });
        },
      ),
    );
  });
});
