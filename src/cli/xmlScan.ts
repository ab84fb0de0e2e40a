/**
 * A fast XML scanner for the parts of an .xlsx package, on the inflated bytes: the same open/text/close events
 * as saxes gives for the well-formed, plain XML that Excel and every library write — but per cell a few
 * indexOf calls and small strings instead of saxes's character-by-character state machine, its dictionary-mode
 * attribute objects and a decoded copy of the whole part.
 *
 * It throws Unusual at anything it does not handle exactly as saxes would (comments, CDATA, a doctype,
 * processing instructions, a byte order mark, carriage returns or tabs inside text and attribute values, any
 * unknown entity, a character XML forbids, a name that is not plain ASCII, any well-formedness error): the
 * reader then reads the whole package again with saxes, so the events of the two never differ.
 */

export type Attrs = Record<string, string>;
export interface SaxHandlers {
  open(name: string, attrs: Attrs): void;
  text?(text: string): void;
  close?(name: string): void;
  /**
   * Offered every element named `c` (a cell) before its attributes are read, at the "<" that opens it: returns
   * the index just past the element when it has read the whole element itself (no events for it then), or -1
   * to have it scanned as usual. It reads only what it can read exactly as the events would have told it.
   */
  cell?(b: Buffer, at: number): number;
}

/** The part holds something only saxes reads as it should. */
export class Unusual extends Error {
  constructor(why: string) {
    super(why);
    this.name = "Unusual";
  }
}

// The bytes of XML's syntax (the sheet reader's own reading of cells uses them too).
export const LT = 0x3c;
export const GT = 0x3e;
export const SLASH = 0x2f;
const AMP = 0x26;
export const EQ = 0x3d;
export const QUOT = 0x22;
const APOS = 0x27;
const RSQB = 0x5d;

/** The XML declarations written in practice; any other goes to saxes, which checks it. */
const DECLARATION =
  /^<\?xml version=(["'])1\.0\1(?: encoding=(["'])(?:UTF-8|utf-8)\2)?(?: standalone=(["'])(?:yes|no)\3)? ?\?>$/;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
const isNameStart = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;

/** A character reference XML 1.0 allows, less the control characters (left to saxes). */
const isPlainChar = (c: number) =>
  (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

const ENTITY = /&([^;&]*);?/g;
const NAMED = new Map([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
]);

/** Entities decoded as saxes decodes them; Unusual for any other (saxes would fail on it or resolve it). */
function decodeEntities(s: string): string {
  return s.replace(ENTITY, (m, body: string) => {
    if (m[m.length - 1] !== ";") throw new Unusual("bare &");
    const named = NAMED.get(body);
    if (named !== undefined) return named;
    const hex = /^#x([0-9A-Fa-f]{1,6})$/.exec(body);
    const dec = hex ? null : /^#([0-9]{1,7})$/.exec(body);
    const code = hex ? parseInt(hex[1], 16) : dec ? parseInt(dec[1], 10) : NaN;
    if (!isPlainChar(code)) throw new Unusual(`entity ${m}`);
    return String.fromCodePoint(code);
  });
}

type Latin1 = Buffer & { latin1Slice(start: number, end: number): string };

/**
 * ASCII bytes as a string: short ones (a cell's address, style, type or number) built in place, which costs far
 * less than a call into Buffer's toString.
 */
export function latin1(b: Buffer, s: number, e: number): string {
  const f = String.fromCharCode;
  switch (e - s) {
    case 0:
      return "";
    case 1:
      return f(b[s]);
    case 2:
      return f(b[s], b[s + 1]);
    case 3:
      return f(b[s], b[s + 1], b[s + 2]);
    case 4:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3]);
    case 5:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4]);
    case 6:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5]);
    case 7:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6]);
    case 8:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7]);
    default:
      return (b as Latin1).latin1Slice(s, e);
  }
}

/** Tag and attribute names come again and again: one string each, found by a hash of the bytes, checked. */
class Names {
  private readonly map = new Map<number, string>();
  get(b: Buffer, start: number, end: number): string {
    let h = end - start;
    for (let k = start; k < end; k++) h = (h * 31 + b[k]) | 0;
    const seen = this.map.get(h);
    if (seen !== undefined && seen.length === end - start) {
      let k = 0;
      while (k < seen.length && seen.charCodeAt(k) === b[start + k]) k++;
      if (k === seen.length) return seen;
    }
    const s = latin1(b, start, end);
    if (this.map.size > 4096) this.map.clear();
    this.map.set(h, s);
    return s;
  }
}

/**
 * The characters between `start` and `end` (text, or an attribute value when `attr`), entities decoded.
 * Unusual for a character that saxes would change (a carriage return; in an attribute also a tab or line feed,
 * which it turns into spaces), reject (a control character, "]]>" in text, "<" in a value) or might decode
 * differently (a malformed UTF-8 sequence).
 */
