/** The adapter's writes against the fake: exact undo of highlights, confirmation before overwriting. */
import { checkWorkbook } from "../../src/checks";
import type { Finding, WorkbookSnapshot } from "../../src/model/types";
import {
  createExcelAdapter,
  defineShortNames,
  highlightFindings,
  insertGoalFormula,
  insertGoalsTable,
  readSnapshot,
  readStoredPlan,
  selectCell,
  storePlan,
  writeReport,
  type GoalRow,
  type ReportLabels,
} from "../../src/excel";
import { goalFormula } from "../../src/excel/goals";
import { embeddedPlan } from "../../src/plan/embedded";
import { findGoal, goalKey } from "../../src/plan/lookup";
import { createFakeExcel, FakeWorkbookModel } from "../../src/workbench/fakeExcel";
import { addBudgetSheet, xlsxSnapshot } from "./support";
import { render } from "../../src/i18n";

async function budgetWorkbook(): Promise<WorkbookSnapshot> {
  return xlsxSnapshot((wb) => {
    const ws = addBudgetSheet(wb, "Budget 2019");
    // Planted: the total typed over with transposed digits.
    ws.getCell("B7").value = 86970;
    addBudgetSheet(wb, "Budget 2020");
  }, "planted.xlsx");
}

/** Formats a user might already have: a yellow fill, a patterned fill, an explicit white fill, red bold text. */
function preformat(model: FakeWorkbookModel) {
  const s = model.sheets[0];
  s.cell(6, 1).fill = { color: "#FFFF00", pattern: "Solid", patternColor: null };
  s.cell(6, 1).font = { color: "#FF0000", bold: true, italic: false };
  s.cell(6, 3).fill = { color: "#DDDDDD", pattern: "Gray25", patternColor: "#333333" };
  s.cell(2, 4).fill = { color: "#FFFFFF", pattern: "Solid", patternColor: null };
}

const labels: ReportLabels = {
  title: "Plankoll – rapport",
  subtitle: "Plan: Eskilstuna 2019",
  columns: ["Allvarlighet", "Regel", "Blad", "Cell", "Meddelande", "Förväntat", "Faktiskt"],
  severity: { error: "Fel", warning: "Varning", info: "Info" },
  none: "Inga fynd",
  message: (f) => render(f, "sv"),
};

