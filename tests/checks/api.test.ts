import ExcelJS from "exceljs";
import { readWorkbookFile } from "../../src/cli/xlsx";
import { checkWorkbook } from "../../src/checks";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

test("an .xlsx file becomes a snapshot the engine checks", async () => {
  const dir = mkdtempSync(join(tmpdir(), "plankoll-"));
  const file = join(dir, "t.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  ws.addRow(["Avdelning", "Budget 2019"]);
  ws.addRow(["A", 10]);
  ws.addRow(["B", { error: "#REF!" }]);
  ws.addRow(["Summa", { formula: "SUM(B2:B3)", result: 10 }]);
  ws.mergeCells("C1:D1");
  await wb.xlsx.writeFile(file);
  const s = await readWorkbookFile(file);
  expect(s.sheets[0].address).toBe("A1:B4");
  expect(s.sheets[0].formulas[3][1]).toBe("=SUM(B2:B3)");
  expect(s.sheets[0].merged).toEqual(["C1:D1"]);
  const f = checkWorkbook(s);
  expect(f.map((x) => [x.rule, x.cell])).toContainEqual(["cell.error", "B3"]);
});
