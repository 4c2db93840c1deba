/**
 * The Aalen-Johansen pass of one group (internal): state occupancy p(t) of a general
 * multi-state model with staggered entry and right censoring, each person's
 * infinitesimal-jackknife influence on it, and the areas under p(t) up to chosen horizons
 * with their per-person influence. It follows R survival 3.5-3 (`survfitCI` / `survfitci.c`)
 * step by step; docs/methods.md derives it.
 */
import type { GroupEpisodes } from "./multi-state-input.ts";

export interface AalenJohansenPass {
  /** Distinct episode ends (transitions and censorings), ascending. */
  time: number[];
  /** Persons at risk (any state) just before t: sum of counts of episodes with start < t <= stop. */
  nRisk: number[];
  /** Transitions at t (persons). */
  nTransitions: number[];
  /** Censorings at t (persons). */
  nCensor: number[];
  /** p0: the distribution over states of the persons at risk at the first transition. */
  initial: Float64Array;
  /** Infinitesimal-jackknife variance of p0 (0 when every one starts in the same state). */
  initialVariance: Float64Array;
  /** pstate[s][j]: probability of being in state s at time[j]. */
  pstate: Float64Array[];
  /** variance[s][j]: its infinitesimal-jackknife variance, sum over persons of count × U². */
  variance: Float64Array[];
  /** area[k][s]: integral of p_s from 0 to taus[k] (flat after the last time). */
  area: Float64Array[];
  /** areaInfluence[k][person × nStates + s]: one person's influence on area[k][s]. */
  areaInfluence: Float64Array[];
  /** Frequency weight per person (copied from the episodes). */
  count: Float64Array;
}

function sortedIndex(values: Float64Array): Int32Array {
  const order = Array.from({ length: values.length }, (_, index) => index);
  order.sort((a, b) => values[a]! - values[b]! || a - b);
  return Int32Array.from(order);
}

/**
 * Run the Aalen-Johansen recursion p(t_j) = p(t_{j-1}) H_j over one group's episodes.
 *
 * H_j is the transition matrix at t_j: H[s][k] = d_sk / n_s (transitions s -> k at t_j
 * over the persons at risk in s), H[s][s] = 1 - Σ_k H[s][k]; a row without transitions is
 * the identity row. A person's influence U (the derivative of p with respect to the
 * person's weight) follows U(t_j) = U(t_{j-1}) H_j + p_s(t_{j-1}) (e_d - H[s]) / n_s for a
 * person at risk in s moving to d (d = s when staying), and U(t_{j-1}) H_j otherwise.
 * Var p_s(t) = Σ_i count_i U_is(t)². O(persons × states × moving states) per transition
 * time, like R.
 *
 * @example
 * // two persons in adp: one moves to job at 2, the other is censored at 3
 * const episodes = prepareMultiState(
 *   { id: ["a", "b"], group: ["g", "g"], start: [0, 0], stop: [2, 3], from: ["adp", "adp"], to: ["job", "censor"] },
 *   { censor: "censor" },
 * ).byGroup[0];
 * aalenJohansenPass(episodes, 2, [4]).pstate[0] // Float64Array [0.5, 0.5] (adp at 2 and 3)
 * aalenJohansenPass(episodes, 2, [4]).area[0] // Float64Array [3, 1] (adp: 2 + 0.5 · 2; job: 0.5 · 2)
 */
