/**
 * What a row's label or a column's caption says, in Swedish budget tables: totals (Summa, Totalt, S:a, Helår),
 * what is not a line (varav, averages, shares, deviations), difference captions, numbers stored as text.
 */
import { parseSvNumber } from "../plan/numbers";

/** Cheap pre-test before parseSvNumber: texts that could be a number start with a digit, a sign or a space. */
export function numberFromText(text: string): number | null {
  const ch = text.charCodeAt(0);
  const digit = ch >= 48 && ch <= 57;
  if (!digit && ch !== 45 && ch !== 0x2212 && ch !== 0x2013 && ch !== 32 && ch !== 43 && ch !== 0xa0)
    return null;
  if (text.length > 40) return null;
  const p = parseSvNumber(text);
  return p ? p.value : null;
}

export function normalizeLabel(text: string): string {
  const lower = text.toLowerCase();
  // Most labels are already single-spaced (one pass over them tells: no tab, newline, no-break space, double,
  // leading or trailing space): skip the regex for them.
  const n = lower.length;
  for (let i = 0; i < n; i++) {
    const ch = lower.charCodeAt(i);
    if (
      ch === 9 ||
      ch === 10 ||
      ch === 0xa0 ||
      (ch === 32 && (i === 0 || i === n - 1 || lower.charCodeAt(i + 1) === 32))
    )
      return lower.trim().replace(/\s+/g, " ");
  }
  return lower;
}

const GRAND_LABELS = new Set([
  "totalt",
  "total",
  "summa totalt",
  "totalt summa",
  "totalsumma",
  "summa total",
  "totalt:",
  "summa:",
  "total:",
  "s:a totalt",
  "totalbelopp",
  "grand total",
]);

/** Totals by label: Summa, Totalt, Total, S:a, Summa …, Totalt …, Helår. "Total sjukfrånvaro" is not one. */
export function isTotalLabel(norm: string): boolean {
  // Every total label starts with s, t, h, d or g (grand total): most lines are settled by their first letter,
  // before the set lookup hashes a label that is often a new string.
  const ch = norm.charCodeAt(0);
  if (ch !== 115 && ch !== 116 && ch !== 104 && ch !== 100 && ch !== 103) return false;
  if (GRAND_LABELS.has(norm)) return true;
  if (norm === "summa" || norm === "s:a" || norm === "helår" || norm === "helår totalt" || norm === "sum")
    return true;
  return (
    norm.startsWith("summa ") ||
    norm.startsWith("s:a ") ||
    norm.startsWith("totalt ") ||
    norm.startsWith("summa:") ||
    norm.startsWith("delsumma") ||
    norm.startsWith("totalsumma") ||
    norm === "sub total" ||
    norm === "sub-total"
  );
}

/**
 * isTotalLabel of a text's normalized label, without normalizing (a new lower-case string) the many texts whose
 * first letter already rules it out: an ASCII letter lower-cases to its own lower-case letter (and is what
 * normalizeLabel's result starts with, nothing being trimmed before it).
 */
export function isTotalText(text: string): boolean {
  const ch = text.charCodeAt(0);
  if ((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122)) {
    const lower = ch | 32;
    if (lower !== 115 && lower !== 116 && lower !== 104 && lower !== 100 && lower !== 103) return false;
  }
  return isTotalLabel(normalizeLabel(text));
}

/**
 * "Total driftram", "Subtotal personal": a label that may name a total — or a line of its own ("Total
 * sjukfrånvaro" is a goal). Whether it is one is for the numbers to say (see model.ts).
 */
export function isPrefixTotalLabel(norm: string): boolean {
  // Every prefix starts with t, s or g: most lines (isPrefixTotalLabel is asked of each) need no regex.
  const ch = norm.charCodeAt(0);
  if (ch !== 116 && ch !== 115 && ch !== 103) return false;
  return /^(total|totalt|subtotal|sub total|sub-total|grand total)\b/.test(norm) && !isTotalLabel(norm);
}

/** A grand total (covers everything above it in the table) rather than a section's subtotal. */
export function isGrandLabel(norm: string): boolean {
  return GRAND_LABELS.has(norm) || norm.startsWith("totalt ") || norm.startsWith("totalsumma");
}

/**
 * The words isExcludedLabel looks for anywhere in a label (and "%", searched for on its own): one regex search
 * over the label instead of three substring searches. Without the one-character "%" every word is ≥ 6 long,
 * which lets the regex skip ahead through a label instead of trying each word at every character.
 */
const EXCLUDED_WORDS = /genomsnitt| medel|procent/;

/**
 * Rows that are not lines of a total: breakdowns, averages, shares, deviations. `words` false (hasLabelWords
 * said so) leaves out the search for words anywhere in the label.
 */
