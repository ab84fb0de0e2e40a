/**
 * Finds the figures a workbook shares with the plan — budget lines by department and measure (headers like
 * "Budget 2019"), investment lines and totals, goal targets and outcomes by title and year — and compares them,
 * units included. A column's unit is what its header states; else the title's statement ("Alla belopp i tkr"),
 * unless most of the column clearly is in another unit (the plan itself prints mnkr under "Alla belopp i tkr").
 */
import { findBudgetLine, findGoal, TextIndex, type BudgetLineLookup } from "../plan/lookup";
import { contentWords, foldText, STOP_WORDS, words } from "../plan/text";
import { clean, convertMoney, findUnitStatement, moneyFactor } from "../plan/numbers";
import type {
  Amount,
  BudgetLine,
  BudgetTable,
  Indicator,
  Measure,
  MoneyUnit,
  PeriodValue,
  Plan,
  Relation,
  UnitKind,
} from "../plan/schema";
import { a1 } from "../model/address";
import { formatInfo } from "./numfmt";
import { decimalsOf, roundingTolerance, unitOf } from "../model/precision";
import { sheetTotals } from "./totals";
import {
  figureAt,
  formatAt,
  formulaAt,
  shownUnit,
  type Block,
  type ColumnInfo,
  type RowInfo,
  type SheetModel,
} from "./model";

export interface PlanFigure {
  model: SheetModel;
  r: number;
  c: number;
  value: number;
  /** "column": the whole column against the plan's measure (most of its figures differ), at its header cell. */
  status: "ok" | "mismatch" | "unit" | "column";
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
  /** status "column": how the column's figures compare; `level` info when nothing shows it is the plan's. */
  column?: ColumnVerdict;
  /** A total off from the plan because it is off from its own lines (which agree with the plan): that sum error. */
  causedBy?: "sum.mismatch";
  /** Such a total's lines, as evidence: cell, value, the plan's figure. */
  lines?: { cell: string; value: number; plan: number }[];
}

/** A column most of whose figures differ from the plan's measure. */
export interface ColumnVerdict {
  level: "warning" | "info";
  /** Its figures (the table's total left out): cell, value, the plan's figure in the column's unit, status. */
  cells: { r: number; c: number; value: number; expected: number; status: "ok" | "mismatch" | "unit" }[];
  agreeing: number;
  differing: number;
  unit?: MoneyUnit;
}

const UNITS: MoneyUnit[] = ["kr", "tkr", "mnkr"];
/** Labels asked before deciding a block shows no plan table / no goals: none among the first 8, or < 2 among 40. */
const FIRST_LOOK = 8;
const LOOKAHEAD = 40;

function giveUp(asked: number, hits: number): boolean {
  return (asked > FIRST_LOOK && hits === 0) || (asked > LOOKAHEAD && hits < 2);
}

const YEAR_RE = /\b(19[9]\d|20\d\d|2100)\b/;

/** headerYear per distinct text: a sheet of many small tables asks for the same few headers over and over. */
const headerYears = new Map<string, number | null>();

function headerYear(text: string): number | undefined {
  let year = headerYears.get(text);
  if (year === undefined) {
    const m = YEAR_RE.exec(text);
    year = m ? Number(m[1]) : null;
    // Bounded: odd inputs (thousands of distinct headers) cannot grow memory without limit.
    if (headerYears.size >= 5_000) headerYears.clear();
    headerYears.set(text, year);
  }
  return year ?? undefined;
}

/** What a column header says for the plan: the measure (budget, outcome, forecast), the goal figure, the year. */
interface HeaderFacts {
  measure: "budget" | "outcome" | "forecast" | undefined;
  goal: "target" | "outcome" | undefined;
  year: number | undefined;
}

/**
 * HeaderFacts per distinct header, keyed by the header as written: many small tables repeat the same few, and
 * the model has hashed those strings already, where a lower-cased copy would be a new string every time.
 */
const headerFactsMemo = new Map<string, HeaderFacts>();

function headerFacts(header: string): HeaderFacts {
  let facts = headerFactsMemo.get(header);
  if (!facts) {
    const folded = header.toLowerCase();
    facts = { measure: measureKind(folded), goal: goalKind(folded), year: headerYear(folded) };
    // Bounded: odd inputs (thousands of distinct headers) cannot grow memory without limit.
    if (headerFactsMemo.size >= 5_000) headerFactsMemo.clear();
    headerFactsMemo.set(header, facts);
  }
  return facts;
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
  return unitOf(Math.min(decimalsOf(v, "cell"), 6));
}

/** |cell − plan| within what the coarser of their shown precisions explains. */
function fits(cell: number, cellUnit: number, planValue: number, planUnitSize: number): boolean {
  const tol =
    roundingTolerance(1, Math.max(cellUnit, planUnitSize)) + 1e-9 * Math.max(1, Math.abs(planValue));
  return Math.abs(cell - planValue) <= tol;
}

/** The plan table most of a block's line labels name, with how many name it (first one on a tie). */
function mostNamed(perTable: Map<BudgetTable, number> | undefined): [BudgetTable | undefined, number] {
  let table: BudgetTable | undefined;
  let best = 0;
  if (perTable)
    for (const [t, n] of perTable)
      if (n > best) {
        best = n;
        table = t;
      }
  return [table, best];
}

