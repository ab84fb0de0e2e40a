import { readFileSync } from "fs";
import { join } from "path";
import { embeddedPlan } from "../../src/plan/embedded";
import { diffPlans } from "../../src/plan/diff";
import { importPlanFromText } from "../../src/import/text";
import { parsePlan, type Plan } from "../../src/plan/schema";

const clone = (p: Plan): Plan => JSON.parse(JSON.stringify(p));

describe("diffPlans", () => {
  test("a plan against itself: nothing changed", () => {
    const d = diffPlans(embeddedPlan, clone(embeddedPlan));
    expect(d.same).toBe(true);
    expect(d.targetsChanged).toBe(0);
  });

  test("next year's plan: targets changed, goals added, removed and retitled, budget figures changed", () => {
    const next = clone(embeddedPlan);
    next.year = 2020;
    // A target changes.
    const sick = next.goals.find((g) => g.id === "PM26-sjukfranvaro")!;
    sick.values.find((v) => v.period === 2019 && v.kind === "target")!.value = 2.8;
    // A goal is retitled with a new figure in its title (same goal).
    const pol = next.goals.find((g) => g.id === "PM01-nojd-politikerindex")!;
    pol.id = "PM01";
    pol.title = "Nöjd politikerindex förbättras till 74";
    // One goal goes, one comes.
    next.goals = next.goals.filter((g) => g.id !== "PM13-handelsindex");
    next.goals.push({
      id: "PM30",
      title: "Andel digitala ärenden ska öka",
      area: ["Effektiv organisation", "Kvalitet"],
      unit: "percent",
      direction: "higher",
      values: [{ period: 2020, kind: "target", value: 60 }],
    });
    // A budget figure and a unit fix.
    const table = next.budgetTables[0];
    table.lines[0].values["budget-2019"] = 140000;
    table.measures[0].unit = "tkr";
    const d = diffPlans(embeddedPlan, parsePlan(next));
    expect(d.same).toBe(false);
    expect(d.meta).toEqual([{ field: "year", old: 2019, new: 2020 }]);
    expect(d.goals.added.map((g) => g.title)).toEqual(["Andel digitala ärenden ska öka"]);
    expect(d.goals.removed.map((g) => g.title)).toEqual(["2019 uppgår Handelsindex till 100"]);
    expect(d.goals.changed.map((c) => [c.new.title, c.retitled, c.values, c.fields])).toEqual([
      ["Nöjd politikerindex förbättras till 74", true, [], []],
      [
        "Den totala sjukfrånvaron hos medarbetarna uppgår 2019 till max 5,9 procent",
        false,
        [{ period: 2019, kind: "target", old: 3, new: 2.8 }],
        [],
      ],
    ]);
    expect(d.targetsChanged).toBe(1);
    expect(d.budget.changed).toEqual(
      expect.arrayContaining([
        { table: table.title, line: "Ledningsstaben", measure: "Budget 2019", old: 139158, new: 140000 },
        { table: table.title, line: "Ledningsstaben", measure: "Utfall 2017", old: 2.6, new: 2.6 },
      ]),
    );
    expect(d.budget.linesAdded).toEqual([]);
    expect(d.budget.linesRemoved).toEqual([]);
  });

  test("imported seed vs the embedded plan: same goals and figures; what the text cannot give is listed", () => {
    const seed = readFileSync(join(__dirname, "..", "fixtures", "seed", "KSKF-2018-294.txt"), "utf8");
    const d = diffPlans(embeddedPlan, importPlanFromText(seed).plan);
    expect(d.goals).toEqual({ added: [], removed: [], changed: [] });
    expect(d.budget).toEqual({
      tablesAdded: [],
      tablesRemoved: [],
      linesAdded: [],
      linesRemoved: [],
      changed: [],
    });
    expect(d.targetsChanged).toBe(0);
    // KoU's åtaganden (Bilaga 2, flattened beyond reading) are not imported.
    expect(d.commitments.added).toEqual([]);
    // (Two of KoU's repeat KLK's Årsplan åtaganden word for word, so they are not "removed".)
    const kou = embeddedPlan.commitments.filter((c) => c.owner === "KoU").map((c) => c.text);
    expect(d.commitments.removed).toHaveLength(10);
    expect(d.commitments.removed.every((t) => kou.includes(t))).toBe(true);
    // Styrkort directions the document does not state are not guessed.
    expect(new Set(d.indicators.changed.flatMap((c) => c.fields))).toEqual(new Set(["direction"]));
  });
});
