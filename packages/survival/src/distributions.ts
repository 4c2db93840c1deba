/**
 * Distribution functions for p-values and intervals: standard normal, Student t and
 * chi-square. Built on the special functions in `special-functions.ts`; accurate to about
 * 1e-14 relative in the tails used for tests (see test/distributions.test.ts, which checks
 * values from R's pnorm/pt/pchisq/qnorm/qt).
 */
import {
  logGamma,
  regularizedBeta,
  regularizedBetaComplement,
  regularizedGammaP,
  regularizedGammaQ,
} from "./special-functions.ts";

/**
 * Standard normal lower tail Φ(x), computed through Q(1/2, x²/2) so the far tails keep
 * their relative accuracy.
 *
 * @example normalCdf(-1.959963984540054) // 0.025 (R: pnorm(-1.959963984540054))
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const half = 0.5 * x * x;
  if (x < 0) return 0.5 * regularizedGammaQ(0.5, half);
  return 0.5 + 0.5 * regularizedGammaP(0.5, half);
}

/** Standard normal upper tail 1 - Φ(x). */
export function normalSurvival(x: number): number {
  return normalCdf(-x);
}

/** Two-sided normal p-value 2 (1 - Φ(|z|)). @example normalTwoSidedP(1.959963984540054) // 0.05 */
export function normalTwoSidedP(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return regularizedGammaQ(0.5, 0.5 * z * z);
}

/** Standard normal density. */
export function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/**
 * Standard normal quantile Φ⁻¹(p): Acklam's rational start refined by Halley steps on
 * `normalCdf` to full double precision.
 *
 * @example normalQuantile(0.975) // 1.959963984540054 (R: qnorm(0.975))
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pLow = 0.02425;
  let x: number;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - pLow) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  for (let step = 0; step < 4; step++) {
    // Work in the smaller tail so the residual keeps its precision.
    const residual = p < 0.5 ? normalCdf(x) - p : (1 - p) - normalSurvival(x);
    const u = residual / normalDensity(x);
    const next = x - u / (1 + 0.5 * x * u);
    if (next === x) break;
    x = next;
  }
  return x;
}

/**
 * Student t lower tail P(T <= t) with `df` > 0 degrees of freedom:
 * P(T > |t|) = I_{df/(df+t²)}(df/2, 1/2) / 2.
 *
 * @example studentTCdf(2, 10) // 0.9633062974733327 (R: pt(2, 10))
 */
export function studentTCdf(t: number, df: number): number {
  const upperTail = 0.5 * studentTTwoSidedP(t, df);
  return t < 0 ? upperTail : 1 - upperTail;
}

/**
 * Two-sided t p-value P(|T| >= |t|) = I_{df/(df+t²)}(df/2, 1/2).
 *
 * @example studentTTwoSidedP(2, 10) // 0.07338803477074 (R: 2 * pt(-2, 10))
 */
export function studentTTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  if (df === Number.POSITIVE_INFINITY) return normalTwoSidedP(t);
  const tSquared = t * t;
  const x = df / (df + tSquared);
  const complement = tSquared / (df + tSquared);
  return regularizedBeta(x, df / 2, 0.5, complement);
}

function studentTDensity(t: number, df: number): number {
  const logDensity = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df);
  return Math.exp(logDensity);
}

/**
 * Student t quantile: Newton iterations on `studentTCdf`, started at the normal quantile
 * with the first Cornish-Fisher correction.
 *
 * @example studentTQuantile(0.975, 10) // 2.228138851986274 (R: qt(0.975, 10))
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) {
    if (p === 0) return Number.NEGATIVE_INFINITY;
    if (p === 1) return Number.POSITIVE_INFINITY;
    return Number.NaN;
  }
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(p);
  const upper = 1 - p;
  const z = normalQuantile(p);
  let t = z + (z * z * z + z) / (4 * df);
  if (df < 3) t = Math.max(t, 1e-3);
  for (let step = 0; step < 200; step++) {
    const tail = 0.5 * studentTTwoSidedP(t, df);
    const next = t + (tail - upper) / studentTDensity(t, df);
    if (!(next > 0)) {
      t = t / 2;
      continue;
    }
    if (Math.abs(next - t) <= 1e-15 * Math.abs(t)) {
      t = next;
      break;
    }
    t = next;
  }
  return t;
}

/**
 * Chi-square upper tail P(X >= x) = Q(df/2, x/2).
 *
 * @example chiSquareSurvival(3.841458820694124, 1) // 0.05 (R: pchisq(3.841458820694124, 1, lower.tail = FALSE))
 */
export function chiSquareSurvival(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return Number.NaN;
  if (x <= 0) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}

/** F upper tail, for completeness of the t/F pair: P(F >= f) with (df1, df2). */
export function fSurvival(f: number, df1: number, df2: number): number {
  if (!(f > 0)) return 1;
  const x = df2 / (df2 + df1 * f);
  return regularizedBeta(x, df2 / 2, df1 / 2, (df1 * f) / (df2 + df1 * f));
}

/** Lower tail of a beta variable, exposed for the tests of the incomplete beta function. */
export function betaCdf(x: number, a: number, b: number): number {
  return regularizedBeta(x, a, b);
}

/** Upper tail of a beta variable. */
export function betaSurvival(x: number, a: number, b: number): number {
  return regularizedBetaComplement(x, a, b);
}
