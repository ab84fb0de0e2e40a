/**
 * Finds the figures a workbook shares with the plan — budget lines by department and measure (headers like
 * "Budget 2019"), investment lines and totals, goal targets and outcomes by title and year — and compares them,
 * units included. A column's unit is what its header states; else the title's statement ("Alla belopp i tkr"),
 * unless most of the column clearly is in another unit (the plan itself prints mnkr under "Alla belopp i tkr").
 */
import { findBudgetLine, findGoal } from "../plan/lookup";
import { clean, convertMoney } from "../plan/numbers";
import type { BudgetLine, BudgetTable, Goal, Measure, MoneyUnit, Plan } from "../plan/schema";
import { formatInfo, storedDecimals } from "./numfmt";
import { sheetTotals } from "./totals";
import { figureAt, formatAt, shownUnit, type Block, type ColumnInfo, type SheetModel } from "./model";

export interface PlanFigure {
  model: SheetModel;
  r: number;
  c: number;
  value: number;
  status: "ok" | "mismatch" | "unit";
  /** The plan's figure as this cell should hold it (column unit; fraction for percent cells). */
  expected: number;
  /** Describes the figure: "Budget 2019 för HR". */
  what: string;
  /** Where in the plan: "Ekonomisk redovisning per avdelning". */
  source: string;
  /** plan.unit: the column's unit and the unit the cell matches in. */
  unit?: MoneyUnit;
  foundUnit?: MoneyUnit;
  planValue?: number;
  planUnit?: MoneyUnit;
  percent?: boolean;
}

const UNITS: MoneyUnit[] = ["kr", "tkr", "mnkr"];
/** Labels asked before deciding a block shows no plan table / no goals. */
const LOOKAHEAD = 40;

const YEAR_RE = /\b(19[9]\d|20\d\d|2100)\b/;

function headerYear(text: string): number | undefined {
  const m = YEAR_RE.exec(text);
  return m ? Number(m[1]) : undefined;
}

function measureKind(folded: string): "budget" | "outcome" | "forecast" | undefined {
  if (folded.includes("prognos") || folded.includes("forecast")) return "forecast";
  if (
    folded.includes("utfall") ||
    folded.includes("bokslut") ||
    folded.includes("outcome") ||
    folded.includes("actual")
  )
    return "outcome";
  if (folded.includes("budget")) return "budget";
  return undefined;
}

function planPrecision(v: number): number {
  return Math.pow(10, -Math.min(storedDecimals(v), 6));
}

/** |cell − plan| within what the coarser of their shown precisions explains. */
function fits(cell: number, cellUnit: number, planValue: number, planUnitSize: number): boolean {
  const tol = 0.5 * Math.max(cellUnit, planUnitSize) + 1e-9 * Math.max(1, Math.abs(planValue));
  return Math.abs(cell - planValue) <= tol;
}

interface BudgetCell {
  r: number;
  c: number;
  value: number;
  planValue: number;
  line: BudgetLine | { label: string; values: Record<string, number | null> };
}

