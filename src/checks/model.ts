/**
 * Reads a sheet the way a finance user does: rows with a label and figures, header rows above them, section
 * headings, totals (labelled or made by SUM formulas) and the lines each total covers, total columns, difference
 * columns, and what is not a line at all (varav, averages, percentages). One linear pass classifies rows; the
 * structure is then built from the row kinds only, so a big sheet costs little more than reading its cells.
 */
import { findUnitStatement } from "../plan/numbers";
import type { MoneyUnit } from "../plan/schema";
import { parseRange } from "../model/address";
import { errorOf, ERROR_TEXTS, isFormula } from "./cells";
import { parseSumFormula, parseSumIfs, type SumFormula } from "./formula";
import {
  BARE_TOTALS,
  HEADER_WORDS,
  isAverageCaption,
  isDiffCaption,
  isExcludedLabel,
  hasLabelWords,
  isGrandLabel,
  isNetLabel,
  isPercentCaption,
  isPrefixTotalLabel,
  isTotalCaption,
  isTotalLabel,
  isTotalText,
  isYear,
  normalizeLabel,
  numberFromText,
  sideOf,
} from "./labels";
import { formatInfo, type FormatInfo } from "./numfmt";
import { decimalsOf, unitOf } from "../model/precision";
import { isCellError, type CellValue, type SheetSnapshot } from "../model/types";

// Re-exported for the rules, which read labels and cells through the model.
export { errorOf, numberFromText };

export type RowKind = "blank" | "title" | "header" | "line" | "total" | "excluded";

/** Shared between rows that read the same (see classifyRows): never changed once made, hence readonly. */
export interface RowInfo {
  readonly kind: RowKind;
  /** Relative column of the row's label, -1 when none. */
  readonly labelCol: number;
  readonly label: string;
  /** Lower-case label with single spaces. */
  readonly norm: string;
  /** Figures right of the label (numbers and formula cells). */
  readonly nums: number;
  /** Numbers stored as text right of the label. */
  readonly numTexts: number;
  readonly errors: number;
  /** A total whose label makes it the table's grand total (Totalt, Summa totalt). */
  readonly grand: boolean;
  /** A line that is not additive across columns (Antal …). */
  readonly countLike: boolean;
  /** sideOf the label: +1 an intäkt, −1 a kostnad, 0 neither. */
  readonly side: number;
  /** A difference row (Avvikelse, Återstår, Förändring — not in percent): checked as the difference it names. */
  readonly diff: boolean;
}

export type ColumnKind = "line" | "total" | "diff" | "skip";

/** Shared between blocks whose column reads the same (see makeBlock): never changed once made, hence readonly. */
export interface ColumnInfo {
  readonly col: number;
  readonly header: string;
  /** Lower-case header of the nearest header row (the column's own caption). */
  readonly caption: string;
  readonly kind: ColumnKind;
  readonly grand: boolean;
  readonly percent: boolean;
  readonly unit?: MoneyUnit;
}

/** A total and what it covers, on either axis: rows (a total row) or columns (a total column). */
export interface TotalSpec {
  axis: "row" | "col";
  /** The total's row (axis row) or column (axis col), relative. */
  idx: number;
  label: string;
  grand: boolean;
  /** Lines and totals it covers directly. */
  covers: number[];
  /** Lines it covers through its subtotals too. */
  leaves: number[];
  /** Covered subtotals. */
  subtotals: TotalSpec[];
  /** Made a total by its SUM formulas, not by its label. */
  byFormula: boolean;
}

export interface Block {
  /** Index in the sheet's blocks. */
  id: number;
  /** First and last relative rows holding data. */
  first: number;
  last: number;
  headerRows: number[];
  /** Unit stated in the title rows above the table or the sheet name. */
  unit?: MoneyUnit;
  title: string;
  /** Relative rows of lines and totals. */
  dataRows: number[];
  columns: ColumnInfo[];
  rowTotals: TotalSpec[];
  colTotals: TotalSpec[];
  /** Smallest label column in the block; figures are right of it. */
  labelCol: number;
  /** First rows of the tables the block holds (a table's own Summa, a blank row and a title start another). */
  tableStarts: number[];
  /**
   * Per row (index r − first): +1 an intäkt, −1 a kostnad (by its own label or its section's heading), 0 neither.
   * Set only when the block holds both (a sign-mixed table); a net row then is intäkter − kostnader.
   */
  sides?: Int8Array;
}

/** Which of a block's tables a row belongs to. */
export function tableOf(block: Block, r: number): number {
  // tableStarts ascend (pushed in row order): the last start at or above r, by bisection, so a block of
  // thousands of tiny tables costs log(tables) per lookup, not a scan.
  const ts = block.tableStarts;
  let lo = 0,
    hi = ts.length - 1,
    t = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ts[mid] <= r) {
      t = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return t;
}

export interface SheetModel {
  index: number;
  sheet: SheetSnapshot;
  name: string;
  oRow: number;
  oCol: number;
  nRows: number;
  nCols: number;
  /** Values with computed results filled in for formulas saved without one. */
  values: CellValue[][];
  rows: RowInfo[];
  blocks: Block[];
  /** Formula cells without a saved value that could not be computed. */
  uncomputed: { r: number; c: number; formula: string }[];
  /** A side-by-side table's unit stated above both tables, in the first table's columns ("Alla belopp i tkr"). */
  unitAbove?: MoneyUnit;
  /** Parsed sum formulas per cell, filled on demand by sumFormulaAt (rows without formulas stay holes). */
  parsed?: (SumFormula | null | undefined)[][];
  /** Compact figures, built on first use by figureAt (see Figures). */
  figures?: Figures;
}

/**
 * Every cell's figure (figureAt) in one flat array, row by row (index r × width + c), NaN where the cell has
 * none: the totals and plan passes ask for the same figures many times over, and one typed-array read is far
 * cheaper than two nested array reads, a type test and a number-format lookup each time.
 */
export interface Figures {
  width: number;
  rows: number;
  values: Float64Array;
  /** Per cell, the CELL_* bits: what the column pass of makeBlock counts, without reading the cell again. */
  flags: Uint8Array;
  /**
   * Per number cell, its number format as an index into formats (0: none or General; FORMAT_UNLISTED: look it up
   * in the snapshot, for a sheet of more distinct formats than the index holds).
   */
  formatIds: Uint16Array;
  formats: FormatInfo[];
}

export const FORMAT_UNLISTED = 0xffff;

/** A number (any, dates and non-finite ones too). */
const CELL_NUMBER = 1;
/** A number formatted as a percentage / as a date / with a money unit ('# ##0 "tkr"'). */
const CELL_PERCENT = 2;
const CELL_DATE = 4;
const CELL_MONEY = 8;
/** A formula cell without a value (none saved, none computed). */
const CELL_BARE_FORMULA = 16;
/** Any formula cell: a block's column pass looks for total columns only where formulas are. */
const CELL_FORMULA = 32;
/** A text that is a word, not blank, an error text or a number stored as text (see isWordText). */
const CELL_TEXT = 64;

