/**
 * A snapshot packed for another thread (src/cli/snapshotPack.ts) unpacks to the same snapshot: every value,
 * null, error and row length, the rows shared between grids and sheets still shared, frozen rows still frozen;
 * and its buffers move to the receiving thread without a copy.
 */
import fc from "fast-check";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { MessageChannel, receiveMessageOnPort } from "node:worker_threads";
import { readWorkbookFile } from "../../src/cli/xlsx";
import { packWorkbook, unpackWorkbook, type PackedWorkbook } from "../../src/cli/snapshotPack";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/model/types";
import { ROOT } from "../support/builtCli";

const roundTrip = (wb: WorkbookSnapshot): WorkbookSnapshot => unpackWorkbook(packWorkbook(wb).packed);

/** The distinct row arrays of a workbook's grids, by identity, in the order first met. */
function distinctRows(wb: WorkbookSnapshot): unknown[][] {
  const seen = new Set<unknown[]>();
  for (const s of wb.sheets)
    for (const g of [s.values, s.formulas, s.numberFormats]) for (const r of g) seen.add(r);
  return [...seen];
}

/** Row sharing as indexes: for each grid row, which distinct row it is. */
function sharing(wb: WorkbookSnapshot): number[] {
  const ids = new Map<unknown[], number>();
  const out: number[] = [];
  for (const s of wb.sheets)
    for (const g of [s.values, s.formulas, s.numberFormats])
      for (const r of g) {
        if (!ids.has(r)) ids.set(r, ids.size);
        out.push(ids.get(r)!);
      }
  return out;
}

function sheet(over: Partial<SheetSnapshot>): SheetSnapshot {
  return {
    name: "Blad1",
    address: "A1:C2",
    origin: { row: 0, col: 0 },
    values: [],
    formulas: [],
    numberFormats: [],
    ...over,
  };
}

describe("packWorkbook / unpackWorkbook", () => {
  test("every kind of value, ragged and empty rows, and the sheet's other fields come back", () => {
    const empty = Object.freeze([null, null, null]) as null[];
    const wb: WorkbookSnapshot = {
      name: "budget.xlsx",
      sheets: [
        sheet({
          values: [
            ["Intäkter", 387_800, -0, 1.5e-7, true, false, { error: "#DIV/0!" }, "", null],
            empty,
            [Number.MAX_VALUE, -12.25, { error: "#N/A" }],
          ],
          formulas: [[null, "=SUM(B2:B5)", null], empty, ["=B1/0", null]],
          numberFormats: [["# ##0", null, "0.0%"], empty, empty],
          hiddenRows: [3, 7],
          hiddenColumns: [1],
          merged: ["A1:C1"],
          tables: [{ name: "Tabell1", address: "A1:C3" }],
          protected: true,
        }),
        sheet({ name: "Tomt", address: "", values: [], formulas: [], numberFormats: [] }),
        sheet({ name: "Sida 3", page: 3, values: [empty], formulas: [empty], numberFormats: [empty] }),
      ],
    };
    const back = roundTrip(wb);
    expect(back).toEqual(wb);
    expect(Object.is(back.sheets[0].values[0][2], -0)).toBe(true);
    expect(sharing(back)).toEqual(sharing(wb));
    expect(Object.isFrozen(back.sheets[0].values[1])).toBe(true);
    expect(Object.isFrozen(back.sheets[0].values[0])).toBe(false);
    expect(roundTrip({ sheets: [] })).toEqual({ sheets: [] });
    expect("name" in roundTrip({ sheets: [] })).toBe(false);
  });

  test("a value no snapshot holds is refused, not turned into something else", () => {
    const bad = { sheets: [sheet({ values: [[{ formula: "=1" } as unknown as CellValue]] })] };
    expect(() => packWorkbook(bad)).toThrow(TypeError);
  });

  test("any snapshot of numbers, texts, booleans, errors and nulls comes back the same (property)", () => {
    const value: fc.Arbitrary<CellValue> = fc.oneof(
      fc.constant(null),
      fc.double(),
      fc.string(),
      fc.boolean(),
      fc.constantFrom("#N/A", "#REF!", "#VALUE!").map((error) => ({ error })),
    );
    const text = fc.option(fc.string(), { nil: null });
    const grid = <T>(cell: fc.Arbitrary<T>) => fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 });
    const sheets = fc.array(
      fc.record({ name: fc.string(), values: grid(value), formulas: grid(text), numberFormats: grid(text) }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(sheets, (ss) => {
        const wb: WorkbookSnapshot = { sheets: ss.map((s) => sheet(s)) };
        expect(roundTrip(wb)).toEqual(wb);
      }),
    );
  });

  test("the reader's snapshots of the fixture workbooks come back the same, sharing as before", async () => {
    const dir = join(ROOT, "tests", "fixtures", "workbooks");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".xlsx"));
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) {
      const wb = await readWorkbookFile(join(dir, f));
      const back = roundTrip(wb);
      expect(back).toEqual(wb);
      expect(sharing(back)).toEqual(sharing(wb));
      expect(distinctRows(back).map(Object.isFrozen)).toEqual(distinctRows(wb).map(Object.isFrozen));
    }
  });

  test("the cells move to the receiving thread without a copy: the sender's buffers are handed over", () => {
    const wb: WorkbookSnapshot = {
      sheets: [sheet({ values: [[1, "a"]], formulas: [[null, null]], numberFormats: [[null, null]] })],
    };
    const { packed, transfer } = packWorkbook(wb);
    const { port1, port2 } = new MessageChannel();
    try {
      port1.postMessage(packed, transfer);
      expect(packed.kinds.byteLength).toBe(0); // detached here
      const got = receiveMessageOnPort(port2)?.message as PackedWorkbook;
      expect(unpackWorkbook(got)).toEqual(wb);
    } finally {
      port1.close();
    }
  });
});
