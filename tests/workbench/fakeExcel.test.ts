/** The fake must behave like Excel where the adapter's correctness depends on it. */
import { createFakeExcel, FakeWorkbookModel } from "../../src/workbench/fakeExcel";
import type { WorkbookSnapshot } from "../../src/model/types";

const small: WorkbookSnapshot = {
  sheets: [
    {
      name: "Blad1",
      address: "A1:B2",
      origin: { row: 0, col: 0 },
      values: [
        ["Post", 10],
        ["Summa", 10],
      ],
      formulas: [
        [null, null],
        [null, "=SUM(B1:B1)"],
      ],
      numberFormats: [
        [null, "0"],
        [null, "0"],
      ],
    },
  ],
};

describe("fake Excel fidelity", () => {
  test("reading a property before load() and sync() throws PropertyNotLoaded", async () => {
    const fake = createFakeExcel(small);
    const ctx = fake.context();
    const range = ctx.workbook.worksheets.getItem("Blad1").getRange("A1:B2");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    range.load("values");
    // Queued, not yet synced: still not available.
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await ctx.sync();
    expect(range.values).toEqual([
      ["Post", 10],
      ["Summa", 10],
    ]);
    // Only what was loaded is available.
    expect(() => range.formulas).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    const sheets = ctx.workbook.worksheets;
    expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });

  test("isNullObject is known only after a sync", async () => {
    const fake = createFakeExcel(small);
    const ctx = fake.context();
    const missing = ctx.workbook.worksheets.getItemOrNullObject("Finns inte");
    expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
  });

  test("writes apply at sync, in order; loaded values are snapshots taken at that sync", async () => {
    const fake = createFakeExcel(small);
    const ctx = fake.context();
    const cell = ctx.workbook.worksheets.getItem("Blad1").getRange("B1");
    cell.load("values");
    cell.values = [[99]];
    const after = ctx.workbook.worksheets.getItem("Blad1").getRange("B1").load("values");
    expect(fake.model.sheets[0].get(0, 1)?.value).toBe(10);
    await ctx.sync();
    expect(cell.values).toEqual([[10]]);
    expect(after.values).toEqual([[99]]);
    expect(fake.model.sheets[0].get(0, 1)?.value).toBe(99);
  });

  test("syncs are counted with the bytes they return", async () => {
    const fake = createFakeExcel(small);
    const ctx = fake.context();
    ctx.workbook.worksheets.getItem("Blad1").getRange("A1:B2").load("values");
    await ctx.sync();
    await ctx.sync();
    expect(fake.model.syncCount).toBe(2);
    expect(fake.model.syncLog[0].responseBytes).toBe(
      JSON.stringify([
        ["Post", 10],
        ["Summa", 10],
      ]).length,
    );
    expect(fake.model.syncLog[0].cellsRead).toBe(4);
  });

  test("a response over the 5 MB limit fails the sync like Excel on the web", async () => {
    const model = new FakeWorkbookModel("stor.xlsx");
    const sheet = model.addSheet("Stor");
    for (let r = 0; r < 30_000; r++) for (let c = 0; c < 10; c++) sheet.cell(r, c).value = "texttexttexttext";
    const fake = createFakeExcel(model);
    const ctx = fake.context();
    ctx.workbook.worksheets.getItem("Stor").getRange("A1:J30000").load("values");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  test("an array that does not match the range's shape is refused", async () => {
    const fake = createFakeExcel(small);
    const ctx = fake.context();
    ctx.workbook.worksheets.getItem("Blad1").getRange("A1:B1").values = [[1]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("writing to a protected sheet is refused", async () => {
    const fake = createFakeExcel({ sheets: [{ ...small.sheets[0], protected: true }] });
    const ctx = fake.context();
    ctx.workbook.worksheets.getItem("Blad1").getRange("A1").values = [["x"]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.model.sheets[0].get(0, 0)?.value).toBe("Post");
  });

  test("no fill reads as #FFFFFF with pattern None; setting a colour makes a solid fill", async () => {
    const fake = createFakeExcel(small);
    const ctx = fake.context();
    const ws = ctx.workbook.worksheets.getItem("Blad1");
    const before = ws.getRange("A1").getCellProperties({ format: { fill: { color: true, pattern: true } } });
    ws.getRange("A1").format.fill.color = "#ffc7ce";
    const after = ws.getRange("A1").getCellProperties({ format: { fill: { color: true, pattern: true } } });
    await ctx.sync();
    expect(before.value[0][0].format?.fill).toEqual({ color: "#FFFFFF", pattern: "None" });
    expect(after.value[0][0].format?.fill).toEqual({ color: "#FFC7CE", pattern: "Solid" });
  });

  test("Excel.run flushes queued writes", async () => {
    const fake = createFakeExcel(small);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Blad1").getRange("A1").values = [["Ny"]];
    });
    expect(fake.model.sheets[0].get(0, 0)?.value).toBe("Ny");
  });
});
