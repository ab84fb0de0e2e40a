/**
 * The layouts of real workbooks (issue 9) that sum rules used to get wrong, as small in-memory sheets: each class
 * of false alarm must stay silent, and what is right must still be found, with its evidence.
 */
import { checkWorkbook } from "../../src/checks";
import type { Finding } from "../../src/model/types";
import { book, sheet, type CellSpec } from "./helpers";

const SUM_RULES = ["sum.mismatch", "sum.range-gap", "sum.double-count", "sum.hardcoded"] as const;
const check = (rows: CellSpec[][], name = "Blad") =>
  checkWorkbook(book(sheet(name, rows)), { rules: [...SUM_RULES] }).filter((f) => f.severity !== "info");
const where = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.cell}`);

describe("must not: the false-alarm classes of real workbooks", () => {
  test("a SUM of one group does not leave out the group above a blank row and a heading", () => {
    const rows: CellSpec[][] = [
      ["Program", "Budget", "Utfall"],
      ["Skola", null, null],
      ["Lärare", 100, 90],
      ["Lokaler", 50, 55],
      ["Summa skola", { f: "SUM(B3:B4)", v: 150 }, { f: "SUM(C3:C4)", v: 145 }],
      [],
      ["Omsorg", null, null],
      ["Personal", 200, 210],
      ["Resor", 20, 15],
      ["Summa omsorg", { f: "SUM(B8:B9)", v: 220 }, { f: "SUM(C8:C9)", v: 225 }],
    ];
    expect(where(check(rows))).toEqual([]);
  });

  test("lines counted through a derived subtotal (=B5+E5 with E5 = C5+D5) are not left out", () => {
    const rows: CellSpec[][] = [
      ["Post", "Egen", "Bidrag A", "Bidrag B", "Bidrag", "Totalt"],
      ["Lön", 10, 2, 3, { f: "C2+D2", v: 5 }, { f: "B2+E2", v: 15 }],
      ["Hyra", 4, 1, 1, { f: "C3+D3", v: 2 }, { f: "B3+E3", v: 6 }],
      ["Övrigt", 6, 0, 2, { f: "C4+D4", v: 2 }, { f: "B4+E4", v: 8 }],
    ];
    expect(where(check(rows))).toEqual([]);
  });

  test("a total of subtotals standing on their heading rows (=SUM(B2,B6)) is not a wrong sum", () => {
    const rows: CellSpec[][] = [
      ["Post", "Belopp"],
      ["Intäkter", { f: "SUM(B3:B4)", v: 30 }],
      ["Avgifter", 10],
      ["Bidrag", 20],
      [],
      ["Kostnader", { f: "SUM(B7:B8)", v: -25 }],
      ["Personal", -20],
      ["Lokaler", -5],
      [],
      ["Resultat", { f: "SUM(B2,B6)", v: 5 }],
    ];
    expect(where(check(rows))).toEqual([]);
  });

  test("parallel column groups: all-choices boys + girls beside a first-choice group", () => {
    const rows: CellSpec[][] = [
      [
        "Skola",
        "Förstahand pojkar",
        "Förstahand flickor",
        "Förstahand totalt",
        "Alla pojkar",
        "Alla flickor",
        "Alla totalt",
      ],
      ["A", 3, 4, { f: "B2+C2", v: 7 }, 5, 6, { f: "E2+F2", v: 11 }],
      ["B", 1, 2, { f: "B3+C3", v: 3 }, 4, 4, { f: "E3+F3", v: 8 }],
      ["C", 2, 2, { f: "B4+C4", v: 4 }, 3, 5, { f: "E4+F4", v: 8 }],
    ];
    expect(where(check(rows))).toEqual([]);
  });

  test("years and account codes are not amounts", () => {
    const rows: CellSpec[][] = [
      ["Konto", "Benämning", "2018", "2019"],
      [4010, "Inköp material", 1200, 1250],
      [5410, "Förbrukningsinventarier", 800, 820],
      [7010, "Löner", 9400, 9800],
      [null, "Summa", { f: "SUM(C2:C4)", v: 11400 }, { f: "SUM(D2:D4)", v: 11870 }],
    ];
    expect(where(check(rows))).toEqual([]);
  });

  test("two separate segment totals added (=B10+B5) are no double count", () => {
    const rows: CellSpec[][] = [
      ["Segment", "Belopp"],
      ["Gas", null],
      ["Köp", 5],
      ["Sälj", 7],
      ["Total gas", { f: "SUM(B3:B4)", v: 12 }],
      ["El", null],
      ["Köp", 1],
      ["Sälj", 2],
      [],
      ["Total el", { f: "SUM(B7:B8)", v: 3 }],
      ["Totalt", { f: "B10+B5", v: 15 }],
    ];
    expect(where(check(rows))).toEqual([]);
  });

  test("a typed total column that is not the sum of the columns before it (Total Amt = Charge + Energy)", () => {
    const rows: CellSpec[][] = [["Deal", "MW", "Price", "Charge Amt", "Energy Amt", "Total Amt"]];
    for (let i = 0; i < 6; i++) rows.push([`D${i}`, 100 + i, 5.5, 550 + i, 20 * i, 550 + i + 20 * i]);
    expect(where(check(rows))).toEqual([]);
  });

  test("an income column's SUM that skips cost lines (zero there) beside a cost column that includes them", () => {
    const rows: CellSpec[][] = [
      ["Post", "Intäkter", "Utgifter"],
      ["Biljetter", 5000, 0],
      ["Dekoration", 0, -800],
      ["Mat", 0, -1200],
      [],
      ["Subtotal", { f: "SUM(B2:B2)", v: 5000 }, { f: "SUM(C2:C4)", v: -2000 }],
    ];
    expect(where(check(rows))).toEqual([]);
  });
});

describe("must: what is right on real workbooks stays found, with evidence", () => {
  test("a SUM that leaves out lines its peer totals in the neighbouring columns include", () => {
    const rows: CellSpec[][] = [
      ["Site", "1998", "1999", "2000", "2001"],
      ["Gomez", 41, 154, 115, 150],
      ["Eunice", 5, 3, 10, 5],
      ["Other sites", 57, 389, 282, 80],
      [
        "Expense",
        { f: "SUM(B2:B3)", v: 46 },
        { f: "SUM(C2:C3)", v: 157 },
        { f: "SUM(D2:D4)", v: 407 },
        { f: "SUM(E2:E4)", v: 235 },
      ],
    ];
    const fs = check(rows);
    expect(where(fs)).toEqual(["sum.range-gap B5", "sum.range-gap C5"]);
    expect(fs[0].evidence).toMatchObject({ missing: ["B4"], peers: expect.arrayContaining(["D5", "E5"]) });
  });

  test("a double count names the cell counted twice and both paths", () => {
    const rows: CellSpec[][] = [
      ["Post", "Budget"],
      ["Avgifter", 4200],
      ["Bidrag", 1800],
      ["Summa intäkter", { f: "SUM(B2:B3)", v: 6000 }],
      ["Totalt", { f: "SUM(B2:B4)", v: 12000 }],
    ];
    const fs = check(rows);
    expect(where(fs)).toEqual(["sum.double-count B5"]);
    expect(fs[0].evidence).toMatchObject({
      counted: "B2",
      paths: [
        ["B5", "B2"],
        ["B5", "B4", "B2"],
      ],
    });
    expect(fs[0].expected).toBe(6000);
  });

  test("a typed total among formula totals (an overwritten formula)", () => {
    const rows: CellSpec[][] = [
      ["Väg", "MW", "$"],
      ["Timme", 2430, 14191.2],
      ["Dag", 4440, 37665],
      ["Sub total", { f: "SUM(B2:B3)", v: 6870 }, 51856.2],
    ];
    expect(where(check(rows))).toEqual(["sum.hardcoded C4"]);
  });

  test("'Total driftram' under its two lines, typed 387,6 where 373,1 + 14,7 = 387,8", () => {
    const rows = (total: number): CellSpec[][] => [
      ["Driftram 2019", "Mnkr"],
      ["Driftram enligt Årsplan 2019", 373.1],
      ["Budgetregleringsposter", 14.7],
      ["Total driftram", total],
    ];
    const fs = check(rows(387.6));
    expect(where(fs)).toEqual(["sum.mismatch B4"]);
    expect(fs[0]).toMatchObject({ expected: 387.8, actual: 387.6 });
    expect(fs[0].evidence).toMatchObject({ lines: ["B2", "B3"], sum: 387.8 });
    expect(where(check(rows(387.8)))).toEqual([]);
  });

  test("a typed Avvikelse column with one row wrong is reported at that row; its total follows from it", () => {
    const rows: CellSpec[][] = [
      ["Avdelning", "Budget", "Prognos", "Avvikelse"],
      ["Staben", 12000, 11400, 600],
      ["Ekonomi", 8000, 8250, -250],
      ["HR", 6500, 6100, 300],
      ["Välfärd", 4000, 3900, 100],
      ["Summa", { f: "SUM(B2:B5)", v: 30500 }, { f: "SUM(C2:C5)", v: 29650 }, { f: "SUM(D2:D5)", v: 750 }],
    ];
    const fs = check(rows);
    const own = fs.filter((f) => !f.causedBy);
    expect(where(own)).toEqual(["sum.mismatch D4"]);
    expect(own[0]).toMatchObject({ expected: 400, actual: 300 });
    for (const f of fs.filter((x) => x.causedBy)) expect(f.causedBy).toMatchObject({ cell: "D4" });
  });
});

test("every sum.* and cell.* error or warning of the example workbook carries its evidence", async () => {
  const { readWorkbookFile } = await import("../../src/cli/xlsx");
  const { embeddedPlan } = await import("../../src/plan/embedded");
  const { join } = await import("node:path");
  const snapshot = await readWorkbookFile(join(__dirname, "../../examples/budget-2019.xlsx"));
  const fs = checkWorkbook(snapshot, { plan: embeddedPlan }).filter(
    (f) => f.severity !== "info" && /^(sum|cell)\./.test(f.rule),
  );
  expect(fs.length).toBe(4);
  for (const f of fs) expect(f.evidence).toBeDefined();
});

test("a column that is =H − G in most rows is a difference column whatever its header; a typed row off it is the finding", () => {
  const rows: CellSpec[][] = [["Enhet", "Intäkter", "Utgifter", "Externt resultat", "Internt", "Balans"]];
  const lines: [string, number, number, number][] = [
    ["A", 100, 300, -20],
    ["B", 50, 80, -5],
    ["C", 10, 40, 0],
    ["D", 70, 20, -10],
    ["E", 5, 60, -1],
  ];
  lines.forEach(([name, inc, out, internal], i) => {
    const r = i + 2;
    const balance = inc - out;
    const external: CellSpec =
      name === "C" ? -25 : name === "E" ? null : { f: `F${r}-E${r}`, v: balance - internal };
    rows.push([name, inc, out, external, internal, { f: `B${r}-C${r}`, v: balance }]);
  });
  const fs = checkWorkbook(book(sheet("Rambudget", rows)), { rules: ["sum.mismatch"] });
  expect(where(fs)).toEqual(["sum.mismatch D4"]);
  expect(fs[0]).toMatchObject({ expected: -30, actual: -25 });
});

test("a TOTALS column (spacer columns between the months) whose Subtotal misses a line's empty TOTALS cell", () => {
  const rows: CellSpec[][] = [["Post", "Apr", null, "May", null, "TOTALS"]];
  const lines: [string, number, number][] = [
    ["Rent", -100, -100],
    ["Owner's draw", -50, -60],
    ["Phone", -20, -25],
  ];
  lines.forEach(([name, a, b], i) => {
    const r = i + 2;
    rows.push([name, a, null, b, null, name === "Owner's draw" ? null : { f: `SUM(B${r}:D${r})`, v: a + b }]);
  });
  rows.push([
    "Subtotal",
    { f: "SUM(B2:B4)", v: -170 },
    null,
    { f: "SUM(D2:D4)", v: -185 },
    null,
    { f: "SUM(F2:F4)", v: -245 },
  ]);
  const fs = checkWorkbook(book(sheet("Cash Flow", rows)), { rules: ["sum.mismatch"] });
  expect(where(fs)).toEqual(["sum.mismatch F5"]);
  expect(fs[0]).toMatchObject({ expected: -355, actual: -245 });
});

describe("must: a typed-over total beside a SUM that misses a line", () => {
  // The range gap in B explains B's misfit; it is no sign that the lines were read wrongly, so the typed C
  // total that does not add up is still a mismatch (and, among formula totals, typed).
  const rows: CellSpec[][] = [
    ["Avdelning", "Budget", "Prognos"],
    ["Ledning", 100, 110],
    ["Ekonomi", 200, 190],
    ["HR", 300, 305],
    ["Miljö", 400, 420],
    ["Totalt", { f: "SUM(B2:B4)", v: 600 }, 1_115],
  ];
  test("the gap, the mismatch and the typed total are all reported", () => {
    expect(where(check(rows)).sort()).toEqual(["sum.hardcoded C6", "sum.mismatch C6", "sum.range-gap B6"]);
  });
  test("with C a true sum, only the gap and the typed total", () => {
    const fixed = rows.map((r, i) => (i === 5 ? [r[0], r[1], 1_025] : r));
    expect(where(check(fixed)).sort()).toEqual(["sum.hardcoded C6", "sum.range-gap B6"]);
  });
});
