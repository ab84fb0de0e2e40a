/**
 * The document's own sums, checked with the workbook rules: each rebuilt table becomes a SheetSnapshot (the
 * figures' decimals carried in the number formats, so the rounding tolerance is the workbook one) and goes
 * through `checkWorkbook`; each finding's cell is mapped back to the table's row label, column header and page.
 * The plan's own consistency (stated relations, counts) comes from `checkPlan`; a total both find is said once.
 */
import { columnName, parseA1 } from "../model/address";
import { checkWorkbook } from "../checks/index";
import { checkPlan } from "../checks/planConsistency";
import type { Message } from "../model/messages";
import type { Finding, SheetSnapshot } from "../model/types";
import type { Plan } from "../plan/schema";
import type { DocTable } from "./types";

function formatFor(decimals: number): string {
  return decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
}

/** A document table as a sheet: header row (blank label cell, column headers), then label + figures per row. */
export function docTableToSheet(table: DocTable): SheetSnapshot {
  const width = table.headers.length + 1;
  const header = ["", ...table.headers];
  const values = [header, ...table.rows.map((r) => [r.label, ...r.cells.map((c) => c.value)])];
  const numberFormats = [
    header.map(() => null),
    ...table.rows.map((r) => [
      null,
      ...r.cells.map((c) => (c.value === null ? null : formatFor(c.decimals))),
    ]),
  ];
  const formulas = values.map((row) => row.map(() => null));
  return {
    name: table.title.slice(0, 31),
    address: `A1:${columnName(width - 1)}${values.length}`,
    origin: { row: 0, col: 0 },
    values,
    formulas,
    numberFormats,
    page: table.page,
  };
}

/** The row label / column header a cell of the table's sheet stands for. */
function place(table: DocTable, ref: string): { row: string | null; column: string | null; page: number } {
  const at = parseA1(ref);
  const row = at && at.row >= 1 ? table.rows[at.row - 1] : undefined;
  return {
    row: row?.label ?? null,
    column: at && at.col >= 1 ? (table.headers[at.col - 1] ?? null) : null,
    // A table over several pages: the finding is where its row (the total) is printed.
    page: row?.page ?? table.page,
  };
}

/** A cell named by its row's label and column's header (`"Gator och vägar" (Budget)`), or its address. */
function placeText(table: DocTable, ref: string): string {
  const p = place(table, ref);
  return p.row ? `"${p.row}"${p.column ? ` (${p.column})` : ""}` : ref;
}

/** A range of lines named by its first and last rows' labels (`"Gator och vägar"–"Kollektivtrafik"`). */
function spanText(table: DocTable, range: string): string {
  const [a, b] = range.split(":");
  if (b === undefined) return placeText(table, a);
  const from = place(table, a).row;
  const to = place(table, b).row;
  return from && to ? `"${from}"–"${to}"` : `${placeText(table, a)}:${placeText(table, b)}`;
}

/**
 * A sum rule's message on a table's sheet, its cell addresses said as the rows' labels instead: addresses mean
 * nothing in a document. Only the rules run on documents (sum.mismatch, cell.error) name cells.
 */
function documentMessage(m: Message, table: DocTable): Message {
  switch (m.messageId) {
    case "sum.mismatch":
    case "sum.mismatch.net":
      return { ...m, params: { ...m.params, over: spanText(table, m.params.over) } };
    case "sum.mismatch.diff":
      return {
        ...m,
        params: {
          ...m.params,
          aCell: placeText(table, m.params.aCell),
          bCell: placeText(table, m.params.bCell),
        },
      };
    default:
      return m;
  }
}

/** Maps a workbook finding on a table's sheet to a document finding (sheet/cell null; page, row, column set). */
export function toDocumentFinding(f: Finding, table: DocTable): Finding {
  const { row, column, page } = f.cell ? place(table, f.cell) : { row: null, column: null, page: table.page };
  const { messageId, params } = documentMessage(f, table);
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: null,
    cell: null,
    messageId,
    params,
    expected: f.expected,
    actual: f.actual,
    page,
    row,
    column,
  } as Finding;
}

/** Sum rules over the document's tables, then the plan's own consistency; duplicates (same rule and place) once. */
export function checkDocument(plan: Plan, tables: readonly DocTable[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const key = (f: Finding) => `${f.rule}|${f.page ?? ""}|${f.row ?? ""}|${f.column ?? ""}`;
  const push = (f: Finding) => {
    if (seen.has(key(f))) return;
    seen.add(key(f));
    out.push(f);
  };
  for (const table of tables) {
    const sheet = docTableToSheet(table);
    // Only the sum rules apply to a document: its figures are printed values, not formulas or typed cells.
    const findings = checkWorkbook(
      { name: table.title, sheets: [sheet] },
      { rules: ["sum.mismatch", "cell.error"] },
    );
    for (const f of findings) {
      const doc = toDocumentFinding(f, table);
      push(doc);
      // checkPlan says the same total at the table's (header's) page: that one is the same finding.
      seen.add(key({ ...doc, page: table.page }));
    }
  }
  for (const f of checkPlan(plan)) push(f);
  return out;
}
