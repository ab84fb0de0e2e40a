/** readSnapshot against the fake: the same snapshot the CLI reads from the file, in few syncs. */
import { readSnapshot } from "../../src/excel";
import { createFakeExcel, FakeWorkbookModel } from "../../src/workbench/fakeExcel";
import { addBudgetSheet, comparable, xlsxSnapshot } from "./support";

async function workbookWithSheets(count: number) {
  return xlsxSnapshot((wb) => {
    for (let i = 1; i <= count; i++) addBudgetSheet(wb, `Avdelning ${i}`);
  }, `sheets-${count}.xlsx`);
}

describe("readSnapshot", () => {
  test("gives the snapshot the .xlsx reader gives for the same workbook", async () => {
    const fromFile = await xlsxSnapshot((wb) => {
      addBudgetSheet(wb, "Budget 2019");
      const notes = wb.addWorksheet("Anteckningar");
      notes.getCell("C5").value = "Börjar inte i A1";
      notes.getCell("D9").value = 3;
      wb.addWorksheet("Tom");
    }, "roundtrip.xlsx");
    const fake = createFakeExcel(fromFile);
    const { snapshot, syncs } = await readSnapshot(fake.context(), { supports: fake.supports });
    expect(snapshot.sheets.map(comparable)).toEqual(fromFile.sheets.map(comparable));
    expect(syncs).toBe(3);
    expect(fake.model.syncCount).toBe(3);
    // The exact shape: errors as { error }, empty cells null, formulas only where there are formulas.
    const budget = snapshot.sheets[0];
    expect(budget.values[2][4]).toEqual({ error: "#DIV/0!" });
    expect(budget.formulas[6][1]).toBe("=SUM(B3:B6)");
    expect(budget.formulas[2][1]).toBeNull();
    expect(budget.hiddenRows).toEqual([3]);
    expect(budget.merged).toEqual(["A1:D1"]);
    expect(snapshot.sheets[1]).toMatchObject({ address: "C5:D9", origin: { row: 4, col: 2 } });
    expect(snapshot.sheets[2]).toMatchObject({ address: "", values: [] });
  });

  test("takes the same number of syncs for 1 and for 50 sheets", async () => {
    const one = createFakeExcel(await workbookWithSheets(1));
    const fifty = createFakeExcel(await workbookWithSheets(50));
    const r1 = await readSnapshot(one.context(), { supports: one.supports });
    const r50 = await readSnapshot(fifty.context(), { supports: fifty.supports });
    expect(r50.snapshot.sheets).toHaveLength(50);
    expect(r1.syncs).toBe(r50.syncs);
    expect(one.model.syncCount).toBe(fifty.model.syncCount);
    expect(fifty.model.syncCount).toBeLessThanOrEqual(3);
  });

  test("reads a sheet over the 5 MB payload in row chunks, each sync within the limit", async () => {
    const model = new FakeWorkbookModel("stor.xlsx");
    const sheet = model.addSheet("Huvudbok");
    const rows = 20_000;
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < 10; c++) sheet.cell(r, c).value = c === 0 ? `Konto ${r}` : r * 10 + c;
    const fake = createFakeExcel(model);

    // Read in one piece, the same data is more than Excel on the web returns.
    const ctx = fake.context();
    ctx.workbook.worksheets
      .getItem("Huvudbok")
      .getRange("A1:J20000")
      .load("values,formulas,numberFormat,valueTypes");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });

    model.syncLog.length = 0;
    const progress: string[] = [];
    const { snapshot, syncs } = await readSnapshot(fake.context(), {
      supports: fake.supports,
      onProgress: (p) => progress.push(p.phase === "data" ? `${p.done}/${p.total}` : p.phase),
    });
    expect(syncs).toBeGreaterThan(3);
    for (const s of model.syncLog) expect(s.responseBytes).toBeLessThan(5 * 1024 * 1024);
    const read = snapshot.sheets[0];
    expect(read.values).toHaveLength(rows);
    expect(read.values[rows - 1]).toEqual([
      `Konto ${rows - 1}`,
      ...Array.from({ length: 9 }, (_, c) => (rows - 1) * 10 + c + 1),
    ]);
    expect(progress[0]).toBe("structure");
    expect(progress.at(-1)).toBe("done");
    expect(progress).toContain(`${syncs - 2}/${syncs - 2}`);
  });

  test("when the size estimate is wrong (long texts), a refused batch is read again in smaller chunks", async () => {
    const model = new FakeWorkbookModel("anteckningar.xlsx");
    const sheet = model.addSheet("Kommentarer");
    const long = "Kommentar om avvikelsen ".repeat(20);
    for (let r = 0; r < 3_000; r++) for (let c = 0; c < 4; c++) sheet.cell(r, c).value = `${long}${r}`;
    const fake = createFakeExcel(model);
    const { snapshot, syncs } = await readSnapshot(fake.context(), { supports: fake.supports });
    expect(snapshot.sheets[0].values).toHaveLength(3_000);
    expect(snapshot.sheets[0].values[2_999][3]).toBe(`${long}2999`);
    // The refused sync counts too: the log and the result agree.
    expect(model.syncLog.some((s) => s.responseBytes > 5 * 1024 * 1024)).toBe(true);
    expect(syncs).toBe(model.syncCount);
  });

  test("a sheet beyond the size limit is not read and the reader says so", async () => {
    const model = new FakeWorkbookModel("jätte.xlsx");
    const big = model.addSheet("Export");
    big.cell(0, 0).value = "Start";
    big.cell(2_999_999, 1).value = 1;
    model.addSheet("Budget").cell(0, 0).value = 5;
    const fake = createFakeExcel(model);
    const { snapshot, notices } = await readSnapshot(fake.context(), { supports: fake.supports });
    expect(notices).toContainEqual({
      kind: "huge-sheet",
      sheet: "Export",
      cells: 6_000_000,
      limit: 2_000_000,
    });
    expect(snapshot.sheets[0].values).toEqual([]);
    expect(snapshot.sheets[1].values).toEqual([[5]]);
  });

  test("an empty workbook and protected sheets give notices", async () => {
    const empty = createFakeExcel({ sheets: [] });
    expect((await readSnapshot(empty.context())).notices).toEqual([{ kind: "empty-workbook" }]);

    const snap = await xlsxSnapshot((wb) => addBudgetSheet(wb, "Låst"), "locked.xlsx");
    snap.sheets[0].protected = true;
    const fake = createFakeExcel(snap);
    const { snapshot, notices } = await readSnapshot(fake.context(), { supports: fake.supports });
    expect(notices).toContainEqual({ kind: "protected-sheet", sheet: "Låst" });
    expect(snapshot.sheets[0].protected).toBe(true);
  });

  test("without ExcelApi 1.13 merged areas are left out with a notice, nothing fails", async () => {
    const snap = await xlsxSnapshot((wb) => addBudgetSheet(wb, "Budget"), "old-host.xlsx");
    const fake = createFakeExcel(snap, { requirementSets: { ExcelApi: "1.9" } });
    const { snapshot, notices } = await readSnapshot(fake.context(), { supports: fake.supports });
    expect(notices).toContainEqual({ kind: "merged-areas-unsupported" });
    expect(snapshot.sheets[0].merged).toBeUndefined();
    expect(snapshot.sheets[0].values[2][1]).toBe(21140);
  });

  test("hidden rows are read per row only on sheets that have some", async () => {
    const snap = await xlsxSnapshot((wb) => {
      addBudgetSheet(wb, "Med dolda");
      const plain = wb.addWorksheet("Utan dolda");
      plain.addRow(["a", 1]);
    }, "hidden.xlsx");
    const fake = createFakeExcel(snap);
    const { snapshot } = await readSnapshot(fake.context(), { supports: fake.supports });
    expect(snapshot.sheets[0].hiddenRows).toEqual([3]);
    expect(snapshot.sheets[1].hiddenRows).toBeUndefined();
    // The row-properties payload is only the one sheet's rows (7), not every sheet's.
    const dataSync = fake.model.syncLog[2];
    expect(dataSync.responseBytes).toBeLessThan(2000);
  });

  test("reads Excel tables (ListObjects) with their ranges", async () => {
    const snap = await xlsxSnapshot((wb) => {
      const ws = wb.addWorksheet("Tabell");
      ws.addRows([
        ["Post", "Belopp"],
        ["Lön", 100],
        ["Hyra", 50],
      ]);
    }, "table.xlsx");
    snap.sheets[0].tables = [{ name: "Budget", address: "A1:B3" }];
    const fake = createFakeExcel(snap);
    const { snapshot } = await readSnapshot(fake.context(), { supports: fake.supports });
    expect(snapshot.sheets[0].tables).toEqual([{ name: "Budget", address: "A1:B3" }]);
  });
});
