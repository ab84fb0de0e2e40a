/**
 * The PLAN functions' words (error messages, MALLISTA's header) in each language: one typed catalogue, so
 * src/functions picks a language by `FN_TEXTS[lang]` and never branches on it. A text missing from a language
 * fails the typecheck.
 */
import type { Lang } from "../plan/i18n";
import { endSentence } from "../plan/text";

/** A function argument as a cell or the CLI gives it. */
export type Arg = string | number | boolean | null | undefined;

/** A function's or parameter's name in each language. */
export interface Named {
  sv: string;
  en: string;
}

/**
 * An argument as a message echoes it: text as typed; a number as the language writes it (3,5 in Swedish,
 * 3.5 in English), since a cell or the CLI has already turned the user's "3,5" into 3.5.
 */
export function shownArg(arg: Arg, lang: Lang): string {
  if (typeof arg === "number") return lang === "sv" ? String(arg).replace(".", ",") : String(arg);
  if (typeof arg === "boolean") return lang === "sv" ? (arg ? "SANT" : "FALSKT") : arg ? "TRUE" : "FALSE";
  return String(arg).trim();
}

export interface FnTexts {
  unknownFunction(name: string): string;
  tooManyArguments(fn: Named, max: number, got: number): string;
  missing(param: Named): string;
  textNotBoolean(param: Named): string;
  invalidYear(arg: Arg): string;
  notFinite(param: Named): string;
  notANumber(param: Named, arg: Arg): string;
  /** The goal has no figure of `kind` for the year; `years`: those it has. */
  noGoalFigure(title: string, kind: "target" | "outcome", year: number, years: readonly number[]): string;
  /** The goal's figure for the year is missing; `note`: the document's why. */
  goalFigureMissing(
    title: string,
    kind: "target" | "outcome",
    year: number,
    note: string | undefined,
  ): string;
  unknownUnit(arg: Arg): string;
  statedOnlyAs(label: string, only: string): string;
  budgetFigureMissing(label: string, measure: string, note: string | undefined): string;
  noGoalsInArea(area: string): string;
  /** MALLISTA's header row. */
  goalListHeader(prev: number, year: number): string[];
}

const why = (note: string | undefined) => (note ? `: ${endSentence(note)}` : ".");

const sv: FnTexts = {
  unknownFunction: (name) => `Okänd funktion "${name}".`,
  tooManyArguments: (fn, max, got) => `${fn.sv} tar högst ${max} argument, fick ${got}.`,
  missing: (p) => `Argumentet ${p.sv} saknas.`,
  textNotBoolean: (p) => `Argumentet ${p.sv} ska vara text, inte SANT/FALSKT.`,
  invalidYear: (arg) => `Ogiltigt år "${shownArg(arg, "sv")}": ange till exempel 2019.`,
  notFinite: (p) => `Argumentet ${p.sv} är inget ändligt tal.`,
  notANumber: (p, arg) => `Argumentet ${p.sv} är inget tal: "${shownArg(arg, "sv")}".`,
  noGoalFigure: (title, kind, year, years) =>
    `"${title}" har inget ${kind === "target" ? "målvärde" : "utfall"} för ${year}${years.length ? ` (finns för ${years.join(", ")})` : ""}.`,
  goalFigureMissing: (title, kind, year, note) =>
    `"${title}" har inget ${kind === "target" ? "målvärde" : "utfall"} för ${year}${why(note)}`,
  unknownUnit: (arg) => `Okänd enhet "${shownArg(arg, "sv")}": ange kr, tkr eller mnkr.`,
  statedOnlyAs: (label, only) => `"${label}" anges bara som ${only}.`,
  budgetFigureMissing: (label, measure, note) => `"${label}" har inget värde för ${measure}${why(note)}`,
  noGoalsInArea: (area) => `Inga mål i området "${area}".`,
  goalListHeader: (prev, year) => ["Område", "Mål", `Målvärde ${prev}`, `Utfall ${prev}`, `Målvärde ${year}`],
};

const en: FnTexts = {
  unknownFunction: (name) => `Unknown function "${name}".`,
  tooManyArguments: (fn, max, got) => `${fn.en} takes at most ${max} arguments, got ${got}.`,
  missing: (p) => `The argument ${p.en} is missing.`,
  textNotBoolean: (p) => `The argument ${p.en} must be text, not TRUE/FALSE.`,
  invalidYear: (arg) => `Invalid year "${shownArg(arg, "en")}": give e.g. 2019.`,
  notFinite: (p) => `The argument ${p.en} is not a finite number.`,
  notANumber: (p, arg) => `The argument ${p.en} is not a number: "${shownArg(arg, "en")}".`,
  noGoalFigure: (title, kind, year, years) =>
    `"${title}" has no ${kind} for ${year}${years.length ? ` (there is one for ${years.join(", ")})` : ""}.`,
  goalFigureMissing: (title, kind, year, note) => `"${title}" has no ${kind} for ${year}${why(note)}`,
  unknownUnit: (arg) => `Unknown unit "${shownArg(arg, "en")}": use kr, tkr or mnkr.`,
  statedOnlyAs: (label, only) => `"${label}" is stated only as ${only}.`,
  budgetFigureMissing: (label, measure, note) => `"${label}" has no figure for ${measure}${why(note)}`,
  noGoalsInArea: (area) => `No goals in the area "${area}".`,
  goalListHeader: (prev, year) => ["Area", "Goal", `Target ${prev}`, `Outcome ${prev}`, `Target ${year}`],
};

export const FN_TEXTS: Record<Lang, FnTexts> = { sv, en };
