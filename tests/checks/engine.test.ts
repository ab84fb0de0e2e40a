/** Engine behaviour on in-memory snapshots: tolerance, host variants, robustness (the formula parser: formula.test.ts). */
import fc from "fast-check";
import { checkWorkbook } from "../../src/checks";
import { RULE_IDS, type CellValue, type SheetSnapshot } from "../../src/model/types";
import { embeddedPlan } from "../../src/plan/embedded";
import { book, sheet, type CellSpec } from "./helpers";
import { render } from "../../src/i18n";

const cells = (findings: ReturnType<typeof checkWorkbook>) =>
  findings.map((f) => `${f.rule} ${f.cell} ${f.severity}`);

function lines(n: number, value: number): CellSpec[][] {
  return Array.from({ length: n }, (_, i) => [`Rad ${i + 1}`, value]);
}

describe("rounding tolerance: n × ½ unit of the shown precision", () => {
  test("12 lines in whole tkr may be 6 tkr off, not 7", () => {
    const make = (off: number) =>
      book(sheet("T", [["Post", "Belopp (tkr)"], ...lines(12, 100), ["Summa", 1_200 + off]]));
    expect(cells(checkWorkbook(make(6), { rules: ["sum.mismatch"] }))).toEqual([]);
    expect(cells(checkWorkbook(make(-6), { rules: ["sum.mismatch"] }))).toEqual([]);
    expect(cells(checkWorkbook(make(7), { rules: ["sum.mismatch"] }))).toEqual(["sum.mismatch B14 error"]);
  });
  test("the shown precision comes from the number format", () => {
    const rows = (total: number): CellSpec[][] => [
      ["Post", "Mnkr"],
      ["A", { v: 1.04, fmt: "0.0" }],
      ["B", { v: 1.04, fmt: "0.0" }],
      ["Summa", { v: total, fmt: "0.0" }],
    ];
    expect(cells(checkWorkbook(book(sheet("T", rows(2.0))), { rules: ["sum.mismatch"] }))).toEqual([]);
    expect(cells(checkWorkbook(book(sheet("T", rows(2.3))), { rules: ["sum.mismatch"] }))).toEqual([
      "sum.mismatch B4 error",
    ]);
  });
});

describe("totals", () => {
  test("a grand total written as + over subtotals and lines is a double count", () => {
    const s = sheet("T", [
      ["Post", "Belopp"],
      ["A", 10],
      ["B", 20],
      ["Summa A", { f: "SUM(B2:B3)", v: 30 }],
      ["C", 5],
      ["Totalt", { f: "B4+B2+B5", v: 45 }],
    ]);
    expect(cells(checkWorkbook(book(s)))).toEqual(["sum.double-count B6 error"]);
  });
  test("a lonely total over text lines, an empty sheet and an empty workbook give nothing", () => {
    expect(checkWorkbook(book(sheet("T", [["Summa", 5]])))).toEqual([]);
    expect(checkWorkbook(book(sheet("T", [])))).toEqual([]);
    expect(checkWorkbook({ sheets: [] })).toEqual([]);
  });
  test("rules option runs only the named rules", () => {
    const s = sheet("T", [
      ["Post", "Belopp"],
      ["A", 10],
      ["B", { error: "#REF!" }],
      ["Summa", 99],
    ]);
    expect(checkWorkbook(book(s), { rules: ["cell.error"] }).map((f) => f.rule)).toEqual(["cell.error"]);
  });
});

describe("host variants (Office.js snapshots)", () => {
  test('"" for empty cells, error values as text and values in the formulas grid read as ExcelJS ones do', () => {
    const values: CellValue[][] = [
      ["Avdelning", "Budget", ""],
      ["Staben", 12_000, ""],
      ["Ekonomi", "#N/A", ""],
      ["HR", 6_500, ""],
      ["Summa", 99_999, ""],
    ];
    const office: SheetSnapshot = {
      name: "Blad1",
      address: "A1:C5",
      origin: { row: 0, col: 0 },
      values,
      // Office.js puts a plain cell's value in `formulas` too.
      formulas: values.map((row) => row.map((v) => (v === "" ? "" : (v as string)))) as (string | null)[][],
      numberFormats: values.map((row) => row.map(() => "General")),
    };
    expect(cells(checkWorkbook(book(office)))).toEqual([
      "cell.error B3 error",
      "sum.mismatch B5 error",
      "sum.hardcoded B5 info",
    ]);
  });
  test("an error in a text column (a failed name lookup) is not where a figure is expected", () => {
    const s = sheet("T", [
      ["Avdelning", "Chef", "Budget"],
      ["Staben", "Anna", 100],
      ["Ekonomi", { error: "#N/A" }, 200],
      ["HR", "Olle", 300],
      ["Summa", null, { f: "SUM(C2:C4)", v: 600 }],
    ]);
    expect(checkWorkbook(book(s))).toEqual([]);
  });
  test("a sheet whose used range starts at C3 reports absolute addresses", () => {
    const s = sheet(
      "T",
      [
        ["Post", "Belopp"],
        ["A", 1],
        ["B", 2],
        ["Summa", 9],
      ],
      { origin: { row: 2, col: 2 } },
    );
    expect(cells(checkWorkbook(book(s), { rules: ["sum.mismatch"] }))).toEqual(["sum.mismatch D6 error"]);
  });
});

