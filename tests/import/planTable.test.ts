import { embeddedPlan } from "../../src/plan/embedded";
import {
  importPlanTable,
  planTableTemplate,
  planToTableRows,
  PlanTableError,
  PLAN_TABLE_COLUMNS,
  rowsToSheet,
} from "../../src/import/planTable";
import type { Plan } from "../../src/plan/schema";
import { PLAN_TABLE_WORDS, render } from "../../src/i18n";

const HEADER = [...PLAN_TABLE_COLUMNS];

describe("Plan table layout", () => {
  test("the embedded plan round-trips through the table: goals, styrkort, budget figures, åtaganden, counts", () => {
    const rows = planToTableRows(embeddedPlan);
    expect(rows[0]).toEqual(HEADER);
    const { plan, warnings, findings } = importPlanTable(rowsToSheet("Plan", rows));
    expect(warnings).toEqual([]);
    const meta = (p: Plan) => [
      p.organisation,
      p.body,
      p.unit,
      p.title,
      p.year,
      p.document.reference,
      p.document.title,
    ];
    expect(meta(plan)).toEqual(meta(embeddedPlan));
    // Goals: everything but the page and the plan author's goal-level notes.
    const goals = (p: Plan) => p.goals.map(({ page: _p, note: _n, ...g }) => g);
    expect(goals(plan)).toEqual(goals(embeddedPlan));
    const indicators = (p: Plan) => p.scorecard.map(({ page: _p, ...i }) => i);
    expect(indicators(plan)).toEqual(indicators(embeddedPlan));
    const figures = (p: Plan) =>
      p.budgetTables.map((t) => ({
        title: t.title,
        kind: t.kind,
        measures: t.measures.map((m) => [m.id, m.label, m.kind, m.year, m.unit]),
        lines: t.lines.map((l) => [l.id, l.label, l.values]),
        total: t.total,
      }));
    expect(figures(plan)).toEqual(figures(embeddedPlan));
    const commitments = (p: Plan) => p.commitments.map(({ page: _p, ...c }) => c);
    expect(commitments(plan)).toEqual(commitments(embeddedPlan));
    const facts = (p: Plan) => p.facts.map(({ page: _p, ...f }) => f);
    expect(facts(plan)).toEqual(facts(embeddedPlan));
    // Same own consistency as the embedded plan (relations are not part of the table layout).
    expect(findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([["plan.inconsistent", 20, 6]]);
  });

  test("the empty template imports to an empty, valid plan and says what is missing", () => {
    const template = planTableTemplate();
    expect(template[0]).toEqual(HEADER);
    expect(template.filter((r) => r[0] === "Plan").map((r) => r[1])).toEqual([
      "Organisation",
      "Nämnd",
      "Förvaltning",
      "Titel",
      "År",
      "Diarienummer",
      "Dokument",
    ]);
    const { plan, warnings } = importPlanTable(rowsToSheet("Plan", template));
    expect(plan.goals).toEqual([]);
    expect(plan.organisation).toBe("Okänd organisation");
    // The two example rows have no title: skipped with a warning naming the row.
    expect(warnings.map((w) => render(w, "sv"))).toEqual([
      "Rad 9: titel saknas; raden hoppades över.",
      "Rad 10: titel saknas; raden hoppades över.",
    ]);
  });

  test("what a plan owner types: % cells, Swedish text numbers, notes, English headers, partial periods", () => {
    const sheet = rowsToSheet("Plan", [
      ["Type", "Title", "Area", "Unit", "Direction", "Year", "Kind", "Value", "Note"],
      ["Plan", "Verksamhetsplan 2020 Teknik", null, null, null, null, null, null, null],
      ["Mål", "Sjukfrånvaron ska minska", "Medarbetare", "%", "Lägre", 2020, "Målvärde", 0.05, null],
      [
        "Mål",
        "Sjukfrånvaron ska minska",
        "Medarbetare",
        "%",
        "Lägre",
        "t o m augusti 2019",
        "Utfall",
        "5,4 %",
        null,
      ],
      [
        "Mål",
        "Nöjd kundindex",
        "Kunder > Service",
        "index",
        "Högre",
        2020,
        "Målvärde",
        null,
        "Fastställs senare",
      ],
      ["Budget", "Parker", "Driftbudget", "tkr", null, 2020, "Budget", "21 800", null],
      ["Budget", "Totalt", "Driftbudget", "tkr", null, 2020, "Budget", 21900, null],
    ]);
    // The "Värde" of the first goal row is a fraction shown with a % format, as Excel stores 5 %.
    sheet.numberFormats[2][7] = "0%";
    const { plan, findings } = importPlanTable(sheet);
    expect(plan.goals.map((g) => [g.title, g.area, g.unit, g.direction, g.values])).toEqual([
      [
        "Sjukfrånvaron ska minska",
        ["Medarbetare"],
        "percent",
        "lower",
        [
          { period: 2020, kind: "target", value: 5 },
          { period: 2019, kind: "outcome", value: 5.4, asOf: "t o m augusti 2019" },
        ],
      ],
      [
        "Nöjd kundindex",
        ["Kunder", "Service"],
        "index",
        "higher",
        [{ period: 2020, kind: "target", value: null, note: "Fastställs senare" }],
      ],
    ]);
    expect(plan.year).toBe(2020);
    // The table's own total is checked like any plan's.
    expect(findings).toEqual([
      expect.objectContaining({ rule: "sum.mismatch", expected: 21800, actual: 21900 }),
    ]);
  });

  test("an Excel table's range narrows the sheet (rows named as on the sheet)", () => {
    const sheet = rowsToSheet("Plan", [
      ["Anteckningar", null, null, null, null, null, null, null, null, null, null],
      [null, ...HEADER],
      [null, "Mål", null, "A", "Mål ett", "%", "Högre", 2020, "Målvärde", "x", null],
      [null, "Mål", null, "A", "Mål två", "%", "Högre", 2020, "Målvärde", 7, null],
    ]);
    sheet.origin = { row: 4, col: 1 };
    const r = importPlanTable(sheet, { range: "Plan!$C$6:$L$8", words: PLAN_TABLE_WORDS.en });
    expect(r.plan.goals.map((g) => g.title)).toEqual(["Mål två"]);
    expect([r.plan.organisation, r.plan.body, r.plan.unit]).toEqual([
      "Unknown organisation",
      "Unknown body",
      "Unknown unit",
    ]);
    expect(r.warnings.map((w) => render(w, "en"))).toEqual([
      'Row 7: value "x" is not a number; row skipped.',
    ]);
    expect(() => importPlanTable(sheet, { range: "nonsens" })).toThrow(PlanTableError);
  });

  test("rows it cannot read are skipped with a warning naming the row; no header is an error", () => {
    const { plan, warnings } = importPlanTable(
      rowsToSheet("Plan", [
        HEADER,
        ["Okänt", null, null, "x", null, null, 2020, null, 1, null],
        ["Mål", null, "A", "Mål ett", "%", "Högre", 2020, "Målvärde", "mycket", null],
        ["Mål", null, "A", "Mål två", "%", "Högre", "nästa år", "Målvärde", 3, null],
        ["Mål", null, "A", "Mål tre", "grader", "Uppåt", 2020, "Målvärde", 3, null],
      ]),
      { words: PLAN_TABLE_WORDS.en },
    );
    expect(plan.goals.map((g) => [g.title, g.unit, g.direction])).toEqual([["Mål tre", "index", "higher"]]);
    expect(warnings.map((w) => render(w, "en"))).toEqual([
      'Row 2: unknown type "Okänt"; row skipped.',
      'Row 3: value "mycket" is not a number; row skipped.',
      'Row 4: period "nästa år" is not a year; row skipped.',
      'Row 5: unknown unit "grader"; read as index.',
      'Row 5: unknown direction "Uppåt"; read as higher.',
    ]);
    expect(() =>
      importPlanTable(
        rowsToSheet("Blad1", [
          ["Konto", "Belopp"],
          ["Parker", 1],
        ]),
      ),
    ).toThrow(PlanTableError);
    const noHeader = (() => {
      try {
        importPlanTable(rowsToSheet("Blad1", [["Konto"]]));
      } catch (e) {
        return e instanceof PlanTableError ? e.problem : null;
      }
      return null;
    })();
    expect(noHeader).toEqual({ messageId: "table.no-header", params: { sheet: "Blad1" } });
    expect(render(noHeader!, "sv")).toMatch(
      /^Bladet "Blad1" har ingen Plan-tabell: rubrikraden .* saknas\.$/,
    );
    expect(render(noHeader!, "en")).toMatch(
      /^Sheet "Blad1" has no Plan table: the header row .* is missing\.$/,
    );
  });
});
