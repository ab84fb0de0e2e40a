/**
 * The PLAN functions' semantics, as pure evaluators over a plan: the Excel custom
 * functions (functions.ts) and `plankoll fn` both call `evaluate`, so a cell and the CLI give the same
 * answer. No Office or Node here.
 *
 * Conventions:
 * - Percent goals are stored as the document prints them (3,0 % → 3) and returned as fractions
 *   (0.03), so a % number format shows them: "3 %" with 0 %, "3,0 %" (the plan's print) with 0,0 %.
 *   No message here prints a percent figure; one that does must use formatSvPercent in Swedish and
 *   the same decimals in English.
 * - A `värde` given to MALUPPFYLLELSE/AVVIKELSE for a percent goal: text with "%" ("3,2 %") is
 *   percent as written; a number with |värde| ≤ 1 is a fraction (0.032 = 3,2 %, what a %-formatted
 *   cell holds), a larger number is percent (3.2). Exception: where the goal's own target lies in
 *   (0, 1] percent, a number ≤ 1 is read as percent, because such a target in percent is itself ≤ 1.
 * - A missing optional argument may arrive as undefined, null, "" or, from an empty cell, 0: all
 *   mean "not given" (no year, measure or unit is 0).
 */
import { findBudgetFigure, findGoal, findMeasure, goalsInArea } from "../plan/lookup";
import { render } from "../i18n";
import { FN_TEXTS, shownArg, type FnTexts } from "../i18n/functions";
import type { Lang } from "../plan/i18n";
import { clean, convertMoney, parseSvNumber, parseUnitWord } from "../plan/numbers";
import type { Goal, MoneyUnit, Plan, ValueKind } from "../plan/schema";
import { foldText } from "../plan/text";

export type CellArg = string | number | boolean | null | undefined;
export type Scalar = string | number | boolean;
export type FnValue = Scalar | Scalar[][];
export type ExcelErrorCode = "#N/A" | "#VALUE!" | "#NUM!";

export type FnResult = { ok: true; value: FnValue } | { ok: false; error: ExcelErrorCode; message: string };

export interface ParamSpec {
  sv: string;
  en: string;
  optional: boolean;
}

export interface FunctionSpec {
  /** The id in the custom-functions metadata (never localized). */
  id: string;
  sv: string;
  en: string;
  params: readonly ParamSpec[];
  /** A spilled 2-D array (MALLISTA) or one value. */
  result: "scalar" | "matrix";
}

const p = (sv: string, en: string, optional = false): ParamSpec => ({ sv, en, optional });

/** The seven PLAN functions: ids, Swedish and English names, parameters in order. */
export const FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: "MALVARDE",
    sv: "MALVARDE",
    en: "TARGET",
    params: [p("mål", "goal"), p("år", "year", true)],
    result: "scalar",
  },
  {
    id: "UTFALL",
    sv: "UTFALL",
    en: "OUTCOME",
    params: [p("mål", "goal"), p("år", "year", true)],
    result: "scalar",
  },
  {
    id: "BUDGET",
    sv: "BUDGET",
    en: "BUDGET",
    params: [p("post", "line"), p("år", "year", true), p("mått", "measure", true), p("enhet", "unit", true)],
    result: "scalar",
  },
  {
    id: "MALUPPFYLLELSE",
    sv: "MALUPPFYLLELSE",
    en: "ACHIEVED",
    params: [p("mål", "goal"), p("värde", "value"), p("år", "year", true)],
    result: "scalar",
  },
  {
    id: "AVVIKELSE",
    sv: "AVVIKELSE",
    en: "DEVIATION",
    params: [p("mål", "goal"), p("värde", "value"), p("år", "year", true)],
    result: "scalar",
  },
  { id: "MAL", sv: "MAL", en: "GOAL", params: [p("sök", "search")], result: "scalar" },
  {
    id: "MALLISTA",
    sv: "MALLISTA",
    en: "GOALLIST",
    params: [p("område", "area", true), p("år", "year", true)],
    result: "matrix",
  },
];

const resolved = new Map<string, FunctionSpec | undefined>();

/** Finds a function by its Swedish or English name or id, any case, with or without "PLAN.". */
export function resolveFunction(name: string): FunctionSpec | undefined {
  if (resolved.has(name)) return resolved.get(name);
  const key = foldText(name)
    .replace(/^plan\./, "")
    .toUpperCase();
  const spec = FUNCTIONS.find((f) => f.id === key || f.sv === key || f.en === key);
  // Only the known names are remembered: arbitrary input cannot grow the map.
  if (spec) resolved.set(name, spec);
  return spec;
}

/**
 * Thrown inside evaluators to leave with an Excel error; `evaluate` turns it into a result. Not an Error
 * subclass on purpose: it never escapes `evaluate`, and skipping the stack capture keeps misses cheap.
 */
