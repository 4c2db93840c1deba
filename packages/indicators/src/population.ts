/**
 * Who is in a population in a week: a panel code of the population that week, an age
 * within its range (the week's ISO year minus the birth year) and one of its target groups.
 */
import type { Population } from "./definition.ts";
import type { IndicatorData } from "./read-data.ts";

/** The test of one population, prepared once: (person, Monday) -> in the population that week. */
export type Membership = (pseudonym: string, monday: number) => boolean;

/** Lower-cased codes, as the panel holds them. */
export function codeSet(codes: readonly string[]): ReadonlySet<string> {
  return new Set(codes.map((code) => code.trim().toLowerCase()));
}

/** The ISO year of a week given by its Monday (the year of its Thursday). */
export function isoYearOfMonday(monday: number): number {
  // Day 0 is 1970-01-01; the Thursday of the week decides its ISO year.
  return new Date((monday + 3) * 86_400_000).getUTCFullYear();
}

export function membership(data: IndicatorData, population: Population): Membership {
  const codes = codeSet(population.codes);
  const groups = population.targetGroups === undefined ? null : new Set(population.targetGroups.map((group) => group.toLowerCase()));
  return (pseudonym, monday) => {
    const weekCodes = data.panel.get(pseudonym)?.get(monday);
    if (weekCodes === undefined || !weekCodes.some((code) => codes.has(code))) return false;
    const person = data.persons.get(pseudonym);
    if (groups !== null && (person?.targetGroup == null || !groups.has(person.targetGroup.toLowerCase()))) return false;
    if (population.age !== undefined) {
      if (person?.birthYear == null) return false;
      const age = isoYearOfMonday(monday) - person.birthYear;
      if (age < population.age.min || age > population.age.max) return false;
    }
    return true;
  };
}
