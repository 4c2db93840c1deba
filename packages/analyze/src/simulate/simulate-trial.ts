/**
 * The simulated trial: who enters week by week, their CPR numbers, the arm the
 * trial's rule gives them, their benefit spell, the weekly benefit panel, the
 * conversation log and the secondary measures, all from one seeded source.
 *
 * Phases, each from its own child of the random source (forked in this order,
 * so skipping a table never changes the others):
 *   intake (weeks, dates, covariates, birth dates) -> CPR numbers -> arm by
 *   `armForBirthDate` -> durations and exits -> spells cut at the extraction
 *   date -> benefit weeks -> conversations -> secondary measures.
 * Nothing here writes files (`writeSimulation` does), so power simulations can
 * run hundreds of trials in-process.
 *
 * With the option `paths`, "durations and exits" draws each citizen's path through benefit
 * states (simulate-paths.ts): the spell is the path's first A-dagpenge spell and the panel
 * is the path's weeks.
 */
import { isoWeekNamer } from "./week-names.ts";
import { armForBirthDate, eligibilityCheck, makeCpr, passesModulus11, type Arm, type IneligibleReason } from "@jobtrial/assign";
import { addDays, fromDayNumber, isoWeekOf, isoWeekStart, toDayNumber, TrialConfigSchema, type TrialConfig } from "@jobtrial/core";
import { intakeWeeks, seasonalFactor, WEEKDAY_WEIGHTS } from "./intake-calendar.ts";
import { drawPaths, pathBenefitPanel, type SimulatedPath } from "./simulate-paths.ts";
import type { BenefitCode, ConversationStatus } from "./formats.ts";
import {
  ageBandOf,
  ageWeights,
  cellIndex,
  EDUCATIONS,
  LATE_EXIT_FROM_DAY,
  MIN_AGE,
  OUTSIDE_INDUSTRY_GROUPS,
  prepareSimulation,
  type Education,
  type ExitState,
  type IndustryProfile,
  type SimulationModel,
} from "./model.ts";
import type { ResolvedSimulationOptions, SimulationOptions } from "./options.ts";
import { bernoulli, categorical, forkRandomSource, poisson, uniformInt, type RandomSource } from "@jobtrial/survival";
import { truthOfModel, type SimulationTruth } from "./truth.ts";


/** One row of the intake, with the latent values the files do not show. */
export interface SimulatedCitizen {
  /** Position in intake order, 0-based; the other tables refer to it. */
  index: number;
  /** The CPR number, ten digits (printed DDMMYY-SSSS in the files). */
  cpr: string;
  /** Real birth date (for a replacement number: the CPR's day - 60). */
  birthDate: string;
  sex: "female" | "male";
  /** Age in whole years at the first unemployment day. */
  age: number;
  foreignBorn: boolean;
  /** Registered with birth date 1 January by heaping (not a real 1-January birth). */
  registeredJanuary1: boolean;
  replacementNumber: boolean;
  modulus11: boolean;
  intakeWeek: string;
  firstUnemploymentDay: string;
  industryGroup: string;
  aKasse: string;
  education: Education;
  eligible: boolean;
  /** Why not eligible, as the assign package's `eligibilityCheck` says; null when eligible. */
  ineligibleReason: IneligibleReason | null;
  /** The arm `armForBirthDate` gives the birth date; null when not eligible. */
  arm: Arm | null;
  /** Latent: the spell's length in whole days under each arm (potential outcomes), uncensored. */
  potentialDurations: { control: number; intervention: number } | null;
  /** Latent: the spell's length under the assigned arm, uncensored. */
  durationDays: number | null;
  /** Latent: how the full spell ends. */
  exit: ExitState | null;
  /** The path through benefit states (option `paths`); null without paths and when not eligible. */
  path: SimulatedPath | null;
}

/** A benefit spell as the outcome extract shows it on the extraction date. */
export interface SimulatedSpell {
  citizen: number;
  cpr: string;
  start: string;
  /** Last day on benefit; null while running at the extraction date. */
  end: string | null;
  exit: ExitState | null;
  /** Observed days: end - start + 1 when ended, extraction date - start while running. */
  observedDays: number;
}

