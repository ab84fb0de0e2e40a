/**
 * The plain-total shortcut (plainSpec in src/checks/totals.ts): a total told plain without making its cells must
 * come out exactly as when every total is evaluated cell by cell, and a total that is not plain (a range gap beside
 * ok peers, a typed cell among formulas, a line left out between the SUM's range and the total, a subtotal in the
 * range) must not be taken for one.
 */
import { checkWorkbook } from "../../src/checks";
import { analyseSheet, ownSheet, type SheetModel } from "../../src/checks/model";
import {
  formulaCells,
  sheetTotals,
  sheetTotalsCellByCell,
  type SheetTotals,
  type TotalCell,
} from "../../src/checks/totals";
import type { SheetSnapshot } from "../../src/model/types";
import { book, sheet, type CellSpec } from "./helpers";

function models(s: SheetSnapshot): SheetModel[] {
  const own = ownSheet(s, s.origin ?? { row: 0, col: 0 }, s.values, s.formulas, s.numberFormats);
  return analyseSheet(own, 0, s.values, []);
}

/** A total cell as the rules see it (its model and block left out: the same objects either way). */
function view(x: TotalCell) {
  const d = x.detail;
  return {
    at: [x.r, x.c],
    spec: [x.spec.axis, x.spec.idx],
    block: x.block.id,
    value: x.value,
    formula: x.formula,
    expected: x.expected,
    n: x.n,
    tolerance: x.tolerance,
    status: x.status,
    refs: x.refs,
    fits: x.fits,
    peerFormulas: x.peerFormulas,
    detail: d && {
      missing: d.missing,
      net: d.net,
      twice: d.twice,
      between: d.between,
      causedBy: d.causedBy,
      peers: d.peers?.map((p) => [p.r, p.c]),
    },
  };
}

function viewTotals(m: SheetModel, t: SheetTotals) {
  return {
    cells: t.cells.map(view),
    plain: t.plain.map((p) => [p.block.id, p.spec.axis, p.spec.idx, p.at]),
    diffs: t.diffs.map((d) => ({ ...d, model: undefined, block: d.block.id })),
    formulaTotals: [...t.formulaTotals],
    notOk: [...t.notOk],
    formulaCells: formulaCells(m, t).map(view),
  };
}

/** Asserts the shortcut's result equals the cell-by-cell one, and returns it. */
function same(s: SheetSnapshot): SheetTotals {
  const [m] = models(s);
  const fast = sheetTotals(m);
  expect(viewTotals(m, fast)).toEqual(viewTotals(m, sheetTotalsCellByCell(m)));
  return fast;
}

const plainRows = (t: SheetTotals) => t.plain.filter((p) => p.spec.axis === "row").map((p) => p.spec.idx);

