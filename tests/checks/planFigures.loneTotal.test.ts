/** A plan table's total on its own: one row, a Summa row without lines, or a sentence-like cell with the amount. */
import { checkWorkbook } from "../../src/checks";
import { namesTable } from "../../src/checks/planFigures";
import { embeddedPlan } from "../../src/plan/embedded";
import { book, sheet, type CellSpec } from "./helpers";

const run = (rows: CellSpec[][], name = "Blad1") =>
  checkWorkbook(book(sheet(name, rows)), { plan: embeddedPlan });
const cells = (rows: CellSpec[][], name?: string) =>
  run(rows, name).map((f) => `${f.rule} ${f.cell} ${f.severity}`);

const investments = embeddedPlan.budgetTables.find((t) => t.id === "kou-investeringar-2019")!;
const departments = embeddedPlan.budgetTables.find((t) => t.id === "klk-per-avdelning-2019")!;

test("a text names a plan table by all its title's words, or a run of them by initials", () => {
  expect(namesTable(investments, "Investeringsbudget KoU 2019")).toBe(true);
  expect(namesTable(investments, "Investeringar konsult och uppdrag 2019")).toBe(true);
  expect(namesTable(investments, "Investeringsbudget 2019")).toBe(false);
  expect(namesTable(investments, "Investeringsbudget KoU 2020")).toBe(false);
  expect(namesTable(departments, "Ekonomisk redovisning per avdelning, tkr")).toBe(true);
  expect(namesTable(departments, "Redovisning per enhet")).toBe(false);
});

describe("one row", () => {
  test("'Investeringsbudget KoU 2019 | 26 500 000' matches; 25 500 000 is plan.mismatch; 26 500 in a kr column plan.unit", () => {
    const row = (v: number, header = "Belopp (kr)"): CellSpec[][] => [
      ["Post", header],
      ["Investeringsbudget KoU 2019", { v, fmt: "#,##0" }],
    ];
    expect(cells(row(26_500_000))).toEqual([]);
    expect(cells(row(26_500, "Belopp (tkr)"))).toEqual([]);
    expect(cells(row(25_500_000))).toEqual(["plan.mismatch B2 error"]);
    expect(cells(row(26_500))).toEqual(["plan.unit B2 error"]);
    expect(run(row(25_500_000))[0].expected).toBe(26_500_000);
  });

  test("a Summa row alone under a title naming the table, by the column's measure", () => {
    const lone = (v: number): CellSpec[][] => [
      ["Ekonomisk redovisning per avdelning"],
      ["Alla belopp i tkr"],
      ["", "Budget 2019"],
      ["Totalt", v],
    ];
    expect(cells(lone(387_800))).toEqual([]);
    expect(cells(lone(378_800))).toEqual(["plan.mismatch B4 error"]);
    expect(cells(lone(387.8))).toEqual(["plan.unit B4 error"]);
  });

  test("not compared: a Summa over the block's own lines, another year, a title that names no plan table", () => {
    expect(
      cells([
        ["Investeringsbudget konsult och uppdrag 2019"],
        ["Projekt", "Budget 2019"],
        ["Servrar", 300_000],
        ["Licenser", 200_000],
        ["Summa", { f: "SUM(B3:B4)", v: 500_000 }],
      ]),
    ).toEqual([]);
    expect(
      cells([
        ["Post", "Belopp (kr)"],
        ["Investeringsbudget KoU 2020", 30_000_000],
      ]),
    ).toEqual([]);
    expect(cells([["Investeringar 2019"], ["", "Budget 2019"], ["Summa", 12_000_000]])).toEqual([]);
  });
});

describe("a sentence-like cell stating the amount", () => {
  test("'Investeringsbudget KoU 2019: 26 500 000 kr' matches; other units of the same amount too", () => {
    for (const text of [
      "Investeringsbudget KoU 2019: 26 500 000 kr",
      "Investeringsbudget KoU 2019: 26 500 tkr",
      "Investeringsbudget KoU 2019: 26,5 mnkr",
    ])
      expect(cells([[text]])).toEqual([]);
  });

  test("a wrong amount is plan.mismatch; the right figure with the wrong unit word plan.unit", () => {
    expect(cells([["Investeringsbudget KoU 2019: 25 600 000 kr"]])).toEqual(["plan.mismatch A1 error"]);
    expect(cells([["Investeringsbudget KoU 2019: 26 500 000 tkr"]])).toEqual(["plan.unit A1 error"]);
    const f = run([["Investeringsbudget KoU 2019: 25 600 000 kr"]])[0];
    expect(f.expected).toBe(26_500_000);
    expect(f.actual).toBe(25_600_000);
  });

  test("not compared: another year, a text naming no plan table, a text without a unit", () => {
    expect(cells([["Investeringsbudget KoU 2020: 30 000 000 kr"]])).toEqual([]);
    expect(cells([["Investeringar totalt: 12 000 000 kr"]])).toEqual([]);
    expect(cells([["Investeringsbudget KoU 2019: 12"]])).toEqual([]);
  });
});
