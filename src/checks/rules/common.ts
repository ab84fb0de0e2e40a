/** What every rule gets, and the one way findings are made. */
import type { Plan } from "../../plan/schema";
import { a1, columnName } from "../../model/address";
import type { SheetModel } from "../model";
import { leafSpan, type TotalCell } from "../totals";
import type { Finding, RuleId, Severity } from "../../model/types";
import type { Message } from "../../model/messages";
import type { DocumentFinding, Evidence, TableFacts, TableGrid } from "../tables/types";

export interface RuleContext {
  models: SheetModel[];
  plan?: Plan;
}

export type Rule = (ctx: RuleContext) => Finding[];

export function finding(
  m: SheetModel,
  rule: RuleId,
  severity: Severity,
  r: number,
  c: number,
  text: Message,
  expected: number | string | null,
  actual: number | string | null,
  evidence?: Record<string, unknown>,
  causedBy?: Finding["causedBy"],
): Finding {
  const f: Finding = {
    rule,
    severity,
    sheet: m.name,
    cell: a1(m.oRow + r, m.oCol + c),
    ...text,
    expected,
    actual,
  };
  if (evidence) f.evidence = evidence;
  if (causedBy) f.causedBy = causedBy;
  return f;
}

/** The A1 address of a model cell. */
export function cellAddress(m: SheetModel, r: number, c: number): string {
  return a1(m.oRow + r, m.oCol + c);
}

/** A1 addresses of the cells along a total's axis (rows of its column, columns of its row), at most 50. */
export function alongCells(cell: TotalCell, idxs: readonly number[]): string[] {
  const m = cell.model;
  return idxs
    .slice(0, 50)
    .map((i) => (cell.spec.axis === "row" ? cellAddress(m, i, cell.c) : cellAddress(m, cell.r, i)));
}

/** The leaf lines of a total that hold figures, as A1 addresses (the lines its expected sum adds). */
export function leafCells(cell: TotalCell): string[] {
  const m = cell.model;
  const rowAxis = cell.spec.axis === "row";
  const idxs = cell.spec.leaves.filter(
    (i) =>
      (rowAxis ? m.values[i]?.[cell.c] : m.values[cell.r]?.[i]) !== null &&
      typeof (rowAxis ? m.values[i]?.[cell.c] : m.values[cell.r]?.[i]) === "number",
  );
  return alongCells(cell, idxs);
}

/** The caption of a column in a block, or its letter. */
export function columnCaption(cell: TotalCell, c: number): string {
  const ci = cell.block.columns.find((x) => x.col === c);
  return ci?.header?.trim() || columnName(cell.model.oCol + c);
}

/** "“Totalt” (Budget 2019)": the total's own label and the other axis' caption. */
export function totalName(cell: TotalCell): string {
  const m = cell.model;
  if (cell.spec.axis === "row") {
    const label = m.rows[cell.r].label.trim() || a1(m.oRow + cell.r, m.oCol + cell.c);
    const header = cell.block.columns.find((x) => x.col === cell.c)?.header?.trim();
    return header ? `"${label}" (${header})` : `"${label}"`;
  }
  const header = cell.spec.label.trim() || columnName(m.oCol + cell.c);
  const label = m.rows[cell.r].label.trim();
  return label ? `"${header}" (${label})` : `"${header}"`;
}

/** Where the lines are: "D5:D11" or "B7:E7". */
export function linesSpan(cell: TotalCell): string {
  const m = cell.model;
  const { first, last } = leafSpan(cell);
  if (cell.spec.axis === "row")
    return `${a1(m.oRow + first, m.oCol + cell.c)}:${a1(m.oRow + last, m.oCol + cell.c)}`;
  return `${a1(m.oRow + cell.r, m.oCol + first)}:${a1(m.oRow + cell.r, m.oCol + last)}`;
}

/** Lines named for a message, at most four ("D9 (Miljö o samhällsbyggnad)" or a column caption), and how many more. */
export function lineNames(cell: TotalCell, idxs: number[]): { lines: string[]; more: number } {
  const m = cell.model;
  const names = idxs.slice(0, 4).map((i) => {
    if (cell.spec.axis === "row") {
      const label = m.rows[i].label.trim();
      const addr = a1(m.oRow + i, m.oCol + cell.c);
      return label ? `${addr} (${label})` : addr;
    }
    return `${a1(m.oRow + cell.r, m.oCol + i)} (${columnCaption(cell, i)})`;
  });
  return { lines: names, more: Math.max(0, idxs.length - 4) };
}

// ---------------------------------------------------------------------------------------------------------
// Document tables: the rules' findings on a TableGrid carry page, row label and column header, not a cell.

/** What a rule gets for a document's table: the grid as read and the analysis' facts about it. */
export interface AnalysedTable {
  grid: TableGrid;
  facts: TableFacts;
}

/** A column's header, or its number when it has none. */
export function gridColumnName(g: TableGrid, c: number): string {
  return g.headers[c] || `${c + 1}`;
}

/** The one way a document finding is made: page, row label, column header, expected, actual, evidence. */
export function documentFinding(
  severity: Severity,
  rule: Finding["rule"],
  text: Message,
  expected: number | null,
  actual: number | string | null,
  page: number | null,
  row: string,
  column: string,
  evidence: Evidence,
): DocumentFinding {
  return { rule, severity, sheet: null, cell: null, ...text, expected, actual, page, row, column, evidence };
}