function checkBudgetBlock(m: SheetModel, block: Block, plan: Plan, out: PlanFigure[]): void {
  // Which plan table does the block show? The one most of its labelled rows name. (The maps are made on the
  // first named line: most blocks have none.)
  let hits: Map<number, { table: BudgetTable; line: BudgetLine }> | undefined;
  let perTable: Map<BudgetTable, number> | undefined;
  let asked = 0;
  for (const r of block.dataRows) {
    const info = m.rows[r];
    if (info.kind !== "line" || !info.label.trim()) continue;
    // Plan tables have a handful of lines: a block whose first labels name none of them is not one.
    if (giveUp(++asked, hits?.size ?? 0)) break;
    const res = budgetLineOf(plan, info.label);
    if (!res.ok || res.line.id.endsWith(".total")) continue;
    (hits ??= new Map()).set(r, { table: res.table, line: res.line });
    perTable ??= new Map();
    perTable.set(res.table, (perTable.get(res.table) ?? 0) + 1);
  }
  const [table, best] = mostNamed(perTable);
  if (!table || best < 2 || !hits) {
    if (!checkTransposedBudgetBlock(m, block, plan, out)) checkLoneTotal(m, block, plan, out);
    return;
  }
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
  // Whether the table's title or the sheet's name names the plan's table (not only its lines).
  const names = namesTable(table, `${block.title} ${m.name}`);
  // Columns ↔ measures.
  const candidates = block.columns.filter((ci) => ci.kind === "line" || ci.kind === "total");
  const mapping: { ci: ColumnInfo; measure: Measure }[] = [];
  for (const ci of candidates) {
    const { measure: kind, year } = headerFacts(ci.header);
    const measure = table.measures.find((x) => x.kind === kind && x.year === year);
    if (measure) mapping.push({ ci, measure });
  }
  if (mapping.length === 0 && table.measures.length === 1) {
    const plain = candidates.filter((ci) => ci.kind === "line");
    if (plain.length === 1) mapping.push({ ci: plain[0], measure: table.measures[0] });
  }
  for (const { ci, measure } of mapping) {
    const cells: PlanCell[] = [];
    const push = (r: number, label: string, values: Record<string, number | null>, total = false) => {
      const pv = values[measure.id];
      const v = figureAt(m, r, ci.col);
      if (pv === null || pv === undefined || v === undefined) return;
      cells.push({ r, c: ci.col, value: v, planValue: pv, label, total });
    };
    for (const r of lineRows) push(r, hits.get(r)!.line.label, hits.get(r)!.line.values);
    if (totalRow >= 0) push(totalRow, m.rows[totalRow].label || table.total.label, table.total.values, true);
    judgeColumn(
      m,
      ci.unit,
      block.unit,
      cells,
      measure.unit,
      ci.header.trim() || measure.label,
      table.title,
      out,
      { anchor: headerCell(block, Math.min(...lineRows), ci.col), namesPlan: names },
    );
  }
}

/** A transposed plan table: departments as columns, measures (Budget 2019, Utfall 2017) as rows. */
function checkTransposedBudgetBlock(m: SheetModel, block: Block, plan: Plan, out: PlanFigure[]): boolean {
  let hits: Map<number, { table: BudgetTable; line: BudgetLine }> | undefined;
  let perTable: Map<BudgetTable, number> | undefined;
  for (const ci of block.columns) {
    if (ci.kind !== "line" || !ci.caption) continue;
    const res = budgetLineOf(plan, ci.caption);
    if (!res.ok || res.line.id.endsWith(".total")) continue;
    (hits ??= new Map()).set(ci.col, { table: res.table, line: res.line });
    perTable ??= new Map();
    perTable.set(res.table, (perTable.get(res.table) ?? 0) + 1);
  }
  const [table, best] = mostNamed(perTable);
  if (!table || best < 2 || !hits) return false;
  const lineCols = [...hits].filter(([, h]) => h.table === table).map(([c]) => c);
  const totalCol = block.colTotals.find((spec) => lineCols.every((c) => spec.leaves.includes(c)))?.idx ?? -1;
  for (const r of block.dataRows) {
    const info = m.rows[r];
    const folded = info.norm;
    const measure = table.measures.find(
      (x) => x.kind === measureKind(folded) && x.year === headerYear(folded),
    );
    if (!measure) continue;
    const cells: PlanCell[] = [];
    const push = (c: number, label: string, values: Record<string, number | null>, total = false) => {
      const pv = values[measure.id];
      const v = figureAt(m, r, c);
      if (pv === null || pv === undefined || v === undefined) return;
      cells.push({ r, c, value: v, planValue: pv, label, total });
    };
    for (const c of lineCols) push(c, hits.get(c)!.line.label, hits.get(c)!.line.values);
    if (totalCol >= 0) push(totalCol, table.total.label, table.total.values, true);
    judgeColumn(
      m,
      findUnitStatement(info.label),
      block.unit,
      cells,
      measure.unit,
      info.label.trim(),
      table.title,
      out,
      { anchor: { r, c: info.labelCol }, namesPlan: namesTable(table, `${block.title} ${m.name}`) },
    );
  }
  return true;
}

/** Two words name the same thing: equal, or the same stem of ≥ 7 letters (investeringsbudget ~ investeringar). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 7 || b.length < 7 || /\d/.test(a) || /\d/.test(b)) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i >= 7;
}

/**
 * Whether a text (a row's label, the table's title, its header, the sheet's name) names a plan table: every
 * word of the table's title is there, or a run of them by its initials ("KoU" for "konsult och uppdrag").
 */
