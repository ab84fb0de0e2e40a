/**
 * A small parser for the formulas totals are made of: SUM(ranges…) and + − over cell references, also across
 * sheets of the same workbook. Anything else (other functions, *, /, names) is "not a sum formula" → null,
 * and the caller treats the cell by its value only.
 */
import { type Area, parseA1 as cell, spanArea } from "../model/address";

/** A referenced area (inclusive absolute 0-based bounds), added or subtracted. */
export interface RefTerm extends Area {
  sign: 1 | -1;
  /** Sheet name as written, or null for the formula's own sheet. */
  sheet: string | null;
}

export interface SumFormula {
  terms: RefTerm[];
  /** Sum of numeric constants in the formula (=B3+100). */
  constant: number;
  /** True when some term is subtracted. */
  hasMinus: boolean;
  /** True when the formula uses SUM(…) at all. */
  usesSum: boolean;
  /** SUBTOTAL(9, …): cells in its ranges that are SUBTOTALs themselves do not count. */
  subtotal: boolean;
}

class Fail extends Error {}

const SUM_NAMES = new Set(["SUM", "SUMMA", "_XLFN.SUM"]);
const SUBTOTAL_NAMES = new Set(["SUBTOTAL", "DELSUMMA"]);

class Parser {
  pos = 0;
  terms: RefTerm[] = [];
  constant = 0;
  hasMinus = false;
  usesSum = false;
  subtotal = false;
  constructor(readonly s: string) {}

  ws(): void {
    while (this.pos < this.s.length && (this.s[this.pos] === " " || this.s[this.pos] === "\n")) this.pos++;
  }
  peek(): string {
    this.ws();
    return this.s[this.pos] ?? "";
  }

  expr(sign: 1 | -1): void {
    let op = this.peek();
    let cur: 1 | -1 = sign;
    if (op === "+" || op === "-") {
      this.pos++;
      if (op === "-") cur = (cur * -1) as 1 | -1;
    }
    this.atom(cur);
    for (;;) {
      op = this.peek();
      if (op !== "+" && op !== "-") return;
      this.pos++;
      this.atom(op === "-" ? ((sign * -1) as 1 | -1) : sign);
    }
  }

  atom(sign: 1 | -1): void {
    if (sign < 0) this.hasMinus = true;
    const ch = this.peek();
    if (ch === "(") {
      this.pos++;
      this.expr(sign);
      if (this.peek() !== ")") throw new Fail();
      this.pos++;
      return;
    }
    if ((ch >= "0" && ch <= "9") || ch === ".") {
      const m = /^\d+(\.\d+)?/.exec(this.s.slice(this.pos));
      if (!m) throw new Fail();
      this.pos += m[0].length;
      // A number directly followed by ":" is a row range (3:5): not supported.
      if (this.s[this.pos] === ":") throw new Fail();
      this.constant += sign * Number(m[0]);
      return;
    }
    let sheet: string | null = null;
    if (ch === "'") {
      let name = "";
      this.pos++;
      for (;;) {
        if (this.pos >= this.s.length) throw new Fail();
        const c = this.s[this.pos++];
        if (c === "'") {
          if (this.s[this.pos] === "'") {
            name += "'";
            this.pos++;
          } else break;
        } else name += c;
      }
      if (this.s[this.pos] !== "!") throw new Fail();
      this.pos++;
      sheet = name;
    }
    const start = this.pos;
    while (this.pos < this.s.length && /[A-Za-z0-9_.$\u00c0-\u024f]/.test(this.s[this.pos])) this.pos++;
    const word = this.s.slice(start, this.pos);
    if (!word) throw new Fail();
    if (sheet === null && this.s[this.pos] === "!") {
      this.pos++;
      sheet = word;
      return this.ref(sign, sheet, this.cellWord());
    }
    if (sheet === null && this.peek() === "(") {
      const name = word.toUpperCase();
      if (SUBTOTAL_NAMES.has(name)) {
        // SUBTOTAL(9 | 109, ranges…) sums like SUM but leaves out other SUBTOTAL cells in its ranges.
        this.pos++;
        const m = /^\s*(9|109)\s*[,;]/.exec(this.s.slice(this.pos));
        if (!m) throw new Fail();
        this.pos += m[0].length;
        this.subtotal = true;
        this.usesSum = true;
        return this.args(sign);
      }
      if (!SUM_NAMES.has(name)) throw new Fail();
      this.usesSum = true;
      this.pos++;
      if (this.peek() === ")") {
        this.pos++;
        return;
      }
      return this.args(sign);
    }
    this.ref(sign, sheet, word);
  }

