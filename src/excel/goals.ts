/**
 * "Infoga mål" and "Infoga formel": goals into cells as live PLAN formulas (so a changed plan changes
 * the figures), with number formats that show percent goals as %. Never writes over a non-empty cell
 * unless the caller says the user confirmed.
 */
import { a1 } from "../model/address";
import { parseArea, splitAddress } from "./a1";
import { failed, isFilled, type WriteResult } from "./results";
import { formulaString } from "./report";

export type GoalUnit = "percent" | "index" | "count" | "amount";

/** One row of the goals table. */
export interface GoalRow {
  area: string;
  title: string;
  unit: GoalUnit;
}

export interface GoalsTableLabels {
  sheetName: string;
  /** Area, goal, target previous year, outcome previous year, target this year, met? */
  columns: [string, string, string, string, string, string];
}

const GOALS_TABLE_COLUMNS = 6;

/** The custom functions' invariant names (the namespace is PLAN; see src/functions). */
const PLAN_FN = {
  target: "PLAN.MALVARDE",
  outcome: "PLAN.UTFALL",
  achieved: "PLAN.MALUPPFYLLELSE",
} as const;

function numberFormatFor(unit: GoalUnit): string {
  switch (unit) {
    case "percent":
      return "0.0%";
    case "index":
      // Indexes are printed as given (72, 3,3): General shows both without a forced decimal.
      return "General";
    case "count":
      return "#,##0";
    case "amount":
      return "#,##0";
  }
}

/** The table as formulas and formats: header row, then one row per goal starting at `top` (0-based). */
function goalsTableCells(
  rows: readonly GoalRow[],
  year: number,
  labels: GoalsTableLabels,
  top: number,
  left: number,
): { formulas: (string | number)[][]; formats: string[][] } {
  const formulas: (string | number)[][] = [labels.columns.slice()];
  const formats: string[][] = [Array(GOALS_TABLE_COLUMNS).fill("General")];
  rows.forEach((row, i) => {
    const r = top + 1 + i;
    // Absolute column, relative row: the formulas survive sorting and copying down.
    const title = `$${a1(r, left + 1)}`;
    const outcome = `$${a1(r, left + 3)}`;
    formulas.push([
      text(row.area),
      text(row.title),
      `=${PLAN_FN.target}(${title},${year - 1})`,
      `=${PLAN_FN.outcome}(${title},${year - 1})`,
      `=${PLAN_FN.target}(${title},${year})`,
      `=${PLAN_FN.achieved}(${title},${outcome},${year - 1})`,
    ]);
    const fmt = numberFormatFor(row.unit);
    formats.push(["@", "@", fmt, fmt, fmt, "General"]);
  });
  return { formulas, formats };
}

/** Text written through `formulas` must not turn into a formula or number. */
function text(s: string): string {
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
}

function uniqueName(base: string, taken: Set<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base.slice(0, 26)} (${i})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Writes the goals table on a new sheet (`where: "new-sheet"`) or at the active cell. At the selection
 * it first reads the target area: non-empty cells → needs-confirmation (unless confirmed).
 * Syncs: 2 (read, write).
 */
export async function insertGoalsTable(
  context: Excel.RequestContext,
  rows: readonly GoalRow[],
  year: number,
  labels: GoalsTableLabels,
  options: { where: "new-sheet" | "selection"; confirmed?: boolean },
): Promise<WriteResult<{ sheet: string; address: string }>> {
  if (rows.length === 0) return { ok: false, reason: "nothing" };
  const height = rows.length + 1;
  try {
    if (options.where === "new-sheet") {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const name = uniqueName(labels.sheetName, new Set(sheets.items.map((s) => s.name.toLowerCase())));
      const ws = sheets.add(name);
      const { formulas, formats } = goalsTableCells(rows, year, labels, 0, 0);
      const address = `A1:${a1(height - 1, GOALS_TABLE_COLUMNS - 1)}`;
      writeTable(context, ws, address, formulas, formats);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
      return { ok: true, sheet: name, address };
    }

    const start = context.workbook.getActiveCell();
    const target = start.getAbsoluteResizedRange(height, GOALS_TABLE_COLUMNS);
    const ws = start.worksheet;
    start.load("address");
    ws.load("name");
    ws.protection.load("protected");
    target.load("address,values,formulas");
    try {
      await context.sync();
    } catch (err) {
      // Past the last row or column of the sheet.
      if ((err as { code?: string }).code === "InvalidArgument") return { ok: false, reason: "no-room" };
      throw err;
    }
    if (ws.protection.protected) return { ok: false, reason: "protected", sheet: ws.name };
    const local = splitAddress(target.address).local;
    const nonEmpty = countFilled(target.values, target.formulas);
    if (nonEmpty > 0 && !options.confirmed)
      return { ok: false, reason: "needs-confirmation", address: target.address, nonEmpty };
    const area = parseArea(local);
    const { formulas, formats } = goalsTableCells(rows, year, labels, area.firstRow, area.firstCol);
    writeTable(context, ws, local, formulas, formats);
    ws.getRange(local).select();
    await context.sync();
    return { ok: true, sheet: ws.name, address: local };
  } catch (err) {
    return failed(err);
  }
}

