/**
 * Issue 9: plan findings carry their evidence — a column most of whose figures differ is reported (its cells
 * and a column finding), a relation's total worded the workbook's own way is compared with the plan, and a
 * figure ×1 000 among a tkr column's lines is a plan.unit warning without the plan stating it.
 */
import { checkWorkbook, type Finding } from "../../src/checks";
import { embeddedPlan } from "../../src/plan/embedded";
import { book, sheet, type CellSpec } from "./helpers";

const check = (rows: CellSpec[][], plan = true): Finding[] =>
  checkWorkbook(book(sheet("Blad1", rows)), plan ? { plan: embeddedPlan } : {});

const DEPARTMENTS: [string, number][] = [
  ["Ledningsstaben", 139_158],
  ["Ekonomi o kvalitet", 52_501],
  ["HR", 64_308],
  ["Välfärd", 21_140],
  ["Näringsliv", 40_524],
  ["Kommunikation o delaktighet", 31_373],
  ["Miljö o samhällsbyggnad", 38_796],
];

function planTable(budget: (name: string, v: number) => number, total?: CellSpec): CellSpec[][] {
  const lines = DEPARTMENTS.map(([name, v]) => [name, budget(name, v)] as CellSpec[]);
  const sum = lines.reduce((s, l) => s + (l[1] as number), 0);
  return [
    ["Ekonomisk redovisning per avdelning"],
    ["Alla belopp i tkr."],
    ["Avdelning", "Budget 2019"],
    ...lines,
    ["Totalt", total ?? { f: "SUM(B4:B10)", v: sum }],
  ];
}

test("five of seven budget lines off: each line an error, the column a warning whose evidence lists every line", () => {
  const off = new Set([
    "Ledningsstaben",
    "Ekonomi o kvalitet",
    "HR",
    "Näringsliv",
    "Kommunikation o delaktighet",
  ]);
  const findings = check(planTable((name, v) => (off.has(name) ? v + 1_000 : v)));
  const errors = findings.filter((f) => f.rule === "plan.mismatch" && f.severity === "error");
  expect(errors.map((f) => f.cell)).toEqual(["B4", "B5", "B6", "B8", "B9"]);
  expect(errors[0].evidence).toMatchObject({ value: 140_158, plan: 139_158, unit: "tkr", planUnit: "tkr" });
  const column = findings.filter((f) => f.rule === "plan.mismatch" && f.severity === "warning");
  expect(column).toHaveLength(1);
  expect(column[0].cell).toBe("B3");
  // Counts, not figures: the message and the evidence say them, expected/actual stay empty.
  expect([column[0].expected, column[0].actual]).toEqual([null, null]);
  expect(column[0]).toMatchObject({ messageId: "plan.mismatch.column", params: { differing: 5, count: 7 } });
  expect(column[0].evidence).toMatchObject({ agreeing: 2, differing: 5, unit: "tkr" });
  const cells = (column[0].evidence as { cells: { cell: string; status: string }[] }).cells;
  expect(cells.map((x) => x.cell)).toEqual(["B4", "B5", "B6", "B7", "B8", "B9", "B10"]);
  expect(cells.filter((x) => x.status === "mismatch")).toHaveLength(5);
  // The formula Totalt follows its lines: not a finding of its own.
  expect(findings.some((f) => f.cell === "B11" && f.severity !== "info")).toBe(false);
});

test("one line off stays one error, with no column finding", () => {
  const findings = check(planTable((name, v) => (name === "HR" ? v + 1_000 : v)));
  expect(findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`)).toEqual([
    "plan.mismatch B6",
  ]);
});

test("a typed Totalt off from its correct lines: the plan finding follows from the sum error", () => {
  const findings = check(planTable((_, v) => v, 388_800));
  const plan = findings.find((f) => f.rule === "plan.mismatch" && f.cell === "B11");
  expect(findings.some((f) => f.rule === "sum.mismatch" && f.cell === "B11")).toBe(true);
  expect(plan?.causedBy).toEqual({ rule: "sum.mismatch", sheet: "Blad1", cell: "B11" });
  expect((plan?.evidence as { lines: unknown[] }).lines).toHaveLength(7);
});

test("'Total driftram' under the plan's two terms in the workbook's own words: compared with the plan's 387,8", () => {
  const rows = (total: number): CellSpec[][] => [
    ["Kommunstyrelsens driftram 2019 (mnkr)"],
    ["", "Mnkr"],
    ["Driftram enligt Årsplan 2019", 373.1],
    ["Budgetregleringsposter", 14.7],
    ["Total driftram", total],
  ];
  const wrong = check(rows(387.6)).filter((f) => f.rule.startsWith("plan."));
  expect(wrong.map((f) => `${f.rule} ${f.severity} ${f.cell}`)).toEqual(["plan.mismatch error B5"]);
  expect(wrong[0].evidence).toMatchObject({ value: 387.6, plan: 387.8, unit: "mnkr" });
  expect(check(rows(387.8)).filter((f) => f.rule.startsWith("plan."))).toEqual([]);
});

test("a kr figure among tkr lines: a plan.unit warning with the column's unit and the peers' magnitude, plan or not", () => {
  const rows: CellSpec[][] = [
    ["Driftbudget Gatukontoret 2020 (tkr)"],
    ["Verksamhet", "Budget 2020"],
    ["Gator och vägar", 52_300],
    ["Parker", 48_900],
    ["Belysning", 9_600_000],
    ["Vinterväghållning", 61_200],
    ["Trafik", 39_800],
  ];
  for (const plan of [true, false]) {
    const found = check(rows, plan).filter((f) => f.rule === "plan.unit");
    expect(found.map((f) => `${f.severity} ${f.cell}`)).toEqual(["warning B5"]);
    expect(found[0].expected).toBe(9_600);
    expect(found[0].evidence).toMatchObject({
      unit: "tkr",
      smaller: "kr",
      factor: 1000,
      asUnit: 9_600,
      peers: { count: 4, min: 39_800, max: 61_200 },
    });
  }
  // The same figure ÷ 1 000, as it should be: nothing.
  rows[4][1] = 9_600;
  expect(check(rows).filter((f) => f.rule === "plan.unit")).toEqual([]);
});