describe("validate → highlight → clear", () => {
  test("restores every cell's value and format exactly, also after a reopen", async () => {
    const fake = createFakeExcel(await budgetWorkbook());
    preformat(fake.model);
    const before = fake.model.dump();

    const { snapshot } = await readSnapshot(fake.context(), { supports: fake.supports });
    const findings = checkWorkbook(snapshot);
    const cells = findings.filter((f) => f.sheet && f.cell);
    expect(cells.length).toBeGreaterThanOrEqual(3);
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: "sum.mismatch", sheet: "Budget 2019", cell: "B7" }),
    );

    const highlighted = await highlightFindings(fake.context(), findings);
    expect(highlighted).toMatchObject({ ok: true });
    const during = fake.model.dump();
    expect(during).not.toEqual(before);
    const b7 = during.sheets[0].cells.find((c) => c.address === "B7")!;
    expect(b7.fill).toMatchObject({ color: "#FFC7CE", pattern: "Solid" });
    // Values and formulas are never touched by highlighting.
    expect(during.sheets.map((s) => s.cells.map((c) => [c.address, c.value, c.formula]))).toEqual(
      before.sheets.map((s) => s.cells.map((c) => [c.address, c.value, c.formula])),
    );

    // Highlighting again keeps the first recorded (original) formats.
    await highlightFindings(fake.context(), findings);

    // "Reopen": a fresh adapter with no memory; the undo record lives in the workbook.
    const reopened = createExcelAdapter(fake.run, fake.supports);
    const cleared = await reopened.clearHighlights();
    expect(cleared).toMatchObject({
      ok: true,
      cells: new Set(cells.map((f) => `${f.sheet}!${f.cell}`)).size,
    });
    expect(fake.model.dump()).toEqual(before);
    expect(fake.model.xmlParts).toHaveLength(0);
    expect(await reopened.clearHighlights()).toEqual({ ok: false, reason: "nothing" });
  });

  test("a highlighted cell the user re-coloured since keeps the user's format; the others are restored", async () => {
    const fake = createFakeExcel(await budgetWorkbook());
    const before = fake.model.dump();
    const { snapshot } = await readSnapshot(fake.context(), { supports: fake.supports });
    const findings = checkWorkbook(snapshot);
    await highlightFindings(fake.context(), findings);
    // The user marks B7 green by hand after Plankoll highlighted it.
    const b7 = fake.model.sheets[0].cell(6, 1);
    b7.fill = { color: "#C6EFCE", pattern: "Solid", patternColor: null };
    const cleared = await createExcelAdapter(fake.run, fake.supports).clearHighlights();
    expect(cleared).toMatchObject({ ok: true, kept: 1, missing: 0 });
    const after = fake.model.dump();
    const cell = (d: typeof before, address: string) => d.sheets[0].cells.find((c) => c.address === address);
    expect(cell(after, "B7")?.fill.color).toBe("#C6EFCE");
    expect({
      ...after,
      sheets: after.sheets.map((s) => ({ ...s, cells: s.cells.filter((c) => c.address !== "B7") })),
    }).toEqual({
      ...before,
      sheets: before.sheets.map((s) => ({ ...s, cells: s.cells.filter((c) => c.address !== "B7") })),
    });
  });

  test("a sheet deleted between check and highlight, or before clearing, is skipped and counted", async () => {
    const fake = createFakeExcel(await budgetWorkbook());
    const { snapshot } = await readSnapshot(fake.context(), { supports: fake.supports });
    const findings = checkWorkbook(snapshot);
    const onSecond = findings.filter((f) => f.sheet === "Budget 2020").length;
    expect(onSecond).toBeGreaterThan(0);
    const highlighted = await highlightFindings(fake.context(), findings);
    expect(highlighted.ok).toBe(true);
    const model = fake.model;
    model.sheets.splice(model.sheets.indexOf(model.sheetByName("Budget 2020")!), 1);
    const cleared = await createExcelAdapter(fake.run, fake.supports).clearHighlights();
    expect(cleared).toMatchObject({
      ok: true,
      missing: new Set(findings.filter((f) => f.sheet === "Budget 2020").map((f) => f.cell)).size,
    });
    // Findings for a sheet that no longer exists are skipped when highlighting, too.
    const again = await highlightFindings(fake.context(), findings);
    expect(again).toMatchObject({ ok: true });
    expect(fake.model.sheetByName("Budget 2020")).toBeUndefined();
  });

  test("highlighting takes the same number of syncs for 3 and for 300 cells", async () => {
    const syncsFor = async (n: number) => {
      const model = new FakeWorkbookModel();
      const s = model.addSheet("Blad1");
      for (let r = 0; r < n; r++) s.cell(r, 0).value = r;
      const fake = createFakeExcel(model);
      const findings: Finding[] = Array.from({ length: n }, (_, r) => ({
        rule: "cell.error",
        severity: "error",
        sheet: "Blad1",
        cell: `A${r + 1}`,
        messageId: "cell.error",
        params: { error: "#N/A", inTotal: false },
        expected: null,
        actual: null,
      }));
      await highlightFindings(fake.context(), findings);
      return model.syncCount;
    };
    expect(await syncsFor(3)).toBe(await syncsFor(300));
  });

  test("cells on protected sheets are skipped and named", async () => {
    const snap = await budgetWorkbook();
    snap.sheets[0].protected = true;
    const fake = createFakeExcel(snap);
    const before = fake.model.dump();
    const finding: Finding = {
      rule: "sum.mismatch",
      severity: "error",
      sheet: "Budget 2019",
      cell: "B7",
      messageId: "sum.hardcoded.table",
      params: { count: 1 },
      expected: 1,
      actual: 2,
    };
    expect(await highlightFindings(fake.context(), [finding])).toEqual({
      ok: true,
      cells: 0,
      skippedProtected: ["Budget 2019"],
    });
    expect(fake.model.dump()).toEqual(before);
  });
});