function writeTable(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  address: string,
  formulas: (string | number)[][],
  formats: string[][],
): void {
  // Many PLAN formulas at once: let Excel calculate them once, after the batch.
  context.application.suspendApiCalculationUntilNextSync();
  const range = ws.getRange(address);
  range.numberFormat = formats;
  range.formulas = formulas;
  const area = parseArea(address);
  const header = ws.getRange(`${a1(area.firstRow, area.firstCol)}:${a1(area.firstRow, area.lastCol)}`);
  header.format.font.bold = true;
  header.format.fill.color = "#D9E1F2";
  range.format.autofitColumns();
}

function countFilled(values: unknown[][], formulas: unknown[][]): number {
  let n = 0;
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (isFilled(v, formulas[r][c])) n++;
    }),
  );
  return n;
}

/** "Infoga formel": =PLAN.MALVARDE("title") in the active cell. Syncs: 2. */
/** Which PLAN function "Infoga formel" writes. */
export type GoalFormulaKind = keyof typeof PLAN_FN;

/**
 * The formula for one goal: `key` (the goal's id as the plan prints it, "PM26", which survives next year's
 * rewording of the title) and the year. MALUPPFYLLELSE tests that year's outcome against that year's target.
 * `short` writes the names "Använd korta namn" defined (=MALVARDE(…)); MALUPPFYLLELSE has no short name.
 */
export function goalFormula(key: string, kind: GoalFormulaKind, year: number, short = false): string {
  const k = formulaString(key);
  const name = (fn: string) => (short && fn !== PLAN_FN.achieved ? fn.replace(/^PLAN\./, "") : fn);
  if (kind === "achieved")
    return `=${name(PLAN_FN.achieved)}(${k},${name(PLAN_FN.outcome)}(${k},${year}),${year})`;
  return `=${name(PLAN_FN[kind])}(${k},${year})`;
}

export async function insertGoalFormula(
  context: Excel.RequestContext,
  goal: { key: string; unit: GoalUnit },
  options: { confirmed?: boolean; year: number; kind?: GoalFormulaKind; short?: boolean },
): Promise<WriteResult<{ sheet: string; address: string; formula: string }>> {
  try {
    const cell = context.workbook.getActiveCell();
    const ws = cell.worksheet;
    cell.load("address,values,formulas");
    ws.load("name");
    ws.protection.load("protected");
    await context.sync();
    if (ws.protection.protected) return { ok: false, reason: "protected", sheet: ws.name };
    if (isFilled(cell.values[0][0], cell.formulas[0][0]) && !options.confirmed)
      return { ok: false, reason: "needs-confirmation", address: cell.address };
    const kind = options.kind ?? "target";
    const formula = goalFormula(goal.key, kind, options.year, options.short);
    // MALUPPFYLLELSE gives TRUE/FALSE: no number format.
    cell.numberFormat = [[kind === "achieved" ? "General" : numberFormatFor(goal.unit)]];
    cell.formulas = [[formula]];
    await context.sync();
    return { ok: true, sheet: ws.name, address: splitAddress(cell.address).local, formula };
  } catch (err) {
    return failed(err);
  }
}
