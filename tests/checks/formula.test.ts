/** The formula reader (src/checks/formula.ts): which formulas are sums, their ranges, SUMIFS and its criteria. */
import { meetsCriterion, parseSumFormula, parseSumIfs } from "../../src/checks/formula";

describe("parseSumFormula", () => {
  test("SUM ranges, + and −, cross-sheet references", () => {
    expect(parseSumFormula("=SUM(B3:B9)")).toMatchObject({
      terms: [{ sign: 1, sheet: null, firstRow: 2, firstCol: 1, lastRow: 8, lastCol: 1 }],
      hasMinus: false,
      usesSum: true,
    });
    expect(parseSumFormula("=B3+$B$4-B5")?.terms.map((t) => t.sign)).toEqual([1, 1, -1]);
    expect(parseSumFormula("=SUM(Avd!B3:B9)+'Blad 2'!C4")?.terms.map((t) => t.sheet)).toEqual([
      "Avd",
      "Blad 2",
    ]);
    expect(parseSumFormula("=SUM(B3:B5;B7)")?.terms).toHaveLength(2);
    expect(parseSumFormula("=-(B3-B4)")?.terms.map((t) => t.sign)).toEqual([-1, 1]);
  });
  test("anything else is not a sum formula", () => {
    for (const f of [
      "=B3*2",
      "=AVERAGE(B3:B9)",
      "=VLOOKUP(A3,X!A:B,2,0)",
      "=B:B",
      "=SUM(",
      "=",
      "=Budget",
      "=B3/B4",
    ])
      expect(parseSumFormula(f)).toBeNull();
  });
});

describe("SUMIFS as the engine reads it", () => {
  test("parses SUMIFS and SUMIF with literal criteria; anything else is not one", () => {
    expect(parseSumIfs('=SUMIFS(D9:D20,C9:C20,"Subsubtotal",D9:D20,">=0")')).toMatchObject({
      sum: { firstRow: 8, lastRow: 19, firstCol: 3, lastCol: 3 },
      criteria: [{ criterion: "Subsubtotal" }, { criterion: ">=0" }],
    });
    expect(parseSumIfs('=SUMIF(C3:C8,"Fika",D3:D8)')).toMatchObject({
      sum: { firstCol: 3 },
      criteria: [{ criterion: "Fika" }],
    });
    expect(parseSumIfs("=SUMIFS(D3:D8,C3:C8,B2)")).toBeNull();
    expect(parseSumIfs("=SUM(D3:D8)")).toBeNull();
  });

  test("criteria: numeric comparisons, text case-insensitively with wildcards, unknown shapes undecided", () => {
    expect(meetsCriterion(4000, ">=0")).toBe(true);
    expect(meetsCriterion(-3500, ">=0")).toBe(false);
    expect(meetsCriterion(null, "<0")).toBe(false);
    expect(meetsCriterion("Subsubtotal", "subsubtotal")).toBe(true);
    expect(meetsCriterion("Subtotal", "Sub*total")).toBe(true);
    expect(meetsCriterion("Subtotal", "Subsubtotal")).toBe(false);
    expect(meetsCriterion("x", "<>Fika")).toBeNull();
  });
});