class FnError {
  constructor(
    readonly error: ExcelErrorCode,
    readonly message: string,
  ) {}
}

const fail = (error: ExcelErrorCode, message: string): never => {
  throw new FnError(error, message);
};

type T = FnTexts;
const shown = shownArg;

function isMissing(arg: CellArg): boolean {
  return arg === undefined || arg === null || (typeof arg === "string" && arg.trim() === "");
}

/** A text argument (goal, line, measure); numbers are read as text (an id typed as a number). */
function readText(arg: CellArg, param: ParamSpec, t: T): string {
  if (isMissing(arg)) return fail("#VALUE!", t.missing(param));
  if (typeof arg === "boolean") {
    return fail("#VALUE!", t.textNotBoolean(param));
  }
  return String(arg).trim();
}

function readOptionalText(arg: CellArg, param: ParamSpec, t: T): string | undefined {
  if (isMissing(arg) || arg === 0) return undefined;
  return readText(arg, param, t);
}

/** A year: 2019 or "2019"; missing (or 0, an empty cell) → `fallback`. */
function readYear(arg: CellArg, fallback: number, t: T): number {
  if (isMissing(arg) || arg === 0) return fallback;
  let year: number | undefined;
  if (typeof arg === "number") year = arg;
  else if (typeof arg === "string" && /^\s*\d{4}\s*$/.test(arg)) year = Number(arg);
  if (year === undefined || !Number.isInteger(year) || year < 1900 || year > 2200) {
    return fail("#VALUE!", t.invalidYear(arg));
  }
  return year;
}

interface InputNumber {
  value: number;
  /** Written with "%": percent as written, never a fraction. */
  percent: boolean;
}

/** A number from a cell: a number, or text in sv-SE or JS notation ("3,2 %", "0.032", "64 308"). */
function readNumber(arg: CellArg, param: ParamSpec, t: T): InputNumber {
  if (isMissing(arg)) return fail("#VALUE!", t.missing(param));
  if (typeof arg === "number") {
    if (!Number.isFinite(arg)) return fail("#NUM!", t.notFinite(param));
    return { value: arg, percent: false };
  }
  if (typeof arg === "string") {
    const parsed = parseSvNumber(arg);
    if (parsed) return { value: parsed.value, percent: parsed.unit === "percent" };
  }
  return fail("#VALUE!", t.notANumber(param, arg));
}

function goalOrFail(plan: Plan, query: string, lang: Lang, arg: CellArg): Goal {
  const r = findGoal(plan, query, lang, shown(arg, lang));
  return r.ok ? r.goal : fail("#N/A", r.message);
}

/** The goal's figure of `kind` for `year` as stored (percent as percent), or #N/A saying why there is none. */
function storedFigure(goal: Goal, kind: ValueKind, year: number, t: T): number {
  const pv = goal.values.find((v) => v.kind === kind && v.period === year);
  if (!pv) {
    const years = goal.values.filter((v) => v.kind === kind).map((v) => v.period);
    return fail("#N/A", t.noGoalFigure(goal.title, kind, year, years));
  }
  if (pv.value === null)
    return fail("#N/A", t.goalFigureMissing(goal.title, kind, year, pv.note ?? goal.note));
  return pv.value;
}

/** As a cell shows it: percent goals as fractions. */
function toCell(goal: Goal, stored: number): number {
  return goal.unit === "percent" ? clean(stored / 100) : stored;
}

/** A user's value in the goal's stored scale (percent as percent); see the rule at the top of this file. */
function toStored(goal: Goal, input: InputNumber, target: number): number {
  if (goal.unit !== "percent" || input.percent) return input.value;
  const smallTarget = target > 0 && target <= 1;
  return Math.abs(input.value) <= 1 && !smallTarget ? clean(input.value * 100) : input.value;
}

/** higher and min: more is better (met at ≥ target); lower and max: less is better (met at ≤ target). */
const moreIsBetter = (goal: Goal) => goal.direction === "higher" || goal.direction === "min";

function argCount(spec: FunctionSpec, args: readonly CellArg[], t: T): void {
  // Trailing missing arguments are how Excel passes omitted optionals.
  let n = args.length;
  while (n > 0 && isMissing(args[n - 1])) n--;
  if (n > spec.params.length) {
    fail("#VALUE!", t.tooManyArguments(spec, spec.params.length, n));
  }
}

type Evaluator = (args: readonly CellArg[], plan: Plan, lang: Lang, t: T, spec: FunctionSpec) => FnValue;

function goalValue(kind: ValueKind): Evaluator {
  return (args, plan, lang, t, spec) => {
    // Arguments are checked before the lookup: a malformed argument is #VALUE! whatever the goal.
    const query = readText(args[0], spec.params[0], t);
    // The outcome defaults to the year before the plan's: a plan for 2019 reports outcomes up to 2018.
    const year = readYear(args[1], kind === "target" ? plan.year : plan.year - 1, t);
    const goal = goalOrFail(plan, query, lang, args[0]);
    return toCell(goal, storedFigure(goal, kind, year, t));
  };
}

