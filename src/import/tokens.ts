/**
 * Words and numbers of a flattened document. Swedish numbers group thousands with spaces, so "139 158" is two
 * words but one number; where a table's column count is known the grouping is decided by partitioning the row's
 * number words (`partitionNumbers`), otherwise a number is one word. Layout gaps (`Token.hard`) from PDFs forbid
 * joining across a cell boundary.
 */
import { parseSvNumber, type NumberUnit } from "../plan/numbers";
import type { DocumentText, Token } from "./types";

/** Splits flattened text (one string per page) into tokens. */
export function tokenizePage(text: string, page: number): Token[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => ({ text: t, page }));
}

/** The seed format: one line per page. */
export function documentFromPageLines(text: string, source?: string): DocumentText {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
  return { pages: lines.map((line, i) => ({ page: i + 1, tokens: tokenizePage(line, i + 1) })), source };
}

/** A number word: "72", "3,4", "87%", "-1", "−19", "84,0". Not "3,4." (sentence end) nor "75," (clause). */
// A PDF table cell's figure arrives whole, its thousands groups included ("180 000", see layout.ts).
const PIECE_RE = /^[-\u2212\u2013]?(?:0|[1-9]\d*|[1-9]\d{0,2}(?: \d{3})+)(?:,\d+)? ?%?$/;
/** A continuation group of a space-grouped number: exactly three digits (maybe a decimal part on the last). */
const GROUP_RE = /^\d{3}(?:,\d+)?%?$/;

function isNumberPiece(t: string): boolean {
  return PIECE_RE.test(t);
}

/** A number piece or a thousands group ("000"): any word of a number. */
export function isNumberWord(t: string): boolean {
  return PIECE_RE.test(t) || GROUP_RE.test(t);
}

export interface NumberToken {
  value: number;
  decimals: number;
  percent: boolean;
  /** Token indexes [start, end) the number spans (a standalone "%" included). */
  start: number;
  end: number;
  text: string;
}

/**
 * Reads tokens[i] (and a following standalone "%") as one number piece without thousands grouping.
 * Returns null when tokens[i] is not a number.
 */
export function pieceAt(tokens: readonly Token[], i: number): NumberToken | null {
  const t = tokens[i]?.text;
  if (t === undefined || !isNumberPiece(t)) return null;
  let end = i + 1;
  let text = t;
  if (!t.endsWith("%") && tokens[end]?.text === "%" && !tokens[end].hard) {
    text = `${t} %`;
    end++;
  }
  const parsed = parseSvNumber(text);
  if (!parsed) return null;
  return {
    value: parsed.value,
    decimals: parsed.decimals,
    percent: parsed.unit === "percent",
    start: i,
    end,
    text,
  };
}

/** Whether `next` may continue `prev` as a thousands group ("139" + "158"). */
function canGroup(prevText: string, next: Token): boolean {
  if (next.hard) return false;
  if (prevText.includes(",") || prevText.endsWith("%")) return false;
  if (!GROUP_RE.test(next.text)) return false;
  const digits = prevText.replace(/^[-\u2212\u2013]/, "").split(" ");
  return digits[0].length <= 3 && digits.every((d, k) => k === 0 || d.length === 3);
}

/**
 * All ways to read the number words tokens[start, end) as exactly `count` numbers (thousands groups joined).
 * Returns the partitions found (at most `limit`); an empty list when none fits.
 */
export function partitionNumbers(
  tokens: readonly Token[],
  start: number,
  end: number,
  count: number,
  limit = 4,
): NumberToken[][] {
  const out: NumberToken[][] = [];
  const walk = (i: number, acc: NumberToken[]) => {
    if (out.length >= limit) return;
    if (i === end) {
      if (acc.length === count) out.push(acc.slice());
      return;
    }
    if (acc.length >= count) return;
    const first = pieceAt(tokens, i);
    if (!first || first.end > end) return;
    // Try the number ending at each possible group boundary.
    let text = tokens[i].text;
    let j = i + 1;
    const candidates: { text: string; end: number }[] = [];
    candidates.push({ text: first.text, end: first.end });
    while (j < end && !first.percent && canGroup(text, tokens[j])) {
      text = `${text} ${tokens[j].text}`;
      let e = j + 1;
      let full = text;
      if (!tokens[j].text.endsWith("%") && tokens[e]?.text === "%" && e < end) {
        full = `${text} %`;
        e++;
      }
      candidates.push({ text: full, end: e });
      if (full !== text) break;
      j++;
    }
    for (const c of candidates) {
      const parsed = parseSvNumber(c.text);
      if (!parsed) continue;
      acc.push({
        value: parsed.value,
        decimals: parsed.decimals,
        percent: parsed.unit === "percent",
        start: i,
        end: c.end,
        text: c.text,
      });
      walk(c.end, acc);
      acc.pop();
    }
  };
  walk(start, []);
  return out;
}

