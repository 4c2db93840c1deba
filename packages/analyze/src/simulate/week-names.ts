import { fromDayNumber, isoWeekOf } from "@jobtrial/core";

/**
 * The ISO week name ("2017-W03") of a Monday's day number, remembered per Monday: the
 * weekly benefit panel names the same few hundred weeks millions of times.
 *
 * @example isoWeekNamer()(17175) // "2017-W02" (17175 is Monday 2017-01-09)
 */
export function isoWeekNamer(): (monday: number) => string {
  const names = new Map<number, string>();
  return (monday) => {
    let name = names.get(monday);
    if (name === undefined) {
      name = isoWeekOf(fromDayNumber(monday));
      names.set(monday, name);
    }
    return name;
  };
}