describe("plain totals told without their cells", () => {
  test("Summa rows of one SUM shape over their lines are plain, as cell by cell", () => {
    const t = same(
      sheet("T", [
        ["Post", "Budget", "Utfall"],
        ["A", 10, 11],
        ["B", 20, 21],
        ["Summa", { f: "SUM(B2:B3)", v: 30 }, { f: "SUM(C2:C3)", v: 32 }],
        [],
        ["Post", "Budget", "Utfall"],
        ["C", 5, 6],
        ["D", 7, 8],
        ["E", 1, 2],
        ["Summa", { f: "SUM(B7:B9)", v: 13 }, { f: "SUM(C7:C9)", v: 16 }],
      ]),
    );
    expect(plainRows(t)).toEqual([3, 9]);
    expect(t.cells).toEqual([]);
  });

  test("a range gap beside ok peers is not plain", () => {
    const t = same(
      sheet("T", [
        ["Post", "Budget", "Utfall", "Prognos"],
        ["A", 10, 11, 12],
        ["B", 20, 21, 22],
        ["C", 30, 31, 32],
        ["Summa", { f: "SUM(B2:B4)", v: 60 }, { f: "SUM(C2:C3)", v: 32 }, { f: "SUM(D2:D4)", v: 66 }],
      ]),
    );
    expect(plainRows(t)).toEqual([]);
    expect(t.cells.find((x) => x.c === 2)?.status).toBe("range-gap");
  });

  test("a typed total among formulas is not plain", () => {
    const t = same(
      sheet("T", [
        ["Post", "Budget", "Utfall", "Prognos"],
        ["A", 10, 11, 12],
        ["B", 20, 21, 22],
        ["Summa", { f: "SUM(B2:B3)", v: 30 }, 32, { f: "SUM(D2:D3)", v: 34 }],
      ]),
    );
    expect(plainRows(t)).toEqual([]);
    expect(t.cells.map((x) => x.formula)).toEqual(["=SUM(B2:B3)", null, "=SUM(D2:D3)"]);
    const [f] = checkWorkbook(
      book(
        sheet("T", [
          ["Post", "Budget", "Utfall", "Prognos"],
          ["A", 10, 11, 12],
          ["B", 20, 21, 22],
          ["Summa", { f: "SUM(B2:B3)", v: 30 }, 32, { f: "SUM(D2:D3)", v: 34 }],
        ]),
      ),
      { rules: ["sum.hardcoded"] },
    );
    expect(f.cell).toBe("C4");
  });

  test("a SUM that leaves out a line between its range and itself is not plain", () => {
    const t = same(
      sheet("T", [
        ["Post", "Budget", "Utfall"],
        ["A", 10, 11],
        ["B", 20, 21],
        ["C", 5, 6],
        ["Summa", { f: "SUM(B2:B3)", v: 30 }, { f: "SUM(C2:C3)", v: 32 }],
      ]),
    );
    expect(plainRows(t)).toEqual([]);
    expect(t.cells.map((x) => [x.status, x.detail?.between])).toEqual([
      ["range-gap", true],
      ["range-gap", true],
    ]);
  });

  test("a SUM over a subtotal as well as its lines (a double count) is not plain", () => {
    const t = same(
      sheet("T", [
        ["Post", "Budget", "Utfall"],
        ["A", 10, 11],
        ["B", 20, 21],
        ["Summa drift", { f: "SUM(B2:B3)", v: 30 }, { f: "SUM(C2:C3)", v: 32 }],
        ["C", 5, 6],
        ["Totalt", { f: "SUM(B2:B5)", v: 65 }, { f: "SUM(C2:C5)", v: 70 }],
      ]),
    );
    expect(plainRows(t)).toEqual([3]);
    expect(t.cells.map((x) => x.status)).toEqual(["double-count", "double-count"]);
  });

  test("a total column of SUMs across each row is plain, one with a short range is not", () => {
    const rows = (last: string) =>
      sheet("T", [
        ["Post", "Q1", "Q2", "Q3", "Helår"],
        ["A", 1, 2, 3, { f: "SUM(B2:D2)", v: 6 }],
        ["B", 4, 5, 6, { f: `SUM(B3:${last}3)`, v: last === "D" ? 15 : 9 }],
        ["C", 7, 8, 9, { f: "SUM(B4:D4)", v: 24 }],
      ]);
    const ok = same(rows("D"));
    expect(ok.plain.some((p) => p.spec.axis === "col")).toBe(true);
    const gap = same(rows("C"));
    expect(gap.plain.some((p) => p.spec.axis === "col")).toBe(false);
  });

  test("a formula total over empty lines and an empty total cell are skipped, as cell by cell", () => {
    const t = same(
      sheet("T", [
        ["Post", "Budget", "Utfall", "Prognos"],
        ["A", 10, null, 12],
        ["B", 20, null, 22],
        ["Summa", { f: "SUM(B2:B3)", v: 30 }, { f: "SUM(C2:C3)", v: 0 }, { f: "SUM(D2:D3)" }],
      ]),
    );
    expect(t.cells).toEqual([]);
  });
});

describe("a column of A − B formulas", () => {
  const rows = (formulaLines: number) => {
    const lines: CellSpec[][] = [["Post", "Intäkter", "Kostnader", "Externt resultat"]];
    for (let i = 1; i <= 5; i++) {
      const r = i + 1;
      const b = 100 * i,
        c = 40 * i;
      // The last line's result is typed, and wrong.
      const d: CellSpec = i === 5 ? b - c + 7 : i <= formulaLines ? { f: `B${r}-C${r}`, v: b - c } : b - c;
      lines.push([`Enhet ${i}`, b, c, d]);
    }
    return sheet("T", lines);
  };

  test("a typed line that is not the difference its column is made of is found", () => {
    const [m] = models(rows(4));
    expect(sheetTotals(m).diffs.map((d) => [d.r, d.c, d.value, d.expected])).toEqual([[5, 3, 307, 300]]);
  });

  test("with fewer than three formula lines the column is no difference column", () => {
    const [m] = models(rows(2));
    expect(sheetTotals(m).diffs).toEqual([]);
  });
});