export interface SimulatedBenefitWeek {
  citizen: number;
  cpr: string;
  week: string;
  code: BenefitCode;
}

export interface SimulatedConversation {
  citizen: number;
  cpr: string;
  /** Programme week of the protocol. */
  programmeWeek: number;
  plannedDate: string;
  /** Held, sent or booked date. */
  date: string;
  kind: string;
  advisor: string;
  status: ConversationStatus;
}

export interface SimulatedSecondary {
  citizen: number;
  cpr: string;
  /** Job applications in the programme period; null when not collected. */
  applications: number | null;
  selfFoundPlacement: boolean;
  /** Rating of the conversations 1-5; null when not collected. */
  rating: number | null;
}

export interface Simulation {
  trialId: string;
  options: ResolvedSimulationOptions;
  /** Intake weeks, in order (one intake file each, possibly empty). */
  weeks: string[];
  citizens: SimulatedCitizen[];
  /** One per eligible citizen, intake order. */
  spells: SimulatedSpell[];
  benefitWeeks: SimulatedBenefitWeek[];
  conversations: SimulatedConversation[];
  secondary: SimulatedSecondary[];
  truth: SimulationTruth;
}

export { intakeWeeks, seasonalFactor };
/**
 * Birth years whose 1 January has run out of modulus-11 numbers (cpr.dk, see
 * shared/domain.md §1).
 */
export const NO_MODULUS_11_COHORTS: ReadonlySet<number> = new Set([
  1960, 1962, 1964, 1965, 1966, 1967, 1969, 1970, 1974, 1975, 1978, 1980, 1981, 1982, 1983, 1984, 1985, 1986, 1987, 1988, 1989, 1990,
  1991, 1992, 1994, 1995,
]);
/** Advisors: the project's extra advisors serve the intervention, the others control. */
const INTERVENTION_ADVISORS = ["R01", "R02", "R03", "R04", "R05", "R06"];
const CONTROL_ADVISORS = ["R07", "R08", "R09", "R10", "R11", "R12", "R13", "R14", "R15", "R16", "R17", "R18"];
/** Conversation behaviour. */
const OWN_ADVISOR_SHARE = 0.92;
const OFFER_SHARE = 0.2;
const ON_TIME_SHARE = 0.84;
const LATE_SHARE = 0.1;
/** Secondary measures by arm. */
const APPLICATIONS_PER_WEEK: Record<Arm, number> = { control: 2, intervention: 2.4 };
const APPLICATIONS_COLLECTED_SHARE = 0.95;
const PLACEMENT_WEEKLY_HAZARD: Record<Arm, number> = { control: 0.004, intervention: 0.006 };
const RATING_COLLECTED_SHARE = 0.4;
const RATING_WEIGHTS: Record<Arm, number[]> = { control: [0.05, 0.1, 0.3, 0.35, 0.2], intervention: [0.04, 0.08, 0.25, 0.38, 0.25] };
/** Benefit code in the weeks after a spell ends, by exit (none: self-support, no public benefit). */
const CODE_AFTER_EXIT: Record<ExitState, BenefitCode | null> = {
  selvforsørgelse: null,
  uddannelse: "651",
  sygedagpenge: "890",
  "anden offentlig ydelse": "130",
  fraflyttet: "997",
  "dagpengeret opbrugt": "130",
};

/**
 * Simulates one trial. Validates the configuration and options, prepares the
 * model (`prepareSimulation`) and draws everything from `random`. The same
 * configuration, options and seed give the same result, to the byte once
 * written.
 *
 * @example simulateTrial(config, { weeklyIntake: 50 }, randomSource(20170101)).truth.daysSaved // 9
 */
export function simulateTrial(config: TrialConfig, options: SimulationOptions, random: RandomSource): Simulation {
  return simulateWithModel(prepareSimulation(TrialConfigSchema.parse(config), options), random);
}

const truthCache = new WeakMap<SimulationModel, SimulationTruth>();

