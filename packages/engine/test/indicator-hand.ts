/**
 * The hand panel of @jobtrial/indicators' measures test (packages/indicators/test/fixtures/hand)
 * for the engine's indicator tests: its files with the readers' column aliases, a request
 * for every kind of measure, and the weekly counts worked by hand (see
 * indicator-counts.test.ts for the working).
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { IndicatorCountRequest, IndicatorFiles, IndicatorMeasure } from "../src/index.ts";

export const HAND = fileURLToPath(new URL("../../indicators/test/fixtures/hand/", import.meta.url));
export const W01 = 18260;
export const week = (number: number) => W01 + 7 * (number - 1);
export const W08 = week(8);

/** The aliases of @jobtrial/indicators' readers, for the columns of the hand panel. */
export const COLUMNS = {
  persons: [
    { key: "pseudonym", aliases: ["pseudonym"] },
    { key: "birthYear", aliases: ["fødselsår"], required: false },
    { key: "targetGroup", aliases: ["målgruppe"], required: false },
  ],
  benefitWeeks: [
    { key: "pseudonym", aliases: ["pseudonym"] },
    { key: "week", aliases: ["år-uge"] },
    { key: "code", aliases: ["ydelseskode"] },
  ],
  benefitPeriods: [
    { key: "pseudonym", aliases: ["pseudonym"] },
    { key: "code", aliases: ["ydelseskode"] },
    { key: "from", aliases: ["fra uge"] },
    { key: "to", aliases: ["til uge"] },
  ],
  events: [
    { key: "pseudonym", aliases: ["pseudonym"] },
    { key: "date", aliases: ["dato"] },
    { key: "event", aliases: ["hændelse"] },
  ],
} as const;

export const handFiles: IndicatorFiles = {
  persons: { file: join(HAND, "persons.csv"), columns: COLUMNS.persons },
  benefitWeeks: { file: join(HAND, "benefit-weeks.csv"), columns: COLUMNS.benefitWeeks },
  events: { file: join(HAND, "events.csv"), columns: COLUMNS.events },
};

export const KH = { codes: ["KH"] };
export const RF_STATUS = {
  kind: "statusAfterEnd" as const,
  population: { codes: ["RF"] },
  months: 1,
  weeksWithout: 4,
  statuses: [
    { name: "wage", codes: ["LØN"] },
    { name: "education", codes: ["SU"] },
    { name: "disability", codes: ["FP"] },
    { name: "self-support", codes: [] },
  ],
};

/** Every kind of measure over the whole window, with the persons of weeks 1-4 for the stocks. */
export function handRequests(first: number, last: number): IndicatorCountRequest[] {
  const request = (measure: IndicatorMeasure, persons: IndicatorCountRequest["persons"] = []): IndicatorCountRequest => ({ measure, firstMonday: first, lastMonday: last, persons });
  return [
    request({ kind: "averageStock", population: KH }, [{ population: KH, firstMonday: week(1), lastMonday: week(4) }]),
    request({ kind: "fullTimePersons", population: { codes: ["kh"], age: { min: 0, max: 50 } } }, [{ population: { codes: ["kh"], age: { min: 0, max: 50 } }, firstMonday: week(1), lastMonday: week(4) }]),
    request({ kind: "averageStock", population: { codes: ["KH"], targetGroups: ["AP"] } }),
    request({ kind: "stockShare", population: { codes: ["FJ", "LY"] }, stateCodes: ["LY"] }, [{ population: { codes: ["FJ", "LY"] }, firstMonday: week(3), lastMonday: week(4) }]),
    request({ kind: "eventShare", population: KH, events: ["CV"], withinWeeks: 2 }),
    request({ kind: "weeklyEvents", events: ["samtale"] }),
    request({ kind: "weeklyEvents", events: ["samtale"], population: KH }),
    request(RF_STATUS),
    request({ ...RF_STATUS, weeksWithout: 1 }),
  ];
}

export const EXPECTED_WEEKS = [
  [[week(1), 2, null], [week(2), 2, null], [week(3), 2, null], [week(4), 1, null]],
  [[week(1), 2, null], [week(2), 2, null], [week(3), 1, null], [week(4), 1, null]],
  [[week(1), 1, null], [week(2), 1, null], [week(3), 2, null], [week(4), 1, null]],
  [[week(1), 2, 3], [week(2), 2, 3], [week(3), 1, 3], [week(4), 1, 3]],
  [[week(1), 1, 2], [week(2), 2, 2], [week(3), 0, 2], [week(4), 0, 1]],
  [[week(1), 3, null], [week(2), 1, null], [week(4), 2, null]],
  // conversations of persons on KH that week: a (W01, W02), b (W01); c's is in W01, before its KH week; d and e are not on KH
  [[week(1), 2, null], [week(2), 1, null]],
];