/** A text cell that reads as words: not blank, not an error value as text ("#N/A"), not a number as text. */
function isWordText(v: string): boolean {
  return !(v.trim() === "" || (v.charCodeAt(0) === 35 && ERROR_TEXTS.has(v)) || numberFromText(v) !== null);
}

/** Per column, what tableBands decides side-by-side tables from; counted by the figures' pass (see buildFigures). */
interface BandCounts {
  /** Any cell, a formula without a value included. */
  filled: Uint8Array;
  /** Word texts (isWordText). */
  texts: Int32Array;
  /** Numbers and formulas without a value. */
  nums: Int32Array;
  /** A word text naming a total (isTotalText), noted from the third column on (a second table's label column). */
  totals: Uint8Array;
}

function bandCounts(nCols: number): BandCounts {
  return {
    filled: new Uint8Array(nCols),
    texts: new Int32Array(nCols),
    nums: new Int32Array(nCols),
    totals: new Uint8Array(nCols),
  };
}

function buildFigures(m: SheetModel, bands?: BandCounts): Figures {
  return (m.figures = figuresFrom(m.values, m.sheet.formulas, m.sheet.numberFormats, bands));
}

/**
 * The compact figures of a sheet's values, and (given bands) tableBands' counts in the same pass: the one pass
 * over every cell that reads each text as a word or not, so that neither tableBands nor classifyRows reads a
 * text again (the row pass takes it from CELL_TEXT).
 */
function figuresFrom(
  vals: CellValue[][],
  formulas: (string | null)[][] | undefined,
  formats: (string | null)[][] | undefined,
  bands: BandCounts | undefined,
): Figures {
  let width = 0;
  for (const row of vals) if (row && row.length > width) width = row.length;
  const out = new Float64Array(vals.length * width).fill(NaN);
  const flags = new Uint8Array(vals.length * width);
  const formatIds = new Uint16Array(vals.length * width);
  const infos: FormatInfo[] = [formatInfo(null)];
  const idOf = new Map<FormatInfo, number>([[infos[0], 0]]);
  const general = infos[0];
  let lastInfo = general,
    lastId = 0,
    lastBits = 0;
  for (let r = 0; r < vals.length; r++) {
    const row = vals[r];
    if (!row) continue;
    const fmtRow = formats?.[r];
    const frow = formulas?.[r];
    const base = r * width;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      const formula = frow !== undefined && frow !== null && isFormula(frow[c]);
      if (typeof v !== "number") {
        let bits = formula
          ? v === null || v === undefined
            ? CELL_FORMULA | CELL_BARE_FORMULA
            : CELL_FORMULA
          : 0;
        if (v === null || v === undefined || v === "") {
          if (formula && bands) {
            bands.filled[c] = 1;
            bands.nums[c]++;
          }
        } else {
          if (bands) bands.filled[c] = 1;
          if (typeof v === "string" && isWordText(v)) {
            bits |= CELL_TEXT;
            if (bands) {
              bands.texts[c]++;
              // Only a column that can start a second table (≥ 2) needs to know whether it names a total.
              if (c >= 2 && !bands.totals[c] && isTotalText(v)) bands.totals[c] = 1;
            }
          }
        }
        if (bits !== 0) flags[base + c] = bits;
        continue;
      }
      if (bands) {
        bands.filled[c] = 1;
        bands.nums[c]++;
      }
      const fmt = fmtRow?.[c];
      // Most number cells have no format, or their neighbour's: the format's bits are worked out once per
      // change of format, not read from its FormatInfo cell by cell.
      const info = fmt ? formatInfo(fmt) : general;
      if (info !== lastInfo) {
        lastBits =
          (info.percent ? CELL_PERCENT : 0) | (info.date ? CELL_DATE : 0) | (info.money ? CELL_MONEY : 0);
        let id = idOf.get(info);
        if (id === undefined) {
          id = infos.length < FORMAT_UNLISTED ? infos.length : FORMAT_UNLISTED;
          if (id !== FORMAT_UNLISTED) {
            infos.push(info);
            idOf.set(info, id);
          }
        }
        lastInfo = info;
        lastId = id;
      }
      const bits = (formula ? CELL_NUMBER | CELL_FORMULA : CELL_NUMBER) | lastBits;
      formatIds[base + c] = lastId;
      flags[base + c] = bits;
      if (!Number.isFinite(v) || bits & CELL_DATE) continue;
      out[base + c] = v;
    }
  }
  return { width, rows: vals.length, values: out, flags, formatIds, formats: infos };
}

const EMPTY_ROW: RowInfo = {
  kind: "blank",
  labelCol: -1,
  label: "",
  norm: "",
  nums: 0,
  numTexts: 0,
  errors: 0,
  grand: false,
  countLike: false,
  side: 0,
  diff: false,
};

// ---------------------------------------------------------------------------------------------------------
// Values

/** A cell's figure: a number that is not a date. */
/** The model's compact figures (see Figures). */
export function figuresOf(m: SheetModel): Figures {
  return m.figures ?? buildFigures(m);
}

export function figureAt(m: SheetModel, r: number, c: number): number | undefined {
  const f = m.figures ?? buildFigures(m);
  if (r < 0 || r >= f.rows || c < 0 || c >= f.width) return undefined;
  const v = f.values[r * f.width + c];
  return v === v ? v : undefined;
}

export function formulaAt(m: SheetModel, r: number, c: number): string | null {
  const f = m.sheet.formulas?.[r]?.[c];
  return isFormula(f) ? f : null;
}

/**
 * The parsed sum formula of a cell (parseSumFormula of formulaAt), kept per cell of the model: a total's
 * formula is asked for by several passes, and two array indexes are far cheaper than a lookup in the
 * workbook-wide parse cache of ~100 000 formula texts.
 */
export function sumFormulaAt(m: SheetModel, r: number, c: number): SumFormula | null {
  const frow = m.sheet.formulas?.[r];
  const f = frow?.[c];
  if (!isFormula(f)) return null;
  // Sized once (a grown array would be copied as it grows): a row per formula row, a slot per cell.
  const parsed = (m.parsed ??= new Array(m.nRows));
  let row = parsed[r];
  if (!row) row = parsed[r] = new Array(frow!.length);
  let p = row[c];
  if (p === undefined) p = row[c] = parseSumFormula(f);
  return p;
}

export function formatAt(m: SheetModel, r: number, c: number): string | null {
  const f = m.sheet.numberFormats?.[r]?.[c];
  return typeof f === "string" ? f : null;
}

/** The unit of the last shown digit of a figure (0,1 for "0.0"; 1000 for "#,##0,"). */
export function shownUnit(m: SheetModel, r: number, c: number, value: number): number {
  const info = formatInfo(formatAt(m, r, c));
  if (info.unit !== null) return info.unit;
  if (Number.isInteger(value)) return info.percent ? 0.01 : 1;
  const decimals = Math.min(decimalsOf(value, "cell"), 6);
  return unitOf(decimals) * info.scale * (info.percent ? 0.01 : 1);
}

const NO_ROW: readonly (string | null)[] = [];

/** Texts in figure columns that stand for a missing figure: notes, not captions. */
const NOTE_START = /^\s*(fastställs|saknas|uppgift saknas|ej |inte |ingen |inget |mäts |redovisas senare)/i;

