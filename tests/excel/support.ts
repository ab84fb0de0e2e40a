/** Fixtures for the adapter tests: .xlsx workbooks written with ExcelJS, read back through the CLI's reader. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readWorkbookFile } from "../../src/cli/xlsx";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/model/types";
import { parseArea } from "../../src/excel/a1";

const dir = mkdtempSync(join(tmpdir(), "plankoll-excel-"));

/** A department budget like the plan's (tkr), with a total row, percent and a planted typo. */
export function addBudgetSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.getCell("A1").value = "Ekonomisk redovisning per avdelning (tkr)";
  ws.mergeCells("A1:D1");
  ws.addRow(["Avdelning", "Budget 2019", "Utfall 2018", "Andel"]);
  const lines: [string, number, number][] = [
    ["Kommunledningskontoret", 21140, 20110],
    ["Ekonomi och kvalitet", 34500, 33980],
    ["HR-avdelningen", 18760, 19020],
    ["Kommunikation", 12300, 12450],
  ];
  for (const [label, budget, outcome] of lines) ws.addRow([label, budget, outcome, 0.25]);
  const totalRow = ws.addRow(["Summa", null, null, null]);
  totalRow.getCell(2).value = { formula: "SUM(B3:B6)", result: 86700 };
  totalRow.getCell(3).value = { formula: "SUM(C3:C6)", result: 85560 };
  ws.getColumn(4).numFmt = "0.0%";
  ws.getCell("D7").value = "100 %";
  ws.getRow(4).hidden = true;
  ws.getCell("E3").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
  return ws;
}

export async function xlsxSnapshot(
  build: (wb: ExcelJS.Workbook) => void,
  file: string,
): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, file);
  await wb.xlsx.writeFile(path);
  return readWorkbookFile(path);
}

/** The parts of a sheet snapshot both hosts must agree on, with host-specific spellings normalised. */
export function comparable(sheet: SheetSnapshot) {
  const area = sheet.address ? parseArea(sheet.address) : null;
  const used = area && sheet.values.length > 0;
  return {
    name: sheet.name,
    area,
    origin: used ? sheet.origin : null,
    values: sheet.values,
    formulas: sheet.formulas,
    numberFormats: sheet.numberFormats.map((row) => row.map((f) => (f === "General" ? null : f))),
    hiddenRows: (sheet.hiddenRows ?? []).filter((r) => area && r >= area.firstRow && r <= area.lastRow),
    merged: (sheet.merged ?? []).map((m) => parseArea(m)),
    tables: sheet.tables ?? [],
    protected: Boolean(sheet.protected),
  };
}
