/**
 * Evaluates every total cell once against the lines it covers: value within rounding, SUM ranges that leave
 * lines out, subtotals counted twice, typed totals. The sum.* rule files turn these results into findings.
 */
import { clean } from "../plan/numbers";
import { isFormula } from "./cells";
import {
  isSubtotalFormula,
  meetsCriterion,
  parseSumFormula,
  parseSumIfs,
  type SumFormula,
  type SumIfs,
} from "./formula";
import { formatInfo, type FormatInfo } from "./numfmt";
import { decimalsOf, roundingTolerance, unitOf } from "../model/precision";
import type { RuleId } from "../model/types";
import { differenceAllowance, isDifference } from "./tables/arithmetic";
import {
  figureAt,
  figuresOf,
  FORMAT_UNLISTED,
  formatAt,
  formulaAt,
  shownUnit,
  tableOf,
  type Block,
  sumFormulaAt,
  type SheetModel,
  type TotalSpec,
} from "./model";

export type TotalStatus = "ok" | "mismatch" | "range-gap" | "range-gap-zero" | "double-count" | "unchecked";

export interface TotalCell {
  model: SheetModel;
  block: Block;
  spec: TotalSpec;
  r: number;
  c: number;
  value: number;
  formula: string | null;
  /** Σ of the leaf lines. */
  expected: number;
  /** Number of figures summed. */
  n: number;
  tolerance: number;
  status: TotalStatus;
  /** A sum formula along the axis: the ranges it references, relative along the axis (shared, never written). */
  refs?: Refs;
  /** The value is within rounding of the lines of our reading (or of its subtotals as written). */
  fits?: boolean;
  /** Other cells of the same total are sum formulas (so a typed one is an overwritten formula). */
  peerFormulas?: boolean;
  /** What only a few total cells have (see TotalDetail); made by detailOf on the first one set. */
  detail?: TotalDetail;
}

/**
 * The facts of a total cell that only the odd cell has (a net row, a double count, a range gap's lines and
 * peers, a knock-on): kept apart so the ~100 000 total cells of a big sheet are each that much smaller to build
 * and to collect.
 */
export interface TotalDetail {
  /** range-gap: the lines left out (indexes along the axis). */
  missing: number[];
  /** A net row (intäkter − kostnader with costs written positive): expected is that difference. */
  net: boolean;
  /** double-count: the cell counted twice and the two reference paths it is reached by. */
  twice?: Twice;
  /** range-gap: the peer totals (same total, other columns/rows) that include the lines left out. */
  peers?: TotalCell[];
  /** range-gap: the lines left out sit between the SUM's range and the total itself. */
  between: boolean;
  /** A knock-on: the finding at this other total (same rule) is what makes this one wrong. */
  causedBy?: { r: number; c: number; rule: RuleId };
}

/** A total cell's detail, made (every field present: one object shape) when the first one is set. */
function detailOf(cell: TotalCell): TotalDetail {
  return (cell.detail ??= {
    missing: NO_LINES,
    net: false,
    twice: undefined,
    peers: undefined,
    between: false,
    causedBy: undefined,
  });
}

/** A cell reached twice through a total's references: the cell, both paths (relative cells), the extra value. */
export interface Twice {
  leaf: number;
  paths: number[][];
  /** The value counted more than once (Σ over repeated leaves). */
  extra: number;
}

export interface DiffCell {
  model: SheetModel;
  block: Block;
  /** col: a difference column (a, b are columns); row: a difference row (a, b are rows). */
  axis: "col" | "row";
  r: number;
  c: number;
  value: number;
  expected: number;
  a: number;
  b: number;
  /** A knock-on: the wrong cell (a total it is computed from, or a wrong line of its own column) it follows from. */
  causedBy?: { r: number; c: number; rule: RuleId };
  /** How many rows of the column are that difference (the evidence that it is one). */
  fits?: number;
}

export interface SheetTotals {
  /**
   * The total cells a rule may report or weigh: every cell of every total, except the totals in `plain` (whose
   * cells formulaCells makes again when asked).
   */
  cells: TotalCell[];
  /** Totals whose every cell is a formula that checked out ok (the common total), in sheet order. */
  plain: PlainTotal[];
  diffs: DiffCell[];
  /** Per table (see tableKey): total cells holding a formula. */
  formulaTotals: Map<number, number>;
  /** Cells (r × nCols + c) of totals whose status is not ok (unchecked included). */
  notOk: Set<number>;
}

/**
 * A total all of whose cells hold a formula and are ok: no rule reports them or weighs them (sum.hardcoded
 * only names formula totals as its evidence), so its cells are not kept — a big sheet's ~100 000 of them would
 * live as long as the sheet's totals — but made again by formulaCells, exactly as sheetTotals made them.
 */
export interface PlainTotal {
  block: Block;
  spec: TotalSpec;
  /** Where its cells stood in `cells`: before cells[at]. */
  at: number;
}

/** The coarsest shown unit among formatted figures and the finest written decimals among General ones. */
class Precision {
  private formatted = 0;
  private generalDecimals = -1;
  private generalFactor = 1;
  add(m: SheetModel, r: number, c: number, v: number): void {
    this.addInfo(formatInfo(formatAt(m, r, c)), v);
  }
  /** A figure whose format is known (from the model's compact figures). */
  addInfo(info: FormatInfo, v: number): void {
    if (info.unit !== null) {
      if (info.unit > this.formatted) this.formatted = info.unit;
      return;
    }
    if (info.percent) this.generalFactor = 0.01;
    const d = Number.isInteger(v) ? 0 : Math.min(decimalsOf(v, "cell"), 6);
    if (d > this.generalDecimals) this.generalDecimals = d;
  }
  reset(): this {
    this.formatted = 0;
    this.generalDecimals = -1;
    this.generalFactor = 1;
    return this;
  }
  unit(): number {
    const general = this.generalDecimals < 0 ? 0 : unitOf(this.generalDecimals) * this.generalFactor;
    return Math.max(this.formatted, general);
  }
}

const PRECISION = new Precision();

/** The shared empty `missing` of every total that leaves nothing out (one array, not one per total cell). */
const NO_LINES: number[] = Object.freeze([]) as unknown as number[];

/** Ranges along a total's axis, relative (rows of its column, or columns of its row). */
export type Refs = readonly (readonly [number, number])[];

/**
 * The ranges alongRanges last returned: every cell of a total (=SUM(B3:B6), =SUM(C3:C6), …) references the
 * same relative ranges, so they share one array instead of allocating two per total cell.
 */
let lastRefs: Refs | null = null;

/**
 * The ranges a sum formula references along a total's axis (relative rows of its column, or relative columns
 * of its row), or null when it references anything else (another sheet, across the axis, constants).
 */
function alongRanges(m: SheetModel, p: SumFormula, rowAxis: boolean, cross: number): Refs | null {
  const terms = p.terms;
  if (terms.length === 0 || p.constant !== 0) return null;
  const absCross = rowAxis ? m.oCol + cross : m.oRow + cross;
  const origin = rowAxis ? m.oRow : m.oCol;
  const last = lastRefs;
  let same = last !== null && last.length === terms.length;
  for (let k = 0; k < terms.length; k++) {
    const t = terms[k];
    if (t.sheet !== null && t.sheet !== m.name) return null;
    if (
      rowAxis
        ? t.firstCol !== absCross || t.lastCol !== absCross
        : t.firstRow !== absCross || t.lastRow !== absCross
    )
      return null;
    if (same) {
      const lo = (rowAxis ? t.firstRow : t.firstCol) - origin;
      const hi = (rowAxis ? t.lastRow : t.lastCol) - origin;
      same = last![k][0] === lo && last![k][1] === hi;
    }
  }
  if (same) return last;
  // Mapped, not pushed: an exact-size array (a pushed one holds 16 slots), kept as long as the sheet's totals.
  const out = terms.map((t): readonly [number, number] =>
    rowAxis ? [t.firstRow - origin, t.lastRow - origin] : [t.firstCol - origin, t.lastCol - origin],
  );
  lastRefs = out;
  return out;
}