// ---------------------------------------------------------------------------------------------------------
// Row pass

/** One of 64 slots for a non-empty text, from its length and end characters: a memo of the last text per slot. */
function textSlot(s: string): number {
  return (s.length * 31 + s.charCodeAt(0) * 7 + s.charCodeAt(s.length - 1)) & 63;
}

/**
 * A test's last answer per slot (textSlot), for tests asked of texts that recur table after table: header
 * rows, and the line labels of a sheet of small tables (the same normalized strings over and over).
 */
class TextMemo {
  private readonly texts: (string | undefined)[] = new Array(64);
  private readonly answers = new Int8Array(64);
  constructor(private readonly test: (s: string) => number) {}
  get(s: string): number {
    const slot = textSlot(s);
    if (this.texts[slot] === s) return this.answers[slot];
    const answer = this.test(s);
    this.texts[slot] = s;
    this.answers[slot] = answer;
    return answer;
  }
}

// Captions are short; a sentence ("Fastställs senare.", "Målvärdet är borttaget …") is a note.
const notes = new TextMemo((s) =>
  s.length > 40 || s.includes(". ") || s.trimEnd().endsWith(".") || NOTE_START.test(s) ? 1 : 0,
);

function isNote(s: string): boolean {
  return notes.get(s) === 1;
}

/** isExcludedLabel, a handful of substring searches, once per recurring label. */
const excludedLabels = new TextMemo((norm) => (isExcludedLabel(norm) ? 1 : 0));

function isExcluded(norm: string): boolean {
  return excludedLabels.get(norm) === 1;
}

function classifyRows(m: SheetModel): void {
  const { values, nRows } = m;
  const recent: (RowInfo | undefined)[] = new Array(64);
  const formats = m.sheet.numberFormats ?? [];
  // Which cells are formulas and which numbers are dates, read from the compact figures' flags (one byte per
  // cell) rather than from the formula and number-format arrays again.
  const { flags, width } = figuresOf(m);
  for (let r = 0; r < nRows; r++) {
    const row = values[r] ?? [];
    const fmtRow = formats[r] ?? NO_ROW;
    const base = r * width;
    let labelCol = -1;
    let label = "";
    let nums = 0,
      numTexts = 0,
      errors = 0,
      texts = 0,
      yearLike = 0,
      firstNum = -1,
      firstIsNumber = false,
      any = false,
      hasFormula = false,
      notes = 0;
    const n = row.length;
    for (let c = 0; c < n; c++) {
      const v = row[c];
      const bits = flags[base + c];
      const formula = (bits & CELL_FORMULA) !== 0;
      if (formula) hasFormula = true;
      if (v === null || v === undefined || v === "") {
        if (formula) {
          any = true;
          nums++;
          if (firstNum < 0) firstNum = c;
        }
        continue;
      }
      const t = typeof v;
      if (t === "number") {
        any = true;
        if (bits & CELL_DATE) {
          texts++;
          continue;
        }
        nums++;
        if (isYear(v as number)) yearLike++;
        if (firstNum < 0) {
          firstNum = c;
          firstIsNumber = true;
        }
      } else if (t === "string") {
        const s = v as string;
        // The figures' pass has read the text already (CELL_TEXT: words); any other text is blank, an error
        // value or a number stored as text.
        if (!(bits & CELL_TEXT)) {
          if (s.trim() === "") continue;
          any = true;
          if (s.charCodeAt(0) === 35 && ERROR_TEXTS.has(s)) {
            errors++;
            if (firstNum < 0) firstNum = c;
            continue;
          }
          const asNumber = numberFromText(s)!;
          numTexts++;
          if (isYear(asNumber) && !/\s|,/.test(s.trim())) yearLike++;
          if (firstNum < 0) firstNum = c;
          continue;
        }
        any = true;
        if (labelCol < 0) {
          labelCol = c;
          label = s;
          // Figures left of the label (account codes) are not the row's figures.
          nums = 0;
          numTexts = 0;
          errors = 0;
          yearLike = 0;
          firstNum = -1;
          firstIsNumber = false;
        } else {
          texts++;
          if (isNote(s)) notes++;
        }
      } else if (t === "boolean") {
        any = true;
        texts++;
      } else if (isCellError(v)) {
        any = true;
        errors++;
        if (firstNum < 0) firstNum = c;
      }
    }
    if (!any) {
      m.rows[r] = EMPTY_ROW;
      continue;
    }
    // The same labels recur row after row in a sheet of small tables: the last row seen with this label (by a
    // cheap slot of it) lends its normalized label, and its RowInfo too where the row reads the same.
    const slot = label ? textSlot(label) : 0;
    const seen = label ? recent[slot] : undefined;
    const known = seen !== undefined && seen.label === label ? seen : undefined;
    const norm = known ? known.norm : label ? normalizeLabel(label) : "";
    // A new label is searched once for every word looked for anywhere in it (most have none); a known one
    // takes the known row's answers.
    const words = known !== undefined || hasLabelWords(norm);
    let kind: RowKind = "line",
      grand = false,
      diff = false;
    const figures = nums + numTexts + errors;
    // Whether the first figure is formatted as a percentage: for a number, the figures' pass has noted it.
    const firstPercent =
      firstNum >= 0 &&
      (firstIsNumber
        ? (flags[base + firstNum] & CELL_PERCENT) !== 0
        : fmtRow[firstNum] != null && formatInfo(fmtRow[firstNum]).percent);
    // A row of notes (a goal "Fastställs senare" in every column) is a labelled row without figures, not a header.
    if (figures === 0) kind = texts > 0 && notes === 0 ? "header" : labelCol >= 0 ? "title" : "blank";
    else if (
      yearLike === nums + numTexts &&
      errors === 0 &&
      (yearLike >= 2 || labelCol < 0 || HEADER_WORDS.test(norm)) &&
      !isTotalLabel(norm)
    )
      kind = "header";
    else if (isTotalLabel(norm)) {
      kind = "total";
      grand = isGrandLabel(norm);
    } else if (known ? isExcluded(norm) : isExcludedLabel(norm, words)) {
      kind = "excluded";
      diff = isDiffCaption(norm) && !norm.includes("%") && !norm.includes("procent") && !firstPercent;
    } else if (firstPercent) {
      // A row of percentages (Andel …, Avvikelse %) is a ratio, not a line of a sum.
      kind = "excluded";
    } else if (hasFormula && isFormulaTotalRow(m, r, labelCol, /total|summa/.test(norm))) kind = "total";
    else if (isPrefixTotalLabel(norm) && nearlySumsRunAbove(m, r, labelCol)) kind = "total";
    if (
      known &&
      known.kind === kind &&
      known.labelCol === labelCol &&
      known.nums === nums &&
      known.numTexts === numTexts &&
      known.errors === errors &&
      known.grand === grand &&
      known.diff === diff
    ) {
      m.rows[r] = known;
      continue;
    }
    const info: RowInfo = {
      kind,
      labelCol,
      label,
      norm,
      nums,
      numTexts,
      errors,
      grand,
      countLike: known
        ? known.countLike
        : norm.startsWith("antal") ||
          // Both words end in "arbetare": one search rules both out for nearly every label.
          (words &&
            norm.includes("arbetare") &&
            (norm.includes("årsarbetare") || norm.includes("medarbetare"))),
      side: known ? known.side : sideOf(norm, words),
      diff,
    };
    if (label) recent[slot] = info;
    m.rows[r] = info;
  }
}

