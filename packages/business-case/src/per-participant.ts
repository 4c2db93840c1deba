/**
 * The saving per participant: for each entry year, the saved days priced day by day (each
 * at the rate and co-financing step of the calendar year it falls in) beside the simple
 * mode (days saved x benefit per calendar day x average share), and the same sum week by
 * week for the first programme year (packages/business-case/docs/business-case.md,
 * "Per participant" and "Simple mode").
 */
import { normalInterval } from "./normal-interval.ts";
import { benefitPerCalendarDay, cofinancingShare, moneyYear, participantWeights, supportWeekOfDay, type Pricing } from "./pricing.ts";
import { priceProfile, type Profile } from "./saved-days-profile.ts";
import type { BusinessCase } from "./schema.ts";

/**
 * Per entry year Y: saving_Y = sum_k D_k w_k (`participantWeights`) with its delta-method
 * interval, and the simple mode daysSaved x benefitPerCalendarDay_Y x averageShare_Y, where
 * averageShare_Y = (1/horizon) sum_k share_Y(week of day k). The two agree when D_k is flat
 * and every year has the same rate.
 *
 * @example
 * // flat 9 days over 364 days, 849 kr. every year, steps 20/60/70 %: (4 x 0.2 + 22 x 0.6 + 26 x 0.7) / 52 = 0.619
 * perParticipant(flatProfile(9, 364), pricing, [2017])[0].saving // 9 x 849 x 5/7 x 32.2/52 = 3,379.67 kr.
 */
export function perParticipant(profile: Profile, pricing: Pricing, entryYears: number[]): BusinessCase["perParticipant"] {
  const horizon = profile.diffAreas.length;
  return entryYears.map((entryYear) => {
    const priced = priceProfile(profile, participantWeights(pricing, entryYear, horizon));
    const money = moneyYear(pricing, entryYear);
    let shareSum = 0;
    for (let day = 0; day < horizon; day++) shareSum += cofinancingShare(pricing, entryYear, supportWeekOfDay(pricing, day));
    const averageShare = shareSum / horizon;
    const perDay = benefitPerCalendarDay(pricing, entryYear);
    const { se, lower, upper } = normalInterval(priced.value, priced.variance, 1);
    return {
      entryYear,
      saving: priced.value,
      se,
      lower,
      upper,
      simple: {
        daysSaved: profile.daysSaved,
        maxDailyBenefit: money.maxDailyBenefit,
        benefitDaysPerWeek: pricing.money.benefitDaysPerWeek,
        benefitPerCalendarDay: perDay,
        averageShare,
        saving: profile.daysSaved * perDay * averageShare,
      },
    };
  });
}

/**
 * Week by week for a participant entering in `entryYear`: spell week w covers days
 * 7(w-1) .. 7w-1 (the last week cut at the horizon); days saved = sum of D_k over the week,
 * saving = sum of D_k w_k, and the co-financing share of the entry year at support week
 * w + priorWeeks.
 *
 * @example
 * // control exits 10 % at day 35, intervention at day 21, 500 kr. a calendar day, 20 % / 60 % from week 5
 * weekLines(profile, pricing, 2017).find((week) => week.week === 5) // { daysSaved: 0.7, share: 0.6, saving: 210 }
 */
export function weekLines(profile: Profile, pricing: Pricing, entryYear: number): BusinessCase["weeks"] {
  const horizon = profile.diffAreas.length;
  const weights = participantWeights(pricing, entryYear, horizon);
  const weeks = [];
  for (let week = 1; (week - 1) * 7 < horizon; week++) {
    let daysSaved = 0;
    let saving = 0;
    for (let day = (week - 1) * 7; day < Math.min(week * 7, horizon); day++) {
      daysSaved += profile.diffAreas[day]!;
      saving += profile.diffAreas[day]! * weights[day]!;
    }
    const supportWeek = week + pricing.priorWeeks;
    weeks.push({ week, supportWeek, daysSaved, share: cofinancingShare(pricing, entryYear, supportWeek), saving });
  }
  return weeks;
}