export function namesTable(table: BudgetTable, context: string): boolean {
  const ctx = words(context);
  if (ctx.length === 0) return false;
  const title = words(table.title);
  const has = (w: string) => ctx.some((c) => sameWord(c, w));
  for (let i = 0; i < title.length;) {
    const w = title[i];
    if (STOP_WORDS.has(w) || has(w)) {
      i++;
      continue;
    }
    // An abbreviation of this word and the next ones, stop words included: "kou", "ks".
    let matched = false;
    for (let j = i + 1; j < Math.min(title.length, i + 5) && !matched; j++) {
      const initials = title
        .slice(i, j + 1)
        .map((x) => x[0])
        .join("");
      if (ctx.includes(initials)) {
        i = j + 1;
        matched = true;
      }
    }
    if (!matched) return false;
  }
  return true;
}

/** The measure a header or label names (kind and year), or a table's only measure when it names none. */
function measureOf(table: BudgetTable, text: string): Measure | undefined {
  const folded = text.toLowerCase();
  const kind = measureKind(folded);
  const year = headerYear(folded);
  const named = table.measures.find((x) => x.kind === kind && x.year === year);
  if (named) return named;
  if (table.measures.length !== 1) return undefined;
  const only = table.measures[0];
  return (kind === undefined || kind === only.kind) && (year === undefined || year === only.year)
    ? only
    : undefined;
}

/**
 * A plan table's total alone: "Investeringsbudget KoU 2019 | 26 500 000", or a Summa/Totalt row without lines
 * under a title naming the table. Only when the block holds no lines of its own — a Summa over other lines
 * (a department's breakdown) is not the plan's total.
 */
function checkLoneTotal(m: SheetModel, block: Block, plan: Plan, out: PlanFigure[]): void {
  if (plan.budgetTables.length === 0) return;
  let lines = 0;
  for (const r of block.dataRows) if (m.rows[r].kind === "line" && ++lines > 1) return;
  if (lines === 1 && block.dataRows.length > 1) return;
  const candidates = block.columns.filter((ci) => ci.kind === "line" || ci.kind === "total");
  for (const r of block.dataRows) {
    const label = m.rows[r].label;
    for (const table of plan.budgetTables) {
      for (const ci of candidates) {
        if (!namesTable(table, `${label} ${block.title} ${ci.header} ${m.name}`)) continue;
        // A lone figure column's caption may stand alone on its row above ("Budget 2019"): a title then.
        const measure = measureOf(table, `${ci.header.trim() || block.title} ${label}`);
        if (!measure && !(candidates.length === 1 && table.measures.length === 1)) continue;
        const ms = measure ?? table.measures[0];
        const pv = table.total.values[ms.id];
        const v = figureAt(m, r, ci.col);
        if (pv === null || pv === undefined || v === undefined) continue;
        judgeColumn(
          m,
          findUnitStatement(label) ?? ci.unit,
          block.unit,
          [{ r, c: ci.col, value: v, planValue: pv, label: label.trim() || table.total.label }],
          ms.unit,
          ci.header.trim() || ms.label,
          table.title,
          out,
        );
        return;
      }
    }
  }
}