/**
 * "Total driftram" under "Driftram enligt Årsplan" and "Budgetregleringsposter": a row whose figure in some
 * most columns is (within 1 %) the sum of the ≥ 2 lines right above it is their total; a goal "Total sjukfrånvaro"
 * among other goals is not. Near, not exact: a typed total that is slightly off is exactly what to report.
 */
function nearlySumsRunAbove(m: SheetModel, r: number, labelCol: number): boolean {
  const row = m.values[r] ?? [];
  let fits = 0,
    figures = 0;
  for (let c = labelCol + 1; c < row.length; c++) {
    const v = row[c];
    if (typeof v !== "number" || v === 0) continue;
    figures++;
    let sum = 0,
      n = 0;
    for (let i = r - 1; i >= 0; i--) {
      const k = m.rows[i]?.kind;
      if (k !== "line") break;
      const x = m.values[i]?.[c];
      if (typeof x !== "number") break;
      sum += x;
      n++;
    }
    if (n >= 2 && Math.abs(v - sum) <= 0.01 * Math.abs(v)) fits++;
  }
  // In most of its columns: a closing balance that happens to match in a few columns is not their total.
  return fits > 0 && fits * 2 >= figures;
}

/** A row whose figures are SUMs of the cells above it in their own column, whatever its label says. */
function isFormulaTotalRow(m: SheetModel, r: number, labelCol: number, totalWord: boolean): boolean {
  const frow = m.sheet.formulas?.[r] ?? NO_ROW;
  const absR = m.oRow + r;
  for (let c = labelCol + 1; c < frow.length; c++) {
    const f = frow[c];
    if (!isFormula(f)) continue;
    const p = sumFormulaAt(m, r, c);
    const absC = m.oCol + c;
    if (!p && sumsIfsAbove(f, absR, absC)) return true;
    if (!p || p.hasMinus || p.constant !== 0) continue;
    let rows = 0;
    let vertical = true;
    for (const t of p.terms) {
      if (
        (t.sheet !== null && t.sheet !== m.name) ||
        t.firstCol !== absC ||
        t.lastCol !== absC ||
        t.lastRow >= absR
      ) {
        vertical = false;
        break;
      }
      rows += t.lastRow - t.firstRow + 1;
    }
    // One line is enough where the label says total too ("Subsubtotalt" =SUM(F144)).
    if (vertical && (rows >= 2 || (totalWord && p.usesSum && rows >= 1))) return true;
  }
  return false;
}

/**
 * A SUMIFS over a run of ≥ 2 cells above in its own column, its criteria on the same rows ("Subtotal"
 * =SUMIFS(F3:F8,C3:C8,"Subsubtotal"): the sheet's subtotals picked by their label): a total like a SUM.
 */
function sumsIfsAbove(f: string, absR: number, absC: number): boolean {
  const q = parseSumIfs(f);
  if (!q) return false;
  const t = q.sum;
  if (t.firstCol !== absC || t.lastCol !== absC || t.lastRow >= absR || t.lastRow - t.firstRow < 1)
    return false;
  return q.criteria.every(
    (x) =>
      x.range.firstRow === t.firstRow &&
      x.range.lastRow === t.lastRow &&
      x.range.firstCol === x.range.lastCol,
  );
}

/**
 * A column whose formulas SUM a run of cells left of them on their own row ("Totals-thru 1999" =SUM(B6:K6)) is
 * a total column, whatever its header says.
 */
