/** planSummary: the readable plan text (CLI and task pane), pure and language-aware. */
import { embeddedPlan } from "../../src/plan/embedded";
import type { Plan } from "../../src/plan/schema";
import { formatFigure, formatNumber, planSummary } from "../../src/i18n/summary";

const NB = "\u00a0";

describe("planSummary", () => {
  const sv = planSummary(embeddedPlan);
  const lines = sv.split("\n");

  it("opens with organisation, body, unit, title, year and document", () => {
    expect(lines.slice(0, 3)).toEqual([
      "Eskilstuna kommun – Kommunstyrelsen, Kommunledningskontoret",
      "Verksamhetsplan 2019 Kommunledningskontoret (2019)",
      "Dokument: KSKF/2018:294, 2018-10-26 – Kommunstyrelsens verksamhetsplan och affärsplan för konsult och uppdrag 2019",
    ]);
  });

  it("lists each goal once, under its area, with its id", () => {
    for (const g of embeddedPlan.goals) expect(sv.split(`[${g.id}]`)).toHaveLength(2);
    const areas = lines.filter(
      (l) => l.startsWith("Hållbar utveckling ›") || l.startsWith("Effektiv organisation ›"),
    );
    expect(areas).toHaveLength(9);
  });

  it("shows percent goals with %, in the precision the plan gives them, and marks max/min directions", () => {
    const sick = lines.find((l) => l.includes("[PM26-sjukfranvaro]"))!;
    expect(sick).toMatch(new RegExp(`3,0${NB}% \\|\\s+3,2${NB}% \\|\\s+3,0${NB}%`));
    expect(sick).toContain("(högst målvärdet)");
    expect(lines.find((l) => l.includes("[PM14-fornybara-branslen]"))).toMatch(
      new RegExp(`87${NB}% \\|\\s+30${NB}% \\|\\s+100${NB}%`),
    );
    expect(lines.find((l) => l.includes("[PM29-avtalstrohet]"))).toContain("(minst målvärdet)");
  });

  it("prints the document's note under a goal without values, once", () => {
    const i = lines.findIndex((l) => l.includes("[PM08-storre-handelser-kriser]"));
    expect(lines[i]).toMatch(/–\s+\|\s+–\s+\|\s+–/);
    expect(lines[i + 1].trim()).toBe(
      "– Målvärdet är borttaget då det saknade relevans men uppföljning av processmålet fortsätter.",
    );
    expect(lines[i + 2]).toBe("");
  });

  it("says the mnkr trap once for both measures that share it", () => {
    const notes = lines.filter((l) => l.startsWith("  * "));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^ {2}\* Utfall 2017, Prognos 2018: .*i mnkr/);
  });

  it("handles an empty plan", () => {
    const empty: Plan = {
      ...embeddedPlan,
      goals: [],
      scorecard: [],
      budgetTables: [],
      relations: [],
      commitments: [],
      facts: [],
    };
    const text = planSummary(empty, "en");
    expect(text).toContain("Process goals (0)");
    expect(text).toContain("Contents: 0 process goals, 0 scorecard indicators, 0 budget tables");
  });
});

describe("number formatting", () => {
  it("formats sv-SE and en", () => {
    expect(formatNumber(387_800, "sv")).toBe(`387${NB}800`);
    expect(formatNumber(387_800, "en")).toBe("387,800");
    expect(formatNumber(28, "en", 1)).toBe("28.0");
    expect(formatFigure(3, "%", "sv", 1)).toBe(`3,0${NB}%`);
    expect(formatFigure(null, "%", "sv")).toBe("–");
  });
});