function inRanges(ranges: Refs, i: number): boolean {
  for (const [lo, hi] of ranges) if (i >= lo && i <= hi) return true;
  return false;
}

/** A plain sum formula on this sheet (SUM, SUBTOTAL 9, + of references), or null. */
function plainSum(m: SheetModel, r: number, c: number): SumFormula | null {
  const p = sumFormulaAt(m, r, c);
  if (!p || p.hasMinus || p.constant !== 0) return null;
  for (const t of p.terms) if (t.sheet !== null && t.sheet !== m.name) return null;
  return p;
}

/** A formula that references one single cell. */
function isCopy(p: SumFormula): boolean {
  return (
    !p.usesSum &&
    p.terms.length === 1 &&
    p.terms[0].firstRow === p.terms[0].lastRow &&
    p.terms[0].firstCol === p.terms[0].lastCol
  );
}

/** Cells a reference walk may visit per total before it gives up (nested sums over large ranges). */
const WALK_BUDGET = 200_000;

/**
 * Walks the references of the sum formula at (r, c) through the plain sums it references, down to the cells
 * that are not sums themselves (its leaves). Reports the first nonzero leaf reached by two paths, and collects
 * every cell reached (for "is this line counted, perhaps through a subtotal?").
 */
function walk(m: SheetModel, r: number, c: number, reached?: Set<number>): Twice | null {
  const nCols = m.nCols;
  const root = r * nCols + c;
  // Per leaf, the cell right after the total on the first path that reached it (the leaf itself when direct):
  // paths are told as total → that cell → leaf, without building an array per visit.
  const first = new Map<number, number>();
  const found: { twice: Twice | null } = { twice: null };
  let budget = WALK_BUDGET;
  const onPath = new Set<number>();
  const pathOf = (hop: number, leaf: number) => (hop === leaf ? [root, leaf] : [root, hop, leaf]);
  const visit = (key: number, depth: number, hop: number): boolean => {
    if (--budget < 0) return false;
    const rr = Math.floor(key / nCols),
      cc = key % nCols;
    reached?.add(key);
    let p = depth === 0 || !onPath.has(key) ? plainSum(m, rr, cc) : null;
    // A line that copies one cell (=+E22: unit 202 as unit 201) is a figure of its own, not a subtotal.
    if (p && depth > 0 && isCopy(p) && m.rows[rr]?.kind !== "total") p = null;
    if (p === null || depth > 8) {
      if (depth === 0) return true;
      const v = figureAt(m, rr, cc);
      if (v === undefined || v === 0) return true;
      const seen = first.get(key);
      if (seen === undefined) first.set(key, hop);
      else {
        found.twice ??= { leaf: key, paths: [pathOf(seen, key), pathOf(hop, key)], extra: 0 };
        found.twice.extra += v;
      }
      return true;
    }
    onPath.add(key);
    for (const t of p.terms) {
      const r1 = Math.max(0, t.firstRow - m.oRow),
        r2 = Math.min(m.nRows - 1, t.lastRow - m.oRow);
      const c1 = Math.max(0, t.firstCol - m.oCol),
        c2 = Math.min(nCols - 1, t.lastCol - m.oCol);
      for (let i = r1; i <= r2; i++)
        for (let j = c1; j <= c2; j++) {
          if (i === rr && j === cc) continue;
          // SUBTOTAL leaves out the SUBTOTALs inside its ranges, as Excel does.
          if (p.subtotal && isSubtotalFormula(formulaAt(m, i, j))) continue;
          const child = i * nCols + j;
          if (!visit(child, depth + 1, depth === 0 ? child : hop)) return false;
        }
    }
    onPath.delete(key);
    return true;
  };
  if (!visit(root, 0, root)) return null;
  return found.twice;
}

/** Whether a sum formula's ranges hold any formula (else no cell can be reached twice through a subtotal). */
function rangesHoldFormulas(m: SheetModel, p: SumFormula, r: number, c: number): boolean {
  const formulas = m.sheet.formulas;
  if (!formulas) return false;
  for (const t of p.terms) {
    const r1 = Math.max(0, t.firstRow - m.oRow),
      r2 = Math.min(m.nRows - 1, t.lastRow - m.oRow);
    const c1 = Math.max(0, t.firstCol - m.oCol),
      c2 = Math.min(m.nCols - 1, t.lastCol - m.oCol);
    for (let i = r1; i <= r2; i++) {
      const row = formulas[i];
      if (!row) continue;
      for (let j = c1; j <= c2; j++) if ((i !== r || j !== c) && isFormula(row[j])) return true;
    }
  }
  return false;
}

/** A nonzero cell the sum formula at (r, c) counts twice (directly and through a subtotal, or via two subtotals). */
function countedTwice(m: SheetModel, r: number, c: number): Twice | null {
  return walk(m, r, c);
}

/** The cells the sum formula at (r, c) reaches, through the sums it references too. */
function reachedBy(m: SheetModel, r: number, c: number): Set<number> {
  const reached = new Set<number>();
  walk(m, r, c, reached);
  return reached;
}