export function isExcludedLabel(norm: string, words = true): boolean {
  // The prefixes (varav, därav, - varav, – varav, medel, snitt, andel, and isDiffCaption's) by the label's first
  // character: a label starting with k or s is not asked for "varav" and six more.
  switch (norm.charCodeAt(0)) {
    case 118: // v: varav, varav:
      if (norm.startsWith("varav")) return true;
      break;
    case 100: // d: därav, differens, diff
      if (norm.startsWith("därav") || isDiffCaption(norm)) return true;
      break;
    case 45:
      if (norm.startsWith("- varav")) return true;
      break;
    case 0x2013:
      if (norm.startsWith("– varav")) return true;
      break;
    case 109:
      if (norm.startsWith("medel")) return true;
      break;
    case 115:
      if (norm.startsWith("snitt")) return true;
      break;
    case 97: // a: andel, avvikelse
      if (norm.startsWith("andel") || isDiffCaption(norm)) return true;
      break;
    case 229: // å: återstår; f: förändring; k: kvar att
    case 102:
    case 107:
      if (isDiffCaption(norm)) return true;
      break;
  }
  return words && (norm.includes("%") || EXCLUDED_WORDS.test(norm));
}

/** Difference captions: Avvikelse, Återstår, Förändring, Differens, Diff. */
export function isDiffCaption(norm: string): boolean {
  return (
    norm.startsWith("avvikelse") ||
    norm.startsWith("återstår") ||
    norm.startsWith("förändring") ||
    norm.startsWith("differens") ||
    norm === "diff" ||
    norm.startsWith("diff ") ||
    norm.startsWith("kvar att")
  );
}

export function isTotalCaption(norm: string): boolean {
  // "Helårsprognos" and "Prognos helår" are forecasts, not the sum of the quarters beside them.
  if (norm.includes("prognos") || norm.includes("effekt")) return false;
  return (
    isTotalLabel(norm) ||
    norm === "helår" ||
    norm.startsWith("helår ") ||
    norm.startsWith("total ") ||
    norm.startsWith("summa") ||
    norm === "år totalt"
  );
}

export function isPercentCaption(norm: string): boolean {
  return norm.includes("%") || norm.includes("procent") || norm.startsWith("andel");
}

/** Columns whose figures do not add up across a row: averages, counts, prices, rates, indexes. */
export function isAverageCaption(norm: string): boolean {
  return (
    norm.includes("genomsnitt") ||
    norm.includes("medel") ||
    norm.startsWith("snitt") ||
    norm.includes("antal") ||
    // A unit price ("à-pris", "Pris (kr)", "timpris") — not "löpande priser", a budget's price basis.
    /(^|[\s(])(à-|a-|styck|tim)?pris(\s|\(|\/|$)|pris per/.test(norm) ||
    norm.includes("ränta") ||
    norm.includes("index") ||
    norm.includes("nyckeltal") ||
    norm.includes("kvot")
  );
}

export const HEADER_WORDS =
  /^(avdelning|verksamhet|enhet|post|konto|år|belopp|mål|nämnd|förvaltning|område|kostnadsställe|ansvar|rad|benämning|text|tkr|mnkr|kr|budget|utfall|prognos|period)\b/;

export function isYear(v: number): boolean {
  return Number.isInteger(v) && v >= 1990 && v <= 2100;
}

/** Bare totals of a whole table ("Summa" with no subtotal before it sums everything above). */
export const BARE_TOTALS = new Set(["summa", "s:a", "sum", "summa:", "helår", "delsumma"]);

/**
 * A net row of an income statement: intäkter − kostnader (Nettokostnad, Resultat, Netto, Summa netto). Only
 * the bare words: "Resultat efter finansiella poster" builds on a net row and states its own terms.
 */
export function isNetLabel(norm: string): boolean {
  return /^(summa |s:a )?(netto|nettokostnad(er)?|nettointäkt(er)?|nettoresultat|resultat|årets resultat|verksamhetens nettokostnad(er)?)( totalt)?:?$/.test(
    norm,
  );
}

/** Any of the words sideOf looks for. */
const SIDE_WORDS = /netto|resultat|intäkt|kostnad|utgift/;

/**
 * Every word that isExcludedLabel, sideOf or a count-like label ("årsarbetare", "medarbetare") looks for
 * anywhere in a label, "%" apart (see EXCLUDED_WORDS): a label without any (most) is settled by its first
 * letters, after one search of it. Made of their own word lists, so that a word added to one is searched for
 * here too.
 */
const LABEL_WORDS = new RegExp(`${EXCLUDED_WORDS.source}|arbetare|${SIDE_WORDS.source}`);

/** Whether a label holds any of the words looked for anywhere in it (see LABEL_WORDS); false settles those tests. */
export function hasLabelWords(norm: string): boolean {
  return norm.includes("%") || LABEL_WORDS.test(norm);
}

/**
 * +1 for intäkter, −1 for kostnader (Summa kostnader, Personalkostnader), 0 for neither or a net row. `words`
 * false (hasLabelWords said so): 0 without a search.
 */
export function sideOf(norm: string, words = true): number {
  // Asked of every labelled row of a block, and most name neither side: one regex test rules out all five
  // words at once (measured ~3× cheaper than five substring searches).
  if (!words || !SIDE_WORDS.test(norm)) return 0;
  if (norm.includes("netto") || norm.includes("resultat")) return 0;
  if (norm.includes("intäkt")) return 1;
  if (norm.includes("kostnad") || norm.includes("utgift")) return -1;
  return 0;
}
