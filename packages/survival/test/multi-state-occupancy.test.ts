import { describe, expect, it } from "vitest";
import { cumulativeIncidence } from "../src/cumulative-incidence.ts";
import { kaplanMeier } from "../src/kaplan-meier.ts";
import { AnalyzeError, episodeMessage, type AnalyzeIssue } from "../src/messages.ts";
import type { MultiStateData } from "../src/multi-state-input.ts";
import { multiStateOccupancy, multiStateOccupancyAt, type MultiStateOptions } from "../src/multi-state-occupancy.ts";
import { randomSource, uniformInt } from "../src/random-source.ts";

function close(actual: readonly number[], expected: readonly number[], digits = 14): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((value, index) => expect(value, `[${index}]`).toBeCloseTo(expected[index]!, digits));
}

/** The issue an estimator call throws. */
function issueOf(call: () => unknown): AnalyzeIssue {
  try {
    call();
  } catch (error) {
    if (error instanceof AnalyzeError) return error.issue;
    throw error;
  }
  throw new Error("expected an AnalyzeError");
}

/**
 * Three persons, states adp (A), job (J), education (E), rows unsorted:
 *   P1: A (0,2] -> J; J (2,5] -> A (the return); A (5,8] censored
 *   P2: A (0,4] -> E; E (4,8] censored
 *   P3: A (0,3] censored
 * plus P4 with an empty `to` (left out whole) and a row without an id (dropped).
 */
const threePersons = {
  id: ["P2", "P1", "P3", "P1", "P4", "P2", "P1", null, "P4"],
  group: ["g", "g", "g", "g", "g", "g", "g", "g", "g"],
  start: [4, 5, 0, 0, 0, 0, 2, 0, 3],
  stop: [8, 8, 3, 2, 3, 4, 5, 1, 6],
  from: ["education", "adp", "adp", "adp", "adp", "adp", "job", "adp", "job"],
  to: ["censor", "censor", "censor", "job", "job", "education", "adp", "job", null],
} satisfies MultiStateData;

