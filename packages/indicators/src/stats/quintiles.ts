// Quantile bands of values within the set of areas shown (no significance test).

/** The legend wording for quintile bands, used wherever they are drawn. */
export const QUINTILE_LEGEND =
  'Quintiles within the areas shown, no significance test (1 = lowest fifth of values, 5 = highest; values equal as displayed share the quintile of the lowest of them)';

/** The legend wording for a column with one figure for the whole authority. */
export const AUTHORITY_WIDE_LEGEND =
  'Same for the whole authority: the publisher measures this indicator for each local authority and gives all its areas that figure, so the areas are not compared with each other';

/** The legend wording for a column whose values shown are all the same. */
export const CONSTANT_LEGEND = 'Same value (as displayed) in every area shown, so not banded';

function isPresent(x: number | null | undefined): x is number {
  return typeof x === 'number' && !Number.isNaN(x);
}

// Hoare's quickselect (median-of-three pivot): afterwards a[k] holds the value of rank k + 1
// within a[lo..hi], smaller or equal values before it and larger or equal after.
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const x = a[lo] ?? 0;
    const y = a[mid] ?? 0;
    const z = a[hi] ?? 0;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] ?? 0) < pivot) i++;
      while ((a[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const t = a[i] ?? 0;
        a[i] = a[j] ?? 0;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

// The present values, reordered by selection, in one buffer grown as needed and kept: a fresh
// typed array each call (a rug bands 20 columns) took a third of the time. The buffer never
// leaves quantileBands, so sharing it is not observable.
let workBuffer = new Float64Array(0);
function workFor(length: number): Float64Array {
  if (workBuffer.length < length) {
    workBuffer = new Float64Array(Math.max(length, 2 * workBuffer.length));
  }
  return workBuffer;
}

// Whole numbers spanning at most this many values are banded by counting.
const MAX_COUNTED_RANGE = 1 << 17;
let countBuffer = new Int32Array(0);

// Bands of whole numbers in a small range (a rug bands the digits of its values as displayed),
// straight from the formula: a value's lowest rank is one more than the number of values below
// it, which counting every value gives in two passes and a walk over the range, where selection
// makes several passes over the values.
function bandsByCounting(
  values: ArrayLike<number | null | undefined>,
  bands: number,
  present: number,
  min: number,
  max: number,
  out: Uint8Array,
): Uint8Array {
  const range = max - min + 1;
  if (countBuffer.length < range)
    countBuffer = new Int32Array(Math.max(range, 2 * countBuffer.length));
  const counts = countBuffer;
  counts.fill(0, 0, range);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isPresent(v)) counts[v - min] = (counts[v - min] ?? 0) + 1;
  }
  // Each count becomes its value's band.
  let below = 0;
  for (let j = 0; j < range; j++) {
    const count = counts[j] ?? 0;
    if (count === 0) continue;
    const rank = below + 1;
    const band = bands + 1 - Math.ceil(((present + 1 - rank) * bands) / present);
    counts[j] = band < 1 ? 1 : band;
    below += count;
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isPresent(v)) out[i] = counts[v - min] ?? 0;
  }
  return out;
}

/**
 * Assigns each value a band 1..`bands` (1 = lowest values) by its rank among the present values,
 * ties sharing the lowest rank; 0 marks a missing value, and every value gets 0 when fewer values
 * than bands are present. band = (q + 1) − ⌈(N + 1 − rank) · q / N⌉, with 0 raised to 1.
 * @see OHID Technical Guide "Assigning Deprivation Categories"; PHEindicatormethods::phe_quantile (invert = FALSE)
 */
export function quantileBands(
  values: ArrayLike<number | null | undefined>,
  bands: number,
  out: Uint8Array = new Uint8Array(values.length),
): Uint8Array {
  if (!(Number.isInteger(bands) && bands >= 1 && bands <= 255)) {
    throw new RangeError(`bands must be an integer from 1 to 255, got ${String(bands)}`);
  }
  if (out.length < values.length) {
    throw new RangeError(`out has room for ${out.length} bands, needs ${values.length}`);
  }
  let present = 0;
  let whole = true;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!isPresent(v)) continue;
    present++;
    if (!Number.isInteger(v)) whole = false;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  out.fill(0, 0, values.length);
  if (present < bands) return out;
  if (whole && max - min < Math.min(8 * present, MAX_COUNTED_RANGE)) {
    return bandsByCounting(values, bands, present, min, max, out);
  }

  const work = workFor(present);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isPresent(v)) work[k++] = v;
  }

  // The band depends only on the rank, and rises with it, so each band b > 1 starts at a
  // threshold value: the value at the first rank r_b whose band reaches b (an order statistic,
  // found by selection rather than a full sort), or, when ties carry that value's lowest rank
  // below r_b, the next larger value.
  const thresholds = new Float64Array(bands + 1).fill(Infinity);
  let from = 0;
  let b = 2;
  for (let rank = 1; rank <= present && b <= bands; rank++) {
    // Integer arithmetic keeps the ceiling exact where N / q is not a whole number.
    const band = bands + 1 - Math.ceil(((present + 1 - rank) * bands) / present);
    if (band < b) continue;
    const at = rank - 1;
    select(work, at, from, present - 1);
    const v = work[at] ?? Infinity;
    let below = 0;
    for (let i = 0; i < at; i++) if ((work[i] ?? 0) < v) below++;
    let threshold = v;
    if (below < at) {
      threshold = Infinity;
      for (let i = at + 1; i < present; i++) {
        const w = work[i] ?? Infinity;
        if (w > v && w < threshold) threshold = w;
      }
    }
    while (b <= band && b <= bands) thresholds[b++] = threshold;
    from = at;
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!isPresent(v)) continue;
    let band = 1;
    while (band < bands && v >= (thresholds[band + 1] ?? Infinity)) band++;
    out[i] = band;
  }
  return out;
}

/**
 * Quintile bands 1..5 of the values shown (1 = lowest fifth), 0 for missing values.
 * @see OHID Technical Guide "Assigning Deprivation Categories"
 */
export function quintileBands(
  values: ArrayLike<number | null | undefined>,
  out?: Uint8Array,
): Uint8Array {
  return quantileBands(values, 5, out);
}