function comparison(kind: "achieved" | "deviation"): Evaluator {
  return (args, plan, lang, t, spec) => {
    const query = readText(args[0], spec.params[0], t);
    const input = readNumber(args[1], spec.params[1], t);
    const year = readYear(args[2], plan.year, t);
    const goal = goalOrFail(plan, query, lang, args[0]);
    const target = storedFigure(goal, "target", year, t);
    const value = toStored(goal, input, target);
    if (kind === "achieved") return moreIsBetter(goal) ? value >= target : value <= target;
    const better = clean(moreIsBetter(goal) ? value - target : target - value);
    return toCell(goal, better);
  };
}

const MONEY_UNITS: readonly MoneyUnit[] = ["kr", "tkr", "mnkr"];

const budget: Evaluator = (args, plan, lang, t, spec) => {
  const query = readText(args[0], spec.params[0], t);
  const year = readYear(args[1], plan.year, t);
  const measureWord = readOptionalText(args[2], spec.params[2], t) ?? "Budget";
  const unitWord = readOptionalText(args[3], spec.params[3], t);
  let unit: MoneyUnit | undefined;
  if (unitWord !== undefined) {
    const parsed = parseUnitWord(unitWord);
    if (!parsed || !MONEY_UNITS.includes(parsed as MoneyUnit)) {
      fail("#VALUE!", t.unknownUnit(args[3]));
    }
    unit = parsed as MoneyUnit;
  }
  // Table lines and totals, and the amounts relations state (Driftram 2019): see budgetFigureIndex.
  const hit = findBudgetFigure(plan, query, lang, shown(args[0], lang));
  if (!hit.ok) return fail("#N/A", hit.message);
  const m = findMeasure(hit.table, measureWord, year, shown(args[2] ?? measureWord, lang));
  if (!m.ok && m.reason === "missing" && hit.relation) {
    const only = hit.table.measures[0].label;
    return fail("#N/A", t.statedOnlyAs(hit.line.label, only));
  }
  if (!m.ok) return fail(m.reason === "unknown" ? "#VALUE!" : "#N/A", render(m.problem, lang));
  const value = hit.line.values[m.measure.id];
  if (value === undefined || value === null) {
    return fail("#N/A", t.budgetFigureMissing(hit.line.label, m.measure.label, m.measure.note));
  }
  return convertMoney(value, m.measure.unit, unit ?? m.measure.unit);
};

const goalTitle: Evaluator = (args, plan, lang, t, spec) =>
  goalOrFail(plan, readText(args[0], spec.params[0], t), lang, args[0]).title;

/** One cell of MALLISTA: the figure (percent as fraction), the document's note where it has none, else empty. */
function listCell(goal: Goal, kind: ValueKind, year: number): Scalar {
  const pv = goal.values.find((v) => v.kind === kind && v.period === year);
  if (!pv) return "";
  return pv.value === null ? (pv.note ?? "") : toCell(goal, pv.value);
}

const goalList: Evaluator = (args, plan, _lang, t, spec) => {
  const area = readOptionalText(args[0], spec.params[0], t) ?? "";
  const year = readYear(args[1], plan.year, t);
  const goals = goalsInArea(plan, area);
  if (goals.length === 0) {
    return fail("#N/A", t.noGoalsInArea(area));
  }
  const prev = year - 1;
  const header: Scalar[] = t.goalListHeader(prev, year);
  const rows = goals.map((g): Scalar[] => [
    g.area.join(" › "),
    g.title,
    listCell(g, "target", prev),
    listCell(g, "outcome", prev),
    listCell(g, "target", year),
  ]);
  return [header, ...rows];
};

const EVALUATORS: Record<string, Evaluator> = {
  MALVARDE: goalValue("target"),
  UTFALL: goalValue("outcome"),
  BUDGET: budget,
  MALUPPFYLLELSE: comparison("achieved"),
  AVVIKELSE: comparison("deviation"),
  MAL: goalTitle,
  MALLISTA: goalList,
};

/**
 * Evaluates a PLAN function by name (Swedish, English or id) over `plan`. Never throws for bad input:
 * every problem is an Excel error value with a message in `lang`.
 */
export function evaluate(name: string, args: readonly CellArg[], plan: Plan, lang: Lang = "sv"): FnResult {
  const t: T = FN_TEXTS[lang];
  const spec = resolveFunction(name);
  if (!spec) {
    return {
      ok: false,
      error: "#VALUE!",
      message: t.unknownFunction(name),
    };
  }
  try {
    argCount(spec, args, t);
    return { ok: true, value: EVALUATORS[spec.id](args, plan, lang, t, spec) };
  } catch (err) {
    if (err instanceof FnError) return { ok: false, error: err.error, message: err.message };
    throw err;
  }
}
