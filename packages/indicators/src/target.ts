/**
 * A target as a threshold and a direction, and the plain verdict.
 *
 * - at most v / at least v: the threshold is v;
 * - a change from the baseline b: "number" b ∓ by, "percent" b × (1 ∓ by/100),
 *   "points" b ∓ by (percentage points of a share); a decrease is met at or below the
 *   threshold, an increase at or above it.
 *
 * The verdict, on the point values (the intervals are shown beside it, not mixed in):
 * - the period is over: "met" when the value meets the threshold (equal counts as met,
 *   up to a relative 1e-9 for rounding), otherwise "missed";
 * - the period is running: "on_track" when the projection to the period's end meets the
 *   threshold (the value so far when there is no projection), otherwise "at_risk";
 * - no value: "no_data".
 */
import { formatNumber, type Lang } from "@jobtrial/core";
import type { Target } from "./definition.ts";
import type { Verdict } from "./results-schema.ts";

export interface Threshold {
  direction: "atMost" | "atLeast";
  /** Null when it depends on a baseline that is not known. */
  threshold: number | null;
}

export function thresholdOf(target: Target, baseline: number | null): Threshold {
  switch (target.kind) {
    case "atMost":
      return { direction: "atMost", threshold: target.value };
    case "atLeast":
      return { direction: "atLeast", threshold: target.value };
    case "change": {
      const direction = target.direction === "decrease" ? "atMost" : "atLeast";
      if (baseline === null) return { direction, threshold: null };
      const sign = target.direction === "decrease" ? -1 : 1;
      const threshold = target.unit === "percent" ? baseline * (1 + (sign * target.by) / 100) : baseline + sign * target.by;
      return { direction, threshold };
    }
  }
}

/** Whether `value` meets the threshold; equality meets it (within a relative 1e-9). */
export function meets(value: number, threshold: Threshold): boolean {
  if (threshold.threshold === null) return false;
  const tolerance = 1e-9 * Math.max(1, Math.abs(threshold.threshold));
  return threshold.direction === "atMost" ? value <= threshold.threshold + tolerance : value >= threshold.threshold - tolerance;
}

export function verdictOf(input: { value: number | null; complete: boolean; projected: number | null; threshold: Threshold }): Verdict {
  if (input.value === null || input.threshold.threshold === null) return "no_data";
  if (input.complete) return meets(input.value, input.threshold) ? "met" : "missed";
  return meets(input.projected ?? input.value, input.threshold) ? "on_track" : "at_risk";
}

/** The target in words: "højst 1.959", "mindst 75,0 %", "et fald på 50 fra basislinjen". */
export function targetStatement(target: Target, unit: "persons" | "percent" | "perWeek", lang: Lang): string {
  const da = lang === "da";
  const number = (value: number) => formatNumber(value, lang, { decimals: unit === "percent" || !Number.isInteger(value) ? 1 : 0 });
  const withUnit = (value: number) => (unit === "percent" ? `${number(value)}${da ? " %" : "%"}` : unit === "perWeek" ? `${number(value)} ${da ? "om ugen" : "a week"}` : number(value));
  switch (target.kind) {
    case "atMost":
      return `${da ? "højst" : "at most"} ${withUnit(target.value)}`;
    case "atLeast":
      return `${da ? "mindst" : "at least"} ${withUnit(target.value)}`;
    case "change": {
      const amount = target.unit === "percent" ? `${number(target.by)}${da ? " %" : "%"}` : target.unit === "points" ? `${number(target.by)} ${da ? "procentpoint" : "percentage points"}` : number(target.by);
      if (da) return `${target.direction === "decrease" ? "et fald" : "en stigning"} på ${amount} fra basislinjen`;
      return `${target.direction === "decrease" ? "a decrease" : "an increase"} of ${amount} from the baseline`;
    }
  }
}
