/**
 * Text normalisation for matching what users type against plan titles: case- and diacritic-insensitive
 * (å→a, ä→a, ö→o, é→e), Swedish stop words dropped, light suffix stripping for inflected query words.
 * Host-free; used by goal and budget-line lookup.
 */

/** Lower case, diacritics removed, runs of whitespace collapsed: "  Förtätning  AV " → "fortatning av". */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Words (letters and digits) of a folded text; punctuation separates words ("FN:s" → fn, s). */
export function words(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Swedish function words that say nothing about which goal is meant (already folded: på → pa).
 * "o" is the documents' abbreviation of "och" ("Ekonomi o kvalitet").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  "och",
  "o",
  "i",
  "pa",
  "att",
  "ska",
  "skall",
  "till",
  "for",
  "den",
  "det",
  "de",
  "dem",
  "som",
  "av",
  "med",
  "om",
  "hos",
  "per",
  "ar",
  "en",
  "ett",
  "vara",
  "inom",
  "vid",
  "fran",
  "sin",
  "sina",
  "sitt",
  "sig",
  "har",
  "kan",
  "far",
  "nar",
  "dar",
  "alla",
  "the",
  "of",
  "and",
]);

/** The words of a text that carry meaning: folded, stop words dropped. */
export function contentWords(text: string): string[] {
  return words(text).filter((w) => !STOP_WORDS.has(w));
}

/**
 * Inflection endings (folded), longest first: definite and plural forms, genitive -s.
 * Stripping only shortens a query word, and only down to MIN_STEM letters, so "HR" or "ar" stay as typed.
 */
const SUFFIXES = [
  "arnas",
  "ernas",
  "ornas",
  "arna",
  "erna",
  "orna",
  "heten",
  "andet",
  "andes",
  "aren",
  "ande",
  "ende",
  "ens",
  "ets",
  "en",
  "et",
  "ar",
  "er",
  "or",
  "na",
  "a",
  "e",
  "n",
  "s",
];
const MIN_STEM = 4;

/** Light Swedish stemming of one folded word: "sjukfranvaron" → "sjukfranvaro", "foretagen" → "foretag". */
export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= MIN_STEM && word.endsWith(suffix)) {
      return word.slice(0, word.length - suffix.length);
    }
  }
  return word;
}

/** Text closed as a sentence: a full stop added unless it already ends in one (a note "Fastställs senare"). */
export function endSentence(text: string): string {
  const t = text.trimEnd();
  return /[.!?]["”)]?$/.test(t) ? t : `${t}.`;
}
