/** checkPlan: the plan's own sums, relations and counts — what must and must not trigger. */
import {
  checkPlan as checkPlanIds,
  precisionOf,
  progressOf,
  reaches,
} from "../../src/checks/planConsistency";
import { embeddedPlan } from "../../src/plan/embedded";
import type { Plan } from "../../src/plan/schema";
import { DOCUMENT_FINDING_FIELDS } from "../support/findingFields";
import { renderFindings, type ShownFinding } from "../../src/i18n";

/** The plan's findings as the reader sees them, in Swedish (other languages: tests/i18n). */
const checkPlan = (plan: Plan) => renderFindings(checkPlanIds(plan), "sv");

function copy(): Plan {
  return structuredClone(embeddedPlan);
}

describe("checkPlan on the embedded Eskilstuna plan", () => {
  const findings = checkPlan(embeddedPlan);

  it("finds the tables, the driftram, the investment total and the åtagande counts consistent", () => {
    // The only finding is the "sex processmål" claim (next test); sums and the 16/17 åtaganden hold.
    expect(
      findings.filter(
        (f) => f.rule !== "plan.inconsistent" || f.row !== "Processmål vars målvärde ännu inte är uppnått",
      ),
    ).toEqual([]);
  });

  it("reports truthfully that 'sex processmål ännu inte uppnått' does not hold: 20 of 26 assessable goals fall short, 6 have reached", () => {
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({
      rule: "plan.inconsistent",
      // Outcomes run only to August, so the figures cannot contradict the text: worth knowing, no warning.
      severity: "info",
      sheet: null,
      cell: null,
      expected: 20,
      actual: 6,
      page: 5,
      row: "Processmål vars målvärde ännu inte är uppnått",
      column: null,
    });
    expect(checkPlanIds(embeddedPlan)[0]).toMatchObject({
      messageId: "count.notReached",
      params: { expected: 20, assessable: 26, asOf: "t o m augusti 2018", unassessable: 3, reached: 6 },
    });
    expect(Object.keys(f)).toEqual(DOCUMENT_FINDING_FIELDS);
  });

  it("counts reached goals by direction: the six are PM01, PM12, PM17, PM20, PM23 and PM29 (min 75 %, outcome 95 %)", () => {
    const reached = embeddedPlan.goals.filter((g) => {
      const p = progressOf(g, 2019);
      return p.outcome !== null && p.target !== null && reaches(g, p.outcome, p.target);
    });
    expect(reached.map((g) => g.id.slice(0, 4))).toEqual(["PM01", "PM12", "PM17", "PM20", "PM23", "PM29"]);
  });
});

describe("budget-table totals", () => {
  it("flags a wrong Budget 2019 total at its page, row and column, with Σ lines as expected", () => {
    const p = copy();
    p.budgetTables[0].total.values["budget-2019"] = 388_800;
    const sums = checkPlan(p).filter((f) => f.rule === "sum.mismatch");
    expect(sums).toEqual([
      {
        rule: "sum.mismatch",
        severity: "error",
        sheet: null,
        cell: null,
        message: expect.stringContaining(
          "Totalt för Budget 2019 är 388\u00a0800\u00a0tkr men raderna summerar till 387\u00a0800\u00a0tkr",
        ),
        expected: 387_800,
        actual: 388_800,
        page: 21,
        row: "Totalt",
        column: "Budget 2019",
      },
    ]);
  });

  it("flags a wrong line the same way (Välfärd 21 410 instead of 21 140)", () => {
    const p = copy();
    p.budgetTables[0].lines[3].values["budget-2019"] = 21_410;
    const [f] = checkPlan(p).filter((x) => x.rule === "sum.mismatch");
    expect(f).toMatchObject({ expected: 388_070, actual: 387_800, column: "Budget 2019" });
  });

  it("tolerates rounding: 7 lines in tenths of mnkr may be 0,35 off, not 0,4", () => {
    const p = copy();
    const lines = p.budgetTables[0].lines;
    lines[0].values["utfall-2017"] = 3.0; // Σ 28,4 against the stated 28,0: more than 7 × 0,05
    expect(checkPlan(p).filter((f) => f.rule === "sum.mismatch")).toHaveLength(1);
    const q = copy();
    q.budgetTables[0].total.values["utfall-2017"] = 28.3; // Σ 28,0 against 28,3: 0,3 ≤ 0,35
    expect(checkPlan(q).filter((f) => f.rule === "sum.mismatch")).toEqual([]);
  });

  it("checks each measure in its own unit, and the investment table in kr", () => {
    const p = copy();
    p.budgetTables[0].total.values["prognos-2018"] = 16;
    p.budgetTables[1].total.values["budget-2019"] = 26_000_000;
    const sums = checkPlan(p).filter((f) => f.rule === "sum.mismatch");
    expect(sums.map((f) => [f.page, f.row, f.column, f.expected, f.actual])).toEqual([
      [21, "Totalt", "Prognos 2018", 15, 16],
      [30, "Summa", "Investeringsbudget 2019", 26_500_000, 26_000_000],
    ]);
  });

  it("skips lines and totals the document leaves empty", () => {
    const p = copy();
    p.budgetTables[0].lines[0].values["budget-2019"] = null;
    p.budgetTables[0].total.values["prognos-2018"] = null;
    const sums = checkPlan(p).filter((f) => f.rule === "sum.mismatch");
    expect(sums.map((f) => f.column)).toEqual(["Budget 2019"]);
  });
});

