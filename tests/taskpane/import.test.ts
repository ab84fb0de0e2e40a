/** The pane's import flow against the fake Excel: seed text, plan JSON, the Plan table (issue 6). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createExcelAdapter } from "../../src/excel";
import { setActivePlan } from "../../src/functions/planStore";
import { embeddedPlan } from "../../src/plan/embedded";
import { planToTableRows } from "../../src/import";
import { createPaneApi } from "../../src/taskpane/wiring";
import { createFakeExcel, FakeWorkbookModel } from "../../src/workbench/fakeExcel";

const seedText = readFileSync(join(__dirname, "../fixtures/seed/KSKF-2018-294.txt"));
const file = (name: string, bytes: Uint8Array) => ({ name, bytes: async () => bytes });
const paneOn = (fake: ReturnType<typeof createFakeExcel>) =>
  createPaneApi(createExcelAdapter(fake.run, fake.supports), "sv");

afterEach(() => setActivePlan(embeddedPlan));

describe("import in the pane", () => {
  test("the seed text gives the embedded plan's goals: counts per part and no target changes", async () => {
    const fake = createFakeExcel({ sheets: [] });
    const api = paneOn(fake);
    const outcome = await api.importFile(file("KSKF-2018-294.txt", new Uint8Array(seedText)), "sv");
    if (!outcome.ok) throw new Error(outcome.message);
    const { review } = outcome;
    expect(review.counts.find((c) => c.part === "goals")?.count).toBe(29);
    expect(review.diff.goals.added).toEqual([]);
    expect(review.diff.goals.removed).toEqual([]);
    expect(review.diff.targetsChanged).toBe(0);
    // The seed text misses KoU's åtaganden and most stated figures: the review says so instead of hiding it.
    expect(review.losses).toEqual([
      { part: "commitments", old: 45, new: 33 },
      { part: "facts", old: 14, new: 5 },
    ]);
    expect(review.diff.commitments.removed.length).toBeGreaterThan(0);
    // Nothing is used or stored until the user says so.
    expect(fake.model.xmlParts).toHaveLength(0);
    const used = await api.usePlan(review.plan, "import", review.source);
    expect(used).toMatchObject({
      ok: true,
      stored: true,
      active: { source: "import", detail: "KSKF-2018-294.txt" },
    });
  });

  test("a plan JSON file with a changed target shows the change in the diff", async () => {
    const changed = structuredClone(embeddedPlan);
    const goal = changed.goals[0];
    const target = goal.values.find((v) => v.period === 2019 && v.kind === "target")!;
    target.value = (target.value ?? 0) + 2;
    const api = paneOn(createFakeExcel({ sheets: [] }));
    const outcome = await api.importFile(
      file("plan.json", new TextEncoder().encode(JSON.stringify(changed))),
      "sv",
    );
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.review.diff.targetsChanged).toBe(1);
    expect(outcome.review.diff.goals.changed[0].new.id).toBe(goal.id);
  });

  // PDFs (pdfjs in the browser) are covered by the e2e tests on the workbench.
  test("a file that is not a plan gives a message, never an exception", async () => {
    const api = paneOn(createFakeExcel({ sheets: [] }));
    const badJson = await api.importFile(file("plan.json", new TextEncoder().encode("{ inte json")), "sv");
    expect(badJson).toMatchObject({ ok: false, message: expect.stringMatching(/JSON/) });
  });

  test("the pane refuses what the CLI refuses, in the same words (one dispatcher, src/import/source.ts)", async () => {
    const api = paneOn(createFakeExcel({ sheets: [] }));
    const docx = await api.importFile(
      file("plan.docx", new TextEncoder().encode("PK\u0003\u0004 inte riktigt")),
      "sv",
    );
    expect(docx).toMatchObject({ ok: false, message: expect.stringMatching(/okänd filtyp "\.docx"/i) });
    const binary = await api.importFile(file("bild.txt", Uint8Array.from([0x89, 0x50, 0, 0])), "en");
    expect(binary).toMatchObject({ ok: false, message: expect.stringMatching(/not a text file/i) });
    const notPdf = await api.importFile(file("plan.pdf", new TextEncoder().encode("bara text")), "sv");
    expect(notPdf).toMatchObject({ ok: false, message: expect.stringMatching(/filen är inte en PDF/i) });
  });

  test("the empty Plan table is created as an Excel table named Plan; once filled it is read back", async () => {
    const fake = createFakeExcel({ sheets: [] });
    const api = paneOn(fake);
    const created = await api.createPlanTable();
    expect(created).toMatchObject({ ok: true, sheet: "Plan" });
    const sheet = fake.model.sheetByName("Plan")!;
    expect(sheet.tables.map((t) => t.name)).toEqual(["Plan"]);
    expect(sheet.get(0, 0)?.value).toBe("Typ");
    expect(await api.createPlanTable()).toEqual({ ok: false, reason: "names-exist", names: ["Plan"] });

    // A plan owner's filled-in table (here: the embedded plan in the table layout).
    const model = new FakeWorkbookModel();
    const ws = model.addSheet("Plan");
    planToTableRows(embeddedPlan).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== "") ws.cell(r, c).value = v;
      }),
    );
    const outcome = await paneOn(createFakeExcel(model)).importFromPlanTable("sv");
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.review.counts.find((c) => c.part === "goals")?.count).toBe(embeddedPlan.goals.length);
    expect(outcome.review.diff.targetsChanged).toBe(0);
  });

  test("a Plan table laid out on a sheet of another name is found, not only the active sheet", async () => {
    const model = new FakeWorkbookModel();
    model.addSheet("Budget").cell(0, 0).value = "Avdelning";
    const ws = model.addSheet("Mål 2020");
    planToTableRows(embeddedPlan).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== "") ws.cell(r, c).value = v;
      }),
    );
    expect(model.activeSheet.name).toBe("Budget");
    const outcome = await paneOn(createFakeExcel(model)).importFromPlanTable("sv");
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.review.source).toBe("Mål 2020");
    expect(outcome.review.counts.find((c) => c.part === "goals")?.count).toBe(embeddedPlan.goals.length);
  });

  test("an empty Plan table, a meeting note: refused as no plan, not offered for use", async () => {
    const fake = createFakeExcel({ sheets: [] });
    const api = paneOn(fake);
    await api.createPlanTable();
    const empty = await api.importFromPlanTable("sv");
    expect(empty).toEqual({ ok: false, message: expect.stringMatching(/^Plan innehåller ingen plan/) });
    const note = "Möte 12 mars\nVi pratade om budgeten.";
    const outcome = await api.importFile(file("anteckning.txt", new TextEncoder().encode(note)), "sv");
    expect(outcome).toEqual({
      ok: false,
      message: expect.stringMatching(/^anteckning\.txt innehåller ingen plan/),
    });
  });

  test("a thinner plan lists what it would lose; the diff names every added and removed goal and budget figure", async () => {
    const thinner = structuredClone(embeddedPlan);
    const removed = thinner.goals.splice(2, 1)[0];
    thinner.goals.push({
      ...structuredClone(thinner.goals[0]),
      id: "PM30-ny",
      title: "Ett helt nytt mål om cykelvägar",
    });
    thinner.commitments = thinner.commitments.slice(0, 33);
    thinner.facts = thinner.facts.slice(0, 5);
    const hr = thinner.budgetTables[0].lines.find((l) => l.label === "HR")!;
    hr.values["budget-2019"] = 65_000;
    const api = paneOn(createFakeExcel({ sheets: [] }));
    const outcome = await api.importFile(
      file("plan.json", new TextEncoder().encode(JSON.stringify(thinner))),
      "sv",
    );
    if (!outcome.ok) throw new Error(outcome.message);
    const { review } = outcome;
    expect(review.losses.map((l) => `${l.part} ${l.old}→${l.new}`)).toEqual([
      `commitments ${embeddedPlan.commitments.length}→33`,
      `facts ${embeddedPlan.facts.length}→5`,
    ]);
    expect(review.diff.goals.added.map((g) => g.title)).toEqual(["Ett helt nytt mål om cykelvägar"]);
    expect(review.diff.goals.removed.map((g) => g.title)).toEqual([removed.title]);
    expect(review.diff.budget.changed).toEqual([
      expect.objectContaining({ line: "HR", old: 64_308, new: 65_000 }),
    ]);
    // Commitments whose text the import lacks altogether (two bodies may share one text).
    const kept = new Set(thinner.commitments.map((c) => c.text));
    expect(review.diff.commitments.removed).toEqual([
      ...new Set(embeddedPlan.commitments.map((c) => c.text).filter((t) => !kept.has(t))),
    ]);
  });

  test("import errors name the file, start with a capital, and are in the user's language", async () => {
    const api = paneOn(createFakeExcel({ sheets: [] }));
    const broken = await api.importFile(file("plan.json", new TextEncoder().encode('{ "id": ')), "sv");
    expect(broken).toEqual({
      ok: false,
      message:
        "Filen plan.json är inte giltig JSON: filen tar slut mitt i (saknas ett } eller ett citattecken?).",
    });
    const noId = structuredClone(embeddedPlan) as unknown as { goals: Record<string, unknown>[] };
    delete noId.goals[0].id;
    const bad = await api.importFile(
      file("plan-2020.json", new TextEncoder().encode(JSON.stringify(noId))),
      "en",
    );
    expect(bad).toEqual({
      ok: false,
      message:
        "The plan file plan-2020.json does not follow the plan format: goals[0].id: is missing (should be text).",
    });
  });

  test("no Plan table and an empty active sheet: a clear message", async () => {
    const api = paneOn(createFakeExcel({ sheets: [] }));
    expect(await api.importFromPlanTable("sv")).toEqual({
      ok: false,
      message: expect.stringMatching(/Plan-tabell/),
    });
  });
});
