/** A1 addresses as Excel writes them: columns past Z, quoted sheet names, whole rows and columns. */
import fc from "fast-check";
import {
  a1 as cellAddress,
  columnIndex as lettersToCol,
  columnName as colToLetters,
  formatArea,
} from "../../src/model/address";
import { MAX_COLS, MAX_ROWS, parseArea, quoteSheet, sheetAddress, splitAddress } from "../../src/excel/a1";

describe("A1 addresses", () => {
  test("column letters and numbers are inverse over Excel's 16 384 columns", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_COLS - 1 }), (c) => lettersToCol(colToLetters(c)) === c),
    );
    expect([
      colToLetters(0),
      colToLetters(25),
      colToLetters(26),
      colToLetters(701),
      colToLetters(16_383),
    ]).toEqual(["A", "Z", "AA", "ZZ", "XFD"]);
  });

  test("areas round-trip through text, single cells without a colon", () => {
    const area = fc
      .tuple(
        fc.integer({ min: 0, max: MAX_ROWS - 1 }),
        fc.integer({ min: 0, max: MAX_ROWS - 1 }),
        fc.integer({ min: 0, max: MAX_COLS - 1 }),
        fc.integer({ min: 0, max: MAX_COLS - 1 }),
      )
      .map(([a, b, c, d]) => ({
        firstRow: Math.min(a, b),
        lastRow: Math.max(a, b),
        firstCol: Math.min(c, d),
        lastCol: Math.max(c, d),
      }));
    fc.assert(fc.property(area, (a) => expect(parseArea(formatArea(a))).toEqual(a)));
    expect(formatArea(parseArea("$D$7"))).toBe("D7");
    expect(parseArea("C5:A1")).toEqual({ firstRow: 0, firstCol: 0, lastRow: 4, lastCol: 2 });
    expect(cellAddress(11, 1)).toBe("B12");
  });

  test("whole columns and rows", () => {
    expect(parseArea("B:D")).toEqual({ firstRow: 0, firstCol: 1, lastRow: MAX_ROWS - 1, lastCol: 3 });
    expect(parseArea("2:4")).toEqual({ firstRow: 1, firstCol: 0, lastRow: 3, lastCol: MAX_COLS - 1 });
    expect(() => parseArea("Summa")).toThrow(/Not an A1 address/);
  });

  test("sheet names are quoted where Excel quotes them, and split back", () => {
    expect(quoteSheet("Blad1")).toBe("Blad1");
    expect(quoteSheet("Budget 2019")).toBe("'Budget 2019'");
    expect(quoteSheet("Års-plan")).toBe("'Års-plan'");
    expect(quoteSheet("A1")).toBe("'A1'");
    expect(sheetAddress("Kommunens plan", "B7")).toBe("'Kommunens plan'!B7");
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[[\]:*?/\\]/.test(s)),
        (name) => expect(splitAddress(sheetAddress(name, "A1:B2"))).toEqual({ sheet: name, local: "A1:B2" }),
      ),
    );
    expect(splitAddress("C3")).toEqual({ local: "C3" });
  });
});