describe("relations", () => {
  it("flags a driftram that is not årsplan + budgetregleringsposter", () => {
    const p = copy();
    p.relations[0].terms[1].value = 15.7;
    const f = checkPlan(p).filter((x) => x.rule === "plan.inconsistent" && x.page === 21);
    expect(f).toEqual([
      expect.objectContaining({
        severity: "error",
        expected: 388.8,
        actual: 387.8,
        row: "Driftram 2019",
        message: expect.stringContaining("373,1\u00a0mnkr + 15,7\u00a0mnkr blir 388,8\u00a0mnkr"),
      }),
    ]);
  });

  it("converts units before adding (387 800 tkr = 387,8 mnkr is consistent; 387 800 kr is not)", () => {
    const p = copy();
    const tie = p.relations.find((r) => r.id === "driftram-per-avdelning-2019")!;
    expect(checkPlan(p).filter((f) => f.page === 21)).toEqual([]);
    tie.terms[0].unit = "kr";
    const found = checkPlan(p).filter((f) => f.page === 21);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ rule: "plan.inconsistent", expected: 0.3878, actual: 387.8 });
  });

  it("flags a cover-page investment total that differs from the table's Summa", () => {
    const p = copy();
    const cover = p.relations.find((r) => r.id === "investeringsbudget-kou-2019")!;
    cover.total.value = 26_000_000;
    const f = checkPlan(p).filter((x) => x.page === 1);
    expect(f).toEqual([
      expect.objectContaining({ rule: "plan.inconsistent", expected: 26_500_000, actual: 26_000_000 }),
    ]);
  });

  it("flags a quoted figure that no longer matches the table it names", () => {
    const p = copy();
    p.budgetTables[1].lines[2].values["budget-2019"] = 2_850_000;
    p.budgetTables[1].total.values["budget-2019"] = 27_000_000; // lines and Summa agree again…
    const f = checkPlan(p).filter((x) => x.rule === "plan.inconsistent" && x.page === 1);
    // …but the cover's 26 500 000 now quotes a Summa of 27 000 000.
    expect(f).toEqual([
      expect.objectContaining({
        severity: "error",
        expected: 27_000_000,
        actual: 26_500_000,
        column: "Investeringsbudget 2019",
      }),
    ]);
  });

  it("warns about a source that names a table the plan does not have", () => {
    const p = copy();
    p.relations[2].terms[0].source = { table: "finns-inte", measure: "budget-2019" };
    const f = checkPlan(p).filter((x) => x.page === 1);
    expect(f).toEqual([expect.objectContaining({ severity: "warning", expected: "finns-inte/budget-2019" })]);
  });
});

describe("counts", () => {
  it("flags '29 processmål' when a goal is missing", () => {
    const p = copy();
    p.goals.pop();
    const f = checkPlan(p).find((x) => x.row === "Processmål för perioden 2016-2019");
    expect(f).toMatchObject({
      rule: "plan.inconsistent",
      severity: "error",
      expected: 28,
      actual: 29,
      page: 5,
    });
  });

  it("flags the 16 Årsplan and 17 own åtaganden when the lists differ, counting only KLK's", () => {
    const p = copy();
    p.commitments = p.commitments.filter((c) => c.id !== "KLK-AP01" && c.id !== "KLK-EGET17");
    const f = checkPlan(p).filter((x) => /åtaganden/i.test(x.row ?? ""));
    expect(f.map((x) => [x.severity, x.expected, x.actual])).toEqual([
      ["warning", 15, 16],
      ["warning", 16, 17],
    ]);
  });

  it("does not count åtaganden for a plan that lists none", () => {
    const p = copy();
    p.commitments = [];
    expect(checkPlan(p).filter((x) => /åtaganden/i.test(x.row ?? ""))).toEqual([]);
  });

  it("agrees with a 'not reached' count that matches, and honours max/min directions", () => {
    const p = copy();
    p.facts.find((f) => f.counts === "goalsNotReached")!.value = 20;
    expect(checkPlan(p)).toEqual([]);
    // Sick leave 3,2 % against max 3,0 % falls short; turned into "higher is better" it would count as reached.
    p.goals.find((g) => g.id === "PM26-sjukfranvaro")!.direction = "higher";
    const [f] = checkPlan(p);
    expect(f).toMatchObject({ expected: 19, actual: 20 });
  });

  it("warns about a 'not reached' count that full-year outcomes contradict", () => {
    const p = copy();
    for (const g of p.goals) for (const v of g.values) delete v.asOf;
    const [f] = checkPlan(p);
    expect(f).toMatchObject({ rule: "plan.inconsistent", severity: "warning", expected: 20, actual: 6 });
  });
});

describe("duplicate ids", () => {
  it("flags two goals with one id", () => {
    const p = copy();
    p.goals[1].id = p.goals[0].id;
    const f: ShownFinding[] = checkPlan(p).filter((x) => x.row === p.goals[0].id);
    expect(f).toEqual([
      expect.objectContaining({
        rule: "plan.inconsistent",
        severity: "error",
        actual: "PM01-nojd-politikerindex",
      }),
    ]);
  });
});

describe("precision", () => {
  it("takes the most decimals of a column (the rounding rule itself: tests/model/precision.test.ts)", () => {
    expect(precisionOf([2.6, 5.6, 0, 11, 28])).toBe(1);
    expect(precisionOf([28, -6279])).toBe(0);
  });
});