describe("plan figures", () => {
  test("a percent goal typed as 3 (no % format) or as 0,03 both match 3,0 %", () => {
    const s = sheet("Mål", [
      ["Processmål", "Målvärde 2019"],
      ["Den totala sjukfrånvaron hos medarbetarna", 3],
      ["2019 uppgår avtalstroheten till minst 75 %", 0.75],
      ["Nöjd politikerindex", 72],
    ]);
    expect(checkWorkbook(book(s), { plan: embeddedPlan })).toEqual([]);
  });
  test("a wrong percent target is compared as a fraction and said as a percent (its wording: tests/i18n)", () => {
    const s = sheet("Mål", [
      ["Processmål", "Målvärde 2019"],
      ["Den totala sjukfrånvaron hos medarbetarna", 0.035],
    ]);
    expect(checkWorkbook(book(s), { plan: embeddedPlan })).toMatchObject([
      {
        rule: "plan.mismatch",
        messageId: "plan.mismatch",
        severity: "error",
        cell: "B2",
        params: { actual: 0.035, expected: 0.03, percent: true, unit: null },
      },
    ]);
  });
  test("a transposed plan table (departments as columns) is compared by measure rows", () => {
    const rows = (hr: number): CellSpec[][] => [
      ["Budget 2019 per avdelning, tkr"],
      ["Mått", "Ledningsstaben", "Ekonomi o kvalitet", "HR", "Välfärd"],
      ["Budget 2019", 139_158, 52_501, hr, 21_140],
      ["Utfall 2017 (mnkr)", 2.6, 5.6, 0.4, 1.8],
    ];
    expect(checkWorkbook(book(sheet("T", rows(64_308))), { plan: embeddedPlan })).toEqual([]);
    expect(cells(checkWorkbook(book(sheet("T", rows(46_308))), { plan: embeddedPlan }))).toEqual([
      "plan.mismatch D3 error",
    ]);
  });
  test("the driftram: terms and total against the plan's stated relation", () => {
    const rows = (a: number, b: number): CellSpec[][] => [
      ["Driftram kommunstyrelsen 2019"],
      ["Belopp i mnkr"],
      ["Post", "Belopp"],
      ["Driftram i Årsplan 2019", { v: a, fmt: "0.0" }],
      ["Budgetregleringsposter", { v: b, fmt: "0.0" }],
      ["Totalt driftram", { f: "SUM(B4:B5)", v: a + b, fmt: "0.0" }],
    ];
    expect(checkWorkbook(book(sheet("D", rows(373.1, 14.7))), { plan: embeddedPlan })).toEqual([]);
    expect(cells(checkWorkbook(book(sheet("D", rows(373.0, 14_700))), { plan: embeddedPlan }))).toEqual([
      "plan.mismatch B4 error",
      "plan.unit B5 error",
    ]);
  });
  test("without a plan the plan rules are quiet; with it, each figure is compared with the plan's", () => {
    const s = sheet("Mål", [
      ["Processmål", "Målvärde 2019"],
      ["Nöjd politikerindex", 70],
      ["Sjukfrånvaro", 9],
    ]);
    expect(checkWorkbook(book(s))).toEqual([]);
    const found = checkWorkbook(book(s), { plan: embeddedPlan });
    expect(found.map((f) => f.rule)).toEqual(["plan.mismatch", "plan.mismatch"]);
    expect(found[0]).toMatchObject({
      messageId: "plan.mismatch",
      cell: "B2",
      params: { actual: 70, expected: 72 },
    });
  });
});

