/** The pane's functions against the fake Excel: plan switching, storage in the workbook, recalculation. */
import * as checks from "../../src/checks";
import { createExcelAdapter } from "../../src/excel";
import { getActivePlan, setActivePlan } from "../../src/functions/planStore";
import { embeddedPlan } from "../../src/plan/embedded";
import { createPaneController } from "../../src/taskpane/api";
import { STRINGS } from "../../src/taskpane/strings";
import { createPaneApi } from "../../src/taskpane/wiring";
import { createFakeExcel } from "../../src/workbench/fakeExcel";
import { sampleWorkbook } from "../../src/workbench/sample";

const file = (name: string, text: string) => ({ name, text: async () => text });
const nextYear = { ...embeddedPlan, id: "eskilstuna-2020", year: 2020, title: "Verksamhetsplan 2020" };

afterEach(() => setActivePlan(embeddedPlan));

describe("pane wiring", () => {
  test("a plan file becomes the active plan, is stored in the workbook and makes Excel recalculate", async () => {
    const fake = createFakeExcel(sampleWorkbook());
    const api = createPaneApi(createExcelAdapter(fake.run, fake.supports), "sv");
    const seen: string[] = [];
    api.onActivePlanChange((a) => seen.push(`${a.source}:${a.plan.year}`));

    const result = await api.usePlanFile(file("plan-2020.json", JSON.stringify(nextYear)));
    expect(result).toMatchObject({
      ok: true,
      stored: true,
      active: { source: "file", detail: "plan-2020.json" },
    });
    expect(getActivePlan().year).toBe(2020); // what the PLAN functions read
    expect(seen).toEqual(["file:2020"]);
    expect(fake.model.xmlParts.map((p) => p.namespaceUri)).toEqual(["urn:plankoll:plan"]);
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.model.calculations).toBe(1);

    // Reopened elsewhere: a new pane finds the stored plan.
    setActivePlan(embeddedPlan);
    const reopened = createPaneApi(createExcelAdapter(fake.run, fake.supports), "sv");
    expect(await reopened.loadStoredPlan()).toBe("loaded");
    expect(reopened.getActivePlan()).toMatchObject({ source: "workbook", plan: { year: 2020 } });
    expect(reopened.hasStoredPlan()).toBe(true);

    // Back to the embedded plan removes the stored one.
    await reopened.useEmbeddedPlan();
    expect(fake.model.xmlParts).toHaveLength(0);
    expect(await createPaneApi(createExcelAdapter(fake.run, fake.supports), "sv").loadStoredPlan()).toBe(
      "none",
    );
  });

  test("a bad plan file is refused with the field that is wrong; nothing changes", async () => {
    const fake = createFakeExcel(sampleWorkbook());
    const api = createPaneApi(createExcelAdapter(fake.run, fake.supports), "sv");
    expect(await api.usePlanFile(file("x.json", "not json"))).toEqual({
      ok: false,
      reason: "invalid",
      problem: STRINGS.sv.notJson("x.json", "oväntat tecken o"),
    });
    const broken = { ...embeddedPlan, year: "2019" };
    const result = await api.usePlanFile(file("broken.json", JSON.stringify(broken)));
    expect(result).toMatchObject({ ok: false, reason: "invalid" });
    expect(result.ok === false && result.reason === "invalid" && result.problem).toBe(
      "Planfilen broken.json följer inte planformatet: year: ska vara ett tal, inte text.",
    );
    const en = await api.usePlanFile(file("broken.json", JSON.stringify(broken)), "en");
    expect(en.ok === false && en.reason === "invalid" && en.problem).toBe(
      "The plan file broken.json does not follow the plan format: year: should be a number, not text.",
    );
    // A valid file with nothing in it is no plan.
    const empty = {
      ...embeddedPlan,
      goals: [],
      scorecard: [],
      budgetTables: [],
      relations: [],
      commitments: [],
      facts: [],
    };
    const none = await api.usePlanFile(file("tom.json", JSON.stringify(empty)));
    expect(none.ok === false && none.reason === "invalid" && none.problem).toMatch(
      /^tom\.json innehåller ingen plan/,
    );
    expect(getActivePlan()).toBe(embeddedPlan);
    expect(fake.model.xmlParts).toHaveLength(0);
  });

  test("the goals table says what period an outcome covers, and that 'Uppfyllt?' uses it", async () => {
    const fake = createFakeExcel(sampleWorkbook());
    const api = createPaneApi(createExcelAdapter(fake.run, fake.supports), "sv");
    const result = await api.insertGoalsTable(embeddedPlan.goals, "new-sheet", "sv", false);
    expect(result.ok).toBe(true);
    const sheet = fake.model.sheetByName("Plankoll-mål")!;
    const header = Array.from({ length: 6 }, (_, c) => sheet.get(0, c)?.value);
    expect(header).toEqual([
      "Område",
      "Mål",
      "Målvärde 2018",
      "Utfall t o m augusti 2018",
      "Målvärde 2019",
      "Uppfyllt? (utfall t o m augusti 2018)",
    ]);
    const en = createPaneApi(createExcelAdapter(fake.run, fake.supports), "en");
    await en.insertGoalsTable(embeddedPlan.goals, "new-sheet", "en", false);
    const enSheet = fake.model.sheetByName("Plankoll goals")!;
    expect(enSheet.get(0, 3)?.value).toBe("Outcome through August 2018");
  });

  test("an invalid stored plan falls back to the embedded plan", async () => {
    const fake = createFakeExcel(sampleWorkbook());
    fake.model.xmlParts.push({
      id: "x",
      namespaceUri: "urn:plankoll:plan",
      xml: '<plan xmlns="urn:plankoll:plan">{"a":1}</plan>',
    });
    const api = createPaneApi(createExcelAdapter(fake.run, fake.supports), "sv");
    expect(await api.loadStoredPlan()).toBe("invalid");
    expect(api.getActivePlan().source).toBe("embedded");
  });

  test("validate reads the workbook and returns the engine's findings in the pane's language", async () => {
    const fake = createFakeExcel(sampleWorkbook());
    const api = createPaneApi(createExcelAdapter(fake.run, fake.supports), "en");
    const phases: string[] = [];
    const outcome = await api.validate((p) => phases.push(p.phase));
    expect(outcome.sheets).toEqual(["Budget 2019", "Nyckeltal", "Investeringar"]);
    expect(outcome.findings).toContainEqual(
      expect.objectContaining({ rule: "sum.range-gap", sheet: "Budget 2019", cell: "B12" }),
    );
    expect(outcome.findings.filter((f) => f.sheet === "Investeringar")).toEqual([]);
    expect(phases[0]).toBe("structure");
    expect(phases).toContain("checking");
    expect(fake.model.syncCount).toBe(3);
    // Nothing in the workbook changed.
    expect(fake.model.dump()).toEqual(createFakeExcel(sampleWorkbook()).model.dump());
  });

  test("findings are language-free: another language words the same findings without the engine or the workbook", async () => {
    const fake = createFakeExcel(sampleWorkbook());
    const api = createPaneApi(createExcelAdapter(fake.run, fake.supports), "sv");
    const engine = jest.spyOn(checks, "checkWorkbook");
    const outcome = await api.validate(() => undefined);
    expect(engine).toHaveBeenCalledTimes(1);
    const syncs = fake.model.syncCount;
    const b7 = outcome.findings.find((f) => f.cell === "B7")!;
    expect(b7).toMatchObject({ rule: "plan.mismatch", messageId: "plan.mismatch" });
    expect(b7).not.toHaveProperty("message");
    expect(STRINGS.sv.message(b7)).toMatch(/planen anger/);
    expect(STRINGS.en.message(b7)).toMatch(/the plan states/);
    expect(engine).toHaveBeenCalledTimes(1);
    expect(fake.model.syncCount).toBe(syncs);
    engine.mockRestore();
  });

  test("the ribbon's validate waits for the pane to attach, then runs it", async () => {
    const controller = createPaneController();
    const calls: string[] = [];
    const pending = controller.validate().then(() => calls.push("done"));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual([]);
    controller.attach(async () => void calls.push("ran"));
    await pending;
    expect(calls).toEqual(["ran", "done"]);
  });
});