function charsAt(b: Buffer, start: number, end: number, attr: boolean): string {
  let ascii = true;
  let amp = false;
  for (let k = start; k < end; k++) {
    const c = b[k];
    if (c < 0x20) {
      if (c !== 0x0a && c !== 0x09) throw new Unusual("control character");
      if (attr) throw new Unusual("white space in a value");
    } else if (c >= 0x80) ascii = false;
    else if (c === AMP) amp = true;
    else if (c === RSQB && !attr && k + 2 < end && b[k + 1] === RSQB && b[k + 2] === GT)
      throw new Unusual("]]>");
    else if (c === LT) throw new Unusual("< in a value");
  }
  let s: string;
  if (ascii) s = latin1(b, start, end);
  else {
    s = b.toString("utf8", start, end);
    if (/[\uFFFD\uFFFE\uFFFF]/.test(s)) throw new Unusual("not plain UTF-8");
  }
  return amp ? decodeEntities(s) : s;
}

/** The end of the name that starts at `at`; Unusual when none starts there. */
function nameEnd(b: Buffer, n: number, at: number): number {
  if (at >= n || !isNameStart(b[at])) throw new Unusual("name");
  let k = at + 1;
  while (k < n && isNameChar(b[k])) k++;
  return k;
}

/** The first byte at or after `at` that is not white space. */
function skipSpace(b: Buffer, n: number, at: number): number {
  while (at < n && isSpace(b[at])) at++;
  return at;
}

/** Scans a whole part; see the module's comment. */
export function scanXml(b: Buffer, h: SaxHandlers): void {
  const n = b.length;
  const names = new Names();
  const stack: string[] = [];
  let rootSeen = false;
  let i = 0;
  if (n >= 5 && b[0] === LT && b[1] === 0x3f && b.toString("latin1", 2, 5) === "xml") {
    const end = b.indexOf("?>", 5, "latin1");
    if (end < 0 || !DECLARATION.test(b.toString("latin1", 0, end + 2))) throw new Unusual("XML declaration");
    i = end + 2;
  }
  while (i < n) {
    // A loop of our own finds the next tag: far cheaper than Buffer's indexOf per call for texts this short.
    let lt = i;
    while (lt < n && b[lt] !== LT) lt++;
    if (lt > i) {
      if (stack.length === 0) {
        // Outside the root only white space, which saxes hands on too, its line ends made line feeds.
        if (skipSpace(b, n, i) < lt) throw new Unusual("text outside the root");
        if (h.text) h.text(latin1(b, i, lt).replace(/\r\n?/g, "\n"));
      } else {
        const t = charsAt(b, i, lt, false);
        if (h.text) h.text(t);
      }
    }
    if (lt === n) break;
    const c = b[lt + 1];
    if (c === SLASH) {
      const e = nameEnd(b, n, lt + 2);
      const name = names.get(b, lt + 2, e);
      const gt = skipSpace(b, n, e);
      if (b[gt] !== GT || stack.pop() !== name) throw new Unusual("end tag");
      if (h.close) h.close(name);
      i = gt + 1;
      continue;
    }
    if (rootSeen && stack.length === 0) throw new Unusual("a second root");
    if (c === 0x63 && h.cell !== undefined && stack.length > 0) {
      const end = h.cell(b, lt);
      if (end >= 0) {
        i = end;
        continue;
      }
    }
    // Comments, CDATA, a doctype, processing instructions: nameEnd refuses "!" and "?".
    const e = nameEnd(b, n, lt + 1);
    const name = names.get(b, lt + 1, e);
    const attrs: Attrs = {};
    let j = e;
    let selfClosing = false;
    for (;;) {
      const k = skipSpace(b, n, j);
      if (b[k] === GT) {
        j = k + 1;
        break;
      }
      if (b[k] === SLASH && b[k + 1] === GT) {
        selfClosing = true;
        j = k + 2;
        break;
      }
      if (k === j) throw new Unusual("attribute");
      const ae = nameEnd(b, n, k);
      const attr = names.get(b, k, ae);
      const eq = skipSpace(b, n, ae);
      if (b[eq] !== EQ) throw new Unusual("attribute");
      const q = skipSpace(b, n, eq + 1);
      if (b[q] !== QUOT && b[q] !== APOS) throw new Unusual("attribute");
      const quote = b[q];
      let close = q + 1;
      while (close < n && b[close] !== quote) close++;
      if (close === n || attr === "__proto__" || attrs[attr] !== undefined) throw new Unusual("attribute");
      attrs[attr] = charsAt(b, q + 1, close, true);
      j = close + 1;
    }
    rootSeen = true;
    h.open(name, attrs);
    if (selfClosing) {
      if (h.close) h.close(name);
    } else stack.push(name);
    i = j;
  }
  if (!rootSeen || stack.length > 0) throw new Unusual("no root or an unclosed element");
}
