/**
 * Drawing the paths of the path model (path-model.ts) and writing them into the weekly
 * benefit panel.
 *
 * Per eligible citizen, from the duration source, always in this order: the move draw,
 * four draws for the prior history (whether, how many weeks, which benefit, how long
 * before), then one uniform per week start. The same uniform moves the citizen's latent
 * path under control and under the intervention (common random numbers), so both
 * potential paths are known; the assigned arm's is observed.
 *
 * At the start of week k >= 1, in this order: from the move week on the citizen lives
 * abroad (code 997; the path is censored, the latent path goes on); a citizen on
 * A-dagpenge who has used the benefit period (days on A-dagpenge since the first
 * unemployment day, re-entries counted) goes to cash benefit, "dagpengeret opbrugt"; else
 * the chain's transition. The first spell is the first run of A-dagpenge weeks; it ends at
 * the first week start with a move or another state.
 */
import { isoWeekNamer } from "./week-names.ts";
import { isoWeekOf, isoWeekStart, addDays, toDayNumber } from "@jobtrial/core";
import type { BenefitCode } from "./formats.ts";
import { ageBandOf, cellIndex, EDUCATIONS, type ExitState, type SimulationModel } from "./model.ts";
import {
  ADP,
  CASH,
  CHAIN_STATE_CODES,
  CHAIN_STATE_COUNT,
  EDUCATION,
  JOB,
  MOVED_CODE,
  PRIOR_CODE_WEIGHTS,
  PRIOR_CODES,
  PRIOR_MAX_GAP_WEEKS,
  SHORT_JOB,
  SICKNESS,
  adpTransitionRow,
  weekStartDay,
  weeksForHorizon,
  type PathModel,
} from "./path-model.ts";
import { pathHorizons } from "./path-truth.ts";
import type { RandomSource } from "@jobtrial/survival";
import type { SimulatedCitizen } from "./simulate-trial.ts";
import { weeksUntil } from "./weeks-until.ts";

/** A citizen's path, latent and observed. */
export interface SimulatedPath {
  /**
   * Latent: the chain state (CHAIN_STATES index; the short job is reported as job) of each
   * week since entry, index 0 = the entry week, under each arm, had the citizen not moved.
   * At least as many weeks as the longest horizon and the follow-up to the extraction date.
   */
  potentialStates: { control: Uint8Array; intervention: Uint8Array };
  /** Week index (>= 1) from which the citizen lives abroad (code 997, censored); null when not within the simulated weeks. */
  moveWeek: number | null;
  /** Weekday of the first unemployment day, 0 = Monday: the entry week has 7 - weekday days. */
  entryWeekday: number;
  /** Weeks on public support before the first unemployment day (the anciennitet at entry); 0 without a history. */
  priorWeeks: number;
  /** Panel code of those weeks; null without a history. */
  priorCode: BenefitCode | null;
  /** Weeks without support between the prior history and the entry week (1-26); 0 without a history. */
  priorGapWeeks: number;
}

/** The first spell of a path under one arm: its length in days and how it ends. */
interface FirstSpell {
  days: number;
  exit: ExitState;
}

const EXIT_OF_STATE: Record<number, ExitState> = {
  [SICKNESS]: "sygedagpenge",
  [CASH]: "anden offentlig ydelse",
  [JOB]: "selvforsørgelse",
  [SHORT_JOB]: "selvforsørgelse",
  [EDUCATION]: "uddannelse",
};

/** Cumulative transition rows out of A-dagpenge per cell and week, for each arm (index (cell × weeks + week) × 6 + state). */
const cumulativeRowsCache = new WeakMap<PathModel, { control: Float64Array; intervention: Float64Array }>();