function evaluateTotal(m: SheetModel, block: Block, spec: TotalSpec, cross: number): TotalCell | null {
  const rowAxis = spec.axis === "row";
  const r = rowAxis ? spec.idx : cross;
  const c = rowAxis ? cross : spec.idx;
  const value = figureAt(m, r, c);
  if (value === undefined) return null;
  // Along the axis: rows of column c (a row total) or columns of row r (a column total).
  const along = rowAxis ? c : r;
  // The precision the figures are given in: a number format's last digit, or for General cells the most
  // decimals any of them is written with (2,6 beside 11 means tenths, not whole units).
  const precision = PRECISION.reset();
  const figs = figuresOf(m);
  const { values: fv, formatIds, formats, width } = figs;
  // Along the axis in the flat arrays: a row total steps down its column, a column total along its row (the
  // total's own cell is a figure, so its row and column are inside the arrays).
  const base = rowAxis ? c : r * width;
  const step = rowAxis ? width : 1;
  const limit = rowAxis ? figs.rows : width;
  const own = r * width + c;
  const ownId = formatIds[own];
  if (ownId === FORMAT_UNLISTED) precision.add(m, r, c, value);
  else precision.addInfo(formats[ownId], value);
  let expected = 0;
  let n = 0;
  const leaves = spec.leaves;
  for (let k = 0; k < leaves.length; k++) {
    const leaf = leaves[k];
    if (leaf < 0 || leaf >= limit) continue;
    const pos = base + leaf * step;
    const x = fv[pos];
    if (x !== x) continue;
    expected += x;
    n++;
    const id = formatIds[pos];
    if (id !== FORMAT_UNLISTED) precision.addInfo(formats[id], x);
    else if (rowAxis) precision.add(m, leaf, c, x);
    else precision.add(m, r, leaf, x);
  }
  // A typed total with no figures among its lines (an income Subsubtotal typed 0 over cost lines) is kept only
  // so that sum.hardcoded can see it beside its formula peers; there is nothing to add up.
  const formula = formulaAt(m, r, c);
  if (n === 0 && (formula || scratchRow(spec) || spec.leaves.length === 0)) return null;
  const unit = precision.unit();
  const tolerance = roundingTolerance(Math.max(n, 1), unit) + 1e-9 * Math.max(1, Math.abs(expected));
  const empty = n === 0;
  const cell: TotalCell = {
    model: m,
    block,
    spec,
    r,
    c,
    value,
    formula,
    expected,
    n,
    tolerance,
    status: "ok",
    // Every optional field is present from the start: one object shape for all total cells (set later, they
    // would each grow a property store of their own, ~100 000 of them on a big sheet).
    refs: undefined,
    fits: undefined,
    peerFormulas: undefined,
    detail: undefined,
  };
  if (empty) {
    // Nothing to add up: a typed 0 may be an overwritten formula (sum.hardcoded decides), any other typed figure
    // (last year's balance beside this year's subtotals) is a figure of its own.
    if (value !== 0) cell.status = "unchecked";
    return cell;
  }
  let p: SumFormula | null = null;
  let refs: Refs | null = null;
  if (cell.formula) {
    // A formula total is what it references: its value is right by construction. What can be wrong is which
    // cells it references (sum.range-gap, decided against its peers) and whether a cell is reached twice
    // (sum.double-count, decided on the reference graph). A formula of another shape (A − B, a product, a
    // reference across the axis, another function) states its own relation: there is no sum of ours to check.
    p = sumFormulaAt(m, r, c);
    refs = p ? alongRanges(m, p, rowAxis, rowAxis ? c : r) : null;
    // A crossing total (the TOTALS column's Subtotal =SUM(AA39:AA43)) sums the other axis: on this axis its
    // value must still be the sum of its lines, as a typed total's is (a line's missing TOTALS cell shows here).
    const crossing =
      p &&
      !refs &&
      !p.hasMinus &&
      alongRanges(m, p, !rowAxis, rowAxis ? r : c) !== null &&
      spec.leaves.length >= 2;
    if (!crossing && (!p || !refs || p.hasMinus)) {
      cell.status = "unchecked";
      return cell;
    }
  }
  // Parsed once above: the formula's own ranges along the axis (null for a crossing total).
  if (p && refs) {
    cell.refs = refs;
    // The subtotals as written are added up only when the lines do not fit (the common total fits them).
    let fits = Math.abs(value - expected) <= tolerance;
    if (!fits) {
      let alt = 0;
      for (const idx of spec.covers) alt += alongAt(m, rowAxis, along, idx) ?? 0;
      fits = Math.abs(value - alt) <= tolerance;
    }
    cell.fits = fits;
    // Plain ranges over plain figures (the common total) cannot count a cell twice unless they overlap.
    const twice = p.terms.length > 1 || rangesHoldFormulas(m, p, r, c) ? countedTwice(m, r, c) : null;
    if (twice) {
      cell.status = "double-count";
      detailOf(cell).twice = twice;
      cell.expected = clean(value - twice.extra);
      return cell;
    }
    return cell;
  }
  if (Math.abs(value - expected) > tolerance && rowAxis && block.sides) {
    // Intäkter and kostnader both written positive: the net row is their difference (either way round).
    const at = (i: number) => alongAt(m, rowAxis, along, i);
    const net = netOf(block, leaves, at) ?? netOf(block, spec.covers, at);
    if (net) {
      const fitsNet = (x: number) => Math.abs(value - x) <= tolerance;
      if (fitsNet(net.revenue - net.cost) || fitsNet(net.cost - net.revenue)) {
        detailOf(cell).net = true;
        cell.expected = fitsNet(net.revenue - net.cost)
          ? clean(net.revenue - net.cost)
          : clean(net.cost - net.revenue);
        return cell;
      }
      if (net.positiveCosts) {
        const a = clean(net.revenue - net.cost);
        detailOf(cell).net = true;
        cell.status = "mismatch";
        cell.expected = Math.abs(value - a) <= Math.abs(value + a) ? a : clean(-a);
        return cell;
      }
    }
  }
  if (Math.abs(value - expected) > tolerance) {
    // A "Total" between the smallest and the largest of its positive lines is an average or an index
    // (Nöjd medborgarindex: Totalt 70), not a sum: there is no sum to check.
    if (n >= 2) {
      let min = Infinity,
        max = -Infinity,
        positive = true;
      for (const leaf of leaves) {
        const x = alongAt(m, rowAxis, along, leaf);
        if (x === undefined) continue;
        if (x <= 0) positive = false;
        if (x < min) min = x;
        if (x > max) max = x;
      }
      if (positive && value >= min && value <= max) {
        cell.status = "unchecked";
        return cell;
      }
    }
    // Totals of subtotals may add up the subtotals as written (a wrong subtotal is its own finding).
    let alt = 0;
    for (const idx of spec.covers) alt += alongAt(m, rowAxis, along, idx) ?? 0;
    if (Math.abs(value - alt) > tolerance) cell.status = "mismatch";
    cell.expected = clean(expected);
  }
  cell.fits = cell.status === "ok";
  return cell;
}

/**
 * A row that is a total only by its SUM formulas and whose label does not call it one either ("Subsubtotalt"
 * does): its typed figures are figures of their own (scratch numbers), not totals.
 */
function scratchRow(spec: TotalSpec): boolean {
  return spec.byFormula && !/total|summa|\bsum\b|s:a/i.test(spec.label);
}

/**
 * The value of a contiguous run of figures right before a typed total along its axis (the lines directly
 * above a total row, left of a total column) that adds up to it, if any: then the total is the total of that
 * run, and our reading of its lines (by labels and headings) was what went wrong.
 */
function fitsRunBefore(cell: TotalCell): boolean {
  const m = cell.model;
  const rowAxis = cell.spec.axis === "row";
  const at = (i: number) => (rowAxis ? figureAt(m, i, cell.c) : figureAt(m, cell.r, i));
  const start = rowAxis ? cell.block.first : cell.block.labelCol + 1;
  let sum = 0,
    n = 0;
  for (let i = cell.spec.idx - 1; i >= start; i--) {
    const x = at(i);
    if (x === undefined) continue;
    sum += x;
    n++;
    if (n >= 2 && Math.abs(cell.value - sum) <= cell.tolerance) return true;
  }
  return false;
}

/**
 * Lines along the axis a peer-less SUM can be said to leave out: lines between its range and the total below
 * it (blank rows may stand between), and lines of the same block right before the range (up to a blank row, a
 * heading or another total) that hold a nonzero figure. An income column's zeros before the first cost line
 * of a cost SUM are not left out: they add nothing.
 */
function linesBetween(cell: TotalCell): number[] {
  return linesLeftOut(cell.model, cell.block, cell.spec, cell.r, cell.c, cell.refs!);
}

