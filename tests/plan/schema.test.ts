/** Plan schema: a bad plan file is rejected with a message that names the field, in Swedish and English. */
import rawPlan from "../../src/plan/data/eskilstuna-2019.json";
import { parsePlan, PlanValidationError, PLAN_SCHEMA_VERSION } from "../../src/plan/schema";

/** A deep copy of the embedded plan's data to break in one place (untyped on purpose: tests write wrong types). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
function plan(): Loose {
  return structuredClone(rawPlan) as Loose;
}

function problemsOf(data: unknown): string[] {
  try {
    parsePlan(data);
  } catch (e) {
    expect(e).toBeInstanceOf(PlanValidationError);
    expect((e as Error).message).toMatch(/^Ogiltig plan \/ invalid plan: /);
    return (e as PlanValidationError).problems;
  }
  throw new Error("plan was accepted");
}

describe("parsePlan accepts", () => {
  it("the embedded plan's data and a minimal plan", () => {
    expect(() => parsePlan(plan())).not.toThrow();
    const minimal = {
      schemaVersion: PLAN_SCHEMA_VERSION,
      id: "x",
      organisation: "Exempel kommun",
      body: "Kommunstyrelsen",
      unit: "KLK",
      title: "Verksamhetsplan",
      year: 2020,
      document: { reference: "KS/2019:1", title: "Verksamhetsplan 2020" },
      goals: [],
      scorecard: [],
      budgetTables: [],
      relations: [],
      commitments: [],
      facts: [],
    };
    expect(parsePlan(minimal).year).toBe(2020);
  });
});

describe("parsePlan rejects, naming the field", () => {
  it("a number given as text", () => {
    const p = plan();
    p.goals[3].values[0].value = "70";
    expect(problemsOf(p)).toEqual([expect.stringMatching(/^goals\[3\]\.values\[0\]\.value: .*number/i)]);
  });

  it("a missing title", () => {
    const p = plan();
    delete p.title;
    expect(problemsOf(p)).toEqual([expect.stringMatching(/^title: /)]);
  });

  it("an empty goal title", () => {
    const p = plan();
    p.goals[0].title = "  ";
    expect(problemsOf(p)[0]).toMatch(/^goals\[0\]\.title: /);
  });

  it("two values for the same period and kind", () => {
    const p = plan();
    p.goals[1].values[2].period = 2018;
    expect(problemsOf(p)).toEqual(["goals[1].values[2]: duplicate value for 2018/target"]);
  });

  it("a null value without a note", () => {
    const p = plan();
    delete p.goals[6].values[2].note;
    expect(problemsOf(p)).toEqual(["goals[6].values[2].note: a missing value needs a note"]);
  });

  it("a budget figure for a measure the table does not have", () => {
    const p = plan();
    p.budgetTables[0].lines[2].values["budget-2020"] = 1;
    p.budgetTables[0].total.values.prognos = 1;
    expect(problemsOf(p)).toEqual([
      'budgetTables[0].lines[2].values.budget-2020: unknown measure "budget-2020"',
      'budgetTables[0].total.values.prognos: unknown measure "prognos"',
    ]);
  });

  it("a schema version it does not know", () => {
    const p = plan();
    p.schemaVersion = 2;
    expect(problemsOf(p)[0]).toMatch(/^schemaVersion: /);
  });

  it("unknown enum values and unknown fields", () => {
    const p = plan();
    p.goals[0].unit = "procent";
    p.goals[0].colour = "red";
    p.budgetTables[0].measures[0].unit = "Mkr";
    const problems = problemsOf(p);
    expect(problems).toContainEqual(expect.stringMatching(/^goals\[0\]\.unit: .*percent/));
    expect(problems).toContainEqual(expect.stringMatching(/^goals\[0\]: .*colour/));
    expect(problems).toContainEqual(expect.stringMatching(/^budgetTables\[0\]\.measures\[0\]\.unit: /));
  });

  it("something that is not a plan at all", () => {
    expect(problemsOf([])[0]).toMatch(/^\(plan\): /);
    expect(problemsOf(null)[0]).toMatch(/^\(plan\): /);
  });

  it("lists every problem, not just the first", () => {
    const p = plan();
    p.year = "2019";
    p.goals[0].page = 0;
    p.facts[0].value = null;
    expect(problemsOf(p)).toHaveLength(3);
  });
});