/** "Investeringsbudget KoU 2019: 26 500 000 kr" in one cell: a label, a colon, an amount and its unit. */
const STATED_AMOUNT =
  /^(.{4,120}?)\s*[:=]\s*(−|-|–)?\s*(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?\s*(kr|kronor|tkr|mnkr|mkr|miljoner kronor)\.?$/i;

/** Plan table totals stated in a sentence-like cell of their own (a title row), compared like a figure. */
function checkStatedAmounts(m: SheetModel, plan: Plan, out: PlanFigure[]): void {
  if (plan.budgetTables.length === 0) return;
  for (let r = 0; r < m.nRows; r++) {
    const info = m.rows[r];
    if (info.kind !== "title" || info.label.length > 160 || !/\d/.test(info.label)) continue;
    // STATED_AMOUNT needs a ":" or "=": most titles have neither, and the lazy regex would try every length.
    if (info.label.indexOf(":") < 0 && info.label.indexOf("=") < 0) continue;
    const match = STATED_AMOUNT.exec(info.label.trim());
    if (!match) continue;
    const unit =
      findUnitStatement(`(${match[5].toLowerCase().replace("kronor", "kr")})`) ??
      (/miljoner/i.test(match[5]) ? "mnkr" : undefined);
    if (!unit) continue;
    const digits = match[3].replace(/[ \u00a0\u202f]/g, "");
    const value = Number(match[4] ? `${digits}.${match[4]}` : digits) * (match[2] ? -1 : 1);
    const label = match[1];
    for (const table of plan.budgetTables) {
      if (!namesTable(table, `${label} ${m.name}`)) continue;
      const measure = measureOf(table, label);
      if (!measure) continue;
      const pv = table.total.values[measure.id];
      if (pv === null || pv === undefined) continue;
      const expected = convertMoney(pv, measure.unit, unit);
      const decimals = match[4] ? match[4].length : 0;
      const tol = roundingTolerance(
        1,
        Math.max(unitOf(decimals), planPrecision(pv) * convertMoney(1, measure.unit, unit)),
      );
      const base = {
        model: m,
        r,
        c: info.labelCol,
        value,
        expected,
        what: label.trim(),
        source: table.title,
      };
      if (Math.abs(value - expected) <= tol + 1e-9 * Math.abs(expected)) out.push({ ...base, status: "ok" });
      else {
        const other = UNITS.find(
          (u) =>
            u !== unit && Math.abs(value - convertMoney(pv, measure.unit, u)) <= tol + 1e-9 * Math.abs(value),
        );
        out.push({
          ...base,
          status: other ? "unit" : "mismatch",
          unit,
          foundUnit: other,
          planValue: pv,
          planUnit: measure.unit,
        });
      }
      break;
    }
  }
}

interface PlanCell {
  r: number;
  c: number;
  value: number;
  planValue: number;
  label: string;
  /** The table's total (its plan difference may just be its lines' differences). */
  total?: boolean;
}

/**
 * Compares one column's figures with the plan's, in the column's unit: the header's statement, else the title's,
 * unless most of the column clearly is in another unit. A figure that fits only in another unit is plan.unit.
 */
function judgeColumn(
  m: SheetModel,
  explicitUnit: MoneyUnit | undefined,
  titleUnit: MoneyUnit | undefined,
  cells: PlanCell[],
  planUnit: MoneyUnit,
  header: string,
  source: string,
  out: PlanFigure[],
  where: ColumnPlace = { namesPlan: false },
): void {
  if (cells.length === 0) return;
  // Whether each cell fits the plan in each unit, worked out once: many small tables make this the hot path.
  // (A plain factor, not convertMoney's rounding: the tolerance is half a shown unit, far above float error.)
  const factors = [moneyFactor(planUnit, "kr"), moneyFactor(planUnit, "tkr"), moneyFactor(planUnit, "mnkr")];
  const fitTable = new Uint8Array(cells.length * 3);
  const counts = [0, 0, 0];
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k];
    const cellUnit = shownUnit(m, cell.r, cell.c, cell.value);
    const planUnitSize = planPrecision(cell.planValue);
    for (let u = 0; u < 3; u++) {
      const f = factors[u];
      if (fits(cell.value, cellUnit, cell.planValue * f, planUnitSize * f)) {
        fitTable[k * 3 + u] = 1;
        counts[u]++;
      }
    }
  }
  const fitsIn = (k: number, u: MoneyUnit) => fitTable[k * 3 + UNITS.indexOf(u)] === 1;
  const stated = explicitUnit ?? titleUnit;
  let unit: MoneyUnit;
  if (explicitUnit) unit = explicitUnit;
  else {
    let bestU = stated ?? planUnit;
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
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k];
    const expected = convertMoney(cell.planValue, planUnit, unit);
    const what = `${header} – ${cell.label}`;
    const base = { model: m, r: cell.r, c: cell.c, value: cell.value, what, source, expected };
    if (fitsIn(k, unit)) results.push({ ...base, status: "ok" });
    else {
      const other = UNITS.find((u) => u !== unit && fitsIn(k, u));
      results.push({
        ...base,
        status: other ? "unit" : "mismatch",
        unit,
        foundUnit: other,
        planValue: cell.planValue,
        planUnit,
      });
    }
  }
  // A total that is off from the plan only by its lines' own differences (or by its own sum error, reported
  // as sum.*) is a consequence, not a second problem.
  const totalIndex = cells.findIndex((x) => x.total);
  const total = totalIndex >= 0 ? results[totalIndex] : undefined;
  if (total && total.status !== "ok") {
    const lineDiff = results
      .filter((x) => x !== total && x.status !== "ok")
      .reduce((s, x) => s + (x.value - x.expected), 0);
    const sumCell = sheetTotals(m).notOk.has(total.r * m.nCols + total.c);
    const tol =
      roundingTolerance(cells.length, shownUnit(m, total.r, total.c, total.value)) +
      1e-9 * Math.abs(total.expected);
    const linesAgree = results.every((x) => x === total || x.status === "ok");
    const lineSum = cells.reduce((s, x, k) => (k === totalIndex ? s : s + x.value), 0);
    if (sumCell && linesAgree && Math.abs(lineSum - total.expected) <= tol) {
      // Its lines agree with the plan and add up to the plan's total: the total alone is wrong — against its
      // lines (sum.mismatch) and against the plan. Both, this one following from the sum error.
      total.causedBy = "sum.mismatch";
      total.lines = cells
        .filter((_, k) => k !== totalIndex)
        .map((x) => ({
          cell: a1(m.oRow + x.r, m.oCol + x.c),
          value: x.value,
          plan: results[cells.indexOf(x)].expected,
        }));
    } else if (sumCell || (lineDiff !== 0 && Math.abs(total.value - total.expected - lineDiff) <= tol))
      total.status = "ok";
  }
  // A column that mostly disagrees with the plan (in any unit): the plan's column gone wrong, or other figures
  // under the same header (a department's own breakdown). Never silence: when one of its lines agrees with the
  // plan, or the table's title names the plan's table, it is the plan's column — its cells and a column finding;
  // otherwise only a note on the column.
  if (cells.length >= 3 && results.filter((x) => x.status !== "mismatch").length * 2 < cells.length) {
    const agreeing = results.filter((x, k) => !cells[k].total && x.status !== "mismatch").length;
    const strong = agreeing > 0 || where.namesPlan;
    pushColumnVerdict(m, where.anchor, results, cells, strong, header, source, unit, out);
    if (!strong) return;
  }
  for (const x of results) out.push(x);
}