function cumulativeAdpRows(path: PathModel): { control: Float64Array; intervention: Float64Array } {
  let rows = cumulativeRowsCache.get(path);
  if (rows) return rows;
  const cells = path.priorHistoryShares.length;
  const build = (intervention: boolean) => {
    const table = new Float64Array(cells * path.weeks * CHAIN_STATE_COUNT);
    const row = new Float64Array(CHAIN_STATE_COUNT);
    for (let cell = 0; cell < cells; cell++) {
      for (let week = 1; week < path.weeks; week++) {
        adpTransitionRow(path, cell, intervention, week, row);
        let cumulative = 0;
        const offset = (cell * path.weeks + week) * CHAIN_STATE_COUNT;
        for (let state = 0; state < CHAIN_STATE_COUNT; state++) table[offset + state] = cumulative += row[state]!;
      }
    }
    return table;
  };
  rows = { control: build(false), intervention: build(true) };
  cumulativeRowsCache.set(path, rows);
  return rows;
}


/** The first index whose cumulative probability exceeds `draw` (the last state when rounding leaves the draw above them all). */
function pick(cumulative: ArrayLike<number>, offset: number, draw: number): number {
  for (let state = 0; state < CHAIN_STATE_COUNT - 1; state++) if (draw < cumulative[offset + state]!) return state;
  return CHAIN_STATE_COUNT - 1;
}

/**
 * Draws every eligible citizen's path and sets its first spell: `durationDays` (to the
 * first week start off A-dagpenge or abroad), `exit` and `potentialDurations`.
 */
export function drawPaths(model: SimulationModel, citizens: readonly SimulatedCitizen[], random: RandomSource): void {
  const path = model.paths!;
  const { options } = model;
  const period = options.benefitPeriodDays;
  const rows = cumulativeAdpRows(path);
  const otherCumulative = path.otherTransitions.map((row) => {
    let cumulative = 0;
    return row.map((value) => (cumulative += value));
  });
  const moveProbability = path.options.moveWeeklyProbability;
  const horizonWeeks = weeksForHorizon(pathHorizons(model).at(-1)!);
  const lastObservedMonday = toDayNumber(isoWeekStart(isoWeekOf(addDays(options.extractionDate, -1))));
  const industryIndex = new Map(model.industries.map((industry, index) => [industry.name, index]));
  const control = new Uint8Array(path.weeks);
  const intervention = new Uint8Array(path.weeks);
  for (const citizen of citizens) {
    if (!citizen.eligible) continue;
    const cell = cellIndex(model, citizen.foreignBorn, citizen.registeredJanuary1, industryIndex.get(citizen.industryGroup)!, EDUCATIONS.indexOf(citizen.education), ageBandOf(citizen.age));
    const start = toDayNumber(citizen.firstUnemploymentDay);
    const weekday = (start + 3) % 7; // day 0, 1970-01-01, was a Thursday
    const lastObservedWeek = (lastObservedMonday - (start - weekday)) / 7;

    const moveDraw = random.next();
    const historyDraw = random.next();
    const priorDraw = random.next();
    const codeDraw = random.next();
    const gapDraw = random.next();
    const moveWeek = moveProbability > 0 ? weeksUntil(moveDraw, moveProbability) : Infinity;
    const hasHistory = historyDraw < path.priorHistoryShares[cell]!;
    const priorWeeks = hasHistory ? weeksUntil(priorDraw, 1 / path.options.priorMeanWeeks) : 0;
    let codeIndex = 0;
    for (let target = codeDraw; codeIndex < PRIOR_CODES.length - 1 && target >= PRIOR_CODE_WEIGHTS[codeIndex]!; codeIndex++) target -= PRIOR_CODE_WEIGHTS[codeIndex]!;

    // Latent paths under both arms from the same uniforms, until every horizon and the
    // follow-up are covered and both first spells have ended.
    const minimumWeeks = Math.max(horizonWeeks, lastObservedWeek + 1);
    control[0] = ADP;
    intervention[0] = ADP;
    const used = { control: 7 - weekday, intervention: 7 - weekday };
    const firstSpell: { control: FirstSpell | null; intervention: FirstSpell | null } = { control: null, intervention: null };
    let weeks = 1;
    for (let week = 1; week < path.weeks && (week < minimumWeeks || firstSpell.control === null || firstSpell.intervention === null); week++) {
      const draw = random.next();
      for (const arm of ["control", "intervention"] as const) {
        const states = arm === "control" ? control : intervention;
        const previous = states[week - 1]!;
        let state: number;
        let exhausted = false;
        if (previous === ADP && used[arm] >= period) {
          state = CASH;
          exhausted = true;
        } else if (previous === ADP) state = pick(rows[arm], (cell * path.weeks + week) * CHAIN_STATE_COUNT, draw);
        else state = pick(otherCumulative[previous]!, 0, draw);
        states[week] = state;
        if (state === ADP) used[arm] += 7;
        if (firstSpell[arm] === null && (week >= moveWeek || state !== ADP)) {
          const exit: ExitState = week >= moveWeek ? "fraflyttet" : exhausted ? "dagpengeret opbrugt" : EXIT_OF_STATE[state]!;
          firstSpell[arm] = { days: weekStartDay(week, weekday), exit };
        }
      }
      weeks = week + 1;
    }
    if (firstSpell.control === null || firstSpell.intervention === null) throw new Error("internal: a simulated first spell outlived the benefit period");
    const assigned = citizen.arm === "intervention" ? firstSpell.intervention : firstSpell.control;
    citizen.durationDays = assigned.days;
    citizen.exit = assigned.exit;
    citizen.potentialDurations = { control: firstSpell.control.days, intervention: firstSpell.intervention.days };
    citizen.path = {
      potentialStates: { control: control.slice(0, weeks), intervention: intervention.slice(0, weeks) },
      moveWeek: moveWeek < weeks ? moveWeek : null,
      entryWeekday: weekday,
      priorWeeks,
      priorCode: hasHistory ? PRIOR_CODES[codeIndex]! : null,
      priorGapWeeks: hasHistory ? 1 + Math.floor(gapDraw * PRIOR_MAX_GAP_WEEKS) : 0,
    };
  }
}