/** Simulates one trial from a prepared model: use it to run many trials with one model. */
export function simulateWithModel(model: SimulationModel, random: RandomSource): Simulation {
  const intakeRandom = forkRandomSource(random);
  const cprRandom = forkRandomSource(random);
  const durationRandom = forkRandomSource(random);
  const conversationRandom = forkRandomSource(random);
  const secondaryRandom = forkRandomSource(random);
  const { options } = model;

  const weeks = intakeWeeks(options.fromWeek, options.toWeek);
  const citizens = drawIntake(model, weeks, intakeRandom);
  assignCprNumbers(model, citizens, cprRandom);
  for (const citizen of citizens) if (citizen.eligible) citizen.arm = armForBirthDate(model.config.assignment.rule, citizen.birthDate);
  if (model.paths === null) drawDurations(model, citizens, durationRandom);
  else drawPaths(model, citizens, durationRandom);

  const extraction = toDayNumber(options.extractionDate);
  const spells: SimulatedSpell[] = [];
  for (const citizen of citizens) {
    if (!citizen.eligible) continue;
    const start = toDayNumber(citizen.firstUnemploymentDay);
    const lastDay = start + citizen.durationDays! - 1;
    // A path's spell has ended when its first day off A-dagpenge is in the extract (the panel shows that week).
    const ended = model.paths === null ? lastDay < extraction : lastDay + 1 < extraction;
    spells.push({
      citizen: citizen.index,
      cpr: citizen.cpr,
      start: citizen.firstUnemploymentDay,
      end: ended ? fromDayNumber(lastDay) : null,
      exit: ended ? citizen.exit : null,
      observedDays: ended ? citizen.durationDays! : extraction - start,
    });
  }

  const benefitWeeks = !options.include.benefitWeeks
    ? []
    : model.paths === null
      ? benefitPanel(spells, options.extractionDate)
      : pathBenefitPanel(citizens, options.extractionDate);
  const needConversations = options.include.conversations || options.include.secondary;
  const conversations = needConversations ? drawConversations(model, citizens, spells, conversationRandom) : [];
  const secondary = options.include.secondary ? drawSecondary(model, citizens, spells, conversations, secondaryRandom) : [];

  let truth = truthCache.get(model);
  if (!truth) {
    truth = truthOfModel(model);
    truthCache.set(model, truth);
  }
  return {
    trialId: model.config.id,
    options,
    weeks,
    citizens,
    spells,
    benefitWeeks,
    conversations: options.include.conversations ? conversations : [],
    secondary,
    truth,
  };
}