export function aalenJohansenPass(episodes: GroupEpisodes, nStates: number, taus: readonly number[]): AalenJohansenPass {
  const { person, entry, exit, from, to, count } = episodes;
  const nEpisodes = entry.length;
  const nPersons = count.length;
  const byEntry = sortedIndex(entry);
  const byExit = sortedIndex(exit);
  const time: number[] = [];
  for (let position = 0; position < nEpisodes; position++) {
    const value = exit[byExit[position]!]!;
    if (time.length === 0 || time[time.length - 1] !== value) time.push(value);
  }
  const nTimes = time.length;

  // Initial state distribution p0 over the persons at risk at the first transition time
  // (R: entry < t0 <= stop), and their influence on it when p0 is not degenerate.
  let firstTransition = Number.POSITIVE_INFINITY;
  for (let episode = 0; episode < nEpisodes; episode++) {
    if (to[episode]! >= 0 && exit[episode]! < firstTransition) firstTransition = exit[episode]!;
  }
  if (firstTransition === Number.POSITIVE_INFINITY) firstTransition = time[nTimes - 1]!;
  const initial = new Float64Array(nStates);
  let initialWeight = 0;
  for (let episode = 0; episode < nEpisodes; episode++) {
    if (entry[episode]! < firstTransition && exit[episode]! >= firstTransition) {
      initial[from[episode]!]! += count[person[episode]!]!;
      initialWeight += count[person[episode]!]!;
    }
  }
  for (let state = 0; state < nStates; state++) initial[state]! /= initialWeight;
  const influence = new Float64Array(nPersons * nStates); // U, person-major
  if (initial.every((probability) => probability < 1)) {
    for (let episode = 0; episode < nEpisodes; episode++) {
      if (entry[episode]! < firstTransition && exit[episode]! >= firstTransition) {
        const offset = person[episode]! * nStates;
        for (let state = 0; state < nStates; state++) {
          influence[offset + state] = ((from[episode] === state ? 1 : 0) - initial[state]!) / initialWeight;
        }
      }
    }
  }
  const initialVariance = new Float64Array(nStates);
  for (let index = 0; index < nPersons; index++) {
    for (let state = 0; state < nStates; state++) initialVariance[state]! += count[index]! * influence[index * nStates + state]! ** 2;
  }

  // Horizons in increasing order, and the running areas up to the current time.
  const tauOrder = taus.map((_, index) => index).sort((a, b) => taus[a]! - taus[b]!);
  const area = taus.map(() => new Float64Array(nStates));
  const areaInfluence = taus.map(() => new Float64Array(nPersons * nStates));
  const runningArea = new Float64Array(nStates);
  const runningInfluence = new Float64Array(nPersons * nStates);
  let nextTau = 0;
  let previousTime = 0;
  /** Areas at the horizons up to `limit`: the running area plus the current step up to tau. */
  const closeHorizons = (limit: number, probability: Float64Array) => {
    while (nextTau < tauOrder.length && taus[tauOrder[nextTau]!]! <= limit) {
      const index = tauOrder[nextTau]!;
      const width = taus[index]! - previousTime;
      for (let state = 0; state < nStates; state++) area[index]![state] = runningArea[state]! + probability[state]! * width;
      const target = areaInfluence[index]!;
      for (let cell = 0; cell < target.length; cell++) target[cell] = runningInfluence[cell]! + influence[cell]! * width;
      nextTau++;
    }
  };

  const probability = Float64Array.from(initial);
  const pstate = Array.from({ length: nStates }, () => new Float64Array(nTimes));
  const variance = Array.from({ length: nStates }, () => new Float64Array(nTimes));
  const nRisk: number[] = new Array(nTimes);
  const nTransitions: number[] = new Array(nTimes);
  const nCensor: number[] = new Array(nTimes);
  const stateOfPerson = new Int32Array(nPersons).fill(-1); // state while at risk, -1 otherwise
  const destination = new Int32Array(nPersons); // state after t (= the state when staying)
  const weightAtRisk = new Float64Array(nStates); // n_s
  const transitionsOut = new Float64Array(nStates * nStates); // d_sk, then H - I for moving rows
  const movingStates: number[] = [];
  const isMoving = new Uint8Array(nStates);
  const oldInfluence = new Float64Array(nStates);
  let atRisk = 0;
  let entryPointer = 0;
  let exitPointer = 0;

  for (let timeIndex = 0; timeIndex < nTimes; timeIndex++) {
    const now = time[timeIndex]!;
    // 1. areas: the values since the previous time hold until now.
    closeHorizons(now, probability);
    const width = now - previousTime;
    for (let state = 0; state < nStates; state++) runningArea[state]! += probability[state]! * width;
    for (let cell = 0; cell < runningInfluence.length; cell++) runningInfluence[cell]! += influence[cell]! * width;
    previousTime = now;

    // 2. persons entering: episodes with start < now.
    while (entryPointer < nEpisodes && entry[byEntry[entryPointer]!]! < now) {
      const episode = byEntry[entryPointer]!;
      const who = person[episode]!;
      stateOfPerson[who] = from[episode]!;
      destination[who] = from[episode]!;
      weightAtRisk[from[episode]!]! += count[who]!;
      atRisk += count[who]!;
      entryPointer++;
    }

    // 3. transitions and censorings at now.
    transitionsOut.fill(0);
    let transitions = 0;
    let censored = 0;
    for (let position = exitPointer; position < nEpisodes && exit[byExit[position]!] === now; position++) {
      const episode = byExit[position]!;
      const who = person[episode]!;
      if (to[episode]! >= 0) {
        transitionsOut[from[episode]! * nStates + to[episode]!]! += count[who]!;
        destination[who] = to[episode]!;
        transitions += count[who]!;
      } else censored += count[who]!;
    }

    if (transitions > 0) {
      // 4. H - I on the rows of states with transitions out.
      movingStates.length = 0;
      isMoving.fill(0);
      for (let state = 0; state < nStates; state++) {
        let out = 0;
        for (let target = 0; target < nStates; target++) out += transitionsOut[state * nStates + target]!;
        if (out === 0) continue;
        movingStates.push(state);
        isMoving[state] = 1;
        for (let target = 0; target < nStates; target++) transitionsOut[state * nStates + target]! /= weightAtRisk[state]!;
        transitionsOut[state * nStates + state] = -out / weightAtRisk[state]!;
      }
      // 5. U <- U H for every person (rows of states without transitions are identity rows).
      const nMoving = movingStates.length;
      for (let who = 0; who < nPersons; who++) {
        const offset = who * nStates;
        for (let moving = 0; moving < nMoving; moving++) oldInfluence[moving] = influence[offset + movingStates[moving]!]!;
        for (let moving = 0; moving < nMoving; moving++) {
          const value = oldInfluence[moving]!;
          if (value === 0) continue;
          const row = movingStates[moving]! * nStates;
          for (let target = 0; target < nStates; target++) influence[offset + target]! += value * transitionsOut[row + target]!;
        }
      }
      // 6. U += p_s (e_d - H[s]) / n_s for persons at risk in a state with transitions out.
      for (let who = 0; who < nPersons; who++) {
        const state = stateOfPerson[who]!;
        if (state < 0 || isMoving[state] === 0) continue;
        const offset = who * nStates;
        const scale = probability[state]! / weightAtRisk[state]!;
        for (let target = 0; target < nStates; target++) influence[offset + target]! -= (transitionsOut[state * nStates + target]! + (target === state ? 1 : 0)) * scale;
        influence[offset + destination[who]!]! += scale;
      }
      // 7. p <- p H.
      for (let target = 0; target < nStates; target++) oldInfluence[target] = probability[target]!;
      for (const state of movingStates) {
        for (let target = 0; target < nStates; target++) probability[target]! += oldInfluence[state]! * transitionsOut[state * nStates + target]!;
      }
    }

    // 8. store p(now) and its variance.
    for (let state = 0; state < nStates; state++) {
      pstate[state]![timeIndex] = probability[state]!;
      let sum = 0;
      for (let who = 0; who < nPersons; who++) sum += count[who]! * influence[who * nStates + state]! ** 2;
      variance[state]![timeIndex] = sum;
    }
    nRisk[timeIndex] = atRisk;
    nTransitions[timeIndex] = transitions;
    nCensor[timeIndex] = censored;

    // 9. episodes ending now leave the risk set (a person's next episode enters after now).
    while (exitPointer < nEpisodes && exit[byExit[exitPointer]!] === now) {
      const episode = byExit[exitPointer]!;
      const who = person[episode]!;
      stateOfPerson[who] = -1;
      weightAtRisk[from[episode]!]! -= count[who]!;
      atRisk -= count[who]!;
      exitPointer++;
    }
  }
  // Horizons after the last time: the curve continues flat (R's extend).
  closeHorizons(Number.POSITIVE_INFINITY, probability);

  return { time, nRisk, nTransitions, nCensor, initial, initialVariance, pstate, variance, area, areaInfluence, count };
}