function sumsLeftInRow(m: SheetModel, first: number, last: number, c: number): boolean {
  const formulas = m.sheet.formulas;
  if (!formulas) return false;
  const absC = m.oCol + c;
  const { flags, width } = figuresOf(m);
  for (let r = first; r <= last; r++) {
    if (!(flags[r * width + c] & CELL_FORMULA)) continue;
    const p = sumFormulaAt(m, r, c);
    if (!p || p.hasMinus || p.constant !== 0 || p.terms.length !== 1) continue;
    const t = p.terms[0];
    if (t.sheet !== null && t.sheet !== m.name) continue;
    if (
      t.firstRow !== t.lastRow ||
      t.firstRow !== m.oRow + r ||
      t.lastCol >= absC ||
      t.lastCol - t.firstCol < 1
    )
      continue;
    // Up to the column right before it, spacer columns left empty (C, E, … Y then TOTALS in AA) allowed.
    let gap = true;
    for (let j = t.lastCol - m.oCol + 1; j < c && gap; j++) {
      const v = m.values[r]?.[j];
      if (v !== null && v !== undefined && v !== "") gap = false;
    }
    if (gap) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// Blocks and totals

interface AxisItem {
  idx: number;
  kind: "line" | "total" | "heading" | "reset";
  grand: boolean;
  label: string;
  byFormula: boolean;
}

/** The subtotals of every total without any (most): one shared empty array, which no reader changes. */
const NO_SUBTOTALS: TotalSpec[] = [];

/**
 * Who covers whom, in reading order: a total covers the lines since the last total or heading; a grand total (or
 * a total right after another total) covers everything not yet covered, subtotals included. The specs of items
 * [from, to) are pushed to out (the caller's own array: no array of its own per stretch) and out is returned.
 */
function resolveTotals(
  items: AxisItem[],
  axis: "row" | "col",
  out: TotalSpec[] = [],
  from = 0,
  to = items.length,
): TotalSpec[] {
  // The uncovered items as two parallel scratch arrays (index, and the total when it is one), kept from call
  // to call: an object per line per block was most of what a sheet of small tables allocated here.
  const uncIdx = uncoveredIdx,
    uncTotal = uncoveredTotal;
  let n = 0,
    used = 0;
  let pendingFrom = 0; // index into uncovered where lines since the last total/heading start
  for (let j = from; j < to; j++) {
    const it = items[j];
    if (it.kind === "reset") {
      n = 0;
      pendingFrom = 0;
      continue;
    }
    if (it.kind === "heading") {
      pendingFrom = n;
      continue;
    }
    if (it.kind === "line") {
      uncIdx[n] = it.idx;
      uncTotal[n++] = undefined;
      if (n > used) used = n;
      continue;
    }
    // A total.
    let lastTotal = -1;
    for (let i = n - 1; i >= 0; i--)
      if (uncTotal[i]) {
        lastTotal = i;
        break;
      }
    const start = Math.max(pendingFrom, lastTotal + 1);
    const pendingCount = n - start;
    const hasEarlierTotals = lastTotal >= 0;
    // What the total covers is always a tail of the uncovered items: all of them, or the pending ones since
    // the last total or heading (index `start` on). Kept as that index: no copy, no set, no filter per total.
    let coverFrom: number;
    // A bare "Summa" with no subtotal before it sums the whole table, headings or not.
    const bare = !hasEarlierTotals && isBareTotal(it.label);
    if ((it.grand && hasEarlierTotals) || bare) coverFrom = 0;
    else if (pendingCount > 0) coverFrom = it.grand ? 0 : start;
    else coverFrom = 0;
    if (coverFrom >= n) continue;
    // Covered items copied in one slice, not pushed one by one (an array grown by push is over-allocated, and
    // every spec lives as long as its sheet's model); the leaves too when there is no subtotal among them.
    let withSubtotals = false;
    for (let k = coverFrom; k < n && !withSubtotals; k++) if (uncTotal[k]) withSubtotals = true;
    let subtotals = NO_SUBTOTALS;
    let leaves: number[];
    const covers = uncIdx.slice(coverFrom, n);
    // Without a subtotal among them the leaves are the covered lines themselves: one array for both (no reader
    // changes either array).
    if (!withSubtotals) leaves = covers;
    else {
      leaves = [];
      for (let k = coverFrom; k < n; k++) {
        const total = uncTotal[k];
        if (total) {
          if (subtotals === NO_SUBTOTALS) subtotals = [];
          subtotals.push(total);
          for (const l of total.leaves) leaves.push(l);
        } else leaves.push(uncIdx[k]);
      }
    }
    const spec: TotalSpec = {
      axis,
      idx: it.idx,
      label: it.label,
      grand: it.grand,
      covers,
      leaves,
      subtotals,
      byFormula: it.byFormula,
    };
    out.push(spec);
    n = coverFrom;
    uncIdx[n] = it.idx;
    uncTotal[n++] = spec;
    if (n > used) used = n;
    pendingFrom = n;
    if (it.grand) {
      n = 0;
      pendingFrom = 0;
    }
  }
  // No spec kept alive by the scratch (a loop: a table's few slots cost less than a call of fill).
  for (let i = 0; i < used; i++) uncTotal[i] = undefined;
  return out;
}

/** A bare "Summa" (BARE_TOTALS) of its label as written: each table's own Summa, one memo slot per label. */
const bareTotals = new TextMemo((label) => (BARE_TOTALS.has(label.trim().toLowerCase()) ? 1 : 0));

function isBareTotal(label: string): boolean {
  return bareTotals.get(label) === 1;
}

const uncoveredIdx: number[] = [];
const uncoveredTotal: (TotalSpec | undefined)[] = [];

/**
 * Row totals per stretch between resets (into out) of the first count items. A stretch whose first figure row is
 * a labelled total has its totals above their lines ("Summa intäkter" then its lines): read it bottom-up, so each
 * total covers the lines below it. The stretches' first rows go to tableStartScratch; returns their count.
 */
function resolveRowTotals(items: AxisItem[], count: number, out: TotalSpec[]): number {
  let start = 0,
    starts = 0;
  for (let i = 0; i <= count; i++) {
    if (i < count && items[i].kind !== "reset") continue;
    if (i > start) tableStartScratch[starts++] = items[start].idx;
    let first: AxisItem | undefined;
    let lines = false;
    for (let j = start; j < i; j++) {
      const k = items[j].kind;
      if (!first && (k === "line" || k === "total")) first = items[j];
      if (k === "line") lines = true;
    }
    const topDown = first?.kind === "total" && !first.byFormula && lines;
    if (topDown) {
      const from = out.length;
      resolveTotals(
        items
          .slice(start, i)
          .filter((it) => it.kind !== "heading")
          .reverse(),
        "row",
        out,
      );
      for (let k = from; k < out.length; k++) {
        const spec = out[k];
        spec.covers.reverse();
        // Without subtotals the leaves are the covers' own array (see resolveTotals): reversed once.
        if (spec.leaves !== spec.covers) spec.leaves.reverse();
      }
    } else resolveTotals(items, "row", out, start, i);
    start = i + 1;
  }
  return starts;
}

function mergedTextMap(m: SheetModel): Map<number, string> {
  const map = new Map<number, string>();
  for (const addr of m.sheet.merged ?? []) {
    const rg = parseRange(addr.includes("!") ? addr.slice(addr.indexOf("!") + 1) : addr);
    if (!rg) continue;
    const r0 = rg.firstRow - m.oRow,
      c0 = rg.firstCol - m.oCol;
    const v = m.values[r0]?.[c0];
    if (typeof v !== "string" && typeof v !== "number") continue;
    if ((rg.lastRow - rg.firstRow + 1) * (rg.lastCol - rg.firstCol + 1) > 10_000) continue;
    // A side-by-side table's model holds only its own columns: merged cells beyond them are not its own.
    const cFrom = Math.max(rg.firstCol, m.oCol),
      cTo = Math.min(rg.lastCol, m.oCol + m.nCols - 1);
    for (let r = rg.firstRow; r <= rg.lastRow; r++)
      for (let c = cFrom; c <= cTo; c++) map.set((r - m.oRow) * m.nCols + (c - m.oCol), String(v));
  }
  return map;
}

function headerText(m: SheetModel, merged: Map<number, string>, r: number, c: number): string {
  const v = m.values[r]?.[c];
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  return merged.get(r * m.nCols + c) ?? "";
}

interface HeaderMeaning {
  caption: string;
  percent: boolean;
  average: boolean;
  diff: boolean;
  total: boolean;
  grand: boolean;
  unit?: MoneyUnit;
}

/** What column headers say, per distinct header: a sheet of many small tables repeats the same few. */
const headerMeanings = new Map<string, HeaderMeaning>();

function headerMeaning(header: string, last: string): HeaderMeaning {
  // One header row (the common case): the header itself is the key, a string whose hash is already known;
  // a built key would be a new string to hash for every column of every small table.
  const key = header === last ? header : `${header}\u0000${last}`;
  let said = headerMeanings.get(key);
  if (said) return said;
  const caption = normalizeLabel(last);
  const all = normalizeLabel(header);
  said = {
    caption,
    percent: isPercentCaption(all),
    average: isAverageCaption(all),
    diff: isDiffCaption(caption) || isDiffCaption(all),
    total: isTotalCaption(caption),
    grand: isGrandLabel(caption),
    unit: findUnitStatement(header),
  };
  // Bounded: odd inputs (thousands of distinct headers) cannot grow memory without limit.
  if (headerMeanings.size >= 5_000) headerMeanings.clear();
  headerMeanings.set(key, said);
  return said;
}

/**
 * headerMeaning's last answer per column: the next small table's header reads the same in each column, and two
 * string comparisons are cheaper than hashing a header string new to the map (each table's own cells).
 */
const columnHeaders: (string | undefined)[] = [];
const columnCaptions: (string | undefined)[] = [];
const columnMeanings: HeaderMeaning[] = [];

function columnMeaning(c: number, header: string, own: string): HeaderMeaning {
  if (columnHeaders[c] === header && columnCaptions[c] === own) return columnMeanings[c];
  const said = headerMeaning(header, own);
  columnHeaders[c] = header;
  columnCaptions[c] = own;
  columnMeanings[c] = said;
  return said;
}

function buildBlocks(m: SheetModel): void {
  const rows = m.rows;
  const merged = mergedTextMap(m);
  let start = -1;
  let blanks = 0;
  const flush = (end: number) => {
    if (start >= 0) m.blocks.push(makeBlock(m, merged, start, end));
    start = -1;
  };
  let lastData = -1;
  for (let r = 0; r < m.nRows; r++) {
    const k = rows[r].kind;
    if (k === "line" || k === "total" || k === "excluded") {
      // Three blank rows end a block, unless what follows is a total whose SUM reaches back over them.
      if (blanks >= 3 && start >= 0 && !(k === "total" && sumReachesBack(m, r, start, lastData)))
        flush(lastData);
      if (start < 0) start = r;
      lastData = r;
      blanks = 0;
    } else if (k === "header") {
      if (start >= 0) flush(lastData);
      blanks = 0;
    } else if (k === "blank") blanks++;
    else {
      if (blanks >= 3 && start >= 0) flush(lastData);
      blanks = 0;
    }
  }
  if (start >= 0) flush(lastData);
}

/**
 * Whether a SUM in row r reaches back, in its own column, into rows first..last above it ("Summa" =SUM(D45:D51)
 * three blank rows below its list): the rows between are blank space, not the end of its table.
 */
function sumReachesBack(m: SheetModel, r: number, first: number, last: number): boolean {
  const frow = m.sheet.formulas?.[r] ?? NO_ROW;
  for (let c = 0; c < frow.length; c++) {
    const f = frow[c];
    if (!isFormula(f)) continue;
    const p = parseSumFormula(f);
    if (!p || !p.usesSum || p.hasMinus || p.constant !== 0) continue;
    const absC = m.oCol + c;
    for (const t of p.terms)
      if (
        (t.sheet === null || t.sheet === m.name) &&
        t.firstCol === absC &&
        t.lastCol === absC &&
        t.firstRow <= m.oRow + last &&
        t.lastRow >= m.oRow + first &&
        t.lastRow < m.oRow + r
      )
        return true;
  }
  return false;
}

/** After the blank row i: whether the next non-blank row (up to last) is a total whose SUM reaches rows first..i. */
function totalBelowReaches(m: SheetModel, i: number, last: number, first: number): boolean {
  let j = i + 1;
  while (j <= last && m.rows[j].kind === "blank") j++;
  if (j > last || m.rows[j].kind !== "total") return false;
  let above = i;
  while (above >= first && m.rows[above].kind === "blank") above--;
  return above >= first && sumReachesBack(m, j, first, above);
}

/** Columns in order as totals, lines and (percent/average and difference columns, not lines) headings. */
function columnItems(columns: ColumnInfo[]): AxisItem[] {
  return columns.map((ci) => ({
    idx: ci.col,
    kind: ci.kind === "total" ? "total" : ci.kind === "line" ? "line" : "heading",
    grand: ci.kind === "total" && ci.grand,
    label: ci.header,
    byFormula: false,
  }));
}

/**
 * A short array grown by push or unshift (which gives it room for 16 or more) as an exact-size copy: for the
 * arrays a block keeps as long as its sheet's model (four per block, and a sheet of tiny tables has ~700).
 */
function exact<T>(a: T[]): T[] {
  return a.length < 16 ? a.slice() : a;
}

/** makeBlock's per-column counters (see there), grown to the widest sheet seen. */
let colCounts = new Int32Array(0);
const NO_COLUMNS: ColumnInfo[] = [];
/** makeBlock's columns before it knows whether they are the previous block's (written from index 0). */
const columnScratch: ColumnInfo[] = [];
/**
 * makeBlock's row items, one object per slot reused from block to block (resolveTotals keeps none of them, only
 * their fields' values): a block of a few lines made a handful of short-lived objects per table.
 */
const rowItems: AxisItem[] = [];

function rowItem(
  n: number,
  idx: number,
  kind: AxisItem["kind"],
  grand: boolean,
  label: string,
  byFormula: boolean,
): number {
  const it = rowItems[n];
  if (it === undefined) rowItems.push({ idx, kind, grand, label, byFormula });
  else {
    it.idx = idx;
    it.kind = kind;
    it.grand = grand;
    it.label = label;
    it.byFormula = byFormula;
  }
  return n + 1;
}

/** resolveRowTotals' table starts, copied by makeBlock at their exact size (see exact). */
const tableStartScratch: number[] = [];

/**
 * makeBlock's header rows and data rows, written in order from index 0 (so the arrays stay packed) and copied
 * at their exact size.
 */
const headerScratch: number[] = [];
const dataRowScratch: number[] = [];
/** makeBlock's sides of rows, before it knows whether the block holds both sides. */
let sideScratch = new Int8Array(0);

function makeBlock(m: SheetModel, merged: Map<number, string>, first: number, last: number): Block {
  const rows = m.rows;
  // Header band: header rows right above the first data row (a blank or title row may sit between). Found
  // bottom-up, then read top-down: the band's rows in order without unshift (which copies, and leaves an array
  // room for 16 or more) and the title built as it goes instead of joined from an array of its texts.
  let r = first - 1;
  let gaps = 0,
    headers = 0;
  while (r >= 0 && first - r <= 8) {
    const k = rows[r].kind;
    if (k === "header") headers++;
    else if (k === "blank") {
      if (++gaps > 2 && headers > 0) break;
    } else if (k !== "title") break;
    r--;
  }
  let title = "",
    titleParts = 0;
  headers = 0;
  for (let i = r + 1; i < first; i++) {
    const k = rows[i].kind;
    if (k === "header") headerScratch[headers++] = i;
    else if (k === "title") title = titleParts++ === 0 ? rows[i].label : `${title} · ${rows[i].label}`;
  }
  // Exact-size copies of the scratches (see exact): the block keeps them as long as its sheet's model.
  const headerRows = headerScratch.slice(0, headers);
  // Texts of any row above in the band also count as titles for unit statements ("Alla belopp i tkr").
  for (const hr of headerRows) {
    const text = rows[hr].label;
    if (text) title = titleParts++ === 0 ? text : `${title} · ${text}`;
  }
  let labelCol = Infinity;
  let nData = 0;
  for (let i = first; i <= last; i++) {
    const k = rows[i].kind;
    if (k === "line" || k === "total" || k === "excluded") {
      if (rows[i].labelCol >= 0 && rows[i].labelCol < labelCol) labelCol = rows[i].labelCol;
      if (k !== "excluded") dataRowScratch[nData++] = i;
    }
  }
  const dataRows = dataRowScratch.slice(0, nData);
  if (labelCol === Infinity) labelCol = -1;
  const unit = findUnitStatement(title) ?? m.unitAbove ?? findUnitStatement(m.name);

  // Columns with figures in the block, counted in one pass over the block's compact flags into counters kept
  // from block to block: a sheet of thousands of small tables would otherwise allocate and scan per column.
  const figs = m.figures ?? buildFigures(m);
  const flags = figs.flags;
  const w = figs.width;
  const nc = m.nCols;
  if (colCounts.length < 5 * nc) colCounts = new Int32Array(5 * nc);
  const counts = colCounts;
  counts.fill(0, 0, 5 * nc);
  // Per column c: [5c] has a figure, [5c+1] numbers, [5c+2] percentages, [5c+3] dates, [5c+4] first row
  // with a money format + 1 (0 for none); formula cells are noted in the first.
  // Each row's flags up to the sheet's width, not its own length: a cell past a short row's end has no flags,
  // and the row's values array is not touched at all.
  for (let i = first; i <= last; i++) {
    const base = i * w;
    for (let c = labelCol + 1; c < w; c++) {
      const bits = flags[base + c];
      if (bits === 0) continue;
      const k = 5 * c;
      if (bits & (CELL_NUMBER | CELL_BARE_FORMULA)) counts[k] |= 1;
      if (bits & CELL_FORMULA) counts[k] |= 2;
      if (!(bits & CELL_NUMBER)) continue;
      counts[k + 1]++;
      if (bits & CELL_PERCENT) counts[k + 2]++;
      if (bits & CELL_DATE) counts[k + 3]++;
      if (bits & CELL_MONEY && counts[k + 4] === 0) counts[k + 4] = i + 1;
    }
  }
  // The same header rows and columns repeat table after table: a column read exactly as in the sheet's previous
  // block keeps its ColumnInfo, and a block whose every column does so keeps the previous columns too.
  const prev = m.blocks.length > 0 ? m.blocks[m.blocks.length - 1].columns : NO_COLUMNS;
  // Written into a scratch: most blocks keep the previous block's columns, and an array of their own is made
  // (at its exact size) only for a block whose columns read differently.
  let nColumns = 0;
  let same = true;
  let totalColumns = false;
  for (let c = 0; c < nc; c++) {
    const k = 5 * c;
    if (!(counts[k] & 1)) continue;
    // The header rows' texts joined, and the nearest one's (the column's own caption).
    let header: string, own: string;
    if (headerRows.length === 1) header = own = headerText(m, merged, headerRows[0], c);
    else {
      header = own = "";
      for (const hr of headerRows) {
        const t = headerText(m, merged, hr, c);
        if (!t) continue;
        header = header ? `${header} ${t}` : t;
        own = t;
      }
    }
    const said = columnMeaning(c, header, own);
    const numberCells = counts[k + 1];
    const percent = said.percent || (numberCells > 0 && counts[k + 2] * 2 > numberCells);
    let kind: ColumnKind = "line";
    if (percent || said.average || (numberCells > 0 && counts[k + 3] * 2 > numberCells)) kind = "skip";
    else if (said.diff) kind = "diff";
    else if (said.total || (counts[k] & 2 && sumsLeftInRow(m, first, last, c))) kind = "total";
    if (kind === "total") totalColumns = true;
    const grand = kind === "total" && said.grand;
    const moneyRow = counts[k + 4];
    const unit =
      said.unit ?? (moneyRow > 0 ? formatInfo(m.sheet.numberFormats[moneyRow - 1][c]).money : undefined);
    const p = prev[nColumns];
    if (
      p !== undefined &&
      p.col === c &&
      p.header === header &&
      p.caption === said.caption &&
      p.kind === kind &&
      p.grand === grand &&
      p.percent === percent &&
      p.unit === unit
    )
      columnScratch[nColumns++] = p;
    else {
      same = false;
      columnScratch[nColumns++] = { col: c, header, caption: said.caption, kind, grand, percent, unit };
    }
  }
  const columns =
    same && nColumns === prev.length && prev !== NO_COLUMNS ? prev : columnScratch.slice(0, nColumns);

  // Row totals.
  let nItems = 0;
  let blankRun = 0;
  let lastKind: RowKind = "blank";
  let lastTotal = "";
  // Intäkter and kostnader sections: which side each row is on, and whether the stretch has both.
  // Written into a scratch kept from block to block; only a sign-mixed block gets a copy of its own.
  let sides: Int8Array | undefined;
  let plus = false,
    minus = false;
  let section = 0,
    seenRevenue = false,
    seenCost = false;
  for (let i = first; i <= last; i++) {
    const info = rows[i];
    if (info.kind === "blank") {
      if (++blankRun === 2 && !totalBelowReaches(m, i, last, first)) {
        nItems = rowItem(nItems, i, "reset", false, "", false);
        section = 0;
        seenRevenue = seenCost = false;
      }
      continue;
    }
    if (info.norm && info.kind !== "header") {
      const own = info.side;
      if (info.kind === "title") section = own;
      const side = own || (info.kind === "line" || info.kind === "excluded" ? section : 0);
      if (side !== 0) {
        if (!sides) {
          if (sideScratch.length < last - first + 1) sideScratch = new Int8Array(2 * (last - first + 1));
          sides = sideScratch;
          sides.fill(0, 0, last - first + 1);
        }
        sides[i - first] = side;
        if (side > 0) seenRevenue = plus = true;
        else seenCost = minus = true;
      }
      // A net row (Nettokostnad, Resultat, Netto) after intäkter and kostnader: intäkter − kostnader, a total.
      if (info.kind === "line" && seenRevenue && seenCost && isNetLabel(info.norm))
        rows[i] = { ...info, kind: "total", grand: true };
    }
    // A table's own total ("Summa", not "Summa intäkter"), a blank row, then a title: another table starts.
    if (info.kind === "title" && blankRun > 0 && lastKind === "total" && BARE_TOTALS.has(lastTotal))
      nItems = rowItem(nItems, i, "reset", false, "", false);
    blankRun = 0;
    if (rows[i] !== info) {
      nItems = rowItem(nItems, i, "total", true, info.label, false);
      lastKind = "total";
      lastTotal = info.norm;
      continue;
    }
    lastKind = info.kind;
    if (info.kind === "total") lastTotal = info.norm;
    if (info.kind === "line") nItems = rowItem(nItems, i, "line", false, info.label, false);
    else if (info.kind === "total")
      nItems = rowItem(
        nItems,
        i,
        "total",
        info.grand,
        info.label,
        !isTotalLabel(info.norm) && !isPrefixTotalLabel(info.norm),
      );
    else if (info.kind === "title") nItems = rowItem(nItems, i, "heading", false, info.label, false);
  }
  const rowTotals: TotalSpec[] = [];
  let nStarts = resolveRowTotals(rowItems, nItems, rowTotals);
  if (nStarts === 0) tableStartScratch[nStarts++] = first;
  const tableStarts = tableStartScratch.slice(0, nStarts);

  // Column totals: columns in order; percent/average columns and difference columns are not lines.
  // Without a total column there is nothing to resolve (most tables: the year columns are all lines).
  const colTotals = totalColumns ? resolveTotals(columnItems(columns), "col") : [];
  return {
    sides: sides && plus && minus ? sides.slice(0, last - first + 1) : undefined,
    id: m.blocks.length,
    first,
    last,
    headerRows,
    unit,
    title,
    dataRows,
    columns,
    rowTotals: exact(rowTotals),
    colTotals,
    labelCol,
    tableStarts,
  };
}

/** "Plankoll-rapport" (src/excel/report.ts), also numbered copies and an English name. */
const OWN_REPORT_SHEET = /^plankoll[- ](rapport|report)\b/i;

// ---------------------------------------------------------------------------------------------------------
// Side-by-side tables

/**
 * First columns of the tables that stand side by side on the same rows: a table starts at a label column (words
 * in ≥ 2 rows, figures right of it) after an empty column, or right after figures when it names a total of its
 * own (Summa/Totalt). Each side then is read as its own table, so its totals are checked against its own lines.
 * Returns [0] for an ordinary sheet.
 */
export function tableBands(values: CellValue[][], formulas: (string | null)[][] | undefined): number[] {
  let nCols = 0;
  for (const row of values) if (row.length > nCols) nCols = row.length;
  const counts = bandCounts(nCols);
  figuresFrom(values, formulas, undefined, counts);
  return bandStarts(counts, nCols);
}

/** tableBands' decision from its per-column counts (see BandCounts). */
function bandStarts(counts: BandCounts, nCols: number): number[] {
  if (nCols < 4) return [0];
  const { filled, texts, nums, totals } = counts;
  // Cheap exit for the common sheet: no label column right of a figure column.
  let sawFigures = false,
    candidate = false;
  for (let c = 0; c < nCols && !candidate; c++) {
    if (sawFigures && texts[c] >= 2) candidate = true;
    if (nums[c] >= 2) sawFigures = true;
  }
  if (!candidate) return [0];
  const isTable = (from: number, to: number): boolean => {
    for (let c = from; c < to; c++)
      if (texts[c] >= 2) {
        for (let d = c + 1; d < to; d++) if (nums[d] >= 2) return true;
        return false;
      }
    return false;
  };
  const starts = [0];
  for (let s = 2; s < nCols; s++) {
    if (texts[s] < 2) continue;
    const afterGap = !filled[s - 1] && filled.subarray(starts[starts.length - 1], s - 1).some((x) => x === 1);
    const afterFigures = nums[s - 1] >= 2 && totals[s] === 1;
    if (!afterGap && !afterFigures) continue;
    let end = nCols;
    for (let d = s + 1; d < nCols; d++)
      if (!filled[d]) {
        end = d;
        break;
      }
    if (isTable(starts[starts.length - 1], s) && isTable(s, end)) starts.push(s);
  }
  return starts;
}

function sliceRows<T>(rows: T[][] | undefined, from: number, to: number): T[][] {
  return (rows ?? []).map((row) => (row ? row.slice(from, to) : []));
}

/**
 * A sheet in the engine's own object shape: every field present, always in this order, the origin a fresh
 * {row, col}. Hosts build their snapshots each their own way (a reader's object spread gives every sheet a map
 * of its own), and every engine function that reads m.sheet was compiled for the first file's map: each new
 * map made it deoptimize ("wrong map") and compile again, file after file. The arrays are shared, not copied.
 */
export function ownSheet(
  sheet: SheetSnapshot,
  origin: { row: number; col: number },
  values: CellValue[][],
  formulas: (string | null)[][],
  numberFormats: (string | null)[][],
): SheetSnapshot {
  return {
    name: sheet.name,
    address: sheet.address,
    origin: { row: origin.row, col: origin.col },
    values,
    formulas,
    numberFormats,
    hiddenRows: sheet.hiddenRows,
    hiddenColumns: sheet.hiddenColumns,
    merged: sheet.merged,
    tables: sheet.tables,
    protected: sheet.protected,
    page: sheet.page,
    // Every field of SheetSnapshot named, so one added to the type cannot be dropped here unnoticed.
  } satisfies Record<keyof SheetSnapshot, unknown>;
}

/** The sheet's columns [from, to) as a sheet of their own (same name, origin moved right). */
function bandSheet(sheet: SheetSnapshot, values: CellValue[][], from: number, to: number): SheetSnapshot {
  return ownSheet(
    sheet,
    { row: sheet.origin?.row ?? 0, col: (sheet.origin?.col ?? 0) + from },
    sliceRows(values, from, to),
    sliceRows(sheet.formulas, from, to),
    sliceRows(sheet.numberFormats, from, to),
  );
}

/** A unit stated in the rows above the side-by-side tables (texts only left of the second table's columns). */
function unitAboveBands(values: CellValue[][], second: number): MoneyUnit | undefined {
  for (const row of values) {
    let unit: MoneyUnit | undefined;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined || v === "") continue;
      if (c >= second || typeof v !== "string") return undefined;
      unit ??= findUnitStatement(v);
    }
    if (unit) return unit;
  }
  return undefined;
}