test("never throws on arbitrary grids; findings are well-formed", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -100_000, max: 100_000 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.constantFrom(
      "Summa",
      "Totalt",
      "varav x",
      "Kv1",
      "Helår",
      "Avvikelse",
      "1 234,50",
      "75 %",
      "Budget 2019",
      "HR",
    ),
    fc.string({ maxLength: 6 }),
    fc.constantFrom<CellSpec>({ error: "#REF!" }, { f: "SUM(B1:B3)" }, { f: "B2+B3", v: 5 }, { f: "X!A1" }),
  );
  fc.assert(
    fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 14 }), (rows) => {
      const findings = checkWorkbook(book(sheet("F", rows as CellSpec[][])), { plan: embeddedPlan });
      for (const f of findings) {
        expect(RULE_IDS).toContain(f.rule);
        expect(["error", "warning", "info"]).toContain(f.severity);
        expect(f.cell).toMatch(/^[A-Z]+\d+$/);
        expect(render(f, "sv")).not.toMatch(/undefined|NaN/);
        expect(render(f, "en")).not.toMatch(/undefined|NaN/);
      }
    }),
    { numRuns: 300 },
  );
});

test("a bare Summa after a subtotal whose SUM counts that subtotal and its lines again is a double count", () => {
  const s = sheet("T", [
    ["Post", "Belopp"],
    ["A1", 10],
    ["A2", 20],
    ["Summa A", { f: "SUM(B2:B3)", v: 30 }],
    ["B1", 5],
    ["B2", 6],
    ["Summa", { f: "SUM(B2:B6)", v: 71 }],
  ]);
  expect(cells(checkWorkbook(book(s)))).toEqual(["sum.double-count B7 error"]);
});

test("SUBTOTAL(9, …) over subtotals made with SUBTOTAL is not a double count (Excel skips them)", () => {
  const rows = (grand: string, cached: boolean): CellSpec[][] => [
    ["Post", "Belopp"],
    ["Intäkter"],
    ["Avgifter", 10],
    ["Bidrag", 20],
    ["Summa intäkter", { f: "SUBTOTAL(9,B3:B4)", v: cached ? 30 : undefined }],
    ["Kostnader"],
    ["Personal", 5],
    ["Lokaler", 6],
    ["Summa kostnader", { f: "SUBTOTAL(9,B7:B8)", v: cached ? 11 : undefined }],
    ["Totalt", { f: grand, v: cached ? 41 : undefined }],
  ];
  expect(checkWorkbook(book(sheet("T", rows("SUBTOTAL(9,B3:B9)", true))))).toEqual([]);
  expect(checkWorkbook(book(sheet("T", rows("SUBTOTAL(109,B3:B9)", false))))).toEqual([]);
  const sum = rows("SUM(B3:B9)", true);
  sum[9][1] = { f: "SUM(B3:B9)", v: 82 };
  expect(cells(checkWorkbook(book(sheet("T", sum))))).toEqual(["sum.double-count B10 error"]);
});

test("a unit written into the number format is the column's stated unit", () => {
  const rows = (fmt: string): CellSpec[][] => [
    ["Avdelning", "Budget 2019"],
    ["Ledningsstaben", { v: 139_158, fmt }],
    ["Ekonomi o kvalitet", { v: 52_501, fmt }],
    ["HR", { v: 64_308, fmt }],
  ];
  expect(checkWorkbook(book(sheet("T", rows('#,##0 "tkr"'))), { plan: embeddedPlan })).toEqual([]);
  expect(cells(checkWorkbook(book(sheet("T", rows('#,##0 "kr"'))), { plan: embeddedPlan }))).toEqual([
    "plan.unit B2 error",
    "plan.unit B3 error",
    "plan.unit B4 error",
  ]);
});

test("General-format figures are given in the most decimals any of them shows (2,6 beside 11 means tenths)", () => {
  const rows = (total: number): CellSpec[][] => [
    ["Avdelning", "Utfall 2017"],
    ["A", 2.6],
    ["B", 0],
    ["C", 11],
    ["D", 0.4],
    ["Totalt", total],
  ];
  expect(cells(checkWorkbook(book(sheet("T", rows(14.1))), { rules: ["sum.mismatch"] }))).toEqual([]);
  expect(cells(checkWorkbook(book(sheet("T", rows(15))), { rules: ["sum.mismatch"] }))).toEqual([
    "sum.mismatch B6 error",
  ]);
});

test("many formulas without saved values: one note for the sheet", () => {
  const rows: CellSpec[][] = [["Post", "Värde"]];
  for (let i = 0; i < 8; i++) rows.push([`Rad ${i}`, { f: `VLOOKUP(A${i + 2},X!A:B,2,0)` }]);
  const f = checkWorkbook(book(sheet("T", rows)));
  expect(f.map((x) => `${x.rule} ${x.severity} ${x.cell}`)).toEqual(["cell.error info B2"]);
  expect(f[0]).toMatchObject({ messageId: "cell.uncomputed.many", params: { count: 8 } });
});

