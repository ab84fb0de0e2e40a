/** One A1 area shape for the whole add-in: the engine's parser and the adapter's agree on every cell range. */
import fc from "fast-check";
import { parseArea } from "../../src/excel/a1";
import {
  a1,
  columnIndex,
  columnName,
  formatArea,
  parseA1,
  parseRange,
  spanArea,
} from "../../src/model/address";

describe("A1 areas", () => {
  it("names first and last row and column, whichever corner comes first", () => {
    expect(parseRange("C5:A1")).toEqual({ firstRow: 0, firstCol: 0, lastRow: 4, lastCol: 2 });
    expect(parseRange("$B$3")).toEqual({ firstRow: 2, firstCol: 1, lastRow: 2, lastCol: 1 });
    expect(spanArea({ row: 9, col: 0 }, { row: 2, col: 3 })).toEqual({
      firstRow: 2,
      firstCol: 0,
      lastRow: 9,
      lastCol: 3,
    });
    expect(parseRange("Summa")).toBeNull();
    expect(parseRange("A1:B0")).toBeNull();
    expect(parseA1("ABCD1")).toBeNull();
  });

  it("round-trips through text, and the adapter reads a cell range as the model does", () => {
    const cell = fc.record({
      row: fc.integer({ min: 0, max: 1_048_575 }),
      col: fc.integer({ min: 0, max: 16_383 }),
    });
    fc.assert(
      fc.property(cell, cell, (p, q) => {
        const area = spanArea(p, q);
        const text = formatArea(area);
        return (
          JSON.stringify(parseRange(text)) === JSON.stringify(area) &&
          JSON.stringify(parseArea(text)) === JSON.stringify(area) &&
          columnIndex(columnName(p.col)) === p.col &&
          JSON.stringify(parseA1(a1(p.row, p.col))) === JSON.stringify(p)
        );
      }),
    );
  });
});