/** A model's rows and blocks, read into it: what every model is made of once its figures are at hand. */
function readModel(m: SheetModel): SheetModel {
  classifyRows(m);
  buildBlocks(m);
  return m;
}

/** A sheet's model before its rows are read. */
function newModel(
  sheet: SheetSnapshot,
  index: number,
  vals: CellValue[][],
  uncomputed: SheetModel["uncomputed"],
  unitAbove?: MoneyUnit,
): SheetModel {
  let nCols = 0;
  for (const row of vals) if (row.length > nCols) nCols = row.length;
  const m: SheetModel = {
    index,
    sheet,
    name: sheet.name,
    oRow: sheet.origin?.row ?? 0,
    oCol: sheet.origin?.col ?? 0,
    nRows: vals.length,
    nCols,
    values: vals,
    rows: new Array(vals.length),
    blocks: [],
    uncomputed,
    unitAbove,
    // Present from the start, filled on first use: every model keeps one object shape.
    parsed: undefined,
    figures: undefined,
  };
  return m;
}

/**
 * The models of one sheet (one per side-by-side table), from its values with computeMissing's results filled in:
 * a sheet's models depend on no other sheet, so the engine can check a workbook sheet by sheet and let each
 * sheet's working data go before the next is built.
 */
export function analyseSheet(
  sheet: SheetSnapshot,
  index: number,
  vals: CellValue[][],
  uncomputed: SheetModel["uncomputed"],
): SheetModel[] {
  // The add-in's own report sheet lists findings (texts like "95 %", "#REF!"): checking it would report them again.
  if (OWN_REPORT_SHEET.test(sheet.name))
    return [
      {
        index,
        sheet,
        name: sheet.name,
        oRow: sheet.origin?.row ?? 0,
        oCol: sheet.origin?.col ?? 0,
        nRows: vals.length,
        nCols: 0,
        values: vals,
        rows: new Array<RowInfo>(vals.length).fill(EMPTY_ROW),
        blocks: [],
        uncomputed: [],
        unitAbove: undefined,
        parsed: undefined,
        figures: undefined,
      },
    ];
  // The whole sheet's model is built first and its figures' pass counts what tableBands decides from: an
  // ordinary sheet (one table across) then needs no pass of its own over every cell to find that out.
  const whole = newModel(sheet, index, vals, uncomputed);
  const counts = bandCounts(whole.nCols);
  buildFigures(whole, counts);
  const bands = bandStarts(counts, whole.nCols);
  if (bands.length === 1) return [readModel(whole)];
  const unitAbove = unitAboveBands(vals, bands[1]);
  return bands.map((from, k) => {
    const to = k + 1 < bands.length ? bands[k + 1] : Infinity;
    const part = bandSheet(sheet, vals, from, to);
    // Formulas the engine could not compute are noted once per sheet, at their own cells (the first band
    // starts at the sheet's first column, so its addresses are the sheet's).
    return readModel(newModel(part, index, part.values, k === 0 ? uncomputed : [], unitAbove));
  });
}