const rows: GoalRow[] = embeddedPlan.goals
  .slice(0, 3)
  .map((g) => ({ area: g.area.at(-1)!, title: g.title, unit: g.unit }));
const tableLabels = {
  sheetName: "Plankoll-mål",
  columns: ["Område", "Mål", "Målvärde 2018", "Utfall 2018", "Målvärde 2019", "Uppfyllt?"] as [
    string,
    string,
    string,
    string,
    string,
    string,
  ],
};

describe("insert goals table", () => {
  test("on a new sheet: live PLAN formulas, percent goals formatted as %", async () => {
    const fake = createFakeExcel({ sheets: [] });
    const percent = embeddedPlan.goals.find((g) => g.unit === "percent")!;
    const withPercent = [...rows, { area: percent.area.at(-1)!, title: percent.title, unit: percent.unit }];
    const result = await insertGoalsTable(fake.context(), withPercent, 2019, tableLabels, {
      where: "new-sheet",
    });
    expect(result).toEqual({ ok: true, sheet: "Plankoll-mål", address: "A1:F5" });
    const sheet = fake.model.sheetByName("Plankoll-mål")!;
    expect(sheet.get(0, 1)?.value).toBe("Mål");
    expect(sheet.get(1, 1)?.value).toBe(rows[0].title);
    expect(sheet.get(1, 2)?.formula).toBe("=PLAN.MALVARDE($B2,2018)");
    expect(sheet.get(1, 3)?.formula).toBe("=PLAN.UTFALL($B2,2018)");
    expect(sheet.get(1, 4)?.formula).toBe("=PLAN.MALVARDE($B2,2019)");
    expect(sheet.get(1, 5)?.formula).toBe("=PLAN.MALUPPFYLLELSE($B2,$D2,2018)");
    expect(sheet.get(4, 4)?.numberFormat).toBe("0.0%");
    expect(sheet.get(1, 4)?.numberFormat).toBe("General");
    expect(fake.model.activeSheet.name).toBe("Plankoll-mål");
    expect(fake.model.suspendedCalculations).toBe(1);
    // A second insert gets its own sheet instead of failing on the name.
    expect(
      await insertGoalsTable(fake.context(), rows, 2019, tableLabels, { where: "new-sheet" }),
    ).toMatchObject({
      ok: true,
      sheet: "Plankoll-mål (2)",
    });
  });

  test("at the selection: refuses non-empty targets without confirmation and changes nothing", async () => {
    const fake = createFakeExcel(await budgetWorkbook());
    fake.model.selection = {
      sheetId: fake.model.sheets[0].id,
      area: { firstRow: 4, firstCol: 2, lastRow: 4, lastCol: 2 },
    };
    const before = fake.model.dump();
    const refused = await insertGoalsTable(fake.context(), rows, 2019, tableLabels, { where: "selection" });
    expect(refused).toMatchObject({
      ok: false,
      reason: "needs-confirmation",
      address: "'Budget 2019'!C5:H8",
    });
    expect(fake.model.dump()).toEqual(before);

    const done = await insertGoalsTable(fake.context(), rows, 2019, tableLabels, {
      where: "selection",
      confirmed: true,
    });
    expect(done).toEqual({ ok: true, sheet: "Budget 2019", address: "C5:H8" });
    expect(fake.model.sheets[0].get(5, 4)?.formula).toBe("=PLAN.MALVARDE($D6,2018)");
  });

  test("at an empty selection it writes without asking", async () => {
    const fake = createFakeExcel(await budgetWorkbook());
    fake.model.selection = {
      sheetId: fake.model.sheets[0].id,
      area: { firstRow: 19, firstCol: 0, lastRow: 19, lastCol: 0 },
    };
    expect(await insertGoalsTable(fake.context(), rows, 2019, tableLabels, { where: "selection" })).toEqual({
      ok: true,
      sheet: "Budget 2019",
      address: "A20:F23",
    });
  });

  test("a protected sheet gets a clear refusal", async () => {
    const snap = await budgetWorkbook();
    snap.sheets[0].protected = true;
    const fake = createFakeExcel(snap);
    fake.model.selection = {
      sheetId: fake.model.sheets[0].id,
      area: { firstRow: 19, firstCol: 0, lastRow: 19, lastCol: 0 },
    };
    expect(await insertGoalsTable(fake.context(), rows, 2019, tableLabels, { where: "selection" })).toEqual({
      ok: false,
      reason: "protected",
      sheet: "Budget 2019",
    });
  });
});

