/**
 * Swedish (sv-SE) numbers and money units, in one place: parsing what documents and cells say
 * ("26 500 000", "387,8", "3,2%", "- 6 279", "−19", "mnkr") and formatting for display ("387 800", "3,0 %").
 * Hand-written because Intl only formats; no maintained library parses sv-SE amounts with units.
 */
import { clean } from "../model/precision";
import type { MoneyUnit } from "./schema";

export type NumberUnit = MoneyUnit | "percent";

export interface ParsedNumber {
  value: number;
  /** The unit written next to the number, if any. */
  unit?: NumberUnit;
  /** Digits after the decimal comma as written ("387,8" → 1): the precision the figure is given in. */
  decimals: number;
}

/** Spaces used as thousands separators: space, no-break space, narrow no-break space, thin space. */
const GROUP_SPACE = /[ \u00a0\u202f\u2009]/g;
/** Minus signs seen in documents: hyphen-minus, Unicode minus, en dash. */
const MINUS = "[-\u2212\u2013]";

const UNIT_WORDS: [RegExp, NumberUnit][] = [
  [/^(%|procent)$/i, "percent"],
  [/^(mnkr|mkr|milj\.? ?kr|miljoner kronor|miljoner kr)$/i, "mnkr"],
  [/^(tkr|tusen kronor|tusental kronor|tkr\.)$/i, "tkr"],
  [/^(kr|kronor|sek|kr\.)$/i, "kr"],
];

/** Reads a unit word: "mnkr", "Mkr", "tkr", "kr", "kronor", "%". */
export function parseUnitWord(text: string): NumberUnit | undefined {
  let t = text.trim();
  if (t.startsWith("(") || t.endsWith(")")) t = t.replace(/^\(|\)$/g, "").trim();
  // The words written most, read as UNIT_WORDS reads them but without a regex each.
  switch (t) {
    case "tkr":
    case "kr":
      return t;
    case "mnkr":
    case "mkr":
      return "mnkr";
    case "%":
      return "percent";
  }
  for (const [re, unit] of UNIT_WORDS) if (re.test(t)) return unit;
  return undefined;
}

const NUMBER_RE = new RegExp(
  `^(${MINUS})?\\s*(\\d{1,3}(?:[ \\u00a0\\u202f\\u2009]\\d{3})+|\\d+)(?:([,.])(\\d+))?$`,
);

/**
 * Parses one Swedish number with an optional unit: "26 500 000 kr", "387,8 mnkr", "3,2%", "95 %", "-1 070",
 * "- 6 279", "−19", "0,800". A dot is read as a decimal point only where no comma is present
 * (JS notation such as "0.03"). Returns null for anything that is not exactly one number.
 */
export function parseSvNumber(text: string): ParsedNumber | null {
  let t = text.trim();
  if (!t) return null;
  let unit: NumberUnit | undefined;
  const unitMatch = /\s*(%|procent|mnkr|mkr|miljoner kronor|tkr|kronor|kr)\.?$/i.exec(t);
  if (unitMatch) {
    unit = parseUnitWord(unitMatch[1]);
    t = t.slice(0, unitMatch.index).trim();
  }
  const m = NUMBER_RE.exec(t);
  if (!m) return null;
  const [, sign, intPart, sep, frac] = m;
  // "1 234.5" mixes conventions; a dot with space grouping is not a Swedish number.
  if (sep === "." && /\s/.test(intPart)) return null;
  const digits = intPart.replace(GROUP_SPACE, "");
  const value = Number(`${sign ? "-" : ""}${digits}${frac ? "." + frac : ""}`);
  if (!Number.isFinite(value)) return null;
  return { value: Object.is(value, -0) ? 0 : value, unit, decimals: frac ? frac.length : 0 };
}

/** Finds a document's or header's unit statement: "Alla belopp i tkr", "Belopp i mnkr", "(kr)", "Budget 2019, tkr". */
export function findUnitStatement(text: string): MoneyUnit | undefined {
  const t = text.toLowerCase();
  // Every statement below names kr (tkr, mnkr, kronor): most texts have none and need no regex.
  if (t.indexOf("kr") < 0) return undefined;
  const m =
    /belopp (?:anges )?i (mnkr|mkr|miljoner kronor|tkr|tusental kronor|tusen kronor|kr|kronor)\b/.exec(t) ??
    /\((mnkr|mkr|tkr|kr)\)/.exec(t) ??
    /(?:^|[\s,;:])(mnkr|mkr|tkr|kr)\.?(?:$|[\s,;:)])/.exec(t);
  if (!m) return undefined;
  const unit = parseUnitWord(m[1]);
  return unit === "percent" ? undefined : unit;
}

const FACTOR: Record<MoneyUnit, number> = { kr: 1, tkr: 1_000, mnkr: 1_000_000 };

// Rounding away binary noise is the model's (src/model/precision.ts); the plan's callers find it here too.
export { clean };

/** Converts an amount between kr, tkr and mnkr. */
export function convertMoney(value: number, from: MoneyUnit, to: MoneyUnit): number {
  if (from === to) return value;
  return clean((value * FACTOR[from]) / FACTOR[to]);
}

/** The factor that turns an amount in `from` into `to` (tkr → mnkr: 0.001). */
export function moneyFactor(from: MoneyUnit, to: MoneyUnit): number {
  return FACTOR[from] / FACTOR[to];
}

const NBSP = "\u00a0";

/**
 * Formats with sv-SE conventions: no-break-space thousands groups, decimal comma, hyphen minus.
 * `decimals` fixes the digits after the comma; without it up to 3 are shown as needed.
 */
export function formatSvNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return String(value);
  // Without fixed decimals: up to 3, trailing zeros dropped (a computed 2/3 must not print 15 digits).
  const fixed =
    decimals === undefined
      ? clean(Math.abs(value))
          .toFixed(3)
          .replace(/\.?0+$/, "")
      : Math.abs(value).toFixed(decimals);
  const [digits, frac] = fixed.split(".");
  if (/e/i.test(digits)) return String(value).replace(".", ",");
  const int = digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? "-" : ""}${int}${frac ? "," + frac : ""}`;
}

/** Formats a percent figure as stated (3 → "3,0 %"); one decimal by default, as plans print them. */
export function formatSvPercent(percent: number, decimals = 1): string {
  return `${formatSvNumber(percent, decimals)}${NBSP}%`;
}

/** Formats an amount with its unit: "387 800 tkr". */
export function formatSvAmount(value: number, unit: MoneyUnit, decimals?: number): string {
  return `${formatSvNumber(value, decimals)}${NBSP}${unit}`;
}