test("a single row naming the driftram is compared when its year is there too", () => {
  const one = (label: string, header: string, v: number) =>
    book(sheet("T", [["Nyckeltal, belopp i mnkr"], ["Post", header], [label, v], ["Antal medarbetare", 90]]));
  expect(checkWorkbook(one("Driftram 2019", "Belopp", 387.8), { plan: embeddedPlan })).toEqual([]);
  expect(cells(checkWorkbook(one("Driftram 2019", "Belopp", 378.8), { plan: embeddedPlan }))).toEqual([
    "plan.mismatch B3 error",
  ]);
  expect(cells(checkWorkbook(one("Driftram 2019", "Budget", 387_800), { plan: embeddedPlan }))).toEqual([
    "plan.unit B3 error",
  ]);
  // Another year's driftram is not the plan's; a bare "Driftram" names several of the plan's amounts.
  expect(checkWorkbook(one("Driftram 2020", "Budget", 401.2), { plan: embeddedPlan })).toEqual([]);
  expect(checkWorkbook(one("Driftram", "Budget 2019", 401.2), { plan: embeddedPlan })).toEqual([]);
});

test("#N/A from the add-in's own PLAN functions (no value in the plan) is not an error; other #N/A are", () => {
  const s = sheet("Mål", [
    ["Område", "Mål", "Målvärde 2018", "Utfall 2018", "Målvärde 2019"],
    [
      "Demokrati",
      "Öka förmågan att hantera större händelser/kriser",
      { f: "PLAN.MALVARDE($B2,2018)", v: { error: "#N/A" } },
      { f: "PLAN.UTFALL($B2,2018)", v: { error: "#N/A" } },
      { f: "PLAN.MALVARDE($B2,2019)", v: { error: "#N/A" } },
    ],
    [
      "Demokrati",
      "Nöjd politikerindex förbättras till 72",
      { f: "PLAN.MALVARDE($B3,2018)", v: 71 },
      { f: "VLOOKUP(B3,X!A:B,2,0)", v: { error: "#N/A" } },
      { f: "PLAN.MALVARDE($B3,2019)", v: 72 },
    ],
  ]);
  expect(cells(checkWorkbook(book(s), { plan: embeddedPlan }))).toEqual(["cell.error D3 error"]);
});

test("the add-in's own report sheet is not checked again", () => {
  const report = sheet("Plankoll-rapport", [
    ["Plankoll – kontroll"],
    [],
    ["Allvarlighet", "Regel", "Blad", "Cell", "Meddelande", "Förväntat", "Faktiskt"],
    ["varning", "cell.number-as-text", "Mål", "C9", "…", 0.95, "95 %"],
    ["fel", "cell.error", "Budget", "B5", "…", "", "#REF!"],
  ]);
  expect(checkWorkbook(book(report), { plan: embeddedPlan })).toEqual([]);
});

test("the table 'Infoga mål' writes (area, title, PLAN formulas) is read by its titles, and a typed-over target is found", () => {
  const rows = (target2019: CellSpec): CellSpec[][] => [
    ["Område", "Mål", "Målvärde 2018", "Utfall 2018", "Målvärde 2019", "Uppfyllt 2018"],
    [
      "Hållbar utveckling › Demokrati",
      "Nöjd politikerindex förbättras till 72",
      { f: "PLAN.MALVARDE($B2,2018)", v: 71 },
      { f: "PLAN.UTFALL($B2,2018)", v: 83 },
      target2019,
      true,
    ],
    [
      "Effektiv organisation › Medarbetare",
      "Den totala sjukfrånvaron hos medarbetarna uppgår 2019 till max 5,9 procent",
      { f: "PLAN.MALVARDE($B3,2018)", v: 0.03, fmt: "0.0%" },
      { f: "PLAN.UTFALL($B3,2018)", v: 0.032, fmt: "0.0%" },
      { f: "PLAN.MALVARDE($B3,2019)", v: 0.03, fmt: "0.0%" },
      false,
    ],
  ];
  expect(
    checkWorkbook(book(sheet("Mål", rows({ f: "PLAN.MALVARDE($B2,2019)", v: 72 }))), { plan: embeddedPlan }),
  ).toEqual([]);
  expect(cells(checkWorkbook(book(sheet("Mål", rows(70))), { plan: embeddedPlan }))).toEqual([
    "plan.mismatch E2 error",
  ]);
});