describe("insert formula", () => {
  test("a key that survives rewording, the year, and MALVARDE / UTFALL / MALUPPFYLLELSE; short names after 'Använd korta namn'", () => {
    const sick = embeddedPlan.goals.find((g) => g.id === "PM26-sjukfranvaro")!;
    expect(goalKey(embeddedPlan, sick)).toBe("PM26");
    // Next year's plan rewords the title; the key still finds the goal.
    const next = structuredClone(embeddedPlan);
    next.goals.find((g) => g.id === sick.id)!.title = "Sjukfrånvaron ska vara högst 5,5 procent 2020";
    const found = findGoal(next, goalKey(embeddedPlan, sick));
    expect(found.ok && found.goal.id).toBe(sick.id);
    expect(goalFormula("PM26", "target", 2019)).toBe('=PLAN.MALVARDE("PM26",2019)');
    expect(goalFormula("PM26", "outcome", 2018)).toBe('=PLAN.UTFALL("PM26",2018)');
    expect(goalFormula("PM26", "achieved", 2018)).toBe(
      '=PLAN.MALUPPFYLLELSE("PM26",PLAN.UTFALL("PM26",2018),2018)',
    );
    expect(goalFormula("PM26", "target", 2019, true)).toBe('=MALVARDE("PM26",2019)');
    expect(goalFormula("PM26", "achieved", 2018, true)).toBe(
      '=PLAN.MALUPPFYLLELSE("PM26",UTFALL("PM26",2018),2018)',
    );
  });

  test('puts =PLAN.MALVARDE("…") in an empty active cell, asks before replacing content', async () => {
    const fake = createFakeExcel(await budgetWorkbook());
    const goal = embeddedPlan.goals.find((g) => g.unit === "percent")!;
    fake.model.selection = {
      sheetId: fake.model.sheets[0].id,
      area: { firstRow: 1, firstCol: 1, lastRow: 1, lastCol: 1 },
    };
    const refused = await insertGoalFormula(fake.context(), { key: "PM26", unit: goal.unit }, { year: 2019 });
    expect(refused).toMatchObject({ ok: false, reason: "needs-confirmation" });
    expect(fake.model.sheets[0].get(1, 1)?.value).toBe("Budget 2019");

    fake.model.selection = {
      sheetId: fake.model.sheets[0].id,
      area: { firstRow: 10, firstCol: 1, lastRow: 12, lastCol: 2 },
    };
    const ok = await insertGoalFormula(fake.context(), { key: "PM26", unit: goal.unit }, { year: 2019 });
    expect(ok).toMatchObject({ ok: true, address: "B11", formula: `=PLAN.MALVARDE("PM26",2019)` });
    expect(fake.model.sheets[0].get(10, 1)?.numberFormat).toBe("0.0%");
  });
});

