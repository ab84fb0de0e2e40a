/**
 * Plain totals (src/checks/totals.ts): a total whose every cell is a formula that checks out ok is not kept as
 * cells, but sum.hardcoded still names such formula totals as its evidence, made again in sheet order.
 */
import { checkWorkbook } from "../../src/checks";
import { analyseSheet, ownSheet } from "../../src/checks/model";
import { formulaCells, sheetTotals } from "../../src/checks/totals";
import type { SheetSnapshot } from "../../src/model/types";
import { book, sheet } from "./helpers";

function models(s: SheetSnapshot) {
  const own = ownSheet(s, s.origin ?? { row: 0, col: 0 }, s.values, s.formulas, s.numberFormats);
  return analyseSheet(own, 0, s.values, []);
}

// Two subtotals of SUMs (plain) and a grand total whose Budget cell is typed over (kept).
const budget = sheet("T", [
  ["Post", "Budget", "Utfall"],
  ["A", 10, 11],
  ["B", 20, 21],
  ["Summa drift", { f: "SUM(B2:B3)", v: 30 }, { f: "SUM(C2:C3)", v: 32 }],
  ["C", 5, 6],
  ["D", 7, 8],
  ["Summa investering", { f: "SUM(B5:B6)", v: 12 }, { f: "SUM(C5:C6)", v: 14 }],
  ["Totalt", 42, { f: "C4+C7", v: 46 }],
]);

describe("plain totals", () => {
  test("a total of ok SUMs is kept as a plain total, one with a typed cell as its cells", () => {
    const [m] = models(budget);
    const totals = sheetTotals(m);
    expect(totals.plain.map((p) => p.spec.idx)).toEqual([3, 6]);
    expect(totals.cells.map((x) => [x.r, x.c])).toEqual([
      [7, 1],
      [7, 2],
    ]);
    expect(totals.plain.every((p) => p.at === 0)).toBe(true);
  });

  test("formulaCells makes the plain totals' cells again, in sheet order, as they were evaluated", () => {
    const [m] = models(budget);
    const cells = formulaCells(m, sheetTotals(m));
    expect(cells.map((x) => [x.r, x.c, x.formula, x.status, x.peerFormulas])).toEqual([
      [3, 1, "=SUM(B2:B3)", "ok", true],
      [3, 2, "=SUM(C2:C3)", "ok", true],
      [6, 1, "=SUM(B5:B6)", "ok", true],
      [6, 2, "=SUM(C5:C6)", "ok", true],
      [7, 2, "=C4+C7", "ok", true],
    ]);
    expect(cells[0].refs).toEqual([[1, 2]]);
    expect(cells[0].expected).toBe(30);
  });

  test("sum.hardcoded names the plain totals' formulas as its evidence", () => {
    const [f] = checkWorkbook(book(budget), { rules: ["sum.hardcoded"] });
    expect(f.cell).toBe("B8");
    expect(f.evidence?.formulaTotals).toEqual(["B4", "C4", "B7", "C7", "C8"]);
  });
});
