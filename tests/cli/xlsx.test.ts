/** readWorkbookFile: ExcelJS → snapshot, for every kind of cell a workbook holds. */
import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkWorkbook } from "../../src/checks";
import { readWorkbookFile } from "../../src/cli/xlsx";

const dir = mkdtempSync(join(tmpdir(), "plankoll-xlsx-"));

test("values, cached formula results, formats, merges, hidden rows and columns", async () => {
  const file = join(dir, "t.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  ws.addRow(["Avdelning", "Budget 2019"]);
  ws.addRow(["A", 10]);
  ws.addRow(["B", { error: "#REF!" }]);
  ws.addRow(["Summa", { formula: "SUM(B2:B3)", result: 10 }]);
  ws.getCell("B2").numFmt = "#,##0";
  ws.mergeCells("C1:D1");
  ws.getRow(3).hidden = true;
  ws.getColumn(5).hidden = true;
  await wb.xlsx.writeFile(file);
  const s = (await readWorkbookFile(file)).sheets[0];
  expect(s.address).toBe("A1:B4");
  expect(s.values[3][1]).toBe(10);
  expect(s.values[2][1]).toEqual({ error: "#REF!" });
  expect(s.formulas[3][1]).toBe("=SUM(B2:B3)");
  expect(s.numberFormats[1][1]).toBe("#,##0");
  expect(s.merged).toEqual(["C1:D1"]);
  expect(s.hiddenRows).toEqual([2]);
  expect(s.hiddenColumns).toContain(4);
});

test("shared formulas are translated per cell; rich text, hyperlinks, dates and booleans never crash", async () => {
  const file = join(dir, "shared.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Kvartal");
  ws.addRow(["Post", "Kv1", "Kv2", "Helår"]);
  ws.addRow(["Personal", 1, 2, { formula: "SUM(B2:C2)", result: 3 }]);
  ws.addRow(["Lokaler", 3, 4, { sharedFormula: "D2", result: 7 }]);
  ws.addRow([{ richText: [{ text: "Öv" }, { text: "rigt" }] }, 5, 6, { sharedFormula: "D2", result: 11 }]);
  ws.addRow([
    { text: "Länk", hyperlink: "https://example.org" },
    new Date(Date.UTC(2019, 0, 31)),
    true,
    null,
  ]);
  await wb.xlsx.writeFile(file);
  const snap = await readWorkbookFile(file);
  const s = snap.sheets[0];
  expect(s.formulas[2][3]).toBe("=SUM(B3:C3)");
  expect(s.formulas[3][3]).toBe("=SUM(B4:C4)");
  expect(s.values[3][0]).toBe("Övrigt");
  expect(s.values[4][0]).toBe("Länk");
  expect(s.values[4][1]).toBe(43496);
  expect(s.values[4][2]).toBe(true);
  expect(checkWorkbook(snap)).toEqual([]);
});

test("an empty sheet has an empty used range", async () => {
  const file = join(dir, "empty.xlsx");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Tom");
  wb.addWorksheet("Data").addRow(["Post", 1]);
  await wb.xlsx.writeFile(file);
  const snap = await readWorkbookFile(file);
  expect(snap.sheets.map((s) => [s.name, s.address])).toEqual([
    ["Tom", ""],
    ["Data", "A1:B1"],
  ]);
  expect(checkWorkbook(snap)).toEqual([]);
});