/** linesBetween of a total cell at (r, c) referencing `refs`, told by its parts (plainSpec has no cell object). */
function linesLeftOut(
  m: SheetModel,
  block: Block,
  spec: TotalSpec,
  r: number,
  c: number,
  refs: Refs,
): number[] {
  if (refs.length !== 1) return NO_LINES;
  const [lo, hi] = refs[0];
  const idx = spec.idx;
  if (hi >= idx || lo > hi) return NO_LINES;
  // Made at the first line found: most SUMs leave none out.
  let out: number[] | null = null;
  if (spec.axis === "row") {
    for (let i = hi + 1; i < idx; i++) {
      const k = m.rows[i].kind;
      if (k === "excluded" || k === "blank") continue;
      if (k !== "line") return ownLinesAbove(m, block, spec, c, refs);
      if (figureAt(m, i, c) !== undefined) (out ??= []).push(i);
    }
    for (let i = lo - 1; i >= block.first; i--) {
      const k = m.rows[i].kind;
      if (k === "excluded") continue;
      if (k !== "line") break;
      // Contiguous figures only: an empty cell or a derived figure (=I84-I64) ends the run.
      const x = figureAt(m, i, c);
      if (x === undefined || formulaAt(m, i, c)) break;
      if (x !== 0) (out ??= []).push(i);
    }
    // Only figures that change the sum make a gap of this kind (zeros are an income/cost split).
    if (out === null || !out.some((i) => (figureAt(m, i, c) ?? 0) !== 0)) return NO_LINES;
  } else if (hi + 1 < idx) {
    const byCol = new Map(block.columns.map((ci) => [ci.col, ci]));
    for (let i = hi + 1; i < idx; i++) {
      const ci = byCol.get(i);
      if (!ci || ci.kind !== "line") return NO_LINES;
      if (figureAt(m, r, i) !== undefined) (out ??= []).push(i);
    }
  }
  return out === null ? NO_LINES : out.sort((x, y) => x - y);
}

/**
 * A SUM whose range lies above another total (=SUM(F136) at F146 with F140 and F142 between): the lines of its
 * own block, right above it (up to a blank row, a heading or another total), that it does not reference.
 */
function ownLinesAbove(m: SheetModel, block: Block, spec: TotalSpec, c: number, refs: Refs): number[] {
  const out: number[] = [];
  let i = spec.idx - 1;
  while (i >= 0 && (m.rows[i].kind === "blank" || m.rows[i].kind === "excluded")) i--;
  for (; i >= block.first; i--) {
    const k = m.rows[i].kind;
    if (k === "excluded") continue;
    if (k !== "line") break;
    const x = figureAt(m, i, c);
    if (x !== undefined && x !== 0 && !inRanges(refs, i)) out.push(i);
  }
  return out.sort((x, y) => x - y);
}

/** Whether peer p holds a nonzero figure of its own on some line it references and x does not. */
function addsBeyond(p: TotalCell, x: TotalCell): boolean {
  const m = p.model;
  const rowAxis = p.spec.axis === "row";
  for (const [lo, hi] of p.refs!)
    for (let i = Math.max(0, lo); i <= hi; i++) {
      if (i === x.spec.idx || inRanges(x.refs!, i) || !isAddend(x, i)) continue;
      const v = rowAxis ? figureAt(m, i, p.c) : figureAt(m, p.r, i);
      if (v !== undefined && v !== 0) return true;
    }
  return false;
}

/** Whether an index along the axis holds something a total adds (a line or a total), not a heading or note. */
function isAddend(cell: TotalCell, i: number): boolean {
  if (cell.spec.axis === "row") {
    const k = cell.model.rows[i]?.kind;
    return k === "line" || k === "total";
  }
  const ci = cell.block.columns.find((x) => x.col === i);
  return ci !== undefined && (ci.kind === "line" || ci.kind === "total");
}

/** The figure at index i along a total's axis (rows of column `cross`, or columns of row `cross`). */
function alongAt(m: SheetModel, rowAxis: boolean, cross: number, i: number): number | undefined {
  return rowAxis ? figureAt(m, i, cross) : figureAt(m, cross, i);
}

/** Single-range shape tags: lo × SHAPE_SPAN + hi (exact in a double for any sheet Excel can hold). */
const SHAPE_SPAN = 2 ** 24;

/** decideSpec's candidates when the peers have one shape: never written, so one map serves every total. */
const NO_CANDIDATES = new Map<number, TotalCell[]>();
const NO_PEERS: TotalCell[] = Object.freeze([]) as unknown as TotalCell[];

/**
 * Decides one total (a row or column of total cells) as a whole: a SUM that leaves out lines its peers include
 * (or lines standing between its range and itself) is a range gap; a typed total that misfits its lines is a
 * mismatch only when our reading of the lines fits most of the total's cells and no run of lines explains it.
 */
function decideSpec(all: TotalCell[], from: number, to: number): void {
  if (from >= to) return;
  const m = all[from].model;
  const rowAxis = all[from].spec.axis === "row";
  // Peers that reference along the axis; usually every one of them references the same ranges (one shape),
  // and then no peer references what another does not: the shapes are grouped only when they differ.
  let anyRefs = false;
  let first: Refs | null = null;
  let oneShape = true;
  for (let k = from; k < to; k++) {
    const refs = all[k].refs;
    if (!refs) continue;
    anyRefs = true;
    if (all[k].status !== "ok") continue;
    if (first === null) first = refs;
    else if (oneShape && !sameRefs(first, refs)) oneShape = false;
  }
  if (anyRefs) for (let k = from; k < to; k++) all[k].peerFormulas = true;
  if (first === null) {
    decideTyped(all, from, to);
    return;
  }
  if (oneShape) {
    for (let k = from; k < to; k++) {
      const x = all[k];
      if (x.refs && x.status === "ok") decideRefs(x, m, rowAxis, NO_CANDIDATES);
    }
    resetZeroGaps(all, from, to);
  } else {
    const withRefs: TotalCell[] = [];
    for (let k = from; k < to; k++) if (all[k].refs && all[k].status === "ok") withRefs.push(all[k]);
    // Peers grouped by what they reference: the same total in every column usually has one or two shapes.
    const shapes = new Map<string | number, TotalCell[]>();
    for (const x of withRefs) {
      const refs = x.refs!;
      // One range (the common total) tagged by a number, no string built per cell; others by their text.
      const lo = refs[0][0],
        hi = refs[0][1];
      const tag =
        refs.length === 1 && lo >= 0 && hi >= 0 && hi < SHAPE_SPAN
          ? lo * SHAPE_SPAN + hi
          : refs.map(([a, b]) => `${a}:${b}`).join(",");
      const list = shapes.get(tag);
      if (list) list.push(x);
      else if (shapes.size < 20) shapes.set(tag, [x]);
    }
    for (const x of withRefs) {
      // Candidates from the peers' direct references; confirmed against everything x reaches through its sums.
      const candidates = new Map<number, TotalCell[]>();
      const cross = rowAxis ? x.c : x.r;
      for (const list of shapes.values()) {
        const peer = list[0] === x ? list[1] : list[0];
        if (!peer || list.includes(x)) continue;
        // A peer is evidence only where its own figures on the lines it adds beyond x say something: a zero-filled
        // income column whose SUM runs over the cost lines (all 0 there) may simply have the wider range.
        if (!list.some((p) => addsBeyond(p, x))) continue;
        for (const [lo, hi] of peer.refs!)
          for (let i = Math.max(0, lo); i <= hi; i++) {
            if (i === x.spec.idx || inRanges(x.refs!, i)) continue;
            if (alongAt(m, rowAxis, cross, i) === undefined || !isAddend(x, i)) continue;
            const have = candidates.get(i);
            if (!have) candidates.set(i, list);
            else if (have !== list) candidates.set(i, [...have, ...list]);
          }
      }
      decideRefs(x, m, rowAxis, candidates);
    }
    for (const list of shapes.values()) resetZeroGaps(list, 0, list.length);
  }
  decideTyped(all, from, to);
}