/** Where a column's verdict goes (its header cell) and whether the table's title names the plan's table. */
interface ColumnPlace {
  anchor?: { r: number; c: number };
  namesPlan: boolean;
}

/** The header cell above a column's first figure: the nearest header row of the block above it. */
function headerCell(block: Block, firstRow: number, col: number): { r: number; c: number } | undefined {
  let best = -1;
  for (const h of block.headerRows) if (h < firstRow && h > best) best = h;
  return best >= 0 ? { r: best, c: col } : undefined;
}

/** The column-level finding: how many of the column's figures (its total left out) differ from the plan. */
function pushColumnVerdict(
  m: SheetModel,
  anchor: { r: number; c: number } | undefined,
  results: PlanFigure[],
  cells: { total?: boolean }[],
  strong: boolean,
  header: string,
  source: string,
  unit: MoneyUnit | undefined,
  out: PlanFigure[],
): void {
  const lines = results.filter((_, k) => !cells[k]?.total);
  // A note needs a column of at least three of the plan's lines; two named departments are too little to go on.
  if (!anchor || (!strong && lines.length < 3)) return;
  const verdict: ColumnVerdict = {
    level: strong ? "warning" : "info",
    cells: lines.map((x) => ({
      r: x.r,
      c: x.c,
      value: x.value,
      expected: x.expected,
      status: x.status === "column" ? "mismatch" : x.status,
    })),
    agreeing: lines.filter((x) => x.status !== "mismatch").length,
    differing: lines.filter((x) => x.status === "mismatch").length,
    unit,
  };
  out.push({
    model: m,
    r: anchor.r,
    c: anchor.c,
    value: verdict.differing,
    expected: lines.length,
    status: "column",
    what: header,
    source,
    unit,
    column: verdict,
  });
}

interface RelationAmount {
  id: string;
  relation: Relation;
  amount: Amount;
  /** The relation's total (driftram 387,8 mnkr) rather than one of its terms. */
  isTotal: boolean;
}

const relationIndexes = new WeakMap<Plan, TextIndex<RelationAmount>>();

const QUIET = { none: () => "", closest: "", ambiguous: () => "", more: () => "", empty: "" };

/** The plan's stated sums in words (driftram = årsplan + budgetregleringsposter): their terms, by label. */
function relationIndex(plan: Plan): TextIndex<RelationAmount> {
  let index = relationIndexes.get(plan);
  if (!index) {
    const items: RelationAmount[] = [];
    const seen = new Set<string>();
    for (const relation of plan.relations) {
      // Totals stated more than once (Driftram 2019 = 387,8 mnkr in two relations) are one figure.
      const key = `${foldText(relation.total.label)}|${relation.total.value}|${relation.total.unit}`;
      if (!seen.has(key)) {
        seen.add(key);
        items.push({ id: `${relation.id}.total`, relation, amount: relation.total, isTotal: true });
      }
      // Terms that point at a budget table are checked with that table.
      if (relation.terms.some((t) => "source" in t && t.source)) continue;
      relation.terms.forEach((amount, i) =>
        items.push({ id: `${relation.id}.${i}`, relation, amount, isTotal: false }),
      );
    }
    index = new TextIndex(
      items,
      (x) => x.id,
      (x) => [x.amount.label],
      (x) => x.amount.label,
      { sv: QUIET, en: QUIET },
    );
    relationIndexes.set(plan, index);
  }
  return index;
}

/** A block showing a relation's terms (two or more) and a total row: each figure against the plan. */
function checkRelationBlock(m: SheetModel, block: Block, plan: Plan, out: PlanFigure[]): void {
  if (plan.relations.length === 0) return;
  // Its one figure column (line or total).
  let ci: ColumnInfo | undefined;
  for (const x of block.columns) {
    if (x.kind !== "line" && x.kind !== "total") continue;
    if (ci) return;
    ci = x;
  }
  if (!ci) return;
  const index = relationIndex(plan);
  const context = contentWords(`${ci.header} ${block.title} ${m.name}`);
  const hits = new Map<number, RelationAmount>();
  let asked = 0;
  for (const r of block.dataRows) {
    const info = m.rows[r];
    if ((info.kind !== "line" && info.kind !== "total") || !info.label.trim()) continue;
    if (giveUp(++asked, hits.size)) return;
    const hit = relationAmountOf(index, info.label, context);
    if (hit) hits.set(r, hit);
  }
  const byRelation = new Map<Relation, number[]>();
  for (const [r, hit] of hits) byRelation.set(hit.relation, [...(byRelation.get(hit.relation) ?? []), r]);
  for (const [relation, named] of byRelation) {
    // The relation's terms, and its total: a total row covering them, else the row below them naming the total.
    const rows = named.filter((r) => !hits.get(r)!.isTotal);
    if (rows.length < 2) {
      for (const r of named) checkSingleAmount(m, block, ci, r, hits.get(r)!, out);
      continue;
    }
    const unit = relation.total.unit;
    const cells: PlanCell[] = [];
    for (const r of rows) {
      const v = figureAt(m, r, ci.col);
      const amount = hits.get(r)!.amount;
      if (v !== undefined)
        cells.push({
          r,
          c: ci.col,
          value: v,
          planValue: convertMoney(amount.value, amount.unit, unit),
          label: amount.label,
        });
    }
    let totalRow = -1;
    for (const spec of block.rowTotals)
      if (rows.every((r) => spec.leaves.includes(r))) {
        totalRow = spec.idx;
        break;
      }
    const last = Math.max(...rows);
    if (totalRow < 0) totalRow = named.find((r) => r > last && hits.get(r)!.isTotal) ?? -1;
    if (totalRow >= 0) {
      const v = figureAt(m, totalRow, ci.col);
      if (v !== undefined)
        cells.push({
          r: totalRow,
          c: ci.col,
          value: v,
          planValue: relation.total.value,
          label: m.rows[totalRow].label || relation.total.label,
          total: true,
        });
    }
    judgeColumn(
      m,
      ci.unit,
      block.unit,
      cells,
      unit,
      ci.header.trim() || relation.total.label,
      relation.description,
      out,
      { anchor: headerCell(block, Math.min(...rows), ci.col), namesPlan: false },
    );
  }
}