function drawIntake(model: SimulationModel, weeks: string[], random: RandomSource): SimulatedCitizen[] {
  const { config, options, industries } = model;
  const from = toDayNumber(config.intake.firstUnemploymentDayFrom);
  const industryWeights = industries.map((industry) => industry.weight);
  const nativeAges = ageWeights(false);
  const foreignAges = ageWeights(true);
  const outside = OUTSIDE_INDUSTRY_GROUPS.filter((name) => !config.targetGroup.industryGroups.includes(name));
  const citizens: SimulatedCitizen[] = [];
  for (const week of weeks) {
    const monday = toDayNumber(isoWeekStart(week));
    // Staff receive the week's list after the week: eligibility as the assign package decides it on the Sunday.
    const eligibility = eligibilityCheck(config, fromDayNumber(monday + 6));
    const count = poisson(random, options.weeklyIntake * seasonalFactor(Number(week.slice(6)), options.seasonality));
    const rows: SimulatedCitizen[] = [];
    for (let row = 0; row < count; row++) {
      let day = monday + categorical(random, WEEKDAY_WEIGHTS);
      let industry: IndustryProfile;
      const ineligibleKind = bernoulli(random, options.ineligibleShare) ? (bernoulli(random, 0.5) ? "late-registered" : "outside-target-group") : null;
      // A late-registered row: its first unemployment day lies before the intake window.
      if (ineligibleKind === "late-registered") day = Math.min(day, from) - uniformInt(random, 1, 120);
      if (ineligibleKind === "outside-target-group") {
        industry = { ...industries[0]!, name: outside[uniformInt(random, 0, outside.length - 1)] ?? "Uden for målgruppen" };
      } else industry = industries[categorical(random, industryWeights)]!;
      const foreignBorn = bernoulli(random, options.foreignBornShare);
      const registeredJanuary1 = foreignBorn && bernoulli(random, options.januaryFirstShareOfForeignBorn);
      const education = categorical(random, industry.educationWeights);
      const age = MIN_AGE + categorical(random, foreignBorn ? foreignAges : nativeAges);
      const sex = bernoulli(random, industry.maleShare) ? "male" : "female";
      const aKasse = industry.aKasser[categorical(random, industry.aKasser.map(([, weight]) => weight))]![0];
      const firstUnemploymentDay = fromDayNumber(day);
      const birthDate = registeredJanuary1 ? `${Number(firstUnemploymentDay.slice(0, 4)) - age}-01-01` : drawBirthDate(random, firstUnemploymentDay, age);
      const reason = eligibility({ firstUnemploymentDay, industryGroup: industry.name });
      rows.push({
        index: 0,
        cpr: "",
        birthDate,
        sex,
        age,
        foreignBorn,
        registeredJanuary1,
        replacementNumber: false,
        modulus11: true,
        intakeWeek: week,
        firstUnemploymentDay,
        industryGroup: industry.name,
        aKasse,
        education: EDUCATIONS[education]!,
        eligible: reason === null,
        ineligibleReason: reason,
        arm: null,
        potentialDurations: null,
        durationDays: null,
        exit: null,
        path: null,
      });
    }
    // The case system lists a week by first unemployment day (stable: draw order within a day).
    rows.sort((a, b) => (a.firstUnemploymentDay < b.firstUnemploymentDay ? -1 : a.firstUnemploymentDay > b.firstUnemploymentDay ? 1 : 0));
    for (const row of rows) {
      row.index = citizens.length;
      citizens.push(row);
    }
  }
  return citizens;
}

/** A birth date uniform over the year of birth dates that make the citizen `age` on `date`. */
function drawBirthDate(random: RandomSource, date: string, age: number): string {
  const latest = toDayNumber(yearsBefore(date, age));
  const earliest = toDayNumber(yearsBefore(date, age + 1)) + 1;
  return fromDayNumber(uniformInt(random, earliest, latest));
}