describe("multiStateOccupancy", () => {
  it("multiStateOccupancy(episodes) follows a return to the initial state (3 persons worked by hand, rows unsorted, a missing cell)", () => {
    // p0 = (A, J, E) = (1, 0, 0); U_i = 0 for everyone. Each step: p <- p H, and for a
    // person at risk in s with destination d, U <- U H + p_s (e_d - H[s]) / n_s; others U <- U H.
    // t = 2: at risk A: P1, P2, P3 (n_A = 3); P1 A -> J. H[A] = (2/3, 1/3, 0).
    //   p = (2/3, 1/3, 0). scale p_A / n_A = 1/3:
    //   U1 = -(2/3, 1/3, 0)/3 + (0, 1/3, 0) = (-2/9, 2/9, 0); U2 = U3 = -(2/3, 1/3, 0)/3 + (1/3, 0, 0) = (1/9, -1/9, 0).
    //   Var p_A = (4 + 1 + 1)/81 = 6/81, se = sqrt(6)/9; the same for J; 0 for E.
    // t = 3: P3 censored in A; no transition: nothing changes.
    // t = 4: at risk A: P2 (n_A = 1), J: P1; P2 A -> E. H[A] = (0, 0, 1). p = (0, 1/3, 2/3).
    //   U H moves U_A into U_E: U1 = (0, 2/9, -2/9), U2 = U3 = (0, -1/9, 1/9); P2's own
    //   term -(0, 0, 1)(2/3) + e_E (2/3) = 0. P3, censored at 3, keeps an influence: it
    //   was at risk at t = 2. Var: A 0, J 6/81, E 6/81.
    // t = 5: at risk J: P1 (n_J = 1), E: P2; P1 J -> A. H[J] = (1, 0, 0). p = (1/3, 0, 2/3).
    //   U H moves U_J into U_A: U1 = (2/9, 0, -2/9), U2 = U3 = (-1/9, 0, 1/9); P1's term is 0.
    //   Var: A 6/81, J 0, E 6/81.
    // t = 8: P1 (in A) and P2 (in E) censored; nothing changes.
    const result = multiStateOccupancy(threePersons, { taus: [6], sets: { public: ["adp", "job"] } });
    expect(result.states).toEqual(["adp", "education", "job"]);
    expect([result.nRows, result.nDroppedRows, result.nDroppedIds, result.nExcludedRows]).toEqual([9, 3, 1, 0]);
    const curve = result.curves.g!;
    expect([curve.nIds, curve.nPersons]).toEqual([3, 3]);
    expect(curve.time).toEqual([2, 3, 4, 5, 8]);
    expect(curve.nRisk).toEqual([3, 3, 2, 2, 2]);
    expect(curve.nTransitions).toEqual([1, 0, 1, 1, 0]);
    expect(curve.nCensor).toEqual([0, 1, 0, 0, 2]);
    expect(curve.initial).toEqual({ pstate: { adp: 1, education: 0, job: 0 }, stdErr: { adp: 0, education: 0, job: 0 } });
    const se = Math.sqrt(6) / 9;
    close(curve.pstate.adp!, [2 / 3, 2 / 3, 0, 1 / 3, 1 / 3]);
    close(curve.pstate.job!, [1 / 3, 1 / 3, 1 / 3, 0, 0]);
    close(curve.pstate.education!, [0, 0, 2 / 3, 2 / 3, 2 / 3]);
    close(curve.stdErr.adp!, [se, se, 0, se, se]);
    close(curve.stdErr.job!, [se, se, se, 0, 0]);
    close(curve.stdErr.education!, [0, 0, se, se, se]);
    // Time in adp up to tau = 6: 2·1 + 1·2/3 + 1·2/3 + 1·0 + 1·1/3 = 11/3.
    // Influence: Σ U_A × step width: P1 -2/9 - 2/9 + 0 + 2/9 = -2/9; P2 = P3 = 1/9 + 1/9 + 0 - 1/9 = 1/9;
    // se = sqrt((4 + 1 + 1)/81) = sqrt(6)/9.
    // Public = adp + job = 6 - time in education = 6 - (2/3 + 2/3) = 14/3; influence = minus
    // that of education: P1 -(-2/9 - 2/9) = 4/9, P2 = P3 = -(1/9 + 1/9) = -2/9; se = sqrt(24)/9.
    const atSix = result.restrictedMean[0]!.byGroup.g!;
    expect(atSix.adp!.estimate).toBeCloseTo(11 / 3, 14);
    expect(atSix.adp!.stdErr).toBeCloseTo(se, 14);
    expect(atSix.public!.estimate).toBeCloseTo(14 / 3, 14);
    expect(atSix.public!.stdErr).toBeCloseTo(Math.sqrt(24) / 9, 14);
    expect(atSix.job!.estimate + atSix.education!.estimate + atSix.adp!.estimate).toBeCloseTo(6, 14);
    expect(result.restrictedMean[0]!.difference).toBeNull();
  });

  it("multiStateOccupancy(episodes) counts a late entry only from its start (left truncation, worked by hand)", () => {
    // adp -> out, one transition. P4: (0,1] -> out; P1: (0,3] -> out; P2 enters at 2: (2,5] -> out; P3: (0,4] censored.
    // t = 1: at risk P1, P3, P4 (P2 not yet): p_A = 1 - 1/3 = 2/3. U4 = (-2/9, 2/9), U1 = U3 = (1/9, -1/9).
    // t = 3: at risk P1, P2, P3: p_A = 2/3 · 2/3 = 4/9. U H with H[A] = (2/3, 1/3):
    //   U4 = (-4/27, 4/27); scale p_A / n_A = 2/9: U1 = (2/27, -2/27) + (-4/27, 4/27) = (-2/27, 2/27),
    //   U3 = (2/27, -2/27) + (2/27, -2/27) = (4/27, -4/27), U2 = (0, 0) + (2/27, -2/27).
    //   Var p_A = (16 + 4 + 16 + 4)/729 = 40/729 (the same as S² Σ_i (Σ_j (N_ij - Y_ij h_j)/(n_j - d_j))²).
    // t = 4: P3 censored. t = 5: P2 alone at risk leaves: p_A = 0, every U becomes (0, 0).
    const result = multiStateOccupancy({
      id: [3, 2, 1, 4],
      group: ["g", "g", "g", "g"],
      start: [0, 2, 0, 0],
      stop: [4, 5, 3, 1],
      from: ["adp", "adp", "adp", "adp"],
      to: ["censor", "out", "out", "out"],
    });
    const curve = result.curves.g!;
    expect(curve.time).toEqual([1, 3, 4, 5]);
    expect(curve.nRisk).toEqual([3, 3, 2, 1]);
    close(curve.pstate.adp!, [2 / 3, 4 / 9, 4 / 9, 0]);
    close(curve.pstate.out!, [1 / 3, 5 / 9, 5 / 9, 1]);
    close(curve.stdErr.adp!, [Math.sqrt(6) / 9, Math.sqrt(40) / 27, Math.sqrt(40) / 27, 0]);
  });

  it("multiStateOccupancy(episodes) with one absorbing transition equals 1 - kaplanMeier, and its IJ SE that of cumulativeIncidence", () => {
    const time = [5, 5, 5, 2, 2, 9, 9, 9, 1, 7, 3, 12];
    const event = [1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0, 0];
    const group = time.map((_, index) => (index % 2 === 0 ? "a" : "b"));
    const result = multiStateOccupancy({
      id: time.map((_, index) => index),
      group,
      start: time.map(() => 0),
      stop: time,
      from: time.map(() => "in"),
      to: event.map((value) => (value === 1 ? "out" : "censor")),
    });
    const km = kaplanMeier({ time, event, group });
    const incidence = cumulativeIncidence({ time, state: event, group });
    for (const label of ["a", "b"]) {
      const curve = result.curves[label]!;
      expect(curve.time).toEqual(km.curves[label]!.time);
      expect(curve.nRisk).toEqual(km.curves[label]!.nRisk);
      close(curve.pstate.in!, km.curves[label]!.surv);
      close(
        curve.pstate.out!,
        km.curves[label]!.surv.map((survival) => 1 - survival),
      );
      close(curve.stdErr.out!, incidence.curves[label]!.incidence["1"]!.stdErr);
      close(curve.stdErr.in!, incidence.curves[label]!.initial.stdErr);
    }
  });

  it("multiStateOccupancy(episodes) with competing absorbing states equals cumulativeIncidence, estimates and SEs", () => {
    const random = randomSource(13);
    const n = 60;
    const time = Array.from({ length: n }, () => uniformInt(random, 1, 20));
    const state = Array.from({ length: n }, () => uniformInt(random, 0, 3));
    const group = Array.from({ length: n }, (_, index) => (index < 30 ? "control" : "intervention"));
    const result = multiStateOccupancy(
      { id: time.map((_, index) => `p${index}`), group, start: time.map(() => 0), stop: time, from: time.map(() => "0"), to: state.map((value) => (value === 0 ? "censor" : String(value))) },
      { states: ["0", "1", "2", "3"] },
    );
    const incidence = cumulativeIncidence({ time, state, group });
    for (const label of ["control", "intervention"]) {
      const curve = result.curves[label]!;
      const reference = incidence.curves[label]!;
      expect(curve.time).toEqual(reference.time);
      close(curve.pstate["0"]!, reference.initial.estimate);
      close(curve.stdErr["0"]!, reference.initial.stdErr);
      for (const exit of ["1", "2", "3"]) {
        close(curve.pstate[exit]!, reference.incidence[exit]!.estimate);
        close(curve.stdErr[exit]!, reference.incidence[exit]!.stdErr);
      }
    }
  });

  it("multiStateOccupancy(episodes): the IJ standard errors are the derivatives of the estimates with respect to each person's weight", () => {
    // Independent check of the influence recursion: perturb one person's count by ±h and
    // difference the estimates; Var = Σ_i (dp/dw_i)². Random paths with re-entry, four
    // states, late entries and censoring.
    const random = randomSource(2017);
    const data = { id: [] as string[], group: [] as string[], start: [] as number[], stop: [] as number[], from: [] as string[], to: [] as string[] };
    const states = ["adp", "other", "job", "education"];
    const nPersons = 25;
    for (let person = 0; person < nPersons; person++) {
      let now = uniformInt(random, 0, 1) === 0 ? 0 : uniformInt(random, 1, 6);
      let state = uniformInt(random, 0, 2) === 0 ? "other" : "adp";
      const end = now + uniformInt(random, 5, 40);
      while (now < end) {
        const stop = Math.min(end, now + uniformInt(random, 1, 12));
        const next = stop === end ? "censor" : states.filter((candidate) => candidate !== state)[uniformInt(random, 0, 2)]!;
        data.id.push(`p${person}`);
        data.group.push("g");
        data.start.push(now);
        data.stop.push(stop);
        data.from.push(state);
        data.to.push(next);
        now = stop;
        if (next !== "censor") state = next;
      }
    }
    const options: MultiStateOptions = { states, taus: [17, 30], sets: { public: ["adp", "other"] } };
    const base = multiStateOccupancy(data, options);
    const countFor = (person: number, weight: number) => data.id.map((id) => (id === `p${person}` ? weight : 1));
    const h = 1e-6;
    const curve = base.curves.g!;
    const squares = Object.fromEntries(states.map((state) => [state, new Float64Array(curve.time.length)]));
    const areaSquares = new Float64Array(2);
    for (let person = 0; person < nPersons; person++) {
      const up = multiStateOccupancy({ ...data, count: countFor(person, 1 + h) }, options);
      const down = multiStateOccupancy({ ...data, count: countFor(person, 1 - h) }, options);
      for (const state of states) {
        const upValues = up.curves.g!.pstate[state]!;
        const downValues = down.curves.g!.pstate[state]!;
        upValues.forEach((value, index) => {
          squares[state]![index]! += ((value - downValues[index]!) / (2 * h)) ** 2;
        });
      }
      [0, 1].forEach((tauIndex) => {
        const derivative = (up.restrictedMean[tauIndex]!.byGroup.g!.public!.estimate - down.restrictedMean[tauIndex]!.byGroup.g!.public!.estimate) / (2 * h);
        areaSquares[tauIndex]! += derivative ** 2;
      });
    }
    for (const state of states) {
      curve.stdErr[state]!.forEach((stdErr, index) => expect(stdErr, `${state} at ${curve.time[index]}`).toBeCloseTo(Math.sqrt(squares[state]![index]!), 7));
    }
    [0, 1].forEach((tauIndex) => expect(base.restrictedMean[tauIndex]!.byGroup.g!.public!.stdErr).toBeCloseTo(Math.sqrt(areaSquares[tauIndex]!), 6));
    // the check is not vacuous: the curves move and the SEs are not all zero
    expect(Math.max(...curve.stdErr.job!)).toBeGreaterThan(0.05);
  });

  it("multiStateOccupancy(episodes) with counts equals the rows repeated with distinct ids", () => {
    const counted = multiStateOccupancy({ ...threePersons, count: [2, 3, 1, 3, 5, 2, 3, 1, 5] }, { taus: [6], sets: { public: ["adp", "job"] } });
    const repeated: Record<keyof MultiStateData, unknown[]> = { id: [], group: [], start: [], stop: [], from: [], to: [], count: [] };
    const copies: Record<string, number> = { P1: 3, P2: 2, P3: 1 };
    threePersons.id.forEach((id, row) => {
      if (id === null || id === "P4") return;
      for (let copy = 0; copy < copies[id as string]!; copy++) {
        repeated.id.push(`${id}-${copy}`);
        for (const key of ["group", "start", "stop", "from", "to"] as const) repeated[key].push(threePersons[key][row]);
      }
    });
    const { count: _unused, ...columns } = repeated;
    const expanded = multiStateOccupancy(columns as MultiStateData, { taus: [6], sets: { public: ["adp", "job"] } });
    const [a, b] = [counted.curves.g!, expanded.curves.g!];
    expect([a.nIds, a.nPersons, b.nIds]).toEqual([3, 6, 6]);
    expect(a.nRisk).toEqual(b.nRisk);
    for (const state of counted.states) {
      close(a.pstate[state]!, b.pstate[state]!);
      close(a.stdErr[state]!, b.stdErr[state]!);
    }
    expect(counted.restrictedMean[0]!.byGroup.g!.public!.stdErr).toBeCloseTo(expanded.restrictedMean[0]!.byGroup.g!.public!.stdErr, 14);
  });

  it("multiStateOccupancy(episodes) merges a row ending in censor that the next row of the person continues (a split)", () => {
    // P2's adp (0,4] -> education (row 6) written as adp (0,1] censor + adp (1,4] -> education
    const stop = [...threePersons.stop];
    const to = [...threePersons.to];
    stop[5] = 1;
    to[5] = "censor";
    const split = multiStateOccupancy({
      id: [...threePersons.id, "P2"],
      group: [...threePersons.group, "g"],
      start: [...threePersons.start, 1],
      stop: [...stop, 4],
      from: [...threePersons.from, "adp"],
      to: [...to, "education"],
    });
    expect(split.curves.g).toEqual(multiStateOccupancy(threePersons).curves.g);
  });

  it("multiStateOccupancyAt(curve, times) reads the step function: p0 before the first time, the last value after the last", () => {
    const curve = multiStateOccupancy(threePersons).curves.g!;
    const points = multiStateOccupancyAt(curve, [1, 4, 4.5, 20]);
    expect(points.map((point) => point.time)).toEqual([1, 4, 4.5, 20]);
    close(points.map((point) => point.pstate.adp!), [1, 0, 0, 1 / 3]);
    close(points.map((point) => point.pstate.education!), [0, 2 / 3, 2 / 3, 2 / 3]);
    close(points.map((point) => point.stdErr.education!), [0, Math.sqrt(6) / 9, Math.sqrt(6) / 9, Math.sqrt(6) / 9]);
    expect(points[0]!.stdErr).toEqual({ adp: 0, education: 0, job: 0 });
  });

  it("multiStateOccupancy(episodes, { taus }) refuses a tau past the shortest group's follow-up, or extends flat as R", () => {
    const twoGroups = { ...threePersons, group: threePersons.id.map((id) => (id === "P3" ? "b" : "a")) };
    expect(issueOf(() => multiStateOccupancy(twoGroups, { taus: [5] }))).toEqual({ code: "tau_beyond_follow_up", tau: 5, largestValidTau: 3, group: "b" });
    const flat = multiStateOccupancy(threePersons, { taus: [10], beyondFollowUp: "extend-flat" });
    // 11/3 up to 6, then adp stays at 1/3 from 6 to 10
    expect(flat.restrictedMean[0]!.byGroup.g!.adp!.estimate).toBeCloseTo(11 / 3 + 4 / 3, 14);
  });

  it("multiStateOccupancy(episodes): first group minus second, SE from independent groups", () => {
    const twoGroups = { ...threePersons, group: threePersons.id.map((id) => (id === "P3" ? "b" : "a")) };
    const result = multiStateOccupancy(twoGroups, { groups: ["b", "a"], taus: [2] });
    const entry = result.restrictedMean[0]!;
    const [b, a] = [entry.byGroup.b!.adp!, entry.byGroup.a!.adp!];
    expect(entry.difference!.adp!.estimate).toBe(b.estimate - a.estimate);
    expect(entry.difference!.adp!.stdErr).toBeCloseTo(Math.sqrt(b.stdErr ** 2 + a.stdErr ** 2), 15);
  });
});

