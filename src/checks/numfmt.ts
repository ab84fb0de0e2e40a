import { unitOf } from "../model/precision";
import { parseUnitWord } from "../plan/numbers";
import type { MoneyUnit } from "../plan/schema";

/** What a number format code says about a cell's figure: percent, date, shown decimals, thousands scaling. */

export interface FormatInfo {
  percent: boolean;
  date: boolean;
  /** Digits shown after the decimal separator; null for General (then the stored value decides). */
  decimals: number | null;
  /** "#,##0," shows thousands: the displayed figure is value / scale. */
  scale: number;
  /** The value of the last shown digit (0,1 for "0.0", 1000 for "#,##0,", 0,001 for "0.0%"); null for General. */
  unit: number | null;
  /** A money unit written into the format ('#,##0 "tkr"'). */
  money?: MoneyUnit;
}

const GENERAL: FormatInfo = { percent: false, date: false, decimals: null, scale: 1, unit: null };
const cache = new Map<string, FormatInfo>();

function analyse(code: string): FormatInfo {
  // Only the first (positive) section matters for precision; strip quoted text, escapes and [..] tags.
  const first = code.split(";")[0];
  let s = "";
  let quoted = "";
  for (let i = 0; i < first.length; i++) {
    const ch = first[i];
    if (ch === '"') {
      const end = first.indexOf('"', i + 1);
      quoted += " " + first.slice(i + 1, end < 0 ? first.length : end);
      i = end < 0 ? first.length : end;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      i++;
    } else if (ch === "[") {
      const end = first.indexOf("]", i + 1);
      i = end < 0 ? first.length : end;
    } else s += ch;
  }
  if (s.trim().toLowerCase() === "general" || s.trim() === "") return GENERAL;
  const percent = s.includes("%");
  const hasDigits = /[0#?]/.test(s);
  const date = !hasDigits && /[dmyhs]/i.test(s);
  let decimals = 0;
  const dot = s.indexOf(".");
  if (dot >= 0) {
    let i = dot + 1;
    while (i < s.length && (s[i] === "0" || s[i] === "#" || s[i] === "?")) {
      decimals++;
      i++;
    }
  }
  let scale = 1;
  const lastDigit = Math.max(s.lastIndexOf("0"), s.lastIndexOf("#"));
  for (let i = lastDigit + 1; i < s.length && s[i] === ","; i++) scale *= 1000;
  const shown = hasDigits ? decimals : null;
  const unit = shown === null ? null : unitOf(shown) * scale * (percent ? 0.01 : 1);
  // The unit word may be quoted ('"tkr"') or written bare after the digits ('# ##0 kr').
  const word = (quoted + " " + s.replace(/[0#?,.%\s]+/g, " "))
    .trim()
    .split(/\s+/)
    .find((w) => parseUnitWord(w));
  const parsed = word ? parseUnitWord(word) : undefined;
  const money = parsed && parsed !== "percent" ? parsed : undefined;
  return { percent, date, decimals: shown, scale, unit, ...(money ? { money } : {}) };
}

let lastCode = "";
let lastInfo: FormatInfo = GENERAL;

export function formatInfo(code: string | null | undefined): FormatInfo {
  if (!code || code === "General") return GENERAL;
  // Neighbouring cells mostly share one format: a one-entry memo saves the map lookup.
  if (code === lastCode) return lastInfo;
  let info = cache.get(code);
  if (!info) {
    info = analyse(code);
    cache.set(code, info);
  }
  lastCode = code;
  lastInfo = info;
  return info;
}