/**
 * The weekly panel of the paths: the prior history's weeks, then from the entry week to
 * the week of the day before the extraction date the code of the assigned arm's state
 * (no row for a job), 997 from the move week on.
 */
export function pathBenefitPanel(
  citizens: readonly SimulatedCitizen[],
  extractionDate: string,
): { citizen: number; cpr: string; week: string; code: BenefitCode }[] {
  const lastObservedMonday = toDayNumber(isoWeekStart(isoWeekOf(addDays(extractionDate, -1))));
  const rows: { citizen: number; cpr: string; week: string; code: BenefitCode }[] = [];
  const nameOf = isoWeekNamer();
  for (const citizen of citizens) {
    const path = citizen.path;
    if (!citizen.eligible || !path) continue;
    const entryMonday = toDayNumber(citizen.firstUnemploymentDay) - path.entryWeekday;
    if (path.priorCode !== null) {
      for (let week = -(path.priorGapWeeks + path.priorWeeks); week <= -(path.priorGapWeeks + 1); week++) {
        rows.push({ citizen: citizen.index, cpr: citizen.cpr, week: nameOf(entryMonday + 7 * week), code: path.priorCode });
      }
    }
    const states = citizen.arm === "intervention" ? path.potentialStates.intervention : path.potentialStates.control;
    for (let week = 0; entryMonday + 7 * week <= lastObservedMonday; week++) {
      const code = path.moveWeek !== null && week >= path.moveWeek ? MOVED_CODE : CHAIN_STATE_CODES[states[week]!]!;
      if (code !== null) rows.push({ citizen: citizen.index, cpr: citizen.cpr, week: nameOf(entryMonday + 7 * week), code });
    }
  }
  return rows;
}