function checkBudgetBlock(m: SheetModel, block: Block, plan: Plan, out: PlanFigure[]): void {
  // Which plan table does the block show? The one most of its labelled rows name.
  const hits = new Map<number, { table: BudgetTable; line: BudgetLine }>();
  const perTable = new Map<BudgetTable, number>();
  let asked = 0;
  for (const r of block.dataRows) {
    const info = m.rows[r];
    if (info.kind !== "line" || !info.label.trim()) continue;
    // Plan tables have a handful of lines: a block whose first labels name none of them is not one.
    if (++asked > LOOKAHEAD && hits.size < 2) return;
    const res = findBudgetLine(plan, info.label);
    if (!res.ok || res.line.id.endsWith(".total")) continue;
    hits.set(r, { table: res.table, line: res.line });
    perTable.set(res.table, (perTable.get(res.table) ?? 0) + 1);
  }
  let table: BudgetTable | undefined;
  let best = 0;
  for (const [t, n] of perTable)
    if (n > best) {
      best = n;
      table = t;
    }
  if (!table || best < 2) return;
  const lineRows = [...hits].filter(([, h]) => h.table === table).map(([r]) => r);
  // The table's total: a total row of the block covering the matched lines.
  let totalRow = -1;
  for (const spec of block.rowTotals) {
    const leaves = new Set(spec.leaves);
    if (lineRows.every((r) => leaves.has(r))) {
      totalRow = spec.idx;
      break;
    }
  }
  // Columns ↔ measures.
  const candidates = block.columns.filter((ci) => ci.kind === "line" || ci.kind === "total");
  const mapping: { ci: ColumnInfo; measure: Measure }[] = [];
  for (const ci of candidates) {
    const folded = ci.header.toLowerCase();
    const kind = measureKind(folded);
    const year = headerYear(folded);
    const measure = table.measures.find((x) => x.kind === kind && x.year === year);
    if (measure) mapping.push({ ci, measure });
  }
  if (mapping.length === 0 && table.measures.length === 1) {
    const plain = candidates.filter((ci) => ci.kind === "line");
    if (plain.length === 1) mapping.push({ ci: plain[0], measure: table.measures[0] });
  }
  for (const { ci, measure } of mapping) {
    const cells: BudgetCell[] = [];
    const push = (r: number, line: BudgetCell["line"]) => {
      const pv = line.values[measure.id];
      const v = figureAt(m, r, ci.col);
      if (pv === null || pv === undefined || v === undefined) return;
      cells.push({ r, c: ci.col, value: v, planValue: pv, line });
    };
    for (const r of lineRows) push(r, hits.get(r)!.line);
    if (totalRow >= 0)
      push(totalRow, { label: m.rows[totalRow].label || table.total.label, values: table.total.values });
    if (cells.length === 0) continue;
    const fitsIn = (cell: BudgetCell, u: MoneyUnit) =>
      fits(
        cell.value,
        shownUnit(m, cell.r, cell.c, cell.value),
        convertMoney(cell.planValue, measure.unit, u),
        planPrecision(cell.planValue) * (convertMoney(1, measure.unit, u) || 1),
      );
    const counts = UNITS.map((u) => cells.filter((cell) => fitsIn(cell, u)).length);
    const stated = ci.unit ?? block.unit;
    let unit: MoneyUnit;
    if (ci.unit) unit = ci.unit;
    else {
      let bestU = stated ?? measure.unit;
      let bestN = counts[UNITS.indexOf(bestU)];
      UNITS.forEach((u, i) => {
        if (counts[i] > bestN) {
          bestN = counts[i];
          bestU = u;
        }
      });
      // Leave a stated unit only when the column clearly (most figures, at least two) is in another one.
      if (stated && bestU !== stated && !(bestN >= 2 && bestN * 2 > cells.length)) bestU = stated;
      unit = bestU;
    }
    const results: PlanFigure[] = [];
    for (const cell of cells) {
      const expected = convertMoney(cell.planValue, measure.unit, unit);
      const what = `${ci.header.trim() || measure.label} – ${cell.line.label}`;
      const base = { model: m, r: cell.r, c: cell.c, value: cell.value, what, source: table.title, expected };
      if (fitsIn(cell, unit)) results.push({ ...base, status: "ok" });
      else {
        const other = UNITS.find((u) => u !== unit && fitsIn(cell, u));
        if (other)
          results.push({
            ...base,
            status: "unit",
            unit,
            foundUnit: other,
            planValue: cell.planValue,
            planUnit: measure.unit,
          });
        else
          results.push({
            ...base,
            status: "mismatch",
            unit,
            planValue: cell.planValue,
            planUnit: measure.unit,
          });
      }
    }
    // A total that is off from the plan only by its lines' own differences (or by its own sum error, reported
    // as sum.*) is a consequence, not a second problem.
    const total = results.find((x) => x.r === totalRow);
    if (total && total.status !== "ok") {
      const lineDiff = results
        .filter((x) => x.r !== totalRow && x.status !== "ok")
        .reduce((s, x) => s + (x.value - x.expected), 0);
      const sumCell = sheetTotals(m).cells.find(
        (t) => t.r === total.r && t.c === total.c && t.status !== "ok",
      );
      const tol =
        0.5 * cells.length * shownUnit(m, total.r, total.c, total.value) + 1e-9 * Math.abs(total.expected);
      if (sumCell || (lineDiff !== 0 && Math.abs(total.value - total.expected - lineDiff) <= tol))
        total.status = "ok";
    }
    for (const x of results) out.push(x);
  }
}