/** Whether two totals reference the same ranges along their axis. */
function sameRefs(a: Refs, b: Refs): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k][0] !== b[k][0] || a[k][1] !== b[k][1]) return false;
  return true;
}

/** The index of a cell along a total's axis (cross: its column for a row total, its row for a column total). */
function keyAlong(m: SheetModel, rowAxis: boolean, cross: number, i: number): number {
  return rowAxis ? i * m.nCols + cross : cross * m.nCols + i;
}

/**
 * A SUM total's range gap: the candidate lines (from peers of other shapes) it does not reach, and the lines of
 * its own block it leaves out.
 */
function decideRefs(
  x: TotalCell,
  m: SheetModel,
  rowAxis: boolean,
  candidates: ReadonlyMap<number, TotalCell[]>,
): void {
  const cross = rowAxis ? x.c : x.r;
  let missing: number[] = NO_LINES;
  let peers: TotalCell[] = NO_PEERS;
  if (candidates.size > 0) {
    missing = [];
    peers = [];
    const reached = reachedBy(m, x.r, x.c);
    for (const [i, list] of candidates) {
      if (reached.has(keyAlong(m, rowAxis, cross, i))) continue;
      missing.push(i);
      for (const p of list) if (p !== x && !peers.includes(p)) peers.push(p);
    }
    missing.sort((a, b) => a - b);
  }
  // Lines of its own block it leaves out, peers or not (a cost SUM that skips the block's last cost line
  // while the income column's SUM covers the income lines only).
  let own = linesBetween(x);
  if (own.length > 0 && missing.length > 0) own = own.filter((i) => !missing.includes(i));
  if (own.length > 0) {
    // Lines counted through a subtotal in the range (a Grand Total =SUM(B21:B22) over its Subtotal) are in.
    const reached = reachedBy(m, x.r, x.c);
    own = own.filter((i) => !reached.has(keyAlong(m, rowAxis, cross, i)));
    if (!own.some((i) => (alongAt(m, rowAxis, cross, i) ?? 0) !== 0)) own = [];
  }
  if (own.length > 0) {
    if (!missing.some((i) => (alongAt(m, rowAxis, cross, i) ?? 0) !== 0)) {
      missing = own;
      peers = [];
      detailOf(x).between = true;
    } else missing = [...missing, ...own].sort((a, b) => a - b);
  }
  if (missing.length === 0) return;
  const detail = detailOf(x);
  detail.missing = missing;
  detail.peers = peers;
  let extra = 0;
  let nonzero = false;
  for (const i of missing) {
    const v = alongAt(m, rowAxis, cross, i) ?? 0;
    extra += v;
    if (v !== 0) nonzero = true;
  }
  x.status = nonzero ? "range-gap" : "range-gap-zero";
  x.expected = clean(x.value + extra);
}

/**
 * A line left out that is empty or zero here is worth a warning only where the same SUM shape leaves out a
 * line with a figure in another column (one wrong pattern); an income column's SUM that skips the cost lines
 * (zero there) beside a cost column that includes them is two columns of one layout, not a gap. The cells
 * from..to of `list` hold one shape's SUMs (and cells without refs, which have no gap of this kind).
 */
function resetZeroGaps(list: TotalCell[], from: number, to: number): void {
  for (let k = from; k < to; k++) if (list[k].status === "range-gap") return;
  for (let k = from; k < to; k++) {
    const x = list[k];
    if (x.status === "range-gap-zero" && !x.detail?.between) {
      x.status = "ok";
      const detail = detailOf(x);
      detail.missing = NO_LINES;
      detail.peers = undefined;
      x.expected = x.value;
    }
  }
}

/**
 * Typed totals: trusted only where our reading fits at least as many of the total's cells as it misfits
 * (a lone total has only its own cell to go by).
 */
function decideTyped(all: TotalCell[], from: number, to: number): void {
  let fits = 0,
    misfits = 0,
    mismatches = 0;
  for (let k = from; k < to; k++) {
    const x = all[k];
    if (x.status === "mismatch") mismatches++;
    if (x.status === "unchecked" || x.fits === undefined) continue;
    // A SUM that misses lines of our reading (a range gap) or counts one twice is explained by its own
    // finding: it says nothing against the reading of the lines.
    if (x.status === "range-gap" || x.status === "double-count") continue;
    if (x.fits) fits++;
    else misfits++;
  }
  if (mismatches === 0) return;
  for (let k = from; k < to; k++) {
    const x = all[k];
    if (x.status !== "mismatch") continue;
    // A row that is a total only by its SUM formulas says nothing of its typed cells: a typed figure there
    // that does not add up is a figure of its own (a scratch number), not a total.
    if (scratchRow(x.spec) && !x.formula && !x.detail?.net) x.status = "unchecked";
    else if (misfits > fits && misfits >= 2) x.status = "unchecked";
    else if (fitsRunBefore(x)) x.status = "ok";
  }
}

/** Σ intäkter and Σ kostnader of the given rows, when every one of them is on a side and both sides occur. */
function netOf(
  block: Block,
  idxs: readonly number[],
  at: (i: number) => number | undefined,
): { revenue: number; cost: number; positiveCosts: boolean } | null {
  const sides = block.sides!;
  let revenue = 0,
    cost = 0,
    nr = 0,
    nc = 0,
    negativeCosts = 0;
  for (const i of idxs) {
    const x = at(i);
    if (x === undefined) continue;
    const side = sides[i - block.first];
    if (side === 0) return null;
    if (side > 0) {
      revenue += x;
      nr++;
    } else {
      cost += x;
      nc++;
      if (x < 0) negativeCosts++;
    }
  }
  if (nr === 0 || nc === 0) return null;
  return { revenue, cost, positiveCosts: negativeCosts * 2 < nc };
}

/**
 * Which two operands a difference (Avvikelse, Återstår, Förändring) is the difference of: the ordered pair that
 * fits the most places. Reports the places that do not fit, once the pair is clear (≥ 2 fits and ≥ 60 %).
 */
function fitDifference(
  m: SheetModel,
  block: Block,
  axis: "col" | "row",
  d: number,
  operands: number[],
  cross: number[],
  out: DiffCell[],
): void {
  if (operands.length < 2) return;
  const eitherWay = axis === "col" && block.sides !== undefined;
  const cell = (along: number, x: number) => (axis === "col" ? [x, along] : [along, x]) as [number, number];
  const fit = (x: number, a: number, b: number): boolean | null => {
    const [dr, dc] = cell(d, x),
      [ar, ac] = cell(a, x),
      [br, bc] = cell(b, x);
    const dv = figureAt(m, dr, dc),
      av = figureAt(m, ar, ac),
      bv = figureAt(m, br, bc);
    if (dv === undefined || av === undefined || bv === undefined) return null;
    const u = Math.max(shownUnit(m, dr, dc, dv), shownUnit(m, ar, ac, av), shownUnit(m, br, bc, bv));
    const tol = differenceAllowance(u, dv);
    if (isDifference(dv, av, bv, tol)) return true;
    // Intäkter and kostnader in one table: a deviation is "positive = better", so it runs either way round.
    return eitherWay && isDifference(dv, bv, av, tol);
  };
  let best: { a: number; b: number; fits: number; places: number } | null = null;
  for (const a of operands)
    for (const b of operands) {
      if (a === b) continue;
      let fits = 0,
        places = 0;
      for (const x of cross) {
        const f = fit(x, a, b);
        if (f === null) continue;
        places++;
        if (f) fits++;
      }
      if (!best || fits > best.fits) best = { a, b, fits, places };
    }
  if (!best || best.fits < 2 || best.fits < 0.6 * best.places || best.fits === best.places) return;
  for (const x of cross) {
    if (fit(x, best.a, best.b) !== false) continue;
    const [dr, dc] = cell(d, x),
      [ar, ac] = cell(best.a, x),
      [br, bc] = cell(best.b, x);
    const value = figureAt(m, dr, dc)!;
    const expected = clean(figureAt(m, ar, ac)! - figureAt(m, br, bc)!);
    out.push({ model: m, block, axis, r: dr, c: dc, value, expected, a: best.a, b: best.b });
  }
}

