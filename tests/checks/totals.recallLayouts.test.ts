/**
 * Real problems of real workbooks (issue 9, recall) as small in-memory sheets, each with its must-not twin:
 * the evidence that makes a finding, and the same kind of layout without it staying silent.
 */
import { checkWorkbook } from "../../src/checks";
import type { Finding } from "../../src/model/types";
import { book, sheet, type CellSpec } from "./helpers";

const SUM_RULES = ["sum.mismatch", "sum.range-gap", "sum.double-count", "sum.hardcoded"] as const;
const check = (rows: CellSpec[][], name = "Blad") =>
  checkWorkbook(book(sheet(name, rows)), { rules: [...SUM_RULES] }).filter((f) => f.severity !== "info");
const where = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.cell}`);

describe("a peer total is evidence of a range gap only through figures of its own", () => {
  test("must not: a zero-filled income column's SUM running back over the block above says nothing", () => {
    // Intäkter | Utgifter: the second block's Subsubtotal. The income column's SUM reaches back over the first
    // block (all 0 there); the cost column's SUM covers its own block exactly.
    const rows: CellSpec[][] = [
      ["Budgetpost", "Intäkter", "Utgifter"],
      ["Mat", 0, -9000],
      ["Dekoration", 0, -700],
      [],
      ["Subsubtotal", { f: "SUM(B2:B3)", v: 0 }, { f: "SUM(C2:C3)", v: -9700 }],
      [],
      ["Fika", 0, -1500],
      ["Dryck", 0, -300],
      [],
      ["Subsubtotal", { f: "SUM(B2:B9)", v: 0 }, { f: "SUM(C7:C9)", v: -1800 }],
    ];
    expect(where(check(rows))).toEqual([]);
  });

  test("must: a peer with a figure of its own on the lines left out still shows them", () => {
    // One block; the income column's SUM covers all its lines, the cost column's SUM starts two lines late.
    const rows: CellSpec[][] = [
      ["Budgetpost", "Intäkter", "Utgifter"],
      ["Biljetter", 5300, 0],
      ["Dryck", 0, -1400],
      ["Mat", 0, -9000],
      ["Dekoration", 0, -700],
      [],
      ["Subsubtotal", { f: "SUM(B2:B5)", v: 5300 }, { f: "SUM(C4:C5)", v: -9700 }],
    ];
    const fs = check(rows);
    expect(where(fs)).toEqual(["sum.range-gap C7"]);
    expect(fs[0].evidence).toMatchObject({ missing: ["C2", "C3"], peers: ["B7"] });
  });
});

describe("a SUMIFS over the subtotals above is a formula total like SUM", () => {
  // Intäkter | Utgifter: the block's Subsubtotal, then the Subtotal that picks the Subsubtotal rows by label.
  const rows = (costTotal: CellSpec): CellSpec[][] => [
    ["Budgetpost", "Intäkter", "Utgifter"],
    ["Allmänt", null, null],
    ["Fika", 0, -300],
    ["Inköp teknik", 0, -20000],
    [],
    ["Subsubtotal", { f: "SUM(B3:B5)", v: 0 }, { f: "SUM(C3:C5)", v: -20300 }],
    [],
    ["Subtotal", 0, costTotal],
  ];

  test('must: a typed 0 Subtotal beside its =SUMIFS(…,"Subsubtotal") peer is an overwritten formula', () => {
    const fs = check(rows({ f: 'SUMIFS(C2:C7,A2:A7,"Subsubtotal")', v: -20300 }));
    expect(where(fs)).toEqual(["sum.hardcoded B8"]);
  });

  test("must not: a SUMIFS that looks figures up elsewhere (another column) makes no total of the row", () => {
    const lookup = check(rows({ f: 'SUMIFS(B2:B7,A2:A7,"Fika")', v: 0 }));
    expect(where(lookup)).toEqual([]);
  });
});

describe("a Summa three blank rows below its list still totals that list", () => {
  const list = (sum: CellSpec): CellSpec[][] => [
    ["Beslut", "Kostnad"],
    ["Barstolar", 897],
    ["Kameratillbehör", 1905],
    ["Mottagningsmärken", 14251],
    ["Ljudsystem", 9199],
    [],
    [],
    [],
    ["Summa", sum],
  ];

  test("must: its SUM reaching back over the blank rows but starting two lines late leaves them out", () => {
    const fs = check(list({ f: "SUM(B4:B8)", v: 23450 }));
    expect(where(fs)).toEqual(["sum.range-gap B9"]);
    expect(fs[0]).toMatchObject({ expected: 26252, actual: 23450 });
    expect(fs[0].evidence).toMatchObject({ missing: ["B2", "B3"] });
    expect(fs[0]).toMatchObject({ messageId: "sum.range-gap", params: { why: "before" } });
  });

  test("must not: the same Summa over the whole list, or a list below the blank rows with its own Summa", () => {
    expect(where(check(list({ f: "SUM(B2:B8)", v: 26252 })))).toEqual([]);
    const two: CellSpec[][] = [
      ...list({ f: "SUM(B2:B8)", v: 26252 }).slice(0, 5),
      [],
      [],
      [],
      ["Tröjor", 2800],
      ["Julklappar", 2734],
      ["Summa", { f: "SUM(B9:B10)", v: 5534 }],
    ];
    expect(where(check(two))).toEqual([]);
  });
});

describe("a SUMIFS that splits the Subsubtotal rows by sign takes every one of them", () => {
  // Intäkter then Utgifter in one Resultat column; the Subtotal picks the Subsubtotals by label, Total Intäkter and
  // Total Utgifter split them by sign. Results of 0 are not cached (as real files are read): they are computed.
  const rows = (from: number): CellSpec[][] => [
    ["Budgetpost", "Resultat"],
    ["Spons", 4000],
    [],
    ["Subsubtotal", { f: "SUM(B2:B2)", v: 4000 }],
    [],
    ["Fika", -1000],
    ["Priser", -2500],
    [],
    ["Subsubtotal", { f: "SUM(B6:B8)", v: -3500 }],
    [],
    ["Subtotal", { f: 'SUMIFS(B2:B10,A2:A10,"Subsubtotal")', v: 500 }],
    [],
    ["Total Intäkter", { f: `SUMIFS(B${from}:B12,A${from}:A12,"Subsubtotal",B${from}:B12,">=0")` }],
    ["Total Utgifter", { f: `SUMIFS(B${from}:B12,A${from}:A12,"Subsubtotal",B${from}:B12,"<0")`, v: -3500 }],
    ["Total", { f: "SUM(B13:B14)" }],
  ];

  test("must: 'Total Intäkter' whose range starts in the Utgifter section leaves out the income Subsubtotal", () => {
    const fs = check(rows(6));
    expect(where(fs)).toEqual(["sum.range-gap B13"]);
    expect(fs[0]).toMatchObject({ expected: 4000, actual: 0 });
    expect(fs[0].evidence).toMatchObject({ missing: ["B4"], peers: ["B11"] });
  });

  test("must not: the same split over the whole table, or a Subsubtotal the criteria do not take", () => {
    const whole = rows(2);
    whole[12][1] = { f: 'SUMIFS(B2:B12,A2:A12,"Subsubtotal",B2:B12,">=0")', v: 4000 };
    whole[14][1] = { f: "SUM(B13:B14)", v: 500 };
    expect(where(check(whole))).toEqual([]);
    // Total Utgifter (<0) over the same short range: the income Subsubtotal (4 000) is not one it takes.
    const costsOnly = rows(6);
    costsOnly[12][1] = { f: 'SUMIFS(B2:B12,A2:A12,"Subsubtotal",B2:B12,">=0")', v: 4000 };
    expect(where(check(costsOnly))).toEqual([]);
    // A section's own SUMIFS without a sign criterion ("Subtotal Utgifter" over the Utgifter rows) is no split.
    const section = rows(2);
    section[12] = ["Subtotal Utgifter", { f: 'SUMIFS(B6:B12,A6:A12,"Subsubtotal")', v: -3500 }];
    section[13] = ["Total Utgifter", { f: 'SUMIFS(B6:B12,A6:A12,"Subsubtotal")', v: -3500 }];
    section[14] = [];
    expect(where(check(section))).toEqual([]);
  });
});
