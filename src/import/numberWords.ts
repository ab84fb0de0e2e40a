/**
 * Swedish number words for counts the text claims ("tjugonio processmål", "etthundrafem åtaganden"), 0–199.
 * Swedish writes compounds as one word (tjugonio, hundratjugotre), so a word is read as an optional "(ett)hundra",
 * then an optional tens word, then an optional unit or teen word.
 */
const UNITS = ["noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio"];
const TEENS = ["tio", "elva", "tolv", "tretton", "fjorton", "femton", "sexton", "sjutton", "arton", "nitton"];
const TENS = ["", "", "tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio"];

function belowHundred(word: string): number | null {
  if (word === "ett") return 1;
  const unit = UNITS.indexOf(word);
  if (unit > 0) return unit;
  const teen = TEENS.indexOf(word);
  if (teen >= 0) return 10 + teen;
  for (let t = 2; t < TENS.length; t++) {
    if (!word.startsWith(TENS[t])) continue;
    const rest = word.slice(TENS[t].length);
    if (rest === "") return 10 * t;
    const u = rest === "ett" ? 1 : UNITS.indexOf(rest);
    if (u > 0) return 10 * t + u;
  }
  return null;
}

/** "tjugonio" → 29, "Hundra" → 100, "etthundrafem" → 105, "noll" → 0; anything else → null. */
export function parseSvNumberWord(text: string): number | null {
  const word = text.toLowerCase();
  if (word === "noll") return 0;
  const h = /^(ett)?hundra/.exec(word);
  if (!h) return belowHundred(word);
  const rest = word.slice(h[0].length);
  if (rest === "") return 100;
  const n = belowHundred(rest);
  return n === null ? null : 100 + n;
}

/** 0–199 in words as a Swedish text writes a count ("tjugonio", "hundraett"); the inverse of parseSvNumberWord. */
export function svNumberWord(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 199) throw new RangeError(`${n} is outside 0–199`);
  if (n >= 100) return n === 100 ? "hundra" : `hundra${svNumberWord(n - 100)}`;
  if (n < 10) return UNITS[n];
  if (n < 20) return TEENS[n - 10];
  return `${TENS[Math.floor(n / 10)]}${n % 10 ? UNITS[n % 10] : ""}`;
}
