/**
 * Group-sequential monitoring of days saved at the planned looks (issue 14, item 1): the
 * committee sees the estimate every quarter, and the looks are paid for with Lan-DeMets
 * alpha spending so that looking often does not manufacture a finding.
 *
 * Per look up to the as-of date: days saved recomputed from the same data as of the
 * look's date (primary-estimate.ts; spells and paths censored there), its standard error,
 * the information I_k = 1 / SE_k², the information fraction t_k = I_k / I_max with I_max
 * = 1 / SE_final² and SE_final the standard error the precision projection expects at the
 * final analysis (precision.ts), the two-sided boundary c_k of the spending function
 * recomputed for the observed fractions (survival's `groupSequentialBoundaries`), z_k =
 * estimate / SE_k, whether |z_k| >= c_k, and the repeated confidence interval
 * estimate ± c_k · SE_k (Jennison & Turnbull 1989), which covers the true days saved at
 * every look jointly with probability 1 - alpha.
 *
 * Decided once:
 * - A look where days saved is not estimable yet (nobody in an arm followed for tau)
 *   tests nothing and spends no alpha; so does a look with no more information than the
 *   one before.
 * - The final analysis uses t = 1: it spends what is left of alpha whatever its
 *   information. When the analysis itself is at or after the final look, I_max is the
 *   final look's observed information.
 * - An interim look whose information reaches I_max (t_k >= 1: the projection was too
 *   cautious) is treated as the final analysis: t = 1, all remaining alpha; later looks
 *   spend nothing (status "after-final-information") and a note says so.
 * - An as-of date that is not a planned look is an unplanned look ("as-of") and spends
 *   alpha by the spending function at its fraction, as Lan-DeMets allows.
 * - Looks after the as-of date are shown with their projected standard error, fraction,
 *   boundary and the days saved it would take to cross it. The boundaries of looks
 *   already taken do not depend on later fractions.
 * - Everything is recomputed at every run with the current projection of I_max, so a
 *   boundary shown for an earlier look can differ slightly from the one shown then; and
 *   an earlier look is recomputed from today's extract as of its date, which may hold
 *   registrations made after that date.
 */
import { daysBetween } from "@jobtrial/core";
import { groupSequentialBoundaries, normalCdf, repeatedConfidenceIntervals } from "@jobtrial/survival";
import type { AnalyzeNoteFacts } from "../messages.ts";
import type { Results } from "../results-schema.ts";
import { monitoringSettings } from "./planned-looks.ts";
import type { PrecisionProjection } from "./precision.ts";
import { primaryData, primaryEstimate, primaryUnits, type PrimaryData, type PrimaryInputs } from "./primary-estimate.ts";

type Monitoring = NonNullable<Results["monitoring"]>;
type Look = Monitoring["looks"][number];

export const MONITORING_METHOD =
  "Lan-DeMets alpha spending (O'Brien-Fleming or Pocock type, two-sided) over the planned looks. At each look days saved is recomputed from the data as of the look's date; the information fraction is the observed information 1/SE² over the information expected at the final analysis (1/SE² of the standard error the precision projection expects then); the final analysis uses fraction 1, an interim look whose information reaches the expected final information is treated as the final analysis, and looks where days saved is not yet estimable spend no alpha. The boundary c is recomputed for the observed fractions; the boundary is crossed when |z| >= c, z = days saved / SE; the repeated confidence interval is days saved ± c x SE (Jennison & Turnbull 1989), jointly covering the true effect at all looks with probability 1 - alpha. Earlier looks are recomputed from the current extract as of their dates.";

/** True when both arms have someone followed for tau by the date (a cheap check before recomputing). */
function mayBeEstimable(current: PrimaryData, date: string, tau: number): boolean {
  const units = primaryUnits(current);
  return (["control", "intervention"] as const).every((arm) => units.some((unit) => unit.arm === arm && daysBetween(unit.member.firstUnemploymentDay, date) >= tau));
}

/**
 * The monitoring block and its notes.
 *
 * @example
 * // An interim look whose information exceeds the projected final information spends all of alpha at once:
 * monitoringMeasures(inputs, current, daysSaved, { end: "2019-12-30", scaledToObserved: true, seAt: () => 50 }).monitoring.looks[1].criticalValue // 1.959964 (test/evaluation/monitoring.test.ts)
 */