/**
 * The plan's stated amount a row names: by the plan's lookup, or — a workbook words it its own way ("Driftram
 * enligt Årsplan 2019", "Total driftram") — the closest one whose every word is in the row's label or the
 * column's header, the table's title and the sheet's name, the label naming at least one of them itself.
 */
function relationAmountOf(
  index: TextIndex<RelationAmount>,
  label: string,
  context: readonly string[],
): RelationAmount | undefined {
  const res = index.find(label);
  if (res.ok) return res.item;
  if (res.reason !== "none" || res.candidates.length === 0) return undefined;
  const own = new Set(contentWords(label));
  const around = new Set([...own, ...context]);
  let best: RelationAmount | undefined;
  let bestScore = 0;
  let tie = false;
  for (const x of res.candidates) {
    const planWords = contentWords(x.amount.label);
    if (planWords.length === 0 || !planWords.every((w) => around.has(w))) continue;
    if (!planWords.some((w) => own.has(w) && !/^\d+$/.test(w))) continue;
    // The one most of whose words the label itself says ("enligt Årsplan 2019" is the Årsplan term, not the total).
    const score = planWords.filter((w) => own.has(w)).length;
    if (score > bestScore) {
      best = x;
      bestScore = score;
      tie = false;
    } else if (score === bestScore) tie = true;
  }
  return tie ? undefined : best;
}

/**
 * One row naming one of the plan's stated amounts ("Driftram 2019 | 387,8"). Only when every word of the plan's
 * label (its year too) is in the row's label, the column's header or the table's title: "Driftram" alone in a
 * 2020 budget is another year's driftram.
 */
function checkSingleAmount(
  m: SheetModel,
  block: Block,
  ci: ColumnInfo,
  r: number,
  hit: RelationAmount,
  out: PlanFigure[],
): void {
  const text = `${m.rows[r].label} ${ci.header} ${block.title} ${m.name}`;
  const context = new Set(contentWords(text));
  if (!contentWords(hit.amount.label).every((w) => context.has(w))) return;
  // A term without a year of its own ("Budgetregleringsposter") is the plan's only where the table is about the
  // plan's year: a sheet about 2020 names 2020's.
  const year = headerYear(hit.relation.total.label) ?? headerYear(hit.relation.description);
  const years = [...text.matchAll(new RegExp(YEAR_RE.source, "g"))].map((x) => Number(x[1]));
  if (year !== undefined && years.length > 0 && !years.includes(year)) return;
  const v = figureAt(m, r, ci.col);
  if (v === undefined) return;
  const cell: PlanCell = { r, c: ci.col, value: v, planValue: hit.amount.value, label: hit.amount.label };
  judgeColumn(
    m,
    ci.unit,
    block.unit,
    [cell],
    hit.amount.unit,
    ci.header.trim() || hit.amount.label,
    hit.relation.description,
    out,
  );
}

function goalKind(folded: string): "target" | "outcome" | undefined {
  if (folded.includes("utfall") || folded.includes("outcome") || folded.includes("resultat"))
    return "outcome";
  if (folded.includes("mål") || folded.includes("mal") || folded.includes("target")) return "target";
  return undefined;
}

/**
 * The goal title of a row: its longest text left of the figures — "Infoga mål" writes the area first and the
 * title second, and a title is longer than an area or a number.
 */
function goalTitleOf(m: SheetModel, r: number, before: number): string {
  const row = m.values[r];
  let best = m.rows[r].label.trim();
  for (let c = 0; c < Math.min(before, row.length); c++) {
    const v = row[c];
    if (typeof v === "string" && v.trim().length > best.length) best = v.trim();
  }
  return best;
}

/** What a row of a goal or styrkort follow-up names: a processmål or a styrkort indicator. */
interface Followed {
  id: string;
  title: string;
  unit: UnitKind;
  /** Amount indicators: the money unit their values are in ("tkr"). */
  money?: MoneyUnit;
  values: PeriodValue[];
}

const indicatorIndexes = new WeakMap<Plan, TextIndex<Indicator>>();

/** The plan's styrkort indicators by title (built once per plan). */
function indicatorIndex(plan: Plan): TextIndex<Indicator> {
  let index = indicatorIndexes.get(plan);
  if (!index) {
    index = new TextIndex(
      plan.scorecard,
      (x) => x.id,
      (x) => [x.title],
      (x) => x.title,
      { sv: QUIET, en: QUIET },
    );
    indicatorIndexes.set(plan, index);
  }
  return index;
}

/**
 * The goal or indicator a row's title names. A styrkort indicator first: its titles are short and specific
 * ("Total sjukfrånvaro, %"), and the processmål on the same subject has other years' values.
 */