  /** A function's argument list after its "(": expressions separated by , or ; up to the closing ")". */
  args(sign: 1 | -1): void {
    for (;;) {
      this.expr(sign);
      const sep = this.peek();
      if (sep === "," || sep === ";") {
        this.pos++;
        continue;
      }
      if (sep === ")") {
        this.pos++;
        return;
      }
      throw new Fail();
    }
  }

  cellWord(): string {
    const start = this.pos;
    while (this.pos < this.s.length && /[A-Za-z0-9$]/.test(this.s[this.pos])) this.pos++;
    return this.s.slice(start, this.pos);
  }

  ref(sign: 1 | -1, sheet: string | null, first: string): void {
    const a = cell(first);
    if (!a) throw new Fail();
    let b = a;
    if (this.s[this.pos] === ":") {
      this.pos++;
      const second = this.cellWord();
      const q = cell(second);
      if (!q) throw new Fail();
      b = q;
    }
    this.terms.push({ sign, sheet, ...spanArea(a, b) });
  }
}

const parseCache = new Map<string, SumFormula | null>();

/** True for a SUBTOTAL(9|109, …) formula, which Excel leaves out of another SUBTOTAL's sum. */
export function isSubtotalFormula(formula: string | null | undefined): boolean {
  if (!formula) return false;
  const p = parseSumFormula(formula);
  return p !== null && p.subtotal;
}

/** Parses "=SUM(B3:B9)", "=B3+B4-B5", "=SUM(Avd!B3:B9)+'Blad 2'!C4"; null for anything else. */
export function parseSumFormula(formula: string): SumFormula | null {
  const cached = parseCache.get(formula);
  if (cached !== undefined) return cached;
  let result: SumFormula | null = null;
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  if (text.trim()) {
    const p = new Parser(text);
    try {
      p.expr(1);
      p.ws();
      if (p.pos === text.length && p.terms.length > 0)
        result = {
          terms: p.terms,
          constant: p.constant,
          hasMinus: p.hasMinus,
          usesSum: p.usesSum,
          subtotal: p.subtotal,
        };
    } catch (e) {
      if (!(e instanceof Fail)) throw e;
    }
  }
  // Bounded so a long-lived process (the task pane) does not grow without end, but above one big workbook's
  // distinct formulas: clearing at 50 000 made some 1 M-cell workbooks reparse every formula each pass.
  if (parseCache.size >= 100_000) parseCache.clear();
  parseCache.set(formula, result);
  return result;
}

/** A SUMIFS (or SUMIF) over ranges of the formula's own sheet: the range it adds and its criteria. */
export interface SumIfs {
  sum: RefTerm;
  criteria: { range: RefTerm; criterion: string | number }[];
}

const SUMIFS_HEAD = /^=?\s*(?:_xlfn\.)?(SUMIFS|SUMIF|SUMMA\.OMF|SUMMA\.OM)\s*\(/i;

/** Splits a function's argument text at top-level , or ; (not inside quotes or parentheses). */
function splitArgs(s: string): string[] | null {
  const out: string[] = [];
  let depth = 0,
    quoted = false,
    start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if ((ch === "," || ch === ";") && depth === 0) {
      out.push(s.slice(start, i).trim());
      start = i + 1;
    }
    if (depth < 0) return null;
  }
  if (quoted || depth !== 0) return null;
  out.push(s.slice(start).trim());
  return out;
}