/** Index just past the run of number words starting at i (standalone "%" included). */
export function numberRunEnd(tokens: readonly Token[], i: number): number {
  let j = i;
  for (;;) {
    const p = pieceAt(tokens, j);
    if (p) {
      j = p.end;
      continue;
    }
    // A thousands group ("000") continues a run but never starts one.
    if (j > i && GROUP_RE.test(tokens[j]?.text ?? "")) {
      j++;
      if (tokens[j]?.text === "%") j++;
      continue;
    }
    return j;
  }
}

/** An amount with a money unit word after it: "23 150 000 kr", "387,8 mnkr", "26 500 000 kronor". */
export interface AmountToken {
  value: number;
  decimals: number;
  unit: Exclude<NumberUnit, "percent">;
  start: number;
  end: number;
  text: string;
}

const MONEY_WORD = /^(kr|kronor|tkr|mnkr|mkr)[.,;:)]*$/i;

/**
 * Reads the amount whose unit word is tokens[u] ("kr", "mnkr", "miljoner kronor" as two words), taking as
 * many thousands groups before it as form one number.
 */
export function amountEndingAt(tokens: readonly Token[], u: number): AmountToken | null {
  let unitWord = tokens[u]?.text;
  if (!unitWord) return null;
  let numEnd = u;
  let unitEnd = u + 1;
  if (/^miljoner$/i.test(unitWord) && /^(kr|kronor)[.,;:)]*$/i.test(tokens[u + 1]?.text ?? "")) {
    unitWord = "mnkr";
    unitEnd = u + 2;
  } else if (!MONEY_WORD.test(unitWord)) return null;
  // Walk back over number groups.
  let i = numEnd - 1;
  if (
    i < 0 ||
    !(isNumberPiece(tokens[i].text) || GROUP_RE.test(tokens[i].text)) ||
    tokens[i].text.endsWith("%")
  )
    return null;
  let text = tokens[i].text;
  while (
    i - 1 >= 0 &&
    /^\d{1,3}$/.test(tokens[i - 1].text) &&
    /^\d{3}(,\d+)?$/.test(text.split(" ")[0]) &&
    !tokens[i].hard
  ) {
    i--;
    text = `${tokens[i].text} ${text}`;
  }
  const parsed = parseSvNumber(text);
  if (!parsed) return null;
  const unitName = unitWord.replace(/[.,;:)]+$/, "").toLowerCase();
  const unit = unitName === "mnkr" || unitName === "mkr" ? "mnkr" : unitName === "tkr" ? "tkr" : "kr";
  numEnd = i;
  return {
    value: parsed.value,
    decimals: parsed.decimals,
    unit,
    start: numEnd,
    end: unitEnd,
    text: `${text} ${unitWord}`,
  };
}

/** Joins tokens back into text. */
export function joinTokens(tokens: readonly Token[], start = 0, end = tokens.length): string {
  return tokens
    .slice(start, end)
    .map((t) => t.text)
    .join(" ");
}

/** Finds a phrase (case-sensitive unless `fold`) as a token sequence at or after `from`; -1 if absent. */
export function findPhrase(
  tokens: readonly Token[],
  phrase: string,
  from = 0,
  to = tokens.length,
  fold = false,
): number {
  const words = phrase.split(/\s+/);
  const eq = fold
    ? (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
    : (a: string, b: string) => a === b;
  outer: for (let i = from; i + words.length <= to; i++) {
    for (let k = 0; k < words.length; k++) if (!eq(tokens[i + k].text, words[k])) continue outer;
    return i;
  }
  return -1;
}