const followedMemo = new WeakMap<Plan, Map<string, Followed | null>>();

/** findFollowed per distinct title: many small follow-up tables repeat the same rows. */
function followedOf(plan: Plan, title: string): Followed | undefined {
  let memo = followedMemo.get(plan);
  if (!memo) followedMemo.set(plan, (memo = new Map()));
  let hit = memo.get(title);
  if (hit === undefined) {
    hit = findFollowed(plan, title) ?? null;
    if (memo.size >= 10_000) memo.clear();
    memo.set(title, hit);
  }
  return hit ?? undefined;
}

const lineMemo = new WeakMap<Plan, Map<string, BudgetLineLookup>>();

/** findBudgetLine per distinct label or caption (the index's own cache keys by language too). */
function budgetLineOf(plan: Plan, label: string): BudgetLineLookup {
  let memo = lineMemo.get(plan);
  if (!memo) lineMemo.set(plan, (memo = new Map()));
  let hit = memo.get(label);
  if (!hit) {
    hit = findBudgetLine(plan, label);
    if (memo.size >= 10_000) memo.clear();
    memo.set(label, hit);
  }
  return hit;
}

function findFollowed(plan: Plan, title: string): Followed | undefined {
  if (plan.scorecard.length > 0) {
    const res = indicatorIndex(plan).find(title);
    if (res.ok) {
      const x = res.item;
      const money = x.unit === "amount" ? findUnitStatement(`(${x.unitLabel ?? ""})`) : undefined;
      return { id: x.id, title: x.title, unit: x.unit, money, values: x.values };
    }
  }
  const res = findGoal(plan, title);
  return res.ok ? res.goal : undefined;
}

/** The goal figure a column holds (target or outcome) and its year: a target without a year is the plan's. */
function goalColumn(plan: Plan, ci: ColumnInfo): { kind: "target" | "outcome"; year: number } | undefined {
  const { goal: kind, year } = headerFacts(ci.header);
  const y = year ?? (kind === "target" ? plan.year : undefined);
  return kind && y ? { kind, year: y } : undefined;
}

function checkGoalBlock(m: SheetModel, block: Block, plan: Plan, out: PlanFigure[]): void {
  // Most blocks have no goal column, or no row naming a goal: both asked before anything is built.
  if (!block.columns.some((ci) => goalColumn(plan, ci))) return;
  let asked = 0;
  let firstFigureCol = Infinity;
  for (const ci of block.columns) if (ci.col < firstFigureCol) firstFigureCol = ci.col;
  const rows: { r: number; goal: Followed }[] = [];
  for (let r = block.first; r <= block.last; r++) {
    const info = m.rows[r];
    // Goal titles often say "Andel …" or "(%)": such rows are not lines of a sum but still goals.
    if ((info.kind !== "line" && info.kind !== "excluded") || !info.label.trim()) continue;
    if (giveUp(++asked, rows.length)) return;
    const title = goalTitleOf(m, r, firstFigureCol);
    if (title.length < 6) continue;
    const goal = followedOf(plan, title);
    if (goal) rows.push({ r, goal });
  }
  // A budget table with an "Utfall 2018" column whose line "Bredband" happens to name a goal is not a goal
  // follow-up: most of a goal table's rows name goals.
  if (rows.length === 0 || rows.length * 2 <= asked) return;
  const columns: { ci: ColumnInfo; kind: "target" | "outcome"; year: number }[] = [];
  for (const ci of block.columns) {
    const goal = goalColumn(plan, ci);
    if (goal) columns.push({ ci, ...goal });
  }
  for (const { ci, kind, year } of columns) {
    const results: PlanFigure[] = [];
    for (const { r, goal } of rows) {
      const pv = goal.values.find((v) => v.period === year && v.kind === kind)?.value;
      if (pv === null || pv === undefined) continue;
      const v = figureAt(m, r, ci.col);
      if (v === undefined) continue;
      if (goal.money) {
        results.push(judgeAmount(m, block, ci, r, v, pv, goal));
        continue;
      }
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
      const unitForTol = Math.min(cellUnit, planPrecision(pv));
      const ok = fits(asPlan, unitForTol, pv, unitForTol);
      results.push({
        model: m,
        r,
        c: ci.col,
        value: v,
        status: ok ? "ok" : "mismatch",
        expected: clean(pv * factor),
        what: `${ci.header.trim()} – ${goal.title}`,
        source: goal.id,
        percent: percentGoal,
      });
    }
    // A column that mostly disagrees: the plan's targets gone wrong when one of them still agrees (its cells and
    // a column finding), else perhaps another unit's own targets (a note on the column only).
    if (results.length >= 3 && results.filter((x) => x.status === "ok").length * 2 < results.length) {
      const strong = results.some((x) => x.status === "ok");
      const anchor = headerCell(block, Math.min(...results.map((x) => x.r)), ci.col);
      pushColumnVerdict(m, anchor, results, [], strong, ci.header.trim(), "", undefined, out);
      if (!strong) continue;
    }
    for (const x of results) out.push(x);
  }
}

/**
 * An amount indicator ("Resultat Prognos helår mot budget helår (tkr)") in the unit the row's label, the column's
 * header or the table's title states, else the plan's; a figure that fits only in another unit is plan.unit.
 */
