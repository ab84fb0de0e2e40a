/** Table layouts: side-by-side tables on the same rows. */
import { checkWorkbook } from "../../src/checks";
import { tableBands } from "../../src/checks/model";
import { embeddedPlan } from "../../src/plan/embedded";
import { book, sheet, type CellSpec } from "./helpers";

const cells = (rows: CellSpec[][]) =>
  checkWorkbook(book(sheet("Blad1", rows)), { plan: embeddedPlan }).map(
    (f) => `${f.rule} ${f.cell} ${f.severity}`,
  );

const f = (formula: string, v: number): CellSpec => ({ f: formula, v });

describe("side-by-side tables", () => {
  // Two tables on the same rows, an empty column between; each has its own Summa (on different rows).
  const sideBySide = (rightTotal: number, leftTotal = 1_500): CellSpec[][] => [
    ["Intäkter (tkr)", null, null, null, "Kostnader (tkr)", null, null],
    ["Post", "Budget", "Utfall", null, "Post", "Budget", "Utfall"],
    ["Avgifter", 1_000, 1_020, null, "Personal", 3_000, 3_100],
    ["Bidrag", 500, 480, null, "Lokaler", 800, 790],
    ["Summa", f("SUM(B3:B4)", leftTotal), f("SUM(C3:C4)", 1_500), null, "IT", 200, 210],
    [null, null, null, null, "Summa", f("SUM(F3:F5)", rightTotal), f("SUM(G3:G5)", 4_100)],
  ];

  test("an empty column between them: each table's totals against its own lines, nothing else", () => {
    expect(cells(sideBySide(4_000))).toEqual([]);
  });

  test("a wrong total in either table is found at its own cell", () => {
    // F6 is typed wrong over its own lines; the left table stays clean.
    const rows = sideBySide(4_000);
    rows[5][5] = 4_300;
    expect(cells(rows)).toEqual(["sum.mismatch F6 error", "sum.hardcoded F6 warning"]);
    const left = sideBySide(4_000);
    left[4][1] = 1_700;
    expect(cells(left)).toEqual(["sum.mismatch B5 error", "sum.hardcoded B5 warning"]);
  });

  test("a second label column right after the figures, naming its own Summa, starts another table", () => {
    const rows: CellSpec[][] = [
      ["Enhet", "Budget", "Post", "Belopp"],
      ["Bibliotek", 1_200, "Personal", 700],
      ["Fritid", 900, "Lokaler", 300],
      ["Kultur", 400, "Summa", f("SUM(D2:D3)", 1_000)],
      ["Summa", f("SUM(B2:B4)", 2_500), null, null],
    ];
    expect(tableBands(rows as never, undefined)).toEqual([0, 2]);
    expect(cells(rows)).toEqual([]);
    rows[3][3] = 1_100;
    expect(cells(rows)).toEqual(["sum.mismatch D4 error", "sum.hardcoded D4 info"]);
  });

  test("a total column at the right of each table still adds up its own row", () => {
    const rows: CellSpec[][] = [
      ["Post", "Kv1", "Kv2", "Totalt", null, "Post", "Kv1", "Kv2", "Totalt"],
      ["Personal", 100, 110, f("SUM(B2:C2)", 210), null, "Avgifter", 50, 60, f("SUM(G2:H2)", 110)],
      ["Lokaler", 40, 40, f("SUM(B3:C3)", 80), null, "Bidrag", 20, 20, f("SUM(G3:H3)", 40)],
    ];
    expect(cells(rows)).toEqual([]);
    rows[2][8] = 45;
    expect(cells(rows)).toEqual(["sum.mismatch I3 error", "sum.hardcoded I3 warning"]);
  });

  test("not split: a spacer column between figure groups, a comment column, account codes left of labels", () => {
    const spacer: CellSpec[][] = [
      ["Post", "Budget", null, "Utfall"],
      ["Personal", 100, null, 90],
      ["Lokaler", 50, null, 55],
      ["Summa", f("SUM(B2:B3)", 150), null, f("SUM(D2:D3)", 145)],
    ];
    expect(tableBands(spacer as never, undefined)).toEqual([0]);
    const comment: CellSpec[][] = [
      ["Post", "Budget", "Utfall", null, "Kommentar"],
      ["Personal", 100, 90, null, "Vakanser under våren"],
      ["Lokaler", 50, 55, null, "Ny hyra från juli"],
      ["Summa", f("SUM(B2:B3)", 150), f("SUM(C2:C3)", 145), null, null],
    ];
    expect(tableBands(comment as never, undefined)).toEqual([0]);
    expect(cells(comment)).toEqual([]);
    const codes: CellSpec[][] = [
      ["Konto", null, "Benämning", "Budget"],
      [4010, null, "Material", 100],
      [5410, null, "Inventarier", 50],
      [null, null, "Summa", f("SUM(D2:D3)", 150)],
    ];
    expect(tableBands(codes as never, undefined)).toEqual([0]);
    expect(cells(codes)).toEqual([]);
  });
});

test("a unit stated above side-by-side tables holds for the right-hand table too", () => {
  // Utfall 2017 per avdelning is in mnkr in the plan (2,6 and 0,4); the title above both tables says tkr, so
  // 2 600 is right and 0,4 is the figure in the wrong unit (without the title, mnkr would be assumed).
  const rows: CellSpec[][] = [
    ["Ekonomisk redovisning per avdelning – alla belopp i tkr"],
    ["Post", "Utfall 2017", null, "Avdelning", "Utfall 2017"],
    ["Personal", 100, null, "Ledningsstaben", 2_600],
    ["Lokaler", 50, null, "HR", 0.4],
    ["Summa", f("SUM(B3:B4)", 150), null, null, null],
  ];
  expect(tableBands(rows as never, undefined)).toEqual([0, 3]);
  expect(cells(rows)).toEqual(["plan.unit E4 error"]);
});
