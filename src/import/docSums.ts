/**
 * The document's own sums, checked with the workbook rules: each rebuilt table becomes a SheetSnapshot (the
 * figures' decimals carried in the number formats, so the rounding tolerance is the workbook one) and goes
 * through `checkWorkbook`; each finding's cell is mapped back to the table's row label, column header and page.
 * The plan's own consistency (stated relations, counts) comes from `checkPlan`; a total both find is said once.
 */
import { columnName, parseA1 } from "../model/address";
import { checkWorkbook } from "../checks/index";
import { checkPlan } from "../checks/planConsistency";
import type { Finding, SheetSnapshot } from "../model/types";
import type { Lang } from "../plan/i18n";
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

/** Maps a workbook finding on a table's sheet to a document finding (sheet/cell null; page, row, column set). */
export function toDocumentFinding(f: Finding, table: DocTable): Finding {
  const { row, column, page } = f.cell ? place(table, f.cell) : { row: null, column: null, page: table.page };
  // Cell addresses mean nothing in a document: say the rows' labels instead ("C2:C5" → "Gator och vägar"–"Kollektivtrafik").
  const message = f.message
    .replace(/\b([A-Z]{1,3}\d+):([A-Z]{1,3}\d+)\b/g, (_, a: string, b: string) => {
      const from = place(table, a).row;
      const to = place(table, b).row;
      return from && to ? `"${from}"–"${to}"` : `${a}:${b}`;
    })
    .replace(/\b([A-Z]{1,3}\d+)\b/g, (ref: string) => {
      const p = place(table, ref);
      return p.row ? `"${p.row}"${p.column ? ` (${p.column})` : ""}` : ref;
    });
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: null,
    cell: null,
    message,
    expected: f.expected,
    actual: f.actual,
    page,
    row,
    column,
  };
}

/** Sum rules over the document's tables, then the plan's own consistency; duplicates (same rule and place) once. */
export function checkDocument(plan: Plan, tables: readonly DocTable[], lang: Lang): Finding[] {
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
      { lang, rules: ["sum.mismatch", "cell.error"] },
    );
    for (const f of findings) {
      const doc = toDocumentFinding(f, table);
      push(doc);
      // checkPlan says the same total at the table's (header's) page: that one is the same finding.
      seen.add(key({ ...doc, page: table.page }));
    }
  }
  for (const f of checkPlan(plan, lang)) push(f);
  return out;
}