describe("report sheet", () => {
  const findings: Finding[] = [
    {
      rule: "sum.mismatch",
      severity: "error",
      sheet: "Budget 2019",
      cell: "B7",
      messageId: "sum.mismatch",
      params: { label: '"Summa"', over: "B2:B6", actual: 86970, expected: 86700, diff: 270 },
      expected: 86700,
      actual: 86970,
    },
  ];

  test("is written on its own sheet with links, and replaced only after confirmation", async () => {
    const fake = createFakeExcel(await budgetWorkbook());
    expect(await writeReport(fake.context(), findings, labels)).toEqual({
      ok: true,
      sheet: "Plankoll-rapport",
      rows: 1,
    });
    const report = fake.model.sheetByName("Plankoll-rapport")!;
    expect(report.get(4, 3)?.formula).toBe(`=HYPERLINK("#'Budget 2019'!B7","B7")`);
    expect(report.get(4, 5)?.value).toBe(86700);
    expect(report.get(3, 0)?.font.bold).toBe(true);
    // The message in the report's language, from the finding's id and parameters.
    expect(report.get(4, 4)?.value).toBe(
      'Summan "Summa" är 86\u00a0970 men raderna B2:B6 summerar till 86\u00a0700 (skillnad 270).',
    );

    const before = fake.model.dump();
    expect(await writeReport(fake.context(), [], labels)).toMatchObject({
      ok: false,
      reason: "needs-confirmation",
    });
    expect(fake.model.dump()).toEqual(before);

    expect(await writeReport(fake.context(), [], labels, { confirmed: true })).toMatchObject({
      ok: true,
      rows: 0,
    });
    const replaced = fake.model.sheetByName("Plankoll-rapport")!;
    expect(replaced.get(4, 0)?.value).toBe("Inga fynd");
    expect(replaced.get(5, 0)).toBeUndefined();
    expect(fake.model.sheets.filter((s) => s.name === "Plankoll-rapport")).toHaveLength(1);
  });
});

describe("plan storage, short names, selection", () => {
  test("the active plan is stored in the workbook and read back; storing again replaces it", async () => {
    const fake = createFakeExcel({ sheets: [] });
    expect(await readStoredPlan(fake.context())).toBeNull();
    expect(await storePlan(fake.context(), embeddedPlan)).toEqual({ ok: true });
    const changed = { ...embeddedPlan, title: "Verksamhetsplan <2020> & mer" };
    expect(await storePlan(fake.context(), changed)).toEqual({ ok: true });
    expect(fake.model.xmlParts).toHaveLength(1);
    expect(fake.model.xmlParts[0].namespaceUri).toBe("urn:plankoll:plan");
    expect(await readStoredPlan(fake.context())).toEqual(changed);
  });

  test("short names are LAMBDA names; existing names are refused; hosts without LAMBDA get a message", async () => {
    const fake = createFakeExcel({ sheets: [] });
    expect(await defineShortNames(fake.context())).toEqual({
      ok: true,
      names: ["MALVARDE", "UTFALL", "BUDGET"],
    });
    expect(fake.model.names.get("MALVARDE")?.formula).toBe(
      '=LAMBDA(mal,[ar],PLAN.MALVARDE(mal,IF(ISOMITTED(ar),"",ar)))',
    );
    expect(await defineShortNames(fake.context())).toEqual({
      ok: false,
      reason: "names-exist",
      names: ["MALVARDE", "UTFALL", "BUDGET"],
    });
    const old = createFakeExcel({ sheets: [] }, { lambda: false });
    expect(await defineShortNames(old.context())).toEqual({
      ok: false,
      reason: "unsupported",
      feature: "LAMBDA",
    });
    expect(old.model.names.size).toBe(0);
  });

  test("selecting a finding's cell activates its sheet and moves the selection", async () => {
    const fake = createFakeExcel(await budgetWorkbook());
    expect(await selectCell(fake.context(), "Budget 2020", "C5")).toEqual({
      ok: true,
      sheet: "Budget 2020",
      cell: "C5",
    });
    expect(fake.model.activeSheet.name).toBe("Budget 2020");
    expect(fake.model.selection.area).toEqual({ firstRow: 4, firstCol: 2, lastRow: 4, lastCol: 2 });
    fake.model.sheetByName("Budget 2020")!.visibility = "Hidden";
    expect(await selectCell(fake.context(), "Budget 2020", "C5")).toEqual({
      ok: false,
      reason: "hidden-sheet",
      sheet: "Budget 2020",
    });
    expect(await selectCell(fake.context(), "Borttaget", "A1")).toEqual({
      ok: false,
      reason: "missing-sheet",
      sheet: "Borttaget",
    });
  });
});
