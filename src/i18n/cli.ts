/**
 * The command line's own words (usage errors, read-error lines, summaries) in each language: one typed catalogue,
 * so the CLI picks a language by `CLI_TEXTS[lang]` and never branches on it. A text missing from a language fails
 * the typecheck. Counts go through the language's number format; page numbers stay plain ("s. 12").
 */
import type { Lang } from "../plan/i18n";
import { FORMATS } from "./format";

export interface CliTexts {
  /** An option no command knows: "okänd flagga --x". */
  unknownOption(name: string): string;
  /** A positional a command does not take. */
  unexpectedArgument(name: string): string;
  /** A flag given a value it does not take (`--help=1`). */
  takesNoValue(name: string): string;
  /** A flag without its value (`--plan` last). */
  needsValue(name: string): string;
  /** `--format` other than text|json; the Swedish keeps the English hint. */
  unknownFormat: string;
  unknownCommand(name: string): string;
  unknownFunction(name: string): string;
  /** `plankoll fn`'s empty `--plan=`. */
  planNeedsName: string;
  /** `plankoll plan`'s empty `--plan=`; the Swedish keeps the English hint. */
  planNeedsNameHinted: string;
  outNeedsName: string;
  giveAtLeastOneFile: string;
  giveAFile: string;
  giveAPdf: string;
  oneFileAtATime: string;
  pageNeedsNumber(value: string): string;
  /** The progress line's verb on a terminal: "Kontrollerar 3/40: …". */
  checking: string;
  /** A check that failed for a reason no reader foresaw. */
  checkFailed: string;
  /** A page as a place: "s. 4" / "p. 4". */
  page(page: number): string;
  /** Between a function's parameters as Excel writes them: "MALVARDE(mål; [år])" / "TARGET(goal, [year])". */
  argSeparator: string;
  /** Too few or too many arguments for a PLAN function. */
  argCount(p: { name: string; range: string; max: number; given: number; signature: string }): string;
  /** A report's summary line: "  3 av 4 tabeller lästa". */
  tablesRead(read: number, seen: number): string;
  /** `plankoll tables`' first line: "x.pdf: 3 av 4 tabeller lästa på s. 2". */
  tablesReadIn(file: string, read: number, seen: number, page: number | undefined): string;
  columns: string;
  rows: string;
  couldNotBeRead: string;
  /** `plankoll import`'s text report. */
  found: string;
  toReview(count: number): string;
  ownSumsClean: string;
  ownSums(count: number): string;
  row: string;
  column: string;
  howRead: string;
}

const svNum = (n: number) => FORMATS.sv.num(n, 0);
const enNum = (n: number) => FORMATS.en.num(n, 0);

const sv = {
  unknownOption: (name) => `okänd flagga ${name}`,
  unexpectedArgument: (name) => `oväntat argument "${name}"`,
  takesNoValue: (name) => `${name} tar inget värde`,
  needsValue: (name) => `${name} saknar värde`,
  unknownFormat: "okänt format / unknown format",
  unknownCommand: (name) => `okänt kommando "${name}"`,
  unknownFunction: (name) => `okänd funktion "${name}"`,
  planNeedsName: "--plan behöver ett filnamn",
  planNeedsNameHinted: "--plan behöver ett filnamn / --plan needs a file name",
  outNeedsName: "--out behöver ett filnamn",
  giveAtLeastOneFile: "ange minst en fil",
  giveAFile: "ange en fil",
  giveAPdf: "ange en PDF",
  oneFileAtATime: "en fil i taget",
  pageNeedsNumber: (value) => `--page vill ha ett sidnummer, inte "${value}"`,
  checking: "Kontrollerar",
  checkFailed: "filen kunde inte kontrolleras",
  page: (page) => `s. ${page}`,
  argSeparator: "; ",
  argCount: (p) => `${p.name} tar ${p.range} argument, fick ${p.given}: ${p.signature}`,
  tablesRead: (read, seen) => `  ${svNum(read)} av ${svNum(seen)} tabeller lästa`,
  tablesReadIn: (file, read, seen, page) =>
    `${file}: ${svNum(read)} av ${svNum(seen)} tabeller lästa${page ? ` på s. ${page}` : ""}`,
  columns: "Kolumner",
  rows: "Rader",
  couldNotBeRead: "kunde inte läsas",
  found: "Hittat:",
  toReview: (count) => `Att granska (${count}):`,
  ownSumsClean: "Dokumentets egna summor: inga fel.",
  ownSums: (count) => `Dokumentets egna summor och uppgifter (${count}):`,
  row: "rad",
  column: "kolumn",
  howRead: "Så lästes",
} satisfies CliTexts;

const en = {
  unknownOption: (name) => `unknown option ${name}`,
  unexpectedArgument: (name) => `unexpected argument "${name}"`,
  takesNoValue: (name) => `${name} takes no value`,
  needsValue: (name) => `${name} needs a value`,
  unknownFormat: "unknown format",
  unknownCommand: (name) => `unknown command "${name}"`,
  unknownFunction: (name) => `unknown function "${name}"`,
  planNeedsName: "--plan needs a file name",
  planNeedsNameHinted: "--plan needs a file name",
  outNeedsName: "--out needs a file name",
  giveAtLeastOneFile: "give at least one file",
  giveAFile: "give a file",
  giveAPdf: "give a PDF",
  oneFileAtATime: "one file at a time",
  pageNeedsNumber: (value) => `--page needs a page number, not "${value}"`,
  checking: "Checking",
  checkFailed: "the file could not be checked",
  page: (page) => `p. ${page}`,
  argSeparator: ", ",
  argCount: (p) =>
    `${p.name} takes ${p.range} argument${p.max === 1 ? "" : "s"}, got ${p.given}: ${p.signature}`,
  tablesRead: (read, seen) => `  ${enNum(read)} of ${enNum(seen)} tables read`,
  tablesReadIn: (file, read, seen, page) =>
    `${file}: ${enNum(read)} of ${enNum(seen)} tables read${page ? ` on p. ${page}` : ""}`,
  columns: "Columns",
  rows: "Rows",
  couldNotBeRead: "could not be read",
  found: "Found:",
  toReview: (count) => `To review (${count}):`,
  ownSumsClean: "The document's own sums: no errors.",
  ownSums: (count) => `The document's own sums and figures (${count}):`,
  row: "row",
  column: "column",
  howRead: "How it was read",
} satisfies CliTexts;

export const CLI_TEXTS: Record<Lang, CliTexts> = { sv, en };

/** A `--lang` value Plankoll speaks. */
export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && Object.hasOwn(CLI_TEXTS, value);
}
