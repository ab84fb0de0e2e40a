/**
 * Evaluates every total cell once against the lines it covers: value within rounding, SUM ranges that leave
 * lines out, subtotals counted twice, typed totals. The sum.* rule files turn these results into findings.
 */
import { clean } from "../plan/numbers";
import { isSubtotalFormula, parseSumFormula } from "./formula";
import { formatInfo, storedDecimals } from "./numfmt";
import {
  figureAt,
  formatAt,
  formulaAt,
  shownUnit,
  tableOf,
  type Block,
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
  /** range-gap: the lines left out (indexes along the axis). */
  missing: number[];
  /** double-count: the subtotal counted with its lines. */
  doubled?: TotalSpec;
  /** First and last leaf along the axis, for messages. */
  firstLeaf: number;
  lastLeaf: number;
  /** A net row (intäkter − kostnader with costs written positive): expected is that difference. */
  net?: boolean;
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
}

export interface SheetTotals {
  cells: TotalCell[];
  diffs: DiffCell[];
  /** Per block: total cells holding a formula. */
  /** Per table (see tableKey): total cells holding a formula. */
  formulaTotals: Map<string, number>;
  /** Cells (r × nCols + c) of totals whose status is not ok (unchecked included). */
  notOk: Set<number>;
}

interface SpecIndex {
  leafSet: Set<number>;
  subtotalAt: Map<number, TotalSpec>;
  minLeaf: number;
  maxLeaf: number;
}

const specIndexes = new WeakMap<TotalSpec, SpecIndex>();

/** What a total covers, indexed once per total (not per column). */
function specIndex(spec: TotalSpec): SpecIndex {
  let ix = specIndexes.get(spec);
  if (ix) return ix;
  const subtotalAt = new Map<number, TotalSpec>();
  const collect = (s: TotalSpec) => {
    for (const st of s.subtotals) {
      subtotalAt.set(st.idx, st);
      collect(st);
    }
  };
  collect(spec);
  let minLeaf = Infinity,
    maxLeaf = -Infinity;
  for (const l of spec.leaves) {
    if (l < minLeaf) minLeaf = l;
    if (l > maxLeaf) maxLeaf = l;
  }
  ix = { leafSet: new Set(spec.leaves), subtotalAt, minLeaf, maxLeaf };
  specIndexes.set(spec, ix);
  return ix;
}

const totalPrefix = new WeakMap<SheetModel, Int32Array>();

/** Whether another total lies in [lo, hi] along the spec's axis (then a whole-range SUM may count it too). */
function totalsWithin(m: SheetModel, block: Block, spec: TotalSpec, lo: number, hi: number): boolean {
  if (spec.axis === "col")
    return block.colTotals.some((t) => t.idx !== spec.idx && t.idx >= lo && t.idx <= hi);
  let prefix = totalPrefix.get(m);
  if (!prefix) {
    prefix = new Int32Array(m.nRows + 1);
    for (let i = 0; i < m.nRows; i++) prefix[i + 1] = prefix[i] + (m.rows[i].kind === "total" ? 1 : 0);
    totalPrefix.set(m, prefix);
  }
  const a = Math.max(0, lo),
    b = Math.min(m.nRows - 1, hi);
  if (b < a) return false;
  return prefix[b + 1] - prefix[a] - (spec.idx >= a && spec.idx <= b ? 1 : 0) > 0;
}

function isTotalAt(m: SheetModel, block: Block, axis: "row" | "col", i: number): boolean {
  if (axis === "row") return m.rows[i]?.kind === "total";
  return block.colTotals.some((s) => s.idx === i);
}

/** The coarsest shown unit among formatted figures and the finest written decimals among General ones. */
class Precision {
  private formatted = 0;
  private generalDecimals = -1;
  private generalFactor = 1;
  add(m: SheetModel, r: number, c: number, v: number): void {
    const info = formatInfo(formatAt(m, r, c));
    if (info.unit !== null) {
      if (info.unit > this.formatted) this.formatted = info.unit;
      return;
    }
    if (info.percent) this.generalFactor = 0.01;
    const d = Number.isInteger(v) ? 0 : Math.min(storedDecimals(v), 6);
    if (d > this.generalDecimals) this.generalDecimals = d;
  }
  reset(): this {
    this.formatted = 0;
    this.generalDecimals = -1;
    this.generalFactor = 1;
    return this;
  }
  unit(): number {
    const general = this.generalDecimals < 0 ? 0 : Math.pow(10, -this.generalDecimals) * this.generalFactor;
    return Math.max(this.formatted, general);
  }
}

const PRECISION = new Precision();