function rangeTerm(text: string): RefTerm | null {
  const m = /^(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?$/.exec(text);
  if (!m) return null;
  const a = cell(m[1]);
  const b = m[2] ? cell(m[2]) : a;
  if (!a || !b) return null;
  return { sign: 1, sheet: null, ...spanArea(a, b) };
}

const sumIfsCache = new Map<string, SumIfs | null>();

/**
 * Parses =SUMIFS(D3:D17,C3:C17,"Subsubtotal",D3:D17,">=0") and =SUMIF(C3:C17,"Subsubtotal",D3:D17) over ranges
 * of its own sheet with literal criteria; null for anything else.
 */
export function parseSumIfs(formula: string): SumIfs | null {
  const cached = sumIfsCache.get(formula);
  if (cached !== undefined) return cached;
  let result: SumIfs | null = null;
  const head = SUMIFS_HEAD.exec(formula);
  const body = head ? formula.slice(head[0].length).trimEnd() : "";
  if (head && body.endsWith(")")) {
    const args = splitArgs(body.slice(0, -1));
    const literal = (t: string): string | number | null =>
      /^"[^"]*"$/.test(t) ? t.slice(1, -1) : /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
    if (args) {
      const ifs = head[1].toUpperCase().endsWith("S") || head[1].toUpperCase() === "SUMMA.OMF";
      const ranges: RefTerm[] = [];
      const crits: (string | number)[] = [];
      let ok = true;
      if (ifs && args.length >= 3 && args.length % 2 === 1) {
        const sum = rangeTerm(args[0]);
        if (!sum) ok = false;
        for (let i = 1; ok && i < args.length; i += 2) {
          const r = rangeTerm(args[i]);
          const c = literal(args[i + 1]);
          if (!r || c === null) ok = false;
          else {
            ranges.push(r);
            crits.push(c);
          }
        }
        if (ok && sum) result = { sum, criteria: ranges.map((range, i) => ({ range, criterion: crits[i] })) };
      } else if (!ifs && (args.length === 2 || args.length === 3)) {
        const r = rangeTerm(args[0]);
        const c = literal(args[1]);
        const sum = args.length === 3 ? rangeTerm(args[2]) : r;
        if (r && c !== null && sum) result = { sum, criteria: [{ range: r, criterion: c }] };
      }
    }
  }
  if (sumIfsCache.size > 50_000) sumIfsCache.clear();
  sumIfsCache.set(formula, result);
  return result;
}

/**
 * Whether a cell meets a SUMIFS criterion, as Excel decides it: a comparison with a number (">=0", "<0", 5), or a
 * text equal to the cell's text case-insensitively (* and ? as wildcards); null when the criterion is not one of
 * these (the caller then cannot know the result).
 */
export function meetsCriterion(v: unknown, criterion: string | number): boolean | null {
  if (typeof criterion === "number") return typeof v === "number" && v === criterion;
  const cmp = /^(<=|>=|<>|<|>|=)?\s*(-?\d+(?:\.\d+)?)$/.exec(criterion.trim());
  if (cmp) {
    const n = Number(cmp[2]);
    const op = cmp[1] ?? "=";
    if (typeof v !== "number") return op === "<>";
    switch (op) {
      case "<=":
        return v <= n;
      case ">=":
        return v >= n;
      case "<":
        return v < n;
      case ">":
        return v > n;
      case "<>":
        return v !== n;
      default:
        return v === n;
    }
  }
  if (/^[<>=]/.test(criterion) || criterion === "") return null;
  if (typeof v !== "string") return false;
  const pattern = criterion
    .toLowerCase()
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${pattern}$`).test(v.trim().toLowerCase());
}
