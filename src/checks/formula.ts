/**
 * A small parser for the formulas totals are made of: SUM(ranges…) and + − over cell references, also across
 * sheets of the same workbook. Anything else (other functions, *, /, names) is "not a sum formula" → null,
 * and the caller treats the cell by its value only.
 */

export interface RefTerm {
  sign: 1 | -1;
  /** Sheet name as written, or null for the formula's own sheet. */
  sheet: string | null;
  /** Inclusive absolute 0-based bounds. */
  r1: number;
  c1: number;
  r2: number;
  c2: number;
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
    this.terms.push({
      sign,
      sheet,
      r1: Math.min(a.row, b.row),
      c1: Math.min(a.col, b.col),
      r2: Math.max(a.row, b.row),
      c2: Math.max(a.col, b.col),
    });
  }
}

function cell(text: string): { row: number; col: number } | null {
  let i = 0;
  const s = text.toUpperCase();
  if (s[i] === "$") i++;
  let col = 0;
  const c0 = i;
  while (i < s.length && s.charCodeAt(i) >= 65 && s.charCodeAt(i) <= 90)
    col = col * 26 + (s.charCodeAt(i++) - 64);
  if (i === c0 || i - c0 > 3) return null;
  if (s[i] === "$") i++;
  let row = 0;
  const r0 = i;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57)
    row = row * 10 + (s.charCodeAt(i++) - 48);
  if (i === r0 || i !== s.length || row < 1) return null;
  return { row: row - 1, col: col - 1 };
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
  // Bounded so a long-lived process (the task pane) does not grow without end, but far above one big
  // workbook's distinct formulas: clearing at 50 000 made 1 M-cell workbooks reparse every formula each pass.
  if (parseCache.size > 1_000_000) parseCache.clear();
  parseCache.set(formula, result);
  return result;
}
