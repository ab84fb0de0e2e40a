/**
 * The CLI's .xlsx reader: streams the zip parts (yauzl, Node's zlib) through a SAX parser (saxes) straight into
 * the host-neutral WorkbookSnapshot, without ExcelJS's in-memory model of every cell, style and row.
 *
 * It reads what the checks see — values, cached formula results, formulas (shared formulas translated), number
 * formats, dates (as serials), rich text, errors, merged areas, hidden rows and columns, tables — and gives the
 * same snapshot as the ExcelJS reader it replaces (src/cli/xlsxExcelJS.ts, kept for the parity test). Where
 * ExcelJS's reading has an odd rule the checks' findings depend on, it is kept and marked "ExcelJS parity".
 *
 * Memory: one pass per sheet; per row a few small arrays; shared strings and number formats are one string
 * each (every cell refers to the same one); error values are one object per error code; rows without any
 * formula (or format, or value) share one frozen all-null row, and rows of formats alike one frozen row; texts
 * are copied out of the XML they were parsed from (see own()).
 */
import { readFile } from "node:fs/promises";
import { posix } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { inflateRawSync } from "node:zlib";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { fromBuffer, type Entry, type ZipFile } from "yauzl";
import { EQ, GT, latin1, LT, QUOT, scanXml, SLASH, Unusual, type Attrs, type SaxHandlers } from "./xmlScan";
import type { CellError, CellValue, SheetSnapshot, WorkbookSnapshot } from "../model/types";
import { a1, columnName } from "../model/address";

/** Something in the package cannot be read: the caller turns it into the "corrupt" reason. */
class XlsxFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxFormatError";
  }
}

// ---------------------------------------------------------------------------------------------------------
// Zip

/**
 * The whole package in memory (compressed, a few MB even for a million cells): every part is then inflated in
 * one synchronous call instead of a chain of stream callbacks through the thread pool, which on a busy machine
 * spent more time waiting than inflating.
 */
async function openZipFile(path: string): Promise<ZipFile> {
  const buffer = await readFile(path);
  return new Promise((resolve, reject) =>
    fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (err, zip) =>
      err || !zip ? reject(err ?? new Error("zip")) : resolve(zip),
    ),
  );
}

/** A part's bytes, inflated. */
function partBytes(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, { decodeFileData: false }, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error("zip stream"));
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.once("error", reject);
      stream.once("end", () => {
        try {
          const raw = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
          let bytes: Buffer;
          if (entry.compressionMethod === 0) bytes = raw;
          else if (entry.compressionMethod === 8)
            // No further than the size the zip states: a part that inflates to more is damaged, and one made to
            // inflate to gigabytes (a zip bomb) stops there instead of filling the memory.
            bytes = inflateRawSync(raw, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
          else throw new Error(`unsupported zip compression method ${entry.compressionMethod}`);
          if (bytes.length !== entry.uncompressedSize) throw new Error(`${entry.fileName}: wrong size`);
          resolve(bytes);
        } catch (e) {
          reject(e as Error);
        }
      });
    });
  });
}

function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, Entry>();
    zip.on("entry", (e: Entry) => {
      const name = e.fileName.replace(/^\/+/, "");
      if (!name.endsWith("/") && !out.has(name)) out.set(name, e);
      zip.readEntry();
    });
    zip.once("end", () => resolve(out));
    zip.once("error", reject);
    zip.readEntry();
  });
}

/** Packages being read again with saxes because the fast scanner found something unusual in one of their parts. */
const VIA_SAXES = new WeakSet<ZipFile>();

/** How much text saxes gets at a time: the part's string is never whole in memory. */
const SLICE = 1 << 18;

/** Parses one zip part: with the fast scanner (./xmlScan), or saxes once it has refused the package. */
async function parsePart(zip: ZipFile, entry: Entry, h: SaxHandlers): Promise<void> {
  const bytes = await partBytes(zip, entry);
  if (!VIA_SAXES.has(zip)) return scanXml(bytes, h);
  const parser = new SaxesParser();
  let failed: Error | null = null;
  parser.on("error", (e) => {
    failed ??= e;
  });
  parser.on("opentag", (node) => h.open(node.name, (node as SaxesTagPlain).attributes as Attrs));
  if (h.text) parser.on("text", (t) => h.text!(t));
  if (h.close) parser.on("closetag", (node) => h.close!(node.name));
  // UTF-8 decoded slice by slice (a character split between slices is kept whole).
  const decoder = new StringDecoder("utf8");
  for (let at = 0; at < bytes.length && !failed; at += SLICE) {
    parser.write(decoder.write(bytes.subarray(at, Math.min(at + SLICE, bytes.length))));
  }
  if (!failed) parser.write(decoder.end());
  if (!failed) parser.close();
  if (failed) throw failed;
}

