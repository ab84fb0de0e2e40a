/**
 * "Skapa rapport": the findings as a table on their own sheet, each cell reference a link to the cell.
 * An existing report sheet is replaced only when the caller says the user confirmed.
 */
import type { Finding } from "../model/types";
import { a1, columnName } from "../model/address";
import { quoteSheet } from "./a1";
import { failed, type WriteResult } from "./results";

const REPORT_SHEET = "Plankoll-rapport";

export interface ReportLabels {
  title: string;
  /** One line under the title: plan, workbook, time. */
  subtitle: string;
  columns: [
    severity: string,
    rule: string,
    sheet: string,
    cell: string,
    message: string,
    expected: string,
    actual: string,
  ];
  severity: Record<Finding["severity"], string>;
  /** Shown when there are no findings. */
  none: string;
  /** A finding's text in the report's language. */
  message(f: Finding): string;
}

/** Text for a formula string literal. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export async function writeReport(
  context: Excel.RequestContext,
  findings: readonly Finding[],
  labels: ReportLabels,
  options: { confirmed?: boolean; sheetName?: string } = {},
): Promise<WriteResult<{ sheet: string; rows: number }>> {
  const name = options.sheetName ?? REPORT_SHEET;
  try {
    const existing = context.workbook.worksheets.getItemOrNullObject(name);
    existing.load("name");
    await context.sync();
    if (!existing.isNullObject && !options.confirmed)
      return { ok: false, reason: "needs-confirmation", address: `${quoteSheet(name)}!A1` };

    const header = labels.columns as readonly string[];
    const rows: (string | number)[][] = findings.map((f) => [
      labels.severity[f.severity],
      f.rule,
      f.sheet ?? "",
      f.sheet && f.cell
        ? `=HYPERLINK(${formulaString(`#${quoteSheet(f.sheet)}!${f.cell}`)},${formulaString(f.cell)})`
        : (f.cell ?? ""),
      labels.message(f),
      f.expected ?? "",
      f.actual ?? "",
    ]);
    if (rows.length === 0) rows.push([labels.none, "", "", "", "", "", ""]);
    // Text that looks like a formula or number must stay text: prefix with an apostrophe.
    const safe = rows.map((r) =>
      r.map((v, i) => (i !== 3 && typeof v === "string" && /^[=+\-@]|^\d/.test(v) ? `'${v}` : v)),
    );

    context.application.suspendApiCalculationUntilNextSync();
    if (!existing.isNullObject) existing.delete();
    const ws = context.workbook.worksheets.add(name);
    const width = header.length;
    const last = columnName(width - 1);
    ws.getRange("A1").values = [[labels.title]];
    ws.getRange("A1").format.font.bold = true;
    ws.getRange("A2").values = [[labels.subtitle]];
    const headRange = ws.getRange(`A4:${last}4`);
    headRange.values = [header.slice()];
    headRange.format.font.bold = true;
    headRange.format.fill.color = "#D9E1F2";
    const body = ws.getRange(`A5:${a1(4 + safe.length - 1, width - 1)}`);
    body.formulas = safe;
    ws.getRange(`A4:${a1(4 + safe.length - 1, width - 1)}`).format.autofitColumns();
    ws.activate();
    ws.getRange("A1").select();
    await context.sync();
    return { ok: true, sheet: name, rows: findings.length };
  } catch (err) {
    return failed(err);
  }
}
