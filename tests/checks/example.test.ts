/**
 * The README's example workbook: every planted error is found, and nothing else is an error or a warning.
 * (examples/make-example.ts lists the planted errors.)
 */
import { join } from "node:path";
import { checkWorkbook } from "../../src/checks";
import { readWorkbookFile } from "../../src/cli/xlsx";
import { embeddedPlan } from "../../src/plan/embedded";
import { renderFindings } from "../../src/i18n";

const EXAMPLE = join(__dirname, "../../examples/budget-2019.xlsx");

test("examples/budget-2019.xlsx: the planted errors and nothing else", async () => {
  const findings = checkWorkbook(await readWorkbookFile(EXAMPLE), { plan: embeddedPlan });
  const serious = findings
    .filter((f) => f.severity !== "info")
    .map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.severity}`)
    .sort();
  expect(serious).toEqual(
    [
      "Budget per avdelning!D8 plan.unit error",
      "Kvartal!D11 sum.range-gap error",
      "Kvartal!F6 sum.hardcoded warning",
      "Personal!B11 sum.mismatch error",
      "Processmål!D8 plan.mismatch error",
      "Processmål!C9 cell.number-as-text warning",
    ].sort(),
  );
  const info = findings.filter((f) => f.severity === "info").map((f) => `${f.sheet}!${f.cell} ${f.rule}`);
  expect(info).toEqual(["Personal!B11 sum.hardcoded"]);

  const byCell = new Map(findings.map((f) => [`${f.sheet}!${f.cell} ${f.rule}`, f]));
  expect(byCell.get("Budget per avdelning!D8 plan.unit")).toMatchObject({ expected: 40524, actual: 40.5 });
  expect(byCell.get("Kvartal!D11 sum.range-gap")).toMatchObject({ expected: 96949, actual: 87250 });
  expect(byCell.get("Personal!B11 sum.mismatch")).toMatchObject({ expected: 220000, actual: 221000 });
  expect(byCell.get("Processmål!D8 plan.mismatch")).toMatchObject({ expected: 0.03, actual: 0.035 });
  expect(byCell.get("Processmål!C9 cell.number-as-text")).toMatchObject({ expected: 0.95, actual: "95 %" });
});

test("the example in English names the same cells", async () => {
  const sv = checkWorkbook(await readWorkbookFile(EXAMPLE), { plan: embeddedPlan });
  const en = renderFindings(checkWorkbook(await readWorkbookFile(EXAMPLE), { plan: embeddedPlan }), "en");
  expect(en.map((f) => [f.rule, f.cell])).toEqual(sv.map((f) => [f.rule, f.cell]));
  expect(sv.find((f) => f.rule === "sum.range-gap")).toMatchObject({
    messageId: "sum.range-gap",
    cell: "D11",
    params: { lines: ["D10 (Miljö o samhällsbyggnad)"] },
  });
});

test("the example saved by LibreOffice gives the same findings", async () => {
  // tests/fixtures/example/lo-budget-2019.xlsx: examples/budget-2019.xlsx opened and saved by LibreOffice Calc.
  const lo = join(__dirname, "../fixtures/example/lo-budget-2019.xlsx");
  const a = checkWorkbook(await readWorkbookFile(EXAMPLE), { plan: embeddedPlan });
  const b = checkWorkbook(await readWorkbookFile(lo), { plan: embeddedPlan });
  expect(b.map((f) => [f.sheet, f.cell, f.rule, f.severity, f.expected, f.actual])).toEqual(
    a.map((f) => [f.sheet, f.cell, f.rule, f.severity, f.expected, f.actual]),
  );
});