function goalKind(folded: string): "target" | "outcome" | undefined {
  if (folded.includes("utfall") || folded.includes("outcome") || folded.includes("resultat"))
    return "outcome";
  if (folded.includes("mål") || folded.includes("mal") || folded.includes("target")) return "target";
  return undefined;
}

function checkGoalBlock(m: SheetModel, block: Block, plan: Plan, out: PlanFigure[]): void {
  const columns: { ci: ColumnInfo; kind: "target" | "outcome"; year: number }[] = [];
  for (const ci of block.columns) {
    const folded = ci.header.toLowerCase();
    const kind = goalKind(folded);
    const year = headerYear(folded) ?? (kind === "target" ? plan.year : undefined);
    if (kind && year) columns.push({ ci, kind, year });
  }
  if (columns.length === 0) return;
  let asked = 0,
    matched = 0;
  for (let r = block.first; r <= block.last; r++) {
    const info = m.rows[r];
    // Goal titles often say "Andel …" or "(%)": such rows are not lines of a sum but still goals.
    if ((info.kind !== "line" && info.kind !== "excluded") || info.label.trim().length < 6) continue;
    if (++asked > LOOKAHEAD && matched === 0) return;
    const res = findGoal(plan, info.label);
    if (!res.ok) continue;
    matched++;
    const goal: Goal = res.goal;
    for (const { ci, kind, year } of columns) {
      const pv = goal.values.find((v) => v.period === year && v.kind === kind)?.value;
      if (pv === null || pv === undefined) continue;
      const v = figureAt(m, r, ci.col);
      if (v === undefined) continue;
      const fmtPercent = formatInfo(formatAt(m, r, ci.col)).percent;
      const percentGoal = goal.unit === "percent";
      // A percent goal (3 = 3 %) against a % cell (0,03) or a plain cell (3, or 0,03 typed as a fraction).
      let asPlan = v;
      let factor = 1;
      if (percentGoal && (fmtPercent || (Math.abs(v) < 1 && Math.abs(pv) >= 1))) {
        asPlan = clean(v * 100);
        factor = 0.01;
      }
      const cellUnit = shownUnit(m, r, ci.col, v) / factor;
      const planUnitSize = planPrecision(pv);
      const unitForTol = Math.min(cellUnit, planUnitSize);
      const ok = fits(asPlan, unitForTol, pv, unitForTol);
      const what = `${ci.header.trim()} – ${goal.title}`;
      out.push({
        model: m,
        r,
        c: ci.col,
        value: v,
        status: ok ? "ok" : "mismatch",
        expected: clean(pv * factor),
        what,
        source: goal.id,
        percent: percentGoal,
      });
    }
  }
}

const cache = new WeakMap<SheetModel, WeakMap<Plan, PlanFigure[]>>();

/** Every figure of the sheet that the plan also states, with how it compares. */
export function planFigures(m: SheetModel, plan: Plan): PlanFigure[] {
  let perPlan = cache.get(m);
  if (!perPlan) {
    perPlan = new WeakMap();
    cache.set(m, perPlan);
  }
  const hit = perPlan.get(plan);
  if (hit) return hit;
  const out: PlanFigure[] = [];
  for (const block of m.blocks) {
    checkBudgetBlock(m, block, plan, out);
    checkGoalBlock(m, block, plan, out);
  }
  perPlan.set(plan, out);
  return out;
}