export function monitoringMeasures(
  inputs: PrimaryInputs,
  current: PrimaryData,
  daysSaved: Results["daysSaved"],
  projection: PrecisionProjection | null,
): { monitoring: Monitoring; notes: AnalyzeNoteFacts[] } {
  const { config } = inputs;
  const asOf = current.asOf;
  const tau = daysSaved.tau;
  const settings = monitoringSettings(config);
  const notes: AnalyzeNoteFacts[] = [];
  const finalDate = settings.looks[settings.looks.length - 1]!.date;
  const dated: { date: string; kind: Look["kind"]; planned: boolean }[] = settings.looks.map((look) => ({ ...look, planned: true }));
  if (asOf < finalDate && !dated.some((look) => look.date === asOf)) {
    dated.push({ date: asOf, kind: "as-of", planned: false });
    dated.sort((a, b) => (a.date < b.date ? -1 : 1));
    notes.push({ code: "monitoring-unplanned-look", date: asOf });
  }

  // Estimates at the looks up to the as-of date.
  const estimates = dated.map((look) => {
    if (look.date > asOf) return null;
    if (look.date === asOf) return daysSaved;
    if (!mayBeEstimable(current, look.date, tau)) return null;
    return primaryEstimate(primaryData(inputs, look.date), { tau });
  });
  const finalIndex = dated.length - 1;
  const finalEstimate = estimates[finalIndex];
  const finalObserved = finalEstimate?.se !== null && finalEstimate?.se !== undefined && finalEstimate.se > 0 ? finalEstimate.se : null;
  const expectedFinalSe = finalObserved ?? (projection !== null && finalDate > asOf ? projection.seAt(finalDate) : null);
  const finalInformation = expectedFinalSe !== null && expectedFinalSe > 0 ? 1 / expectedFinalSe ** 2 : null;

  // The looks that spend alpha, with the fraction each uses.
  const looks: Look[] = [];
  const spending: { index: number; fraction: number; estimate: number | null; se: number | null }[] = [];
  let reachedFinal = false;
  dated.forEach((look, index) => {
    const estimate = estimates[index] ?? null;
    const analysed = estimate !== null && estimate.estimate !== null && estimate.se !== null && estimate.se > 0;
    const information = analysed ? 1 / estimate.se! ** 2 : null;
    const observedFraction = information !== null && finalInformation !== null ? information / finalInformation : null;
    let status: Look["status"] = look.date > asOf ? "future" : analysed ? "analysed" : "not-estimable";
    let fraction: number | null = null;
    let projected: { se: number; fraction: number } | null = null;
    if (reachedFinal) status = look.date > asOf ? "future" : "after-final-information";
    else if (status === "analysed" && finalInformation !== null) {
      fraction = index === finalIndex ? 1 : Math.min(1, observedFraction!);
      const previous = spending[spending.length - 1]?.fraction ?? 0;
      if (!(fraction > previous)) {
        status = "no-new-information";
        notes.push({ code: "monitoring-no-new-information", look: index + 1, date: look.date });
        fraction = null;
      } else {
        if (fraction === 1 && index !== finalIndex) notes.push({ code: "monitoring-information-above-final", look: index + 1, date: look.date });
        spending.push({ index, fraction, estimate: estimate!.estimate, se: estimate!.se });
        if (fraction === 1) reachedFinal = true;
      }
    } else if (status === "future" && finalInformation !== null && projection !== null) {
      const se = index === finalIndex ? expectedFinalSe! : projection.seAt(look.date);
      const previous = spending[spending.length - 1]?.fraction ?? 0;
      const projectedFraction = se === null ? null : index === finalIndex ? 1 : Math.min(1, 1 / se ** 2 / finalInformation);
      if (se !== null && projectedFraction !== null && projectedFraction > previous && (projectedFraction < 1 || index === finalIndex)) {
        projected = { se, fraction: projectedFraction };
        spending.push({ index, fraction: projectedFraction, estimate: null, se });
      }
    }
    looks.push({
      look: index + 1,
      date: look.date,
      kind: look.kind,
      planned: look.planned,
      status,
      estimate: analysed ? estimate.estimate : null,
      se: analysed ? estimate.se : null,
      information,
      observedFraction,
      informationFraction: fraction,
      z: analysed ? estimate.estimate! / estimate.se! : null,
      criticalValue: null,
      nominalP: null,
      alphaSpent: null,
      crossed: null,
      repeatedCi: null,
      projected: projected === null ? null : { se: projected.se, informationFraction: projected.fraction, criticalValue: null, estimateToCross: null },
    });
  });

  let crossedAt: string | null = null;
  if (spending.length > 0) {
    const boundaries = groupSequentialBoundaries({ informationRates: spending.map((entry) => entry.fraction), alpha: settings.alpha, sided: 2, spending: settings.spending });
    const taken = spending.filter((entry) => entry.estimate !== null);
    const intervals = repeatedConfidenceIntervals(boundaries, taken.map((entry) => ({ estimate: entry.estimate!, standardError: entry.se! })));
    spending.forEach((entry, position) => {
      const look = looks[entry.index]!;
      const criticalValue = boundaries.criticalValues[position]!;
      const finite = Number.isFinite(criticalValue);
      look.criticalValue = finite ? criticalValue : null;
      look.nominalP = 2 * normalCdf(-criticalValue);
      look.alphaSpent = boundaries.alphaSpent[position]!;
      if (entry.estimate === null) {
        look.projected = { ...look.projected!, criticalValue: finite ? criticalValue : null, estimateToCross: finite ? criticalValue * entry.se! : null };
        return;
      }
      const interval = intervals[position]!;
      look.crossed = interval.crossed;
      look.repeatedCi = finite ? { lower: interval.lower, upper: interval.upper! } : null;
      if (interval.crossed && crossedAt === null) {
        crossedAt = look.date;
        notes.push({ code: "monitoring-boundary-crossed", look: look.look, date: look.date });
      }
    });
  }
  if (!looks.some((look) => look.status === "analysed")) notes.push({ code: "monitoring-no-estimate-yet", tau });
  return {
    monitoring: {
      spending: settings.spending,
      alpha: settings.alpha,
      sided: 2,
      measure: daysSaved.measure ?? current.measure,
      tau,
      finalDate,
      expectedFinalSe,
      expectedFinalInformation: finalInformation,
      looks,
      crossedAt,
      method: MONITORING_METHOD,
    },
    notes,
  };
}