describe("multiStateOccupancy: bad episodes", () => {
  const base = {
    id: ["x", "x", "y"],
    group: ["g", "g", "g"],
    start: [0, 10, 0],
    stop: [10, 20, 15],
    from: ["adp", "job", "adp"],
    to: ["job", "censor", "censor"],
  };
  const source = { file: "episodes.csv", rowOffset: 1 };
  const columnNames = { start: "tstart", stop: "tstop", from: "from", to: "to", group: "arm" };
  const issue = (changes: Partial<typeof base>, options: MultiStateOptions = {}) => issueOf(() => multiStateOccupancy({ ...base, ...changes }, { source, columnNames, ...options }));

  it("names the file, row and column of an unknown state, and how to fix it, in Danish and English", () => {
    const found = issue({ to: ["jb", "censor", "censor"] }, { states: ["adp", "job"] });
    expect(found).toEqual({ code: "episode_unknown_state", where: { file: "episodes.csv", row: 2, column: "to" }, states: ["adp", "job"], censor: "censor" });
    expect(episodeMessage(found as Parameters<typeof episodeMessage>[0], "da")).toBe(
      'episodes.csv, række 2, kolonne "to": ikke en af tilstandene ("adp", "job") eller censurmærket "censor"; ret cellen, eller tilføj tilstanden til listen over tilstande (--states).',
    );
    expect(episodeMessage(found as Parameters<typeof episodeMessage>[0], "en")).toBe(
      'episodes.csv, row 2, column "to": not one of the states ("adp", "job") or the censor label "censor"; correct the cell, or add the state to the list of states (--states).',
    );
  });

  it("refuses stop <= start, overlaps, gaps, jumps between states, staying in a state, a changing group and a wrong first state", () => {
    expect(issue({ stop: [10, 20, 0] })).toEqual({ code: "episode_empty_interval", where: { file: "episodes.csv", row: 4, column: "tstop" }, startColumn: "tstart" });
    expect(issue({ start: [0, 8, 0] })).toEqual({ code: "episode_overlap", where: { file: "episodes.csv", row: 3, column: "tstart", otherRow: 2 }, stopColumn: "tstop" });
    expect(issue({ start: [0, 12, 0] })).toEqual({ code: "episode_gap", where: { file: "episodes.csv", row: 3, column: "tstart", otherRow: 2 }, stopColumn: "tstop" });
    expect(issue({ from: ["adp", "other", "adp"] })).toEqual({ code: "episode_state_jump", where: { file: "episodes.csv", row: 3, column: "from", otherRow: 2 }, toColumn: "to" });
    expect(issue({ to: ["adp", "censor", "censor"] })).toEqual({ code: "episode_same_state", where: { file: "episodes.csv", row: 2, column: "to" }, fromColumn: "from" });
    expect(issue({ group: ["g", "h", "g"] })).toEqual({ code: "episode_group_changes", where: { file: "episodes.csv", row: 3, column: "arm", otherRow: 2 } });
    expect(issue({ from: ["adp", "job", "job"] }, { initial: "adp" })).toEqual({ code: "episode_initial_state", where: { file: "episodes.csv", row: 4, column: "from" }, initial: "adp" });
    expect(issue({ start: [-1, 10, 0] })).toEqual({ code: "episode_invalid_time", where: { file: "episodes.csv", row: 2, column: "tstart" } });
    expect(issue({}, { sets: { public: ["adp", "nope"] } })).toEqual({ code: "episode_option_state", option: "public", state: "nope", states: ["adp", "job"] });
  });

  it("never quotes an id in a message (an id may be a CPR number)", () => {
    const cpr = "0101701234";
    try {
      multiStateOccupancy({ ...base, id: [cpr, cpr, "y"], start: [0, 8, 0] }, { source, columnNames });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain(cpr);
      expect(episodeMessage((error as AnalyzeError).issue as Parameters<typeof episodeMessage>[0], "da")).not.toContain(cpr);
    }
  });
});