function evaluateTotal(m: SheetModel, block: Block, spec: TotalSpec, cross: number): TotalCell | null {
  const rowAxis = spec.axis === "row";
  const r = rowAxis ? spec.idx : cross;
  const c = rowAxis ? cross : spec.idx;
  const value = figureAt(m, r, c);
  if (value === undefined) return null;
  const at = (i: number) => (rowAxis ? figureAt(m, i, c) : figureAt(m, r, i));
  // The precision the figures are given in: a number format's last digit, or for General cells the most
  // decimals any of them is written with (2,6 beside 11 means tenths, not whole units).
  const precision = PRECISION.reset();
  precision.add(m, r, c, value);
  let expected = 0;
  let n = 0;
  let firstLeaf = -1,
    lastLeaf = -1;
  const leaves = spec.leaves;
  for (let k = 0; k < leaves.length; k++) {
    const leaf = leaves[k];
    const x = at(leaf);
    if (x === undefined) continue;
    expected += x;
    n++;
    if (firstLeaf < 0) firstLeaf = leaf;
    lastLeaf = leaf;
    if (rowAxis) precision.add(m, leaf, c, x);
    else precision.add(m, r, leaf, x);
  }
  if (n === 0) return null;
  const unit = precision.unit();
  const tolerance = n * 0.5 * unit + 1e-9 * Math.max(1, Math.abs(expected));
  const cell: TotalCell = {
    model: m,
    block,
    spec,
    r,
    c,
    value,
    formula: formulaAt(m, r, c),
    expected,
    n,
    tolerance,
    status: "ok",
    missing: [],
    firstLeaf,
    lastLeaf,
  };
  if (cell.formula) {
    const p = parseSumFormula(cell.formula);
    if (p) {
      const absAlong = rowAxis ? m.oCol + c : m.oRow + r;
      let along = p.terms.length > 0 && p.constant === 0;
      for (const t of p.terms) {
        if (t.sheet !== null && t.sheet !== m.name) along = false;
        else if (rowAxis ? t.c1 !== absAlong || t.c2 !== absAlong : t.r1 !== absAlong || t.r2 !== absAlong)
          along = false;
        if (!along) break;
      }
      if (along) {
        // A formula with minus states its own relation (Netto = Intäkter − Kostnader): not a sum to check.
        if (p.hasMinus) {
          cell.status = "unchecked";
          return cell;
        }
        const origin = rowAxis ? m.oRow : m.oCol;
        const ix = specIndex(spec);
        const t0 = p.terms[0];
        const lo0 = (rowAxis ? t0.r1 : t0.c1) - origin;
        const hi0 = (rowAxis ? t0.r2 : t0.c2) - origin;
        // Common case: one range over all the lines and no subtotals — nothing left out, nothing twice.
        const simple =
          p.terms.length === 1 &&
          ix.subtotalAt.size === 0 &&
          lo0 <= ix.minLeaf &&
          hi0 >= ix.maxLeaf &&
          !totalsWithin(m, block, spec, lo0, hi0);
        if (!simple) {
          const count = new Map<number, number>();
          const referenced: TotalSpec[] = [];
          const foreign: number[] = [];
          for (const t of p.terms) {
            const lo = (rowAxis ? t.r1 : t.c1) - origin;
            const hi = (rowAxis ? t.r2 : t.c2) - origin;
            for (let i = lo; i <= hi; i++) {
              // SUBTOTAL skips the SUBTOTALs inside its range, so subtotals made with it are not counted twice.
              if (p.subtotal && isSubtotalFormula(rowAxis ? formulaAt(m, i, c) : formulaAt(m, r, i)))
                continue;
              if (ix.leafSet.has(i)) count.set(i, (count.get(i) ?? 0) + 1);
              else {
                const st = ix.subtotalAt.get(i);
                if (st) {
                  referenced.push(st);
                  for (const l of st.leaves) count.set(l, (count.get(l) ?? 0) + 1);
                } else if (i !== spec.idx && isTotalAt(m, block, spec.axis, i)) foreign.push(i);
              }
            }
          }
          if (foreign.length > 0) {
            // An earlier total counted together with its own lines is a double count all the same.
            const all = new Set<number>();
            for (const t of p.terms)
              for (let i = (rowAxis ? t.r1 : t.c1) - origin; i <= (rowAxis ? t.r2 : t.c2) - origin; i++)
                all.add(i);
            const totals = rowAxis ? block.rowTotals : block.colTotals;
            const twice = totals.find(
              (t) => foreign.includes(t.idx) && t.leaves.some((l) => all.has(l) && (at(l) ?? 0) !== 0),
            );
            if (twice) {
              cell.status = "double-count";
              cell.doubled = twice;
              cell.expected = clean(expected);
              return cell;
            }
            // "Resultat efter finansiella poster = Nettokostnad + finansiella poster": the formula builds on an
            // earlier total of its own choosing; what it adds is its definition, not a sum of our reading.
            cell.status = "unchecked";
            return cell;
          }
          const doubledLeaves = leaves.filter((l) => (count.get(l) ?? 0) > 1 && (at(l) ?? 0) !== 0);
          if (doubledLeaves.length > 0) {
            cell.status = "double-count";
            cell.doubled = referenced.find((st) => st.leaves.some((l) => doubledLeaves.includes(l)));
            cell.expected = clean(expected);
            return cell;
          }
          const missing = leaves.filter((l) => !count.has(l) && at(l) !== undefined);
          if (missing.length > 0) {
            cell.missing = missing;
            cell.status = missing.some((l) => (at(l) ?? 0) !== 0) ? "range-gap" : "range-gap-zero";
            if (cell.status === "range-gap") {
              cell.expected = clean(expected);
              return cell;
            }
          }
        }
      }
    }
  }
  if (Math.abs(value - expected) > tolerance && rowAxis && block.sides) {
    // Intäkter and kostnader both written positive: the net row is their difference (either way round).
    const net = netOf(block, leaves, at) ?? netOf(block, spec.covers, at);
    if (net) {
      const fitsNet = (x: number) => Math.abs(value - x) <= tolerance;
      if (fitsNet(net.revenue - net.cost) || fitsNet(net.cost - net.revenue)) {
        cell.net = true;
        cell.expected = fitsNet(net.revenue - net.cost)
          ? clean(net.revenue - net.cost)
          : clean(net.cost - net.revenue);
        return cell;
      }
      if (net.positiveCosts) {
        const a = clean(net.revenue - net.cost);
        cell.net = true;
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
        const x = at(leaf);
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
    for (const idx of spec.covers) alt += at(idx) ?? 0;
    if (Math.abs(value - alt) > tolerance) cell.status = "mismatch";
    cell.expected = clean(expected);
  }
  return cell;
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
    const tol = 1.5 * u + 1e-9 * Math.max(1, Math.abs(dv));
    if (Math.abs(dv - (av - bv)) <= tol) return true;
    // Intäkter and kostnader in one table: a deviation is "positive = better", so it runs either way round.
    return eitherWay && Math.abs(dv + (av - bv)) <= tol;
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

/** Difference columns, and difference rows (transposed tables: Budget / Utfall / Avvikelse as rows). */
function evaluateDiffs(m: SheetModel, block: Block, out: DiffCell[]): void {
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

/** The table a total cell belongs to: its block and, within it, the table its row is in. */
export function tableKey(cell: TotalCell): string {
  return `${cell.block.id}:${tableOf(cell.block, cell.r)}`;
}

const cache = new WeakMap<SheetModel, SheetTotals>();

export function sheetTotals(m: SheetModel): SheetTotals {
  const hit = cache.get(m);
  if (hit) return hit;
  const cells: TotalCell[] = [];
  const diffs: DiffCell[] = [];
  const formulaTotals = new Map<string, number>();
  const countFormula = (cell: TotalCell) => {
    if (!cell.formula) return;
    const key = tableKey(cell);
    formulaTotals.set(key, (formulaTotals.get(key) ?? 0) + 1);
  };
  for (const block of m.blocks) {
    const crossCols = block.columns.filter((ci) => ci.kind !== "skip").map((ci) => ci.col);
    for (const spec of block.rowTotals)
      for (const c of crossCols) {
        const cell = evaluateTotal(m, block, spec, c);
        if (cell) {
          cells.push(cell);
          countFormula(cell);
        }
      }
    const crossRows = block.dataRows.filter((r) => !m.rows[r].countLike);
    // A total column over a single column is no sum across columns ("Antal | à-pris | Totalt" is a product).
    for (const spec of block.colTotals.filter((t) => t.leaves.length >= 2))
      for (const r of crossRows) {
        const cell = evaluateTotal(m, block, spec, r);
        if (cell) {
          cells.push(cell);
          countFormula(cell);
        }
      }
    evaluateDiffs(m, block, diffs);
  }
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
  const notOk = new Set<number>();
  for (const cell of cells) if (cell.status !== "ok") notOk.add(cell.r * m.nCols + cell.c);
  const result = { cells, diffs, formulaTotals, notOk };
  cache.set(m, result);
  return result;
}