/**
 * A column that is =X − Y of the same row in most rows is a difference column whatever its header says
 * ("Externt resultat" =H2-G2): a row where it is typed or written otherwise and is not X − Y is the finding (the
 * totals row is a sum, checked as one; an empty cell is a line without that figure, not a wrong one).
 */
function formulaDifferences(m: SheetModel, block: Block, out: DiffCell[]): void {
  const formulas = m.sheet.formulas;
  if (!formulas) return;
  // The block's lines, and whether three of them hold a formula at all (a column of A − B formulas needs three):
  // most blocks have none, and then no column is read cell by cell.
  let lineCount = 0;
  let formulaLines = 0;
  for (const r of block.dataRows) {
    if (m.rows[r].kind !== "line") continue;
    lineCount++;
    if (formulaLines < 3 && holdsFormula(formulas[r])) formulaLines++;
  }
  if (lineCount < 4 || formulaLines < 3) return;
  let rows: number[] | null = null;
  for (const ci of block.columns) {
    if (ci.kind === "diff" || ci.kind === "skip") continue;
    const d = ci.col;
    // Made at the first A − B formula only: most columns of most blocks hold none.
    let pairs: Map<number, number> | null = null;
    let shaped = 0;
    for (const r of block.dataRows) {
      if (m.rows[r].kind !== "line") continue;
      const f = formulas[r]?.[d];
      if (!isFormula(f)) continue;
      const pair = differencePair(m, f, r);
      if (pair === null) continue;
      shaped++;
      pairs ??= new Map<number, number>();
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
    if (shaped < 3 || !pairs) continue;
    let best = -1,
      count = 0;
    for (const [pair, n] of pairs)
      if (n > count) {
        best = pair;
        count = n;
      }
    if (count < 3 || count < 0.6 * lineCount) continue;
    const a = Math.floor(best / m.nCols),
      b = best % m.nCols;
    rows ??= block.dataRows.filter((r) => m.rows[r].kind === "line");
    for (const r of rows) {
      const f = formulas[r]?.[d];
      if (isFormula(f) && differencePair(m, f, r) === best) continue;
      if (isFormula(f) && figureAt(m, r, d) === undefined) continue;
      const av = figureAt(m, r, a),
        bv = figureAt(m, r, b);
      if (av === undefined && bv === undefined) continue;
      const expected = clean((av ?? 0) - (bv ?? 0));
      // An empty cell is left out, not wrong: per-line balances stand "where present" in real budgets.
      const v = figureAt(m, r, d);
      if (v === undefined) continue;
      const value = v;
      const u = Math.max(shownUnit(m, r, a, av ?? 0), shownUnit(m, r, b, bv ?? 0), shownUnit(m, r, d, value));
      if (Math.abs(value - expected) <= differenceAllowance(u, expected)) continue;
      out.push({
        model: m,
        block,
        axis: "col",
        r,
        c: d,
        value,
        expected,
        a,
        b,
        fits: count,
      });
    }
  }
}

/** Whether a row of the sheet's formulas holds any formula. */
function holdsFormula(row: readonly (string | null)[] | undefined): boolean {
  if (!row) return false;
  for (let j = 0; j < row.length; j++) if (isFormula(row[j])) return true;
  return false;
}

/** (a × nCols + b) for a formula =A − B of two cells of row r of this sheet, else null. */
function differencePair(m: SheetModel, f: string, r: number): number | null {
  const p = parseSumFormula(f);
  if (!p || p.terms.length !== 2 || p.constant !== 0) return null;
  const [x, y] = p.terms;
  const absR = m.oRow + r;
  for (const t of p.terms)
    if (
      (t.sheet !== null && t.sheet !== m.name) ||
      t.firstRow !== absR ||
      t.lastRow !== absR ||
      t.firstCol !== t.lastCol
    )
      return null;
  if (x.sign !== 1 || y.sign !== -1) return null;
  const a = x.firstCol - m.oCol,
    b = y.firstCol - m.oCol;
  if (a < 0 || b < 0 || a >= m.nCols || b >= m.nCols) return null;
  return a * m.nCols + b;
}

/** Difference columns, and difference rows (transposed tables: Budget / Utfall / Avvikelse as rows). */
function evaluateDiffs(m: SheetModel, block: Block, out: DiffCell[]): void {
  // Most blocks have neither a difference column nor a difference row: then no operand lists are built.
  let diffRow = false;
  for (let r = block.first; r <= block.last && !diffRow; r++) if (m.rows[r].diff) diffRow = true;
  if (!diffRow && !block.columns.some((ci) => ci.kind === "diff")) return;
  const operandCols = block.columns
    .filter((ci) => ci.kind === "line" || ci.kind === "total")
    .map((ci) => ci.col);
  for (const d of block.columns) {
    if (d.kind !== "diff") continue;
    fitDifference(
      m,
      block,
      "col",
      d.col,
      operandCols.filter((c) => c < d.col).slice(-4),
      block.dataRows,
      out,
    );
  }
  const figureCols = block.columns.filter((ci) => ci.kind !== "skip").map((ci) => ci.col);
  for (let r = block.first; r <= block.last; r++) {
    if (!m.rows[r].diff) continue;
    const above = block.dataRows.filter((x) => x < r).slice(-4);
    fitDifference(m, block, "row", r, above, figureCols, out);
  }
}

/** A SUMIFS total down its own column that picks rows by one label criterion: the label column and text. */
function labelSumIfs(m: SheetModel, x: TotalCell): { q: SumIfs; labelCol: number; label: string } | null {
  if (!x.formula || x.spec.axis !== "row") return null;
  const q = parseSumIfs(x.formula);
  if (!q) return null;
  const absC = m.oCol + x.c;
  if (q.sum.firstCol !== absC || q.sum.lastCol !== absC || q.sum.lastRow >= m.oRow + x.r) return null;
  const labels = q.criteria.filter(
    (k) =>
      typeof k.criterion === "string" && k.range.firstCol === k.range.lastCol && k.range.firstCol !== absC,
  );
  if (labels.length !== 1 || meetsCriterion("", labels[0].criterion) === null) return null;
  return { q, labelCol: labels[0].range.firstCol - m.oCol, label: labels[0].criterion as string };
}

/**
 * "Total Intäkter" =SUMIFS(D9:D20,C9:C20,"Subsubtotal",D9:D20,">=0"): a SUMIFS that splits the rows of a label by
 * the sign of their own figures (beside its "<0" twin) is meant to take every such row of the table, whatever its
 * section. A row with that label, meeting its criteria, that another SUMIFS of the same label in the same column
 * takes (the Subtotal =SUMIFS(D3:D17,C3:C17,"Subsubtotal")) but this one's range leaves out, is a range gap.
 */
function signSplitGaps(m: SheetModel, cells: TotalCell[]): void {
  const sumIfsCells: { x: TotalCell; q: SumIfs; labelCol: number; label: string }[] = [];
  for (const x of cells) {
    if (x.status !== "unchecked" || !x.formula || !/sumif/i.test(x.formula)) continue;
    const l = labelSumIfs(m, x);
    if (l) sumIfsCells.push({ x, ...l });
  }
  if (sumIfsCells.length < 2) return;
  for (const a of sumIfsCells) {
    const s = a.q.sum;
    // The sign split: a criterion on the sum range itself.
    const own = a.q.criteria.filter(
      (k) =>
        k.range.firstCol === s.firstCol &&
        k.range.lastCol === s.lastCol &&
        k.range.firstRow === s.firstRow &&
        k.range.lastRow === s.lastRow,
    );
    if (own.length === 0) continue;
    const missing: number[] = [];
    const peers: TotalCell[] = [];
    for (const b of sumIfsCells) {
      if (b === a || b.x.block !== a.x.block || b.x.c !== a.x.c || b.labelCol !== a.labelCol) continue;
      if (b.label.toLowerCase() !== a.label.toLowerCase()) continue;
      for (let abs = b.q.sum.firstRow; abs <= b.q.sum.lastRow; abs++) {
        const i = abs - m.oRow;
        if (
          (abs >= s.firstRow && abs <= s.lastRow) ||
          i >= a.x.r ||
          i < a.x.block.first ||
          missing.includes(i)
        )
          continue;
        if (meetsCriterion(m.values[i]?.[a.labelCol], a.label) !== true) continue;
        const v = figureAt(m, i, a.x.c);
        if (v === undefined || v === 0) continue;
        if (!own.every((k) => meetsCriterion(v, k.criterion) === true)) continue;
        missing.push(i);
        if (!peers.includes(b.x)) peers.push(b.x);
      }
    }
    if (missing.length === 0) continue;
    missing.sort((p, q) => p - q);
    let extra = 0;
    for (const i of missing) extra += figureAt(m, i, a.x.c) ?? 0;
    a.x.status = "range-gap";
    const detail = detailOf(a.x);
    detail.missing = missing;
    detail.peers = peers;
    a.x.expected = clean(a.x.value + extra);
  }
}

/** The first and last leaf line along a total's axis that holds a figure, for messages (-1 for none). */
export function leafSpan(cell: TotalCell): { first: number; last: number } {
  const m = cell.model;
  const rowAxis = cell.spec.axis === "row";
  let first = -1,
    last = -1;
  for (const leaf of cell.spec.leaves) {
    if (alongAt(m, rowAxis, rowAxis ? cell.c : cell.r, leaf) === undefined) continue;
    if (first < 0) first = leaf;
    last = leaf;
  }
  return { first, last };
}

/** The table and the column (row totals) or row (column totals) a total cell stands in. */
export function lineKey(cell: TotalCell): string {
  return `${tableKey(cell)}|${cell.spec.axis === "row" ? `c${cell.c}` : `r${cell.r}`}`;
}

/**
 * The table a total cell belongs to, as a number unique on its sheet: its block and, within it, the table its
 * row is in (a table starts on a row of its own, so there are fewer than nRows + 1 per block).
 */
export function tableKey(cell: TotalCell): number {
  return tableKeyAt(cell.model, cell.block, cell.r);
}

/** tableKey of a total cell on row r of the block. */
function tableKeyAt(m: SheetModel, block: Block, r: number): number {
  return block.id * (m.nRows + 1) + tableOf(block, r);
}

const cache = new WeakMap<SheetModel, SheetTotals>();

export function sheetTotals(m: SheetModel): SheetTotals {
  const hit = cache.get(m);
  if (hit) return hit;
  const result = totalsOf(m, true);
  cache.set(m, result);
  return result;
}

/**
 * sheetTotals made afresh with every total evaluated cell by cell, plainSpec's shortcut not taken: the tests
 * hold the two to the same result.
 */
export function sheetTotalsCellByCell(m: SheetModel): SheetTotals {
  return totalsOf(m, false);
}

function totalsOf(m: SheetModel, shortcut: boolean): SheetTotals {
  const cells: TotalCell[] = [];
  const diffs: DiffCell[] = [];
  const formulaTotals = new Map<number, number>();
  const plain: PlainTotal[] = [];
  // Each total's cells are pushed together: decideSpec takes them as a range of `cells`, no array per total.
  for (const block of m.blocks) {
    for (const spec of block.rowTotals) {
      // The common total (a Summa row of =SUM over the lines above it) is told plain without making its cells.
      const n = shortcut ? plainSpec(m, block, spec, NO_ROWS) : -1;
      if (n >= 0) {
        if (n > 0) {
          const key = tableKeyAt(m, block, spec.idx);
          formulaTotals.set(key, (formulaTotals.get(key) ?? 0) + n);
          plain.push({ block, spec, at: cells.length });
        }
        continue;
      }
      const from = evaluateSpec(m, block, spec, NO_ROWS, cells);
      // A row total's cells all stand on its row, so in one table: its formulas are counted once per row.
      let formulas = 0;
      for (let k = from; k < cells.length; k++) if (cells[k].formula) formulas++;
      if (formulas > 0) {
        const key = tableKey(cells[from]);
        formulaTotals.set(key, (formulaTotals.get(key) ?? 0) + formulas);
      }
      keepPlain(cells, from, block, spec, plain);
    }
    // A total column over a single column is no sum across columns ("Antal | à-pris | Totalt" is a product).
    // Filtered only where there are total columns: most blocks have none, and then no array is made.
    const colSpecs =
      block.colTotals.length === 0 ? block.colTotals : block.colTotals.filter((t) => t.leaves.length >= 2);
    const crossRows = colSpecs.length > 0 ? crossRowsOf(m, block) : NO_ROWS;
    for (const spec of colSpecs) {
      const n = shortcut ? plainSpec(m, block, spec, crossRows) : -1;
      if (n >= 0) {
        if (n > 0) {
          for (const r of plainRows) {
            const key = tableKeyAt(m, block, r);
            formulaTotals.set(key, (formulaTotals.get(key) ?? 0) + 1);
          }
          plain.push({ block, spec, at: cells.length });
        }
        continue;
      }
      const from = evaluateSpec(m, block, spec, crossRows, cells);
      for (let k = from; k < cells.length; k++)
        if (cells[k].formula) {
          const key = tableKey(cells[k]);
          formulaTotals.set(key, (formulaTotals.get(key) ?? 0) + 1);
        }
      keepPlain(cells, from, block, spec, plain);
    }
    evaluateDiffs(m, block, diffs);
    formulaDifferences(m, block, diffs);
  }
  signSplitGaps(m, cells);
  // A total whose mismatch comes from a wrong total it sums on the other axis (the Summa row's Helår when one
  // quarter's SUM misses a line) is a consequence of that finding, not a second one.
  const broken = new Set<number>();
  for (const cell of cells)
    if (cell.status !== "ok" && cell.status !== "unchecked" && cell.status !== "range-gap-zero")
      broken.add(cell.r * m.nCols + cell.c);
  if (broken.size > 0)
    for (const cell of cells) {
      if (cell.status !== "mismatch") continue;
      const along = [...cell.spec.covers, ...cell.spec.leaves];
      const covers =
        cell.spec.axis === "row"
          ? along.map((i) => i * m.nCols + cell.c)
          : along.map((i) => cell.r * m.nCols + i);
      if (covers.some((k) => broken.has(k))) cell.status = "ok";
    }
  // A total that counts a cell twice only because a total it references does so (=E73+E79+E87 where E87
  // counts E79 and its lines) follows from that finding.
  const doubled = new Set<number>();
  for (const cell of cells) if (cell.status === "double-count") doubled.add(cell.r * m.nCols + cell.c);
  for (const cell of cells) {
    const detail = cell.detail;
    if (cell.status !== "double-count" || !detail?.twice) continue;
    const own = cell.r * m.nCols + cell.c;
    for (const path of detail.twice.paths)
      for (const k of path.slice(1, -1))
        if (k !== own && doubled.has(k) && !detail.causedBy)
          detail.causedBy = { r: Math.floor(k / m.nCols), c: k % m.nCols, rule: "sum.double-count" };
  }
  // A difference that is wrong only because what it is computed from is wrong (Avvikelse of a typed net row that
  // is off, the Summa row's Avvikelse when one line's Avvikelse is off) follows from that finding.
  for (const d of diffs) {
    const at = (x: number) => (d.axis === "col" ? d.r * m.nCols + x : x * m.nCols + d.c);
    for (const x of [d.a, d.b]) {
      const k = at(x);
      if (!broken.has(k)) continue;
      const cause = cells.find(
        (t) => t.r * m.nCols + t.c === k && t.status !== "ok" && t.status !== "unchecked",
      );
      if (cause) {
        const rule: RuleId =
          cause.status === "double-count"
            ? "sum.double-count"
            : cause.status === "mismatch"
              ? "sum.mismatch"
              : "sum.range-gap";
        d.causedBy = { r: cause.r, c: cause.c, rule };
        break;
      }
    }
    if (d.causedBy || d.axis !== "col" || m.rows[d.r]?.kind !== "total") continue;
    const line = diffs.find(
      (o) => o !== d && o.c === d.c && o.block === d.block && m.rows[o.r]?.kind !== "total",
    );
    if (line) d.causedBy = { r: line.r, c: line.c, rule: "sum.mismatch" };
  }
  const notOk = new Set<number>();
  for (const cell of cells) if (cell.status !== "ok") notOk.add(cell.r * m.nCols + cell.c);
  return { cells, plain, diffs, formulaTotals, notOk };
}

const NO_ROWS: readonly number[] = Object.freeze([]);

/** The rows a block's total columns are checked on: its data rows, counts (Antal …) left out. */
function crossRowsOf(m: SheetModel, block: Block): readonly number[] {
  return block.dataRows.filter((r) => !m.rows[r].countLike);
}

/**
 * The cells of one total, evaluated and decided as a whole, pushed onto `out` (from the index returned): along
 * its row in the block's columns (a row total), or down the given rows (a total column).
 */
function evaluateSpec(
  m: SheetModel,
  block: Block,
  spec: TotalSpec,
  crossRows: readonly number[],
  out: TotalCell[],
): number {
  const from = out.length;
  if (spec.axis === "row") {
    const columns = block.columns;
    for (let k = 0; k < columns.length; k++) {
      if (columns[k].kind === "skip") continue;
      const cell = evaluateTotal(m, block, spec, columns[k].col);
      if (cell) out.push(cell);
    }
  } else
    for (const r of crossRows) {
      const cell = evaluateTotal(m, block, spec, r);
      if (cell) out.push(cell);
    }
  decideSpec(out, from, out.length);
  return from;
}

/** The rows of the cells plainSpec last counted on a total column (one array, reused). */
const plainRows: number[] = [];

/**
 * How many cells a total would make (in evaluateSpec) if it is one that keepPlain then takes off as a plain
 * total, told without making them; -1 when it may not be one (it is then evaluated cell by cell). It is one when
 * every cell with a value and a figure among its lines holds a sum formula of one range along the axis (none of
 * whose cells is a formula, so nothing is reached twice), the same relative range in every cell, that leaves no
 * line of its own block out (linesBetween): evaluateTotal makes each of them ok, and with no typed cell, no
 * other shape and no line left out decideSpec leaves them so. Their value is not weighed (a formula's value is
 * right by construction), so neither their lines' precision nor their tolerance is needed. A cell evaluateTotal
 * makes none of (no value, or a formula over no figures) is skipped, as there; any typed cell answers -1.
 */
function plainSpec(m: SheetModel, block: Block, spec: TotalSpec, crossRows: readonly number[]): number {
  const rowAxis = spec.axis === "row";
  const figs = figuresOf(m);
  const fv = figs.values;
  const width = figs.width;
  const limit = rowAxis ? figs.rows : width;
  const step = rowAxis ? width : 1;
  const leaves = spec.leaves;
  const columns = block.columns;
  const count = rowAxis ? columns.length : crossRows.length;
  let shape: Refs | null = null;
  let n = 0;
  // Emptied only for a total column (setting an array's length is a call of its own, not a plain store).
  if (!rowAxis) plainRows.length = 0;
  for (let k = 0; k < count; k++) {
    let r: number, c: number;
    if (rowAxis) {
      if (columns[k].kind === "skip") continue;
      r = spec.idx;
      c = columns[k].col;
    } else {
      r = crossRows[k];
      c = spec.idx;
    }
    if (figureAt(m, r, c) === undefined) continue;
    if (formulaAt(m, r, c) === null) return -1;
    const base = rowAxis ? c : r * width;
    let lines = false;
    for (let j = 0; j < leaves.length; j++) {
      const leaf = leaves[j];
      if (leaf < 0 || leaf >= limit) continue;
      const x = fv[base + leaf * step];
      if (x === x) {
        lines = true;
        break;
      }
    }
    if (!lines) continue;
    const p = sumFormulaAt(m, r, c);
    if (p === null || p.hasMinus || p.terms.length !== 1) return -1;
    const refs = alongRanges(m, p, rowAxis, rowAxis ? c : r);
    if (refs === null || rangesHoldFormulas(m, p, r, c)) return -1;
    if (shape === null) shape = refs;
    else if (!sameRefs(shape, refs)) return -1;
    if (linesLeftOut(m, block, spec, r, c, refs).length > 0) return -1;
    if (!rowAxis) plainRows.push(r);
    n++;
  }
  return n;
}

/** A total whose cells cells[from..] are all ok formulas: taken off `cells`, kept as a plain total instead. */
function keepPlain(
  cells: TotalCell[],
  from: number,
  block: Block,
  spec: TotalSpec,
  plain: PlainTotal[],
): void {
  if (from === cells.length) return;
  for (let k = from; k < cells.length; k++) if (cells[k].formula === null || cells[k].status !== "ok") return;
  cells.length = from;
  plain.push({ block, spec, at: from });
}

/**
 * Every total cell holding a formula, in sheet order (as the totals were evaluated): the kept cells and the
 * plain totals' cells, made again.
 */
export function formulaCells(m: SheetModel, totals: SheetTotals): TotalCell[] {
  const { cells, plain } = totals;
  const out: TotalCell[] = [];
  let k = 0;
  for (const p of plain) {
    for (; k < p.at; k++) if (cells[k].formula) out.push(cells[k]);
    evaluateSpec(m, p.block, p.spec, p.spec.axis === "row" ? NO_ROWS : crossRowsOf(m, p.block), out);
  }
  for (; k < cells.length; k++) if (cells[k].formula) out.push(cells[k]);
  return out;
}