/** The same calendar day `years` earlier; 29 February becomes 28 February in a common year. */
function yearsBefore(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) - years;
  const monthDay = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${String(year).padStart(4, "0")}-${monthDay === "02-29" && !leap ? "02-28" : monthDay}`;
}

function assignCprNumbers(model: SimulationModel, citizens: SimulatedCitizen[], random: RandomSource): void {
  const { options } = model;
  const used = new Set<string>();
  for (const citizen of citizens) {
    const replacement = bernoulli(random, options.replacementNumberShare);
    const year = Number(citizen.birthDate.slice(0, 4));
    const withoutModulus11 =
      !replacement &&
      citizen.registeredJanuary1 &&
      NO_MODULUS_11_COHORTS.has(year) &&
      bernoulli(random, options.noModulus11ShareOnJanuary1);
    let cpr: string | undefined;
    for (let attempt = 0; attempt < 200 && cpr === undefined; attempt++) {
      // After many collisions on a crowded 1 January, fall back to the other modulus-11 state.
      const modulus11 = attempt < 100 ? !withoutModulus11 : withoutModulus11;
      const candidate = makeCpr({ birthDate: citizen.birthDate, sex: citizen.sex, serial: uniformInt(random, 0, 999), modulus11, replacement });
      if (candidate !== undefined && !used.has(candidate)) cpr = candidate;
    }
    if (cpr === undefined) throw new Error(`internal: no free CPR number for a birth date in ${year}; the simulated intake is too large for one birth date`);
    used.add(cpr);
    citizen.cpr = cpr;
    citizen.replacementNumber = replacement;
    citizen.modulus11 = passesModulus11(cpr);
  }
}

/**
 * Draws T under control and intervention from one uniform (common random
 * numbers: T_C = scale * E^(1/shape), T_I = scale * (E / hazardRatio)^(1/shape),
 * E standard exponential), whole days D = ceil(T) cut at the benefit period,
 * then the exit under the assigned arm from the cell's competing-exit shares.
 */
function drawDurations(model: SimulationModel, citizens: SimulatedCitizen[], random: RandomSource): void {
  const { options } = model;
  const period = options.benefitPeriodDays;
  const inverseShape = 1 / options.weibullShape;
  const industryIndex = new Map(model.industries.map((industry, index) => [industry.name, index]));
  for (const citizen of citizens) {
    if (!citizen.eligible) continue;
    const cell = model.cells[
      cellIndex(model, citizen.foreignBorn, citizen.registeredJanuary1, industryIndex.get(citizen.industryGroup)!, EDUCATIONS.indexOf(citizen.education), ageBandOf(citizen.age))
    ]!;
    const exponentialDraw = -Math.log(1 - random.next());
    const exitDraw = random.next();
    const controlTime = cell.scale * Math.pow(exponentialDraw, inverseShape);
    const interventionTime = cell.scale * Math.pow(exponentialDraw / model.hazardRatio, inverseShape);
    const toDays = (time: number) => Math.min(Math.max(Math.ceil(time), 1), period);
    const time = citizen.arm === "intervention" ? interventionTime : controlTime;
    const duration = toDays(time);
    citizen.potentialDurations = { control: toDays(controlTime), intervention: toDays(interventionTime) };
    citizen.durationDays = duration;
    if (time > period) citizen.exit = "dagpengeret opbrugt";
    else {
      const shares = duration < LATE_EXIT_FROM_DAY ? cell.earlyShares : cell.lateShares;
      let target = exitDraw;
      let exit = shares.length - 1;
      for (let index = 0; index < shares.length; index++) {
        target -= shares[index]!;
        if (target < 0) {
          exit = index;
          break;
        }
      }
      citizen.exit = (["selvforsørgelse", "uddannelse", "sygedagpenge", "anden offentlig ydelse", "fraflyttet"] as const)[exit]!;
    }
  }
}

/**
 * The weekly panel: benefit code 111 in every ISO week with a day of the spell
 * before the extraction date; after an ended spell, the code of the state it
 * ended in (none for self-support) in every later week up to the extraction
 * date's week (the extract holds days before the extraction date).
 */
function benefitPanel(spells: SimulatedSpell[], extractionDate: string): SimulatedBenefitWeek[] {
  const lastObservedWeekStart = toDayNumber(isoWeekStart(isoWeekOf(addDays(extractionDate, -1))));
  const rows: SimulatedBenefitWeek[] = [];
  const nameOf = isoWeekNamer();
  for (const spell of spells) {
    const start = toDayNumber(spell.start);
    const lastDay = start + spell.observedDays - 1;
    const firstMonday = mondayOf(start);
    const lastMonday = mondayOf(lastDay);
    for (let monday = firstMonday; monday <= lastMonday; monday += 7) rows.push({ citizen: spell.citizen, cpr: spell.cpr, week: nameOf(monday), code: "111" });
    const after = spell.exit === null ? null : CODE_AFTER_EXIT[spell.exit];
    if (after !== null) {
      for (let monday = lastMonday + 7; monday <= lastObservedWeekStart; monday += 7) rows.push({ citizen: spell.citizen, cpr: spell.cpr, week: nameOf(monday), code: after });
    }
  }
  return rows;
}

/** Day number of the Monday of the ISO week containing `day` (day 0, 1970-01-01, was a Thursday). */
function mondayOf(day: number): number {
  return day - ((day + 3) % 7);
}

/**
 * The conversation log. Each protocol conversation of the citizen's arm is
 * booked on a weekday of its programme week (week w = days 7(w-1)..7w-1 from
 * the first unemployment day) and logged only when that day is on or before
 * the last observed day of the spell. In an offer (tilbud, a fifth of the
 * citizens for 2-6 weeks) it goes as a letter when the protocol says so;
 * otherwise it is held on time (84 %), late by 1-2 weeks (10 %; not held when
 * the citizen left first, on time when the late day is after the extraction),
 * or not held (6 %). The citizen's own advisor holds 92 %.
 */
function drawConversations(model: SimulationModel, citizens: SimulatedCitizen[], spells: SimulatedSpell[], random: RandomSource): SimulatedConversation[] {
  const { protocol } = model.config;
  const rows: SimulatedConversation[] = [];
  for (const spell of spells) {
    const citizen = citizens[spell.citizen]!;
    const arm = citizen.arm!;
    const plan = [...(arm === "intervention" ? protocol.intervention : protocol.control)].sort((a, b) => a.week - b.week);
    const advisors = arm === "intervention" ? INTERVENTION_ADVISORS : CONTROL_ADVISORS;
    const ownAdvisor = advisors[uniformInt(random, 0, advisors.length - 1)]!;
    const start = toDayNumber(spell.start);
    const lastDay = start + spell.observedDays - 1;
    const inOffer = bernoulli(random, OFFER_SHARE);
    const offerStart = start + 7 * uniformInt(random, 4, 19);
    const offerEnd = offerStart + 7 * uniformInt(random, 2, 6) - 1;
    for (const conversation of plan) {
      const weekStart = start + (conversation.week - 1) * 7;
      const weekdays: number[] = [];
      for (let day = weekStart; day < weekStart + 7; day++) if ((day + 3) % 7 < 5) weekdays.push(day);
      const planned = weekdays[uniformInt(random, 0, weekdays.length - 1)]!;
      const advisor = bernoulli(random, OWN_ADVISOR_SHARE) ? ownAdvisor : advisors[uniformInt(random, 0, advisors.length - 1)]!;
      const statusDraw = random.next();
      const delay = 7 * uniformInt(random, 1, 2);
      if (planned > lastDay) continue;
      let status: ConversationStatus;
      let date = planned;
      if (inOffer && protocol.letterWhenInOffer && planned >= offerStart && planned <= offerEnd) status = "som brev";
      else if (statusDraw < ON_TIME_SHARE) status = "afholdt";
      else if (statusDraw < ON_TIME_SHARE + LATE_SHARE) {
        const late = planned + delay;
        if (late <= lastDay) {
          status = "afholdt";
          date = late;
        } else status = spell.end === null ? "afholdt" : "ikke afholdt";
      } else status = "ikke afholdt";
      rows.push({
        citizen: spell.citizen,
        cpr: spell.cpr,
        programmeWeek: conversation.week,
        plannedDate: fromDayNumber(planned),
        date: fromDayNumber(date),
        kind: conversation.kind,
        advisor,
        status,
      });
    }
  }
  return rows;
}

/**
 * Secondary measures for every eligible citizen: applications logged in the
 * programme period (Poisson, more per week in the intervention; 5 % not
 * collected), a self-found internship or wage-subsidy job (weekly chance,
 * higher in the intervention), and a rating 1-5 collected from 40 % of those
 * who had a conversation held.
 */
function drawSecondary(
  model: SimulationModel,
  citizens: SimulatedCitizen[],
  spells: SimulatedSpell[],
  conversations: SimulatedConversation[],
  random: RandomSource,
): SimulatedSecondary[] {
  const programmeDays = model.config.protocol.programmeWeeks * 7;
  const heldBy = new Set<number>();
  for (const conversation of conversations) if (conversation.status === "afholdt") heldBy.add(conversation.citizen);
  return spells.map((spell) => {
    const arm = citizens[spell.citizen]!.arm!;
    const weeks = Math.min(spell.observedDays, programmeDays) / 7;
    const collected = bernoulli(random, APPLICATIONS_COLLECTED_SHARE);
    const applications = poisson(random, APPLICATIONS_PER_WEEK[arm] * weeks);
    const selfFoundPlacement = bernoulli(random, 1 - Math.exp(-PLACEMENT_WEEKLY_HAZARD[arm] * weeks));
    const rated = heldBy.has(spell.citizen) && bernoulli(random, RATING_COLLECTED_SHARE);
    const rating = 1 + categorical(random, RATING_WEIGHTS[arm]);
    return { citizen: spell.citizen, cpr: spell.cpr, applications: collected ? applications : null, selfFoundPlacement, rating: rated ? rating : null };
  });
}
