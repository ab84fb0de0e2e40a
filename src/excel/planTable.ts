/**
 * The "Plan" table (docs/plan-table.md): read it for the import, or create an empty one for a plan
 * owner to fill in. Reading takes 2 syncs: find the table (or a sheet named Plan, or the active sheet),
 * then load its cells.
 */
import type { SheetSnapshot } from "../model/types";
import { a1 } from "../model/address";
import { splitAddress } from "./a1";
import { sheetFromRange } from "./read";
import { failed, type WriteResult } from "./results";

const PLAN_TABLE_NAME = "Plan";
/** The first two headers of the Plan table's layout (docs/plan-table.md). */
const PLAN_TABLE_HEADER = ["Typ", "Id"] as const;

export async function readPlanTable(
  context: Excel.RequestContext,
): Promise<WriteResult<{ sheet: SheetSnapshot; fromTable: boolean }>> {
  try {
    const tables = context.workbook.tables;
    const sheets = context.workbook.worksheets;
    const activeSheet = sheets.getActiveWorksheet();
    tables.load("items/name");
    sheets.load("items/name");
    activeSheet.load("name");
    await context.sync();

    const table = tables.items.find((t) => t.name.toLowerCase() === PLAN_TABLE_NAME.toLowerCase());
    const fields = "address,values,formulas,numberFormat,valueTypes";
    let range: Excel.Range;
    if (table) range = table.getRange().load(fields);
    else {
      const named =
        sheets.items.find((s) => s.name.toLowerCase() === PLAN_TABLE_NAME.toLowerCase()) ??
        (await sheetWithPlanHeader(context, sheets.items, activeSheet.name));
      range = (named ?? activeSheet).getUsedRangeOrNullObject(true).load(fields);
    }
    await context.sync();
    if (range.isNullObject) return { ok: false, reason: "nothing" };
    const sheetName = splitAddress(range.address).sheet ?? activeSheet.name;
    const sheet = sheetFromRange(sheetName, range.address, {
      values: range.values,
      formulas: range.formulas,
      numberFormat: range.numberFormat,
      valueTypes: range.valueTypes as string[][],
    });
    return { ok: true, sheet, fromTable: Boolean(table) };
  } catch (err) {
    return failed(err);
  }
}

/**
 * A sheet laid out as the Plan table (A1:B1 read "Typ", "Id") under another name, such as "Mål 2020" or a
 * copy "Plan (2)": the active sheet if it is one, else the first. One sync for all sheets.
 */
async function sheetWithPlanHeader(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  activeName: string,
): Promise<Excel.Worksheet | undefined> {
  const heads = sheets.map((s) => s.getRange("A1:B1").load("values"));
  await context.sync();
  const [typ, id] = PLAN_TABLE_HEADER.map((h) => h.toLowerCase());
  const matching = sheets.filter((_, i) => {
    const [a, b] = heads[i].values[0] ?? [];
    return String(a).trim().toLowerCase() === typ && String(b).trim().toLowerCase() === id;
  });
  return matching.find((s) => s.name === activeName) ?? matching[0];
}

/** Writes the empty Plan table (rows from planTableTemplate()) on a new sheet as an Excel table named Plan. */
export async function createPlanTable(
  context: Excel.RequestContext,
  rows: readonly (readonly (string | number | null)[])[],
): Promise<WriteResult<{ sheet: string; address: string }>> {
  try {
    const tables = context.workbook.tables;
    const sheets = context.workbook.worksheets;
    tables.load("items/name");
    sheets.load("items/name");
    await context.sync();
    if (tables.items.some((t) => t.name.toLowerCase() === PLAN_TABLE_NAME.toLowerCase()))
      return { ok: false, reason: "names-exist", names: [PLAN_TABLE_NAME] };
    const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    let name = PLAN_TABLE_NAME;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${PLAN_TABLE_NAME} (${i})`;

    const width = Math.max(...rows.map((r) => r.length));
    const address = `A1:${a1(rows.length - 1, width - 1)}`;
    const ws = sheets.add(name);
    const range = ws.getRange(address);
    // Text columns stay text (ids such as "PM01", periods such as "2019" typed later are still fine).
    range.values = rows.map((r) => [...r, ...Array(width - r.length).fill(null)].map((v) => v ?? ""));
    const table = ws.tables.add(address, true);
    table.name = PLAN_TABLE_NAME;
    range.format.autofitColumns();
    ws.activate();
    ws.getRange("A2").select();
    await context.sync();
    return { ok: true, sheet: name, address };
  } catch (err) {
    return failed(err);
  }
}
