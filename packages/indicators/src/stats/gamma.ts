// The gamma function family: log-gamma, the regularized incomplete gamma functions and their
// inverses. Exact Poisson limits and chi-square quantiles are gamma quantiles.

const EPSILON = 1e-16;
const TINY = 1e-300;

// Lanczos approximation, g = 7, n = 9 (relative error about 1e-15 for x > 0).
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
] as const;
const HALF_LOG_TWO_PI = 0.9189385332046728;

/**
 * Natural logarithm of the gamma function for x > 0.
 * @see Lanczos C. A precision approximation of the gamma function. SIAM J Numer Anal 1964;1:86–96.
 */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) {
    throw new RangeError(`logGamma needs a finite x > 0, got ${String(x)}`);
  }
  if (x < 0.5) {
    // Reflection keeps accuracy for small x: Γ(x)Γ(1−x) = π / sin(πx).
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const y = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += (LANCZOS[i] ?? 0) / (y + i);
  const t = y + 7.5;
  return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

function assertShape(a: number, x: number): void {
  if (!(a > 0) || !Number.isFinite(a)) {
    throw new RangeError(`the gamma shape must be a finite number > 0, got ${String(a)}`);
  }
  if (!(x >= 0) || Number.isNaN(x)) {
    throw new RangeError(`the gamma argument must be >= 0, got ${String(x)}`);
  }
}

// log of x^a e^-x / Γ(a): the common prefactor of the series and the continued fraction.
function logPrefactor(a: number, x: number): number {
  return a * Math.log(x) - x - logGamma(a);
}

// P(a, x) by its power series; converges quickly for x < a + 1.
function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  const maxIterations = 1000 + Math.ceil(20 * Math.sqrt(a));
  for (let n = 1; n < maxIterations; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum * Math.exp(logPrefactor(a, x));
}

// Q(a, x) by its continued fraction (modified Lentz); converges quickly for x >= a + 1.
function upperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  const maxIterations = 1000 + Math.ceil(20 * Math.sqrt(a));
  for (let i = 1; i < maxIterations; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(logPrefactor(a, x)) * h;
}

/**
 * Regularized lower incomplete gamma P(a, x) = γ(a, x) / Γ(a): the gamma(a, 1) CDF at x.
 * @see Press WH et al. Numerical Recipes, 3rd edn (2007), §6.2 (series and continued fraction)
 */
export function regularizedGammaP(a: number, x: number): number {
  assertShape(a, x);
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? lowerSeries(a, x) : 1 - upperContinuedFraction(a, x);
}

/**
 * Regularized upper incomplete gamma Q(a, x) = 1 − P(a, x), computed directly in the upper tail.
 * @see Press WH et al. Numerical Recipes, 3rd edn (2007), §6.2
 */
export function regularizedGammaQ(a: number, x: number): number {
  assertShape(a, x);
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperContinuedFraction(a, x);
}

// Starting point: Wilson–Hilferty's cube-root normal approximation, with a power-law start for
// small shapes or far lower tails where it would go negative.
function initialGuess(a: number, lowerTailP: number): number {
  const p = Math.min(Math.max(lowerTailP, 1e-300), 1 - 1e-16);
  // Rational approximation to the normal quantile (Abramowitz & Stegun 26.2.22): a seed only.
  const pp = p < 0.5 ? p : 1 - p;
  const t = Math.sqrt(-2 * Math.log(pp));
  let z = t - (2.30753 + 0.27061 * t) / (1 + t * (0.99229 + 0.04481 * t));
  if (p < 0.5) z = -z;
  const cube = 1 - 1 / (9 * a) + z / (3 * Math.sqrt(a));
  if (cube > 0 && a >= 1) return Math.max(a * cube * cube * cube, 1e-3);
  // For small x, P(a, x) ≈ x^a / Γ(a + 1).
  return Math.exp((Math.log(p) + logGamma(a + 1)) / a);
}

// Finds x with P(a, x) = target (upper = false) or Q(a, x) = target (upper = true) by Newton's
// method kept inside a shrinking bracket, falling back to bisection when a step leaves it.
function gammaQuantile(a: number, target: number, upper: boolean): number {
  let x = initialGuess(a, upper ? 1 - target : target);
  let lo = 0;
  let hi = Infinity;
  const logGammaA = logGamma(a);
  for (let iteration = 0; iteration < 300; iteration++) {
    // f is increasing in x in both cases.
    const f = upper ? target - regularizedGammaQ(a, x) : regularizedGammaP(a, x) - target;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const density = Math.exp((a - 1) * Math.log(x) - x - logGammaA);
    let next = density > 0 && Number.isFinite(density) ? x - f / density : Number.NaN;
    if (!(next > lo && next < hi)) {
      next = hi === Infinity ? Math.max(2 * x, lo * 2, 1) : (lo + hi) / 2;
    }
    if (Math.abs(next - x) <= 1e-15 * Math.abs(next)) return next;
    if (hi !== Infinity && hi - lo <= 1e-15 * hi) return next;
    x = next;
  }
  return x;
}

function assertProbability(p: number, name: string): void {
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`${name} must be a probability between 0 and 1, got ${String(p)}`);
  }
}

/**
 * The x at which P(a, x) = p: the p-quantile of a gamma(a, 1) distribution.
 * @see Press WH et al. Numerical Recipes, 3rd edn (2007), §6.2.1 (inverse incomplete gamma)
 */
export function inverseRegularizedGammaP(a: number, p: number): number {
  assertShape(a, 0);
  assertProbability(p, 'p');
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  return p <= 0.5 ? gammaQuantile(a, p, false) : gammaQuantile(a, 1 - p, true);
}

/**
 * The x at which Q(a, x) = q, solved in the upper tail so small q keep full precision.
 * @see Press WH et al. Numerical Recipes, 3rd edn (2007), §6.2.1
 */
export function inverseRegularizedGammaQ(a: number, q: number): number {
  assertShape(a, 0);
  assertProbability(q, 'q');
  if (q === 1) return 0;
  if (q === 0) return Infinity;
  return q <= 0.5 ? gammaQuantile(a, q, true) : gammaQuantile(a, 1 - q, false);
}

/**
 * Quantile of the chi-square distribution with `df` degrees of freedom: 2 × gamma(df/2) quantile.
 * @see NIST/SEMATECH e-Handbook of Statistical Methods §1.3.6.6.6 (chi-square distribution)
 */
export function chiSquareQuantile(p: number, df: number): number {
  if (!(df > 0) || !Number.isFinite(df)) {
    throw new RangeError(`degrees of freedom must be a finite number > 0, got ${String(df)}`);
  }
  return 2 * inverseRegularizedGammaP(df / 2, p);
}