// ---------------------------------------------------------------------------------------------------------
// Small parts: relationships, workbook, shared strings, styles, tables

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const relsPathOf = (part: string) => posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`);

function resolveTarget(base: string, target: string): string {
  const t = target.trim().replace(/\\/g, "/");
  if (t.startsWith("/")) return posix.normalize(t.slice(1));
  return posix.normalize(posix.join(posix.dirname(base), t));
}

async function readRels(zip: ZipFile, entries: Map<string, Entry>, part: string): Promise<Map<string, Rel>> {
  const rels = new Map<string, Rel>();
  const entry = entries.get(relsPathOf(part));
  if (!entry) return rels;
  await parsePart(zip, entry, {
    open(name, a) {
      if (name !== "Relationship" || !a.Id || a.Target === undefined) return;
      rels.set(a.Id, {
        id: a.Id,
        type: a.Type ?? "",
        target: a.Target,
        external: a.TargetMode === "External",
      });
    },
  });
  return rels;
}

/**
 * A string of its own. The parser's texts are slices of the 256 KB piece of XML they came from, and V8 keeps
 * the whole piece alive for as long as any slice of it lives: a sheet's few formulas kept all of its XML in
 * memory. Joining and slicing again copies the characters into a string just as long.
 */
function own(s: string): string {
  return s.length < 13 ? s : (s + " ").slice(0, -1);
}

/** ExcelJS decodes _xHHHH_ escapes in shared strings and rich-text runs (not in inline strings). */
const decodeX = (s: string) =>
  s.indexOf("_x") < 0
    ? s
    : s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

/** ExcelJS parity: a second entity decoding of `str` values (the XML parser has decoded them once). */
const xmlDecode = (s: string) =>
  s.indexOf("&") < 0
    ? s
    : s.replace(/&([a-z]*);/g, (c) =>
        c === "&lt;"
          ? "<"
          : c === "&gt;"
            ? ">"
            : c === "&amp;"
              ? "&"
              : c === "&apos;"
                ? "'"
                : c === "&quot;"
                  ? '"'
                  : c,
      );

/** The shared strings part's reading, its state in fields (see SheetReader for why not closures). */
class SharedStringsReader implements SaxHandlers {
  readonly out: (string | null)[] = [];
  depth = 0; // inside <si>
  value: string | null = null;
  runs: string[] | null = null;
  inRun = false;
  inPhonetic = false;
  textParts: string[] | null = null;
  runText: string | undefined = undefined;

  open(name: string): void {
    if (name === "si") {
      this.depth = 1;
      this.value = null;
      this.runs = null;
    } else if (!this.depth) return;
    else if (name === "rPh") this.inPhonetic = true;
    else if (this.inPhonetic) return;
    else if (name === "r") {
      this.inRun = true;
      this.runText = undefined;
    } else if (name === "t") this.textParts = [];
  }

  text(t: string): void {
    if (this.textParts) this.textParts.push(t);
  }

  close(name: string): void {
    if (!this.depth) return;
    if (name === "rPh") this.inPhonetic = false;
    else if (this.inPhonetic) return;
    else if (name === "t" && this.textParts) {
      const s = own(decodeX(this.textParts.join("")));
      this.textParts = null;
      if (this.inRun) this.runText = s;
      else this.value = s;
    } else if (name === "r") {
      this.inRun = false;
      (this.runs ??= []).push(this.runText === undefined ? "undefined" : this.runText);
    } else if (name === "si") {
      this.depth = 0;
      this.out.push(this.runs ? this.runs.join("") : this.value);
    }
  }
}

/**
 * A shared string: its text, or for rich text the runs' texts (a run without text counts as "undefined", as
 * ExcelJS joins them), or null for an empty <si/>.
 */
async function readSharedStrings(zip: ZipFile, entry: Entry): Promise<(string | null)[]> {
  const r = new SharedStringsReader();
  await parsePart(zip, entry, r);
  return r.out;
}

/** Built-in number formats ExcelJS names (the others have no code and count as General). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Per cell style (cellXfs index): its number format code, or undefined for none. */
async function readStyles(zip: ZipFile, entry: Entry): Promise<(string | undefined)[]> {
  const codes = new Map<number, string>();
  const xfs: number[] = [];
  let inXfs = false;
  let nested = 0;
  await parsePart(zip, entry, {
    open(name, a) {
      if (name === "numFmt" && a.formatCode !== undefined)
        codes.set(parseInt(a.numFmtId, 10), a.formatCode.replace(/[\\](.)/g, "$1"));
      else if (name === "cellXfs") inXfs = true;
      else if (inXfs && name === "xf") {
        if (nested === 0) xfs.push(parseInt(a.numFmtId, 10));
        nested++;
      }
    },
    close(name) {
      if (name === "cellXfs") inXfs = false;
      else if (inXfs && name === "xf") nested--;
    },
  });
  return xfs.map((id) => (id ? (codes.get(id) ?? BUILTIN_FORMATS[id]) : undefined));
}

/** ExcelJS's test for a date format: y, m, d, h, s or b outside quotes and brackets. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** Days between Excel's epoch (1899-12-30) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

/** ExcelJS reads a date cell as a Date rounded to the millisecond; the snapshot holds it as a serial again. */
function dateOf(v: unknown, date1904: boolean): Date {
  return new Date(
    Math.round(((v as number) - EXCEL_EPOCH_OFFSET + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000),
  );
}
function serialOf(d: Date): number | null {
  const t = d.getTime();
  return Number.isNaN(t) ? null : t / 86_400_000 + EXCEL_EPOCH_OFFSET;
}

// ---------------------------------------------------------------------------------------------------------
// Sheets

const ERRORS = new Map<string, CellError>();
/** One object per error code: many #N/A cells share one. */
function errorOf(code: string): CellError {
  let e = ERRORS.get(code);
  if (!e) ERRORS.set(own(code), (e = { error: own(code) }));
  return e;
}

/**
 * Column letters from `start` → 1-based number (ExcelJS's A–XFD); NaN for none or past XFD. `whole`: the letters
 * run to the end of the text (NaN at anything else); otherwise they end at the first non-letter (a row follows).
 */
function lettersColumn(text: string, start: number, whole: boolean): number {
  let n = 0;
  let i = start;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) {
      if (whole) return NaN;
      break;
    }
    n = n * 26 + (c - 96);
  }
  return i > start && n <= 16384 ? n : NaN;
}

/** A column's letters → 1-based number; NaN for anything else. */
function colNumber(letters: string): number {
  return lettersColumn(letters, 0, true);
}

/**
 * The column of a cell's address ("B12", "$B$12"): the letters after an optional $, read in place (a regular
 * expression per cell made a match array and the letters' string).
 */
function refColumn(ref: string): number {
  return lettersColumn(ref, ref.charCodeAt(0) === 0x24 ? 1 : 0, false);
}

const ADDRESS = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
function decodeAddress(ref: string): { row: number; col: number } | null {
  const m = ADDRESS.exec(ref.trim());
  if (!m) return null;
  const col = colNumber(m[1]);
  const row = parseInt(m[2], 10);
  return Number.isNaN(col) ? null : { row, col };
}

/** ExcelJS's slideFormula: moves a shared formula's relative references from its master to a cell. */
const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;
function slideFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }) {
  return formula.replace(
    CANDIDATE,
    (ref, sheet: string | undefined, _s, addr: string, paren: string | undefined) => {
      if (paren) return ref;
      const m = CELL_REF.exec(addr);
      if (!m) return ref;
      const letters = m[2].toUpperCase();
      if (letters.length > 3 || (letters.length === 3 && letters > "XFD")) return ref;
      let col = colNumber(letters);
      let row = parseInt(m[4], 10);
      if (!m[1]) col += to.col - from.col;
      if (!m[3]) row += to.row - from.row;
      if (!(col >= 1 && col <= 16384)) throw new XlsxFormatError(`column ${col} out of bounds`);
      return (sheet ?? "") + (m[1] ?? "") + columnName(col - 1) + (m[3] ?? "") + row;
    },
  );
}

/** ExcelJS parity: the text a hyperlinked cell's value becomes. */
function hyperlinkText(t: unknown): string | null {
  if (t === null || t === undefined) return null;
  if (typeof t === "string") return t;
  if (typeof t === "object" && Array.isArray((t as { richText?: unknown }).richText))
    return ((t as { richText: string[] }).richText as string[]).join("");
  return String(t);
}

/** A cell as read, before merges and hyperlinks (which come after the cells in the sheet's XML) apply. */
interface RowCells {
  row: number; // 0-based
  cols: number[]; // 0-based
  values: CellValue[];
  formulas: (string | null)[];
  formats: (string | null)[];
  /**
   * Only where the sheet has hyperlinks: the value ExcelJS would turn into the link's text (a Date, a number, a
   * formula's result…).
   */
  raw: unknown[] | null;
}

/** A formula cell's cached result, as kept for a hyperlink. */
class Cached {
  constructor(readonly result: unknown) {}
}

export interface SheetContext {
  strings: (string | null)[] | null;
  formats: (string | undefined)[] | null;
  /** Per style: whether its format is a date format. */
  dates: boolean[];
  date1904: boolean;
}

interface SheetPart {
  name: string;
  path: string;
}

interface ParsedSheet {
  rows: Map<number, RowCells>;
  hiddenRows: Map<number, boolean>;
  cols: { min: number; max: number; hidden: boolean }[];
  merges: string[];
  hyperlinks: { ref: string; rId: string | undefined }[];
  tableRIds: string[];
  /** The cells of shared formulas other than the master: the master's address, resolved at the end. */
  slaves: { r0: number; c0: number; from: string }[];
}

/** A formula's cached result as ExcelJS types it, or undefined for none. */
function formulaResult(t: string | undefined, v: string | undefined, isDate: boolean, ctx: SheetContext) {
  if (!v) return undefined;
  let r: unknown;
  if (t === "str") r = own(xmlDecode(v));
  else if (t === "b") r = parseInt(v, 10) !== 0;
  else if (t === "e") r = { error: v };
  else r = parseFloat(v);
  if (isDate) r = dateOf(r, ctx.date1904);
  return r;
}

/** A cached result → snapshot value (today's plainValue on ExcelJS's result). */
function resultValue(r: unknown): CellValue {
  // ExcelJS parity: a formula cell's value object drops a falsy result (0, false, ""), so it reads as not cached.
  if (!r) return null;
  if (typeof r === "number") return Number.isFinite(r) ? r : errorOf("#NUM!");
  if (typeof r === "string" || typeof r === "boolean") return r;
  if (r instanceof Date) return serialOf(r);
  const o = r as { error?: unknown };
  if (typeof o.error === "string") return errorOf(o.error);
  return null;
}

const BLANK = 0x20;

/** The characters of a number's text: digits, ".", "-", "+", "E", "e". */
const isNumberChar = (c: number) =>
  (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || c === 0x2b || c === 0x45 || c === 0x65;

/**
 * What a formula read straight from the bytes may hold: printable ASCII but "<" (its end), "&" (an entity) and "]"
 * (which "]]>" would start).
 */
const isFormulaChar = (c: number) => c >= 0x20 && c <= 0x7e && c !== LT && c !== 0x26 && c !== 0x5d;

const C = 0x63;
const F = 0x66;
const V = 0x76;

/** The one-letter end tag `</x>` (x the byte `name`) at `e`. */
const closes = (b: Buffer, e: number, name: number) =>
  b[e] === LT && b[e + 1] === SLASH && b[e + 2] === name && b[e + 3] === GT;

/**
 * Puts a cell into its row; a cell twice in one row (which no program writes, but a file may hold): the last
 * one wins. `raw` only matters where the row keeps raw values (a sheet with hyperlinks).
 */
function place(
  row: RowCells,
  c0: number,
  value: CellValue,
  formula: string | null,
  fmt: string | undefined,
  raw: unknown,
): void {
  let i = row.cols.length;
  if (i > 0 && row.cols[i - 1] >= c0) {
    const at = row.cols.indexOf(c0);
    if (at >= 0) i = at;
    else {
      i = row.cols.findIndex((x) => x > c0);
      row.cols.splice(i, 0, c0);
      row.values.splice(i, 0, null);
      row.formulas.splice(i, 0, null);
      row.formats.splice(i, 0, null);
      row.raw?.splice(i, 0, null);
    }
  }
  row.cols[i] = c0;
  row.values[i] = value;
  row.formulas[i] = formula;
  row.formats[i] = typeof fmt === "string" && fmt !== "General" ? fmt : null;
  if (row.raw) row.raw[i] = raw;
}

/**
 * One sheet part's reading: the state of the current row and cell in fields of one object, the events as its
 * prototype's methods. An engine compiles these methods once and keeps the code for every sheet of every file
 * (closures made anew per sheet were compiled again for each, specialised to that sheet's context). Once the
 * part is read, the reader is the ParsedSheet itself.
 */
export class SheetReader implements SaxHandlers, ParsedSheet {
  readonly rows = new Map<number, RowCells>();
  readonly hiddenRows = new Map<number, boolean>();
  readonly cols: ParsedSheet["cols"] = [];
  readonly merges: string[] = [];
  readonly hyperlinks: ParsedSheet["hyperlinks"] = [];
  readonly tableRIds: string[] = [];
  readonly shared = new Map<string, string | undefined>(); // si → master address
  readonly slaves: ParsedSheet["slaves"] = [];

  where = 0; // 1 sheetData, 2 cols, 3 mergeCells, 4 hyperlinks, 5 tableParts
  row: RowCells | null = null;
  rowNumber = NaN;
  prevCol = 0;
  // The current <c>.
  inCell = false;
  ref: string | undefined = undefined;
  cType: string | undefined = undefined;
  styleId = 0;
  fText: string | undefined = undefined;
  fType: string | undefined = undefined;
  fRef: string | undefined = undefined;
  fSi: string | undefined = undefined;
  vText: string | undefined = undefined;
  current = 0; // 1 <f>, 2 <v>/<t>, 3 a run's <t>
  rich: string[] | null = null;
  inRun = false;
  runParts: string[] | null = null;
  runText: string | undefined = undefined;
  // A plain cell's value and what ExcelJS would hold for it (see plainCell).
  value: CellValue = null;
  raw: unknown = null;

  constructor(
    readonly ctx: SheetContext,
    readonly keepRaw: boolean,
  ) {}

  /** Sets value and raw for a non-formula cell: ExcelJS's cell parse and reconcile, then today's snapshot conversion. */
  plainCell(t: string | undefined, v: string | undefined, rich: string[] | null, isDate: boolean): void {
    if (rich !== null) {
      // Rich text inline (<is><r>…</r></is>).
      this.value = own(rich.join(""));
      this.raw = { richText: rich };
      return;
    }
    const ctx = this.ctx;
    switch (t) {
      case "s": {
        const index = parseInt(v as string, 10);
        if (!ctx.strings) {
          this.value = Number.isFinite(index) ? index : errorOf("#NUM!");
          this.raw = index;
          return;
        }
        if (!(index >= 0 && index < ctx.strings.length))
          throw new XlsxFormatError(`shared string ${v} does not exist`);
        const s = ctx.strings[index];
        this.value = s;
        this.raw = s ?? {};
        return;
      }
      case "str": {
        const s = own(xmlDecode(v as string));
        this.value = s;
        this.raw = s;
        return;
      }
      case "inlineStr": {
        const s = own(v as string);
        this.value = s;
        this.raw = s;
        return;
      }
      case "b": {
        const b = parseInt(v as string, 10) !== 0;
        this.value = b;
        this.raw = b;
        return;
      }
      case "e":
        this.value = errorOf(v as string);
        this.raw = { error: v };
        return;
      default: {
        const n = parseFloat(v as string);
        if (isDate) {
          const d = dateOf(n, ctx.date1904);
          this.value = serialOf(d);
          this.raw = d;
          return;
        }
        this.value = Number.isFinite(n) ? n : errorOf("#NUM!");
        this.raw = n;
      }
    }
  }

  closeCell(): void {
    const row = this.row;
    if (!row || !Number.isFinite(this.rowNumber)) return;
    const ref = this.ref;
    let col: number;
    if (ref !== undefined) {
      col = refColumn(ref);
      if (Number.isNaN(col)) throw new XlsxFormatError(`bad cell address ${ref}`);
    } else if (this.prevCol > 0) col = this.prevCol + 1;
    else throw new XlsxFormatError("a cell without an address");
    const fText = this.fText,
      fType = this.fType,
      vText = this.vText,
      styleId = this.styleId,
      ctx = this.ctx;
    const isFormula = !!fText || !!fType;
    const hasValue = vText !== undefined || this.rich !== null;
    if (!isFormula && !hasValue) {
      if (styleId) this.prevCol = col; // a styled empty cell (ExcelJS "Null"); unstyled ones are skipped entirely
      return;
    }
    this.prevCol = col;
    const fmt = styleId && ctx.formats ? ctx.formats[styleId] : undefined;
    const isDate = styleId ? ctx.dates[styleId] === true : false;
    let value: CellValue;
    let raw: unknown;
    let formula: string | null = null;
    let sharedFrom: string | null = null;
    if (isFormula) {
      raw = formulaResult(this.cType, vText, isDate, ctx);
      value = resultValue(raw);
      if (fType === "shared" && this.fRef) this.shared.set(this.fSi ?? "undefined", ref);
      if (fText) formula = own(`=${fText}`);
      else if (fType === "shared" && !this.fRef)
        sharedFrom = this.shared.get(this.fSi ?? "undefined") ?? null;
    } else {
      this.plainCell(this.cType, vText, this.rich, isDate);
      value = this.value;
      raw = this.raw;
    }
    const c0 = col - 1;
    place(row, c0, value, formula, fmt, row.raw && isFormula ? new Cached(raw) : raw);
    if (sharedFrom) this.slaves.push({ r0: row.row, c0, from: sharedFrom });
  }

  /**
   * The cell at `at` read straight from the bytes when it is one of the kinds nearly every cell of a sheet is —
   * `<c r="B3" s="1"><v>-12.5</v></c>` (a number, or with t="s" a shared string), the styled empty
   * `<c r="B3" s="1"/>`, and a formula of plain ASCII with a number or no cached result,
   * `<c r="B9" s="1"><f>SUM(B3:B8)</f><v>1200</v></c>` — with its column from the address's letters and no string
   * made on the way but the formula's; the events' reading of the same cell (open, text, close, closeCell) made
   * some ten. -1 for anything else — a shared or array formula, another type or attribute, other white space, an
   * entity, a date style, a shared string that does not exist — which the events then read as before, so the
   * snapshot is the same either way.
   */
  cell(b: Buffer, at: number): number {
    const row = this.row;
    if (this.where !== 1 || this.inCell || row === null) return -1;
    let k = at + 2;
    let col = 0;
    let style = 0;
    let shared = false;
    let seen = 0; // r 1, s 2, t 4
    for (;;) {
      const c = b[k];
      if (c === GT || c === SLASH) break;
      // One blank, a one-letter name, ="
      if (c !== BLANK || b[k + 2] !== EQ || b[k + 3] !== QUOT) return -1;
      const name = b[k + 1];
      k += 4;
      if (name === 0x72 && !(seen & 1)) {
        // r: A–Z letters then digits (only the letters count, as in refColumn)
        seen |= 1;
        const start = k;
        while (b[k] >= 0x41 && b[k] <= 0x5a) col = col * 26 + (b[k++] - 0x40);
        if (k === start || k - start > 3) return -1;
        const digits = k;
        while (b[k] >= 0x30 && b[k] <= 0x39) k++;
        if (k === digits) return -1;
      } else if (name === 0x73 && !(seen & 2)) {
        // s: the style's number
        seen |= 2;
        const start = k;
        while (b[k] >= 0x30 && b[k] <= 0x39) style = style * 10 + (b[k++] - 0x30);
        if (k === start || k - start > 6) return -1;
      } else if (name === 0x74 && !(seen & 4)) {
        // t: "n" or "s" only
        seen |= 4;
        if (b[k] === 0x73) shared = true;
        else if (b[k] !== 0x6e) return -1;
        k++;
      } else return -1;
      if (b[k++] !== QUOT) return -1;
    }
    if (!(seen & 1) || col > 16384) return -1;
    if (b[k] === SLASH) {
      if (b[k + 1] !== GT) return -1;
      if (style) this.prevCol = col; // a styled empty cell (ExcelJS "Null"); unstyled ones are skipped entirely
      return k + 2;
    }
    const ctx = this.ctx;
    const fmt = style && ctx.formats ? ctx.formats[style] : undefined;
    // A date style's number becomes a serial through a Date: left to the events' reading.
    const isDate = style !== 0 && ctx.dates[style] === true;
    let v = k + 1; // the "<" of <v>
    let formula: string | null = null;
    if (b[v + 1] === F && b[v + 2] === GT) {
      // <f>: no attributes (a shared or array formula has some), printable ASCII without "&" or "]"
      if (shared || isDate) return -1;
      const fStart = v + 3;
      let fEnd = fStart;
      while (isFormulaChar(b[fEnd])) fEnd++;
      if (fEnd === fStart || !closes(b, fEnd, F)) return -1;
      formula = own(`=${latin1(b, fStart, fEnd)}`);
      v = fEnd + 4;
      if (closes(b, v, C)) {
        // No cached result.
        this.prevCol = col;
        place(row, col - 1, null, formula, fmt, row.raw ? new Cached(undefined) : undefined);
        return v + 4;
      }
    }
    if (b[v] !== LT || b[v + 1] !== V || b[v + 2] !== GT) return -1;
    // <v>: digits with an optional minus are summed here (exact up to 15 digits); any other number is parsed
    // from its text as the events' reading does.
    const start = v + 3;
    let e = start;
    const minus = b[e] === 0x2d;
    if (minus) e++;
    let n = 0;
    while (b[e] >= 0x30 && b[e] <= 0x39) n = n * 10 + (b[e++] - 0x30);
    let whole = e > start + (minus ? 1 : 0) && e - start <= 15;
    while (isNumberChar(b[e])) {
      whole = false;
      e++;
    }
    if (e === start || !closes(b, e, V) || !closes(b, e + 4, C)) return -1;
    const end = e + 8;
    if (shared) {
      // A shared string's index: digits only.
      if (!whole || minus || e - start > 9) return -1;
      let value: CellValue = n;
      if (ctx.strings) {
        if (n >= ctx.strings.length) return -1; // the events' reading reports it
        value = ctx.strings[n];
      }
      this.prevCol = col;
      place(row, col - 1, value, null, fmt, ctx.strings ? (value ?? {}) : n);
      return end;
    }
    if (isDate) return -1;
    if (!whole) n = parseFloat(latin1(b, start, e));
    else if (minus) n = -n;
    this.prevCol = col;
    if (formula !== null)
      // resultValue's reading: ExcelJS parity, a cached 0 (or NaN) reads as not cached.
      place(
        row,
        col - 1,
        !n ? null : Number.isFinite(n) ? n : errorOf("#NUM!"),
        formula,
        fmt,
        row.raw ? new Cached(n) : n,
      );
    else place(row, col - 1, Number.isFinite(n) ? n : errorOf("#NUM!"), null, fmt, n);
    return end;
  }

  open(name: string, a: Attrs): void {
    if (this.where === 1) {
      if (this.inCell) {
        if (this.inRun) {
          if (name === "t") {
            this.current = 3;
            this.runParts = [];
          }
          return;
        }
        if (name === "f") {
          this.current = 1;
          this.fType = a.t;
          this.fRef = a.ref;
          this.fSi = a.si;
        } else if (name === "v" || name === "t") this.current = 2;
        else if (name === "r") {
          this.inRun = true;
          this.runText = undefined;
        }
        return;
      }
      if (name === "row") {
        const rowNumber = parseInt(a.r, 10);
        this.rowNumber = rowNumber;
        this.prevCol = 0;
        if (!Number.isFinite(rowNumber)) {
          this.row = null;
          return;
        }
        const r0 = rowNumber - 1;
        this.hiddenRows.set(r0, a.hidden === "1" || a.hidden === "true");
        const row: RowCells = {
          row: r0,
          cols: [],
          values: [],
          formulas: [],
          formats: [],
          raw: this.keepRaw ? [] : null,
        };
        this.row = row;
        this.rows.set(r0, row);
      } else if (name === "c" && this.row) {
        this.inCell = true;
        this.ref = a.r;
        this.cType = a.t;
        this.styleId = a.s ? parseInt(a.s, 10) || 0 : 0;
        this.fText = this.fType = this.fRef = this.fSi = this.vText = undefined;
        this.rich = null;
        this.current = 0;
      }
      return;
    }
    switch (name) {
      case "sheetData":
        this.where = 1;
        break;
      case "cols":
        this.where = 2;
        break;
      case "col":
        if (this.where === 2)
          this.cols.push({
            min: parseInt(a.min || "0", 10),
            max: parseInt(a.max || "0", 10),
            hidden: a.hidden === "1" || a.hidden === "true",
          });
        break;
      case "mergeCells":
        this.where = 3;
        break;
      case "mergeCell":
        if (this.where === 3 && a.ref) this.merges.push(a.ref);
        break;
      case "hyperlinks":
        this.where = 4;
        break;
      case "hyperlink":
        if (this.where === 4 && a.ref !== undefined) this.hyperlinks.push({ ref: a.ref, rId: a["r:id"] });
        break;
      case "tableParts":
        this.where = 5;
        break;
      case "tablePart":
        if (this.where === 5 && a["r:id"]) this.tableRIds.push(a["r:id"]);
        break;
    }
  }

  text(t: string): void {
    const current = this.current;
    if (current === 1) this.fText = this.fText === undefined ? t : this.fText + t;
    else if (current === 2) this.vText = this.vText === undefined ? t : this.vText + t;
    else if (current === 3) this.runParts!.push(t);
  }

  close(name: string): void {
    const where = this.where;
    if (where === 1) {
      if (this.inCell) {
        if (this.inRun) {
          if (name === "t") {
            this.runText = decodeX(this.runParts!.join(""));
            this.runParts = null;
            this.current = 0;
          } else if (name === "r") {
            this.inRun = false;
            (this.rich ??= []).push(this.runText === undefined ? "undefined" : this.runText);
          }
          return;
        }
        if (name === "f" || name === "v" || name === "t" || name === "is") this.current = 0;
        else if (name === "c") {
          this.inCell = false;
          this.closeCell();
        }
        return;
      }
      if (name === "row") this.row = null;
      else if (name === "sheetData") this.where = 0;
      return;
    }
    if (
      (where === 2 && name === "cols") ||
      (where === 3 && name === "mergeCells") ||
      (where === 4 && name === "hyperlinks") ||
      (where === 5 && name === "tableParts")
    )
      this.where = 0;
  }
}

async function readSheet(
  zip: ZipFile,
  entry: Entry,
  ctx: SheetContext,
  keepRaw: boolean,
): Promise<ParsedSheet> {
  const r = new SheetReader(ctx, keepRaw);
  await parsePart(zip, entry, r);
  return r;
}

/** A merge's area as ExcelJS normalises it (top-left:bottom-right), or a format error. */
function mergeArea(ref: string): { top: number; left: number; bottom: number; right: number } {
  const [p, q] = ref.split(":");
  const a = decodeAddress(p);
  const b = q === undefined ? a : decodeAddress(q);
  if (!a || !b) throw new XlsxFormatError(`bad merged area ${ref}`);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/**
 * Rows of number formats repeat (every line of a table formatted alike): one frozen array per distinct row, so
 * a sheet holds each row of formats once. Formats are few strings, numbered for the key.
 */
class RowInterner {
  private readonly ids = new Map<string, number>();
  private readonly rows = new Map<string, (string | null)[]>();
  private last: (string | null)[] | null = null;
  get(row: (string | null)[]): (string | null)[] {
    // Most often a row's formats are the row's above them: compared in place, no key built.
    const last = this.last;
    if (last !== null && last.length === row.length) {
      let i = 0;
      while (i < row.length && row[i] === last[i]) i++;
      if (i === row.length) return last;
    }
    return (this.last = this.intern(row));
  }
  private intern(row: (string | null)[]): (string | null)[] {
    let key = "";
    for (const f of row) {
      if (f === null) key += ",";
      else {
        let id = this.ids.get(f);
        if (id === undefined) this.ids.set(f, (id = this.ids.size));
        key += `${id},`;
      }
    }
    const seen = this.rows.get(key);
    if (seen) return seen;
    this.rows.set(key, Object.freeze(row) as (string | null)[]);
    return row;
  }
}

let NULL_ROWS = new Map<number, readonly null[]>();
/** One frozen all-null row per width, shared by every row that holds nothing of a kind. */
function nullRow(width: number): null[] {
  let r = NULL_ROWS.get(width);
  if (!r) {
    if (NULL_ROWS.size > 64) NULL_ROWS = new Map();
    NULL_ROWS.set(width, (r = Object.freeze(new Array<null>(width).fill(null))));
  }
  return r as null[];
}

type Area = ReturnType<typeof mergeArea>;

/*
 * finishSheet's steps are functions of their own, each with its loops: an engine that compiles a long function
 * while one loop runs (on-stack replacement) gets no type feedback for the steps after it, which have not run
 * yet in that sheet, and threw the code away again at the first of them, once per file.
 */

/** Merged areas: every cell but the top-left one is part of the merge, whatever the file holds there. */
function applyMerges(p: ParsedSheet): string[] {
  const merged: string[] = [];
  const areas: Area[] = [];
  for (const ref of p.merges) {
    const m = mergeArea(ref);
    for (const o of areas)
      if (o.left <= m.right && m.left <= o.right && o.top <= m.bottom && m.top <= o.bottom)
        throw new XlsxFormatError("overlapping merged areas"); // ExcelJS parity: it refuses such a file
    areas.push(m);
    merged.push(`${a1(m.top - 1, m.left - 1)}:${a1(m.bottom - 1, m.right - 1)}`);
  }
  for (const m of areas) {
    for (let r = m.top; r <= m.bottom; r++) {
      const rc = p.rows.get(r - 1);
      if (!rc) continue;
      for (let i = rc.cols.length - 1; i >= 0; i--) {
        const c = rc.cols[i] + 1;
        if (c < m.left || c > m.right || (r === m.top && c === m.left)) continue;
        rc.cols.splice(i, 1);
        rc.values.splice(i, 1);
        rc.formulas.splice(i, 1);
        rc.formats.splice(i, 1);
        rc.raw?.splice(i, 1);
      }
    }
  }
  return merged;
}

function findCell(p: ParsedSheet, r0: number, c0: number): [RowCells, number] | null {
  const rc = p.rows.get(r0);
  if (!rc) return null;
  const i = rc.cols.indexOf(c0);
  return i < 0 ? null : [rc, i];
}

/** Hyperlinks: the cell's value becomes the link's text (ExcelJS parity: the formula is dropped). */
function applyHyperlinks(p: ParsedSheet): Set<string> {
  const linked = new Set<string>();
  for (const h of p.hyperlinks) {
    if (!h.rId) continue; // internal links (location="…") leave the cell as it is
    const at = decodeAddress(h.ref);
    const hit = at && findCell(p, at.row - 1, at.col - 1);
    if (!hit) continue;
    const [rc, i] = hit;
    const raw = rc.raw?.[i];
    rc.values[i] = hyperlinkText(raw instanceof Cached ? raw.result : raw);
    rc.formulas[i] = null;
    if (rc.raw) rc.raw[i] = null; // no longer a formula: a shared formula's master no more
    linked.add(`${rc.row}:${rc.cols[i]}`);
  }
  return linked;
}

/** Shared formulas: the master's formula moved to each cell (after merges and links, as ExcelJS does it lazily). */
function applySharedFormulas(p: ParsedSheet, linked: Set<string>): void {
  for (const s of p.slaves) {
    const self = findCell(p, s.r0, s.c0);
    if (!self || linked.has(`${s.r0}:${s.c0}`)) continue;
    const at = decodeAddress(s.from);
    const hit = at && findCell(p, at.row - 1, at.col - 1);
    const masterFormula = hit ? hit[0].formulas[hit[1]] : null;
    if (!at || !masterFormula) continue;
    try {
      self[0].formulas[self[1]] =
        `=${slideFormula(masterFormula.slice(1), at, { row: s.r0 + 1, col: s.c0 + 1 })}`;
    } catch {
      // ExcelJS parity: a reference moved off the sheet leaves the cell without a formula.
    }
  }
}

/** Hidden rows in row order. */
function hiddenRowsOf(p: ParsedSheet): number[] {
  return [...p.hiddenRows.entries()]
    .filter(([, h]) => h)
    .map(([r]) => r)
    .sort((a, b) => a - b);
}

/** Hidden columns as ExcelJS lays out the <col> ranges (sorted by min, no overlap). */
function hiddenColumnsOf(p: ParsedSheet): number[] {
  const hiddenColumns: number[] = [];
  let count = 1;
  for (const col of [...p.cols].sort((a, b) => a.min - b.min)) {
    while (count < col.min) count++;
    while (count <= col.max) {
      if (col.hidden) hiddenColumns.push(count - 1);
      count++;
    }
  }
  return hiddenColumns;
}

/** The rows that hold something, in row order, and the bounds of the cells that do. */
class Kept {
  readonly rows: RowCells[] = [];
  minR = Infinity;
  minC = Infinity;
  maxR = -1;
  maxC = -1;
}

function keptRows(p: ParsedSheet): Kept {
  const ordered = [...p.rows.values()].sort((a, b) => a.row - b.row);
  const k = new Kept();
  for (const rc of ordered) {
    let any = false;
    for (let i = 0; i < rc.cols.length; i++) {
      if (rc.values[i] === null && rc.formulas[i] === null) continue;
      any = true;
      const c = rc.cols[i];
      if (c < k.minC) k.minC = c;
      if (c > k.maxC) k.maxC = c;
    }
    if (any) {
      k.rows.push(rc);
      if (rc.row < k.minR) k.minR = rc.row;
      if (rc.row > k.maxR) k.maxR = rc.row;
    }
  }
  return k;
}

/** The kept cells as dense grids over their bounds. */
function denseGrids(k: Kept): Pick<SheetSnapshot, "values" | "formulas" | "numberFormats"> {
  const minR = k.minR,
    minC = k.minC;
  const height = k.maxR - minR + 1,
    width = k.maxC - minC + 1;
  const empty = nullRow(width);
  const formatRows = new RowInterner();
  const values: CellValue[][] = new Array<CellValue[]>(height).fill(empty);
  const formulas: (string | null)[][] = new Array<(string | null)[]>(height).fill(empty);
  const numberFormats: (string | null)[][] = new Array<(string | null)[]>(height).fill(empty);
  for (const rc of k.rows) {
    let vRow: CellValue[] | null = null,
      fRow: (string | null)[] | null = null,
      nRow: (string | null)[] | null = null;
    for (let i = 0; i < rc.cols.length; i++) {
      const v = rc.values[i],
        f = rc.formulas[i];
      if (v === null && f === null) continue;
      const c = rc.cols[i] - minC;
      if (v !== null) (vRow ??= new Array<CellValue>(width).fill(null))[c] = v;
      if (f !== null) (fRow ??= new Array<string | null>(width).fill(null))[c] = f;
      const n = rc.formats[i];
      if (n !== null) (nRow ??= new Array<string | null>(width).fill(null))[c] = n;
    }
    const r = rc.row - minR;
    if (vRow) values[r] = vRow;
    if (fRow) formulas[r] = fRow;
    if (nRow) numberFormats[r] = formatRows.get(nRow);
  }
  return { values, formulas, numberFormats };
}

function finishSheet(
  name: string,
  p: ParsedSheet,
  tables: { name: string; address: string }[],
): SheetSnapshot {
  const merged = applyMerges(p);
  applySharedFormulas(p, applyHyperlinks(p));
  const hiddenRows = hiddenRowsOf(p);
  const hiddenColumns = hiddenColumnsOf(p);
  // Trim to the cells that hold something, then dense grids.
  const k = keptRows(p);
  const base = { name, hiddenRows, hiddenColumns, merged, tables };
  if (k.maxR < 0)
    return { ...base, address: "", origin: { row: 0, col: 0 }, values: [], formulas: [], numberFormats: [] };
  const g = denseGrids(k);
  return {
    ...base,
    address: `${a1(k.minR, k.minC)}:${a1(k.maxR, k.maxC)}`,
    origin: { row: k.minR, col: k.minC },
    values: g.values,
    formulas: g.formulas,
    numberFormats: g.numberFormats,
  };
}

async function readTable(zip: ZipFile, entry: Entry): Promise<{ name: string; address: string } | null> {
  let table: { name: string; address: string } | null = null;
  await parsePart(zip, entry, {
    open(name, a) {
      if (name === "table" && !table) table = { name: a.name ?? "", address: a.ref ?? "" };
    },
  });
  return table;
}

/**
 * Reads an .xlsx file's sheets into a snapshot. Throws XlsxFormatError or the zip/XML library's error for a
 * damaged package; returns a snapshot with no sheets for a zip that holds no workbook. `saxes`: every part
 * through saxes from the start (the parity tests compare the two ways).
 */
export async function readXlsx(path: string, options: { saxes?: boolean } = {}): Promise<WorkbookSnapshot> {
  if (!options.saxes) {
    try {
      return await readPackage(path, false);
    } catch (e) {
      if (!(e instanceof Unusual)) throw e;
    }
  }
  return readPackage(path, true);
}

async function readPackage(path: string, viaSaxes: boolean): Promise<WorkbookSnapshot> {
  const zip = await openZipFile(path);
  if (viaSaxes) VIA_SAXES.add(zip);
  try {
    const entries = await listEntries(zip);
    const rootRels = await readRels(zip, entries, "");
    const office = [...rootRels.values()].find((r) => r.type.endsWith("/officeDocument") && !r.external);
    let wbPath = office ? resolveTarget("", office.target) : "xl/workbook.xml";
    if (!entries.has(wbPath)) wbPath = "xl/workbook.xml";
    const wbEntry = entries.get(wbPath);
    if (!wbEntry) return { name: path, sheets: [] };

    const sheetRefs: { name: string; rId: string }[] = [];
    let date1904 = false;
    await parsePart(zip, wbEntry, {
      open(name, a) {
        if (name === "sheet") {
          const rId = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
          if (rId) sheetRefs.push({ name: a.name ?? "", rId });
        } else if (name === "workbookPr") date1904 = a.date1904 === "1";
      },
    });
    const wbRels = await readRels(zip, entries, wbPath);
    const partOf = (type: string, fallback: string) => {
      const rel = [...wbRels.values()].find((r) => r.type.endsWith(type) && !r.external);
      const p = rel ? resolveTarget(wbPath, rel.target) : fallback;
      return entries.get(p) ?? entries.get(fallback);
    };
    const stringsEntry = partOf("/sharedStrings", "xl/sharedStrings.xml");
    const stylesEntry = partOf("/styles", "xl/styles.xml");
    const ctx: SheetContext = {
      strings: stringsEntry ? await readSharedStrings(zip, stringsEntry) : null,
      formats: stylesEntry ? await readStyles(zip, stylesEntry) : null,
      dates: [],
      date1904,
    };
    ctx.dates = (ctx.formats ?? []).map(isDateFormat);

    const parts: SheetPart[] = [];
    for (const s of sheetRefs) {
      const rel = wbRels.get(s.rId);
      if (!rel || rel.external) continue;
      const isSheet = rel.type ? rel.type.endsWith("/worksheet") : /worksheets\//.test(rel.target);
      if (!isSheet) continue; // chartsheets, dialog sheets: nothing the checks read
      const p = resolveTarget(wbPath, rel.target);
      if (entries.has(p)) parts.push({ name: s.name, path: p });
    }

    const sheets: SheetSnapshot[] = [];
    for (const part of parts) {
      // The sheet's relationships first: only a sheet with hyperlinks needs the values they would turn into text.
      const rels = await readRels(zip, entries, part.path);
      const links = [...rels.values()].some((r) => r.type.endsWith("/hyperlink"));
      const parsed = await readSheet(zip, entries.get(part.path)!, ctx, links);
      parsed.hyperlinks = parsed.hyperlinks.filter((h) => h.rId && rels.has(h.rId));
      const tables = new Map<string, { name: string; address: string }>();
      for (const rId of parsed.tableRIds) {
        const rel = rels.get(rId);
        const entry = rel && entries.get(resolveTarget(part.path, rel.target));
        const t = entry && (await readTable(zip, entry));
        if (t) tables.set(t.name, t);
      }
      sheets.push(finishSheet(part.name, parsed, [...tables.values()]));
    }
    return { name: path, sheets };
  } finally {
    zip.close();
  }
}