function judgeAmount(
  m: SheetModel,
  block: Block,
  ci: ColumnInfo,
  r: number,
  v: number,
  pv: number,
  goal: Followed,
): PlanFigure {
  const planUnit = goal.money!;
  const unit = findUnitStatement(m.rows[r].label) ?? ci.unit ?? block.unit ?? planUnit;
  const cellUnit = shownUnit(m, r, ci.col, v);
  const fitsIn = (u: MoneyUnit) =>
    fits(v, cellUnit, convertMoney(pv, planUnit, u), planPrecision(pv) * (convertMoney(1, planUnit, u) || 1));
  const expected = convertMoney(pv, planUnit, unit);
  const base = {
    model: m,
    r,
    c: ci.col,
    value: v,
    expected,
    what: `${ci.header.trim()} – ${goal.title}`,
    source: goal.id,
  };
  if (fitsIn(unit)) return { ...base, status: "ok" };
  const other = UNITS.find((u) => u !== unit && fitsIn(u));
  return {
    ...base,
    status: other ? "unit" : "mismatch",
    unit,
    foundUnit: other,
    planValue: pv,
    planUnit,
  };
}

/** A typed figure about 1 000 times every other line of a column whose unit is stated: tkr typed in kr. */
export interface MagnitudeOutlier {
  model: SheetModel;
  r: number;
  c: number;
  value: number;
  /** The column's stated unit, and the one the figure reads right in. */
  unit: MoneyUnit;
  smaller: MoneyUnit;
  /** The figure in the column's unit if it was typed in the smaller one. */
  asUnit: number;
  /** The column's other lines (their absolute amounts). */
  peers: { count: number; min: number; max: number; median: number };
  label: string;
  header: string;
}

/** The outlier is at least this many times the column's largest other line… */
const OUTLIER_OVER_PEERS = 50;
/** …whose lines lie within this factor of each other (one magnitude: a department's lines, not a balance sheet). */
const PEERS_SPREAD = 100;
const PEERS_MIN = 4;

const NO_LINES: readonly number[] = [];

/** A line among which an outlier is sought: not a total, a count or a difference. */
function isPeerLine(info: RowInfo): boolean {
  return info.kind === "line" && !info.countLike && !info.diff;
}

/**
 * Figures ×1 000 in a column whose header or title states tkr or mnkr: typed in the smaller unit. Only typed
 * lines (not totals, counts or percent), only where the column's other lines are of one magnitude and the figure
 * read ÷ 1 000 falls among them: the evidence that it is a unit slip and not a large line.
 */
export function magnitudeOutliers(m: SheetModel): MagnitudeOutlier[] {
  const out: MagnitudeOutlier[] = [];
  for (const block of m.blocks) {
    // The block's lines, picked once for all its columns. A column needs a candidate and PEERS_MIN other
    // lines: a block with fewer has no outlier (and no list is made for it).
    let lines: readonly number[] | undefined;
    for (const ci of block.columns) {
      if (ci.kind !== "line" || ci.percent) continue;
      const unit = ci.unit ?? block.unit;
      if (unit !== "tkr" && unit !== "mnkr") continue;
      if (!lines) {
        let n = 0;
        for (const r of block.dataRows) if (isPeerLine(m.rows[r])) n++;
        lines = n < PEERS_MIN + 1 ? NO_LINES : block.dataRows.filter((r) => isPeerLine(m.rows[r]));
      }
      if (lines.length < PEERS_MIN + 1) break;
      // One pass over the column's lines: the largest (the candidate), the next largest and the smallest.
      let n = 0;
      let top = -1;
      let topAbs = 0;
      let second = 0;
      let min = Infinity;
      for (const r of lines) {
        const v = m.values[r]?.[ci.col];
        if (typeof v !== "number" || v === 0 || !Number.isFinite(v)) continue;
        const a = Math.abs(v);
        n++;
        if (a > topAbs) {
          second = topAbs;
          topAbs = a;
          top = r;
        } else if (a > second) second = a;
        if (a < min) min = a;
      }
      if (n < PEERS_MIN + 1 || topAbs < OUTLIER_OVER_PEERS * second || second > PEERS_SPREAD * min) continue;
      const asUnit = topAbs / 1000;
      if (asUnit < min / 20 || asUnit > second * 20) continue;
      // Only a typed figure (not a formula, not a date) is a slip of the hand.
      const r = top;
      const value = figureAt(m, r, ci.col);
      if (value === undefined || formulaAt(m, r, ci.col) !== null) continue;
      const peers: number[] = [];
      for (const k of lines) {
        if (k === r) continue;
        const v = m.values[k]?.[ci.col];
        if (typeof v === "number" && v !== 0 && Number.isFinite(v)) peers.push(Math.abs(v));
      }
      peers.sort((a, b) => a - b);
      const mid = peers.length >> 1;
      const median = peers.length % 2 ? peers[mid] : (peers[mid - 1] + peers[mid]) / 2;
      const max = second;
      out.push({
        model: m,
        r,
        c: ci.col,
        value,
        unit,
        smaller: unit === "tkr" ? "kr" : "tkr",
        asUnit: clean(value / 1000),
        peers: { count: peers.length, min, max, median },
        label: m.rows[r].label.trim(),
        header: ci.header.trim(),
      });
    }
  }
  return out;
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
    checkRelationBlock(m, block, plan, out);
    checkGoalBlock(m, block, plan, out);
  }
  checkStatedAmounts(m, plan, out);
  perPlan.set(plan, out);
  return out;
}
