import fc from "fast-check";
import { render } from "../../src/i18n";
import { embeddedPlan } from "../../src/plan/embedded";
import {
  budgetLineIndex,
  findBudgetFigure,
  findBudgetLine,
  findGoal,
  findMeasure,
  goalIndex,
  goalsInArea,
} from "../../src/plan/lookup";
import { contentWords, foldText, stem } from "../../src/plan/text";
import { budgetTable, investmentTable, makePlan } from "../functions/fixtures";

const small = makePlan([
  { id: "G1", title: "Den totala sjukfrånvaron hos medarbetarna uppgår 2019 till max 5,9 procent" },
  { id: "G2", title: "Andelen medarbetare födda utanför Norden ska öka" },
  { id: "G3", title: "Andelen medarbetare som är stolta över att arbeta inom kommunen ska öka." },
  { id: "G4", title: "2019 får 80 % kontakt med handläggare via telefon inom 2 minuter" },
  { id: "G5", title: "2019 uppfattar 90% ett gott bemötande vid telefonkontakt" },
  { id: "G6", title: "Förtätning av staden enligt utbyggnadsstrategin" },
]);

function title(r: ReturnType<typeof findGoal>): string {
  if (!r.ok) throw new Error(`expected a match, got: ${r.message}`);
  return r.goal.title;
}

describe("text normalisation", () => {
  test("folds case and Swedish diacritics", () => {
    expect(foldText("  Förtätning  ÅÄÖ é ")).toBe("fortatning aao e");
  });
  test("drops stop words, keeps content words", () => {
    expect(contentWords("Den totala sjukfrånvaron hos medarbetarna")).toEqual([
      "totala",
      "sjukfranvaron",
      "medarbetarna",
    ]);
  });
  test("strips inflection endings but never below four letters", () => {
    expect(stem("sjukfranvaron")).toBe("sjukfranvaro");
    expect(stem("medarbetarna")).toBe("medarbet");
    expect(stem("staden")).toBe("stad");
    expect(stem("hr")).toBe("hr");
    expect(stem("ar")).toBe("ar");
  });
});

describe("findGoal", () => {
  test("by id, any case", () => {
    expect(title(findGoal(small, "g6"))).toMatch(/^Förtätning/);
    expect(title(findGoal(embeddedPlan, "pm26-SJUKFRANVARO"))).toMatch(/sjukfrånvaron/);
  });

  test("by exact title with other case and spacing", () => {
    expect(title(findGoal(small, "  förtätning AV staden   enligt utbyggnadsstrategin"))).toMatch(
      /^Förtätning/,
    );
  });

  test.each([
    ["Total sjukfrånvaro", /sjukfrånvaron/],
    ["sjukfrånvaron", /sjukfrånvaron/],
    ["SJUKFRANVARO", /sjukfrånvaron/],
    ["Förtätning", /^Förtätning/],
    ["fortatning staden", /^Förtätning/],
    ["födda utanför Norden", /födda/],
    ["stolta", /stolta/],
  ])("by Swedish words: %s", (query, expected) => {
    expect(title(findGoal(small, query))).toMatch(expected);
  });

  test("every query word must match: a second, foreign word means no match", () => {
    const r = findGoal(small, "sjukfrånvaro cykelbanor");
    expect(r).toMatchObject({ ok: false, reason: "none" });
    if (r.ok) return;
    expect(r.message).toBe(
      'Inget mål matchar "sjukfrånvaro cykelbanor". Närmast: Den totala sjukfrånvaron hos medarbetarna uppgår 2019 till max 5,9 procent.',
    );
    expect(r.candidates.map((g) => g.id)).toEqual(["G1"]);
  });

  test("no match and nothing close", () => {
    const r = findGoal(small, "budgetdisciplin");
    expect(r).toEqual({
      ok: false,
      reason: "none",
      message: 'Inget mål matchar "budgetdisciplin".',
      candidates: [],
    });
  });

  test("English messages", () => {
    const r = findGoal(small, "budgetdisciplin", "en");
    expect(r.ok ? "" : r.message).toBe('No goal matches "budgetdisciplin".');
    const a = findGoal(small, "Andelen medarbetare", "en");
    expect(a.ok ? "" : a.message).toMatch(/^Several goals match "Andelen medarbetare": Andelen/);
  });

  test("several matches name the candidates", () => {
    const r = findGoal(small, "Andelen medarbetare");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe("ambiguous");
    expect(r.candidates.map((g) => g.id)).toEqual(["G2", "G3"]);
    expect(r.message).toBe(
      'Flera mål matchar "Andelen medarbetare": Andelen medarbetare födda utanför Norden ska öka; ' +
        "Andelen medarbetare som är stolta över att arbeta inom kommunen ska öka.",
    );
  });

  test("a whole-word match wins over a prefix match", () => {
    // "telefon" is a whole word of G4 and only the start of "telefonkontakt" in G5.
    expect(findGoal(small, "telefon")).toMatchObject({ ok: true, goal: { id: "G4" } });
    expect(findGoal(small, "telefonkontakt")).toMatchObject({ ok: true, goal: { id: "G5" } });
  });

  test("ambiguity names at most five candidates and counts the rest", () => {
    const r = findGoal(embeddedPlan, "2019");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe("ambiguous");
    expect(r.candidates).toHaveLength(5);
    expect(r.message).toMatch(/^Flera mål matchar "2019": .*; .*; .*; .*; .* \(och \d+ till\)\.$/);
  });

  test("two goals with the same title are ambiguous even by exact title; their ids still tell them apart", () => {
    const twins = makePlan([
      { id: "A", title: "Nöjd medborgarindex", area: ["Demokrati"] },
      { id: "B", title: "Nöjd medborgarindex", area: ["Kvalitet"] },
    ]);
    expect(findGoal(twins, "Nöjd medborgarindex")).toMatchObject({ ok: false, reason: "ambiguous" });
    expect(findGoal(twins, "b")).toMatchObject({ ok: true, goal: { id: "B", area: ["Kvalitet"] } });
  });

  test("empty or stop-word-only queries say what to give", () => {
    expect(findGoal(small, "   ")).toMatchObject({
      ok: false,
      reason: "none",
      message: expect.stringMatching(/^Ange ett mål/),
    });
    expect(findGoal(small, "och")).toMatchObject({ ok: false, reason: "none" });
  });

  test("the index is built once per plan and answers repeated queries from its cache", () => {
    expect(goalIndex(small)).toBe(goalIndex(small));
    const first = findGoal(small, "Total sjukfrånvaro");
    expect(findGoal(small, "Total sjukfrånvaro")).toEqual(first);
    // Another plan object gets its own index: no leakage between plans.
    const other = makePlan([{ id: "X", title: "Total sjukfrånvaro bland chefer" }]);
    expect(goalIndex(other)).not.toBe(goalIndex(small));
    expect(findGoal(other, "Total sjukfrånvaro")).toMatchObject({ ok: true, goal: { id: "X" } });
  });

  test("embedded plan: the brief's examples", () => {
    expect(findGoal(embeddedPlan, "Total sjukfrånvaro")).toMatchObject({
      ok: true,
      goal: { id: "PM26-sjukfranvaro" },
    });
    expect(findGoal(embeddedPlan, "Förtätning")).toMatchObject({ ok: true, goal: { id: "PM07-fortatning" } });
    expect(findGoal(embeddedPlan, "avtalstrohet")).toMatchObject({
      ok: true,
      goal: { id: "PM29-avtalstrohet" },
    });
  });
});

describe("goalsInArea", () => {
  test("filters by words of the area path; empty gives all", () => {
    expect(goalsInArea(embeddedPlan, "").length).toBe(29);
    expect(goalsInArea(embeddedPlan, "Attraktiv arbetsgivare").map((g) => g.id)).toEqual([
      "PM25-hme",
      "PM26-sjukfranvaro",
      "PM27-fodda-utanfor-norden",
      "PM28-stolta-medarbetare",
    ]);
    expect(goalsInArea(embeddedPlan, "kvalitet")).toHaveLength(10);
    expect(goalsInArea(embeddedPlan, "rymdfart")).toEqual([]);
  });
});

describe("findBudgetLine", () => {
  const plan = makePlan([], { budgetTables: [budgetTable, investmentTable] });

  test("by id, label, alias and words", () => {
    expect(findBudgetLine(plan, "HR")).toMatchObject({ ok: true, line: { id: "hr" }, table: { id: "avd" } });
    expect(findBudgetLine(plan, "hr")).toMatchObject({ ok: true, line: { id: "hr" } });
    expect(findBudgetLine(plan, "Ekonomi och kvalitet")).toMatchObject({ ok: true, line: { id: "ekonomi" } });
    expect(findBudgetLine(plan, "ekonomi")).toMatchObject({ ok: true, line: { id: "ekonomi" } });
    expect(findBudgetLine(plan, "Ledningsstaben")).toMatchObject({ ok: true, line: { id: "ledning" } });
    expect(findBudgetLine(plan, "infrastruktur")).toMatchObject({
      ok: true,
      line: { id: "it" },
      table: { id: "inv" },
    });
  });

  test("a table's stated total is a line too", () => {
    const r = findBudgetLine(plan, "Totalt");
    expect(r).toMatchObject({
      ok: true,
      table: { id: "avd" },
      line: { label: "Totalt", values: { "budget-2019": 255967 } },
    });
  });

  test("misses and ambiguity name the candidates with their tables", () => {
    const none = findBudgetLine(plan, "Ekonomi cykel");
    expect(none.ok ? "" : none.message).toBe(
      'Ingen budgetpost matchar "Ekonomi cykel". Närmast: Ekonomi o kvalitet (Budget per avdelning).',
    );
    const both = makePlan([], {
      budgetTables: [
        budgetTable,
        { ...investmentTable, lines: [{ id: "hr-inv", label: "HR-system", values: {} }] },
      ],
    });
    const r = findBudgetLine(both, "HR", "en");
    // The id "hr" resolves first, before any word match.
    expect(r).toMatchObject({ ok: true, line: { id: "hr" } });
    const amb = findBudgetLine(both, "h", "en");
    expect(amb).toMatchObject({ ok: false, reason: "ambiguous" });
    expect(amb.ok ? "" : amb.message).toMatch(
      /^Several budget lines match "h": HR \(Budget per avdelning\); HR-system \(Investeringar\)/,
    );
    expect(budgetLineIndex(both)).toBe(budgetLineIndex(both));
  });
});

describe("findMeasure", () => {
  const table = makePlan([], { budgetTables: [budgetTable] }).budgetTables[0];
  test.each([
    ["Budget", 2019, "budget-2019"],
    ["budget", 2019, "budget-2019"],
    ["Utfall", 2017, "utfall-2017"],
    ["Outcome", 2017, "utfall-2017"],
    ["PROGNOS", 2018, "prognos-2018"],
    ["forecast", 2018, "prognos-2018"],
    ["Budget 2019", 1900, "budget-2019"],
    ["prognos-2018", 2019, "prognos-2018"],
  ])("%s %d → %s", (word, year, id) => {
    expect(findMeasure(table, word, year)).toMatchObject({ ok: true, measure: { id } });
  });

  test("an unknown word and a missing column are told apart, as message ids worded at the edge", () => {
    const unknown = findMeasure(table, "Plan", 2019);
    expect(unknown).toEqual({
      ok: false,
      reason: "unknown",
      problem: { messageId: "lookup.measure.unknown", params: { shown: "Plan" } },
    });
    if (unknown.ok) throw new Error("found");
    expect(render(unknown.problem, "sv")).toBe('Okänt mått "Plan": ange Budget, Utfall eller Prognos.');
    expect(render(unknown.problem, "en")).toBe('Unknown measure "Plan": use Budget, Outcome or Forecast.');
    const missing = findMeasure(table, "Budget", 2018);
    expect(missing).toMatchObject({ ok: false, reason: "missing" });
    if (missing.ok) throw new Error("found");
    expect(render(missing.problem, "sv")).toBe(
      "Budget per avdelning har ingen kolumn Budget 2018; det finns Utfall 2017, Prognos 2018, Budget 2019.",
    );
    expect(render(missing.problem, "en")).toBe(
      "Budget per avdelning has no column Budget 2018; it has Utfall 2017, Prognos 2018, Budget 2019.",
    );
    const outcome = findMeasure(table, "Utfall", 2019);
    if (outcome.ok) throw new Error("found");
    expect(render(outcome.problem, "en")).toMatch(/has no column Outcome 2019;/);
  });
});

describe("properties over the embedded plan", () => {
  const goal = fc.constantFrom(...embeddedPlan.goals);
  const recase = (text: string, flips: boolean[]) =>
    [...text].map((ch, i) => (flips[i % flips.length] ? ch.toUpperCase() : ch.toLowerCase())).join("");

  test("any casing of a goal's id finds that goal", () => {
    fc.assert(
      fc.property(goal, fc.array(fc.boolean(), { minLength: 1 }), (g, flips) => {
        expect(findGoal(embeddedPlan, recase(g.id, flips))).toEqual({ ok: true, goal: g });
      }),
    );
  });

  test("a title typed in any case, with extra spaces and without å/ä/ö, finds that goal", () => {
    fc.assert(
      fc.property(goal, fc.array(fc.boolean(), { minLength: 1 }), fc.nat(3), (g, flips, pad) => {
        const typed = " ".repeat(pad) + recase(foldText(g.title), flips).replace(/ /g, " ".repeat(pad + 1));
        expect(findGoal(embeddedPlan, typed)).toEqual({ ok: true, goal: g });
      }),
    );
  });
});

describe("findBudgetFigure: table lines and totals, and the amounts relations state", () => {
  test("a relation's total wins over its own terms; a term is reachable by its words", () => {
    expect(findBudgetFigure(embeddedPlan, "Driftram")).toMatchObject({
      ok: true,
      line: { label: "Driftram 2019", values: { "budget-2019": 387.8 } },
      relation: { id: "driftram-2019" },
    });
    expect(findBudgetFigure(embeddedPlan, "Årsplan")).toMatchObject({
      ok: true,
      line: { label: "Driftram i Årsplan 2019" },
      table: { measures: [{ kind: "budget", year: 2019, unit: "mnkr" }] },
    });
    // Table lines come first and are what they were.
    expect(findBudgetFigure(embeddedPlan, "HR")).toMatchObject({ ok: true, line: { id: "hr" } });
    expect(findBudgetFigure(embeddedPlan, "Totalt")).toMatchObject({
      ok: true,
      line: { id: "klk-per-avdelning-2019.total" },
    });
  });

  test("two terms sharing a word, with no total matching, stay ambiguous", () => {
    const plan = {
      ...makePlan([], { budgetTables: [budgetTable] }),
      relations: [
        {
          id: "r",
          description: "Ram = ram A + ram B",
          terms: [
            { label: "Ram A", value: 1, unit: "mnkr" as const },
            { label: "Ram B", value: 2, unit: "mnkr" as const },
          ],
          total: { label: "Summa ramar", value: 3, unit: "mnkr" as const },
        },
      ],
    };
    expect(findBudgetFigure(plan, "Ram")).toMatchObject({ ok: false, reason: "ambiguous" });
    expect(findBudgetFigure(plan, "Ram A")).toMatchObject({ ok: true, line: { label: "Ram A" } });
    expect(findBudgetFigure(plan, "ramar")).toMatchObject({ ok: true, line: { label: "Summa ramar" } });
  });

  test("findBudgetLine (the checks' lookup) still knows only the tables", () => {
    expect(findBudgetLine(embeddedPlan, "Driftram")).toMatchObject({ ok: false, reason: "none" });
  });
});

describe("findGoal: ids as printed, the plan's abbreviations, an exact phrase", () => {
  const id = (q: string, year?: string) => {
    const r = findGoal(embeddedPlan, q);
    if (!r.ok) throw new Error(`${q}${year ?? ""}: ${r.message}`);
    return r.goal.id;
  };

  test("the id as the plan listing prints it (PM26, pm 26, PM01 and PM1) finds the goal", () => {
    expect(id("PM26")).toBe("PM26-sjukfranvaro");
    expect(id("pm 26")).toBe("PM26-sjukfranvaro");
    expect(id("PM01")).toBe("PM01-nojd-politikerindex");
    expect(id("PM1")).toBe("PM01-nojd-politikerindex");
    const none = findGoal(embeddedPlan, "PM99");
    expect(none.ok).toBe(false);
  });

  test("an abbreviation the plan itself uses (HME) finds the goal its expansion names", () => {
    expect(id("HME")).toBe("PM25-hme");
    expect(id("hme")).toBe("PM25-hme");
    // A plan without the abbreviation in its text does not know it.
    expect(findGoal(small, "HME").ok).toBe(false);
  });

  test("a contiguous phrase of one title beats word-prefix matches of another", () => {
    expect(id("idéer/förbättringsförslag uppgå")).toBe("PM16-forbattringsforslag");
    expect(id("förverkligade idéer")).toBe("PM18-forverkligade-forslag");
    // Words of both titles, in no title's order: still ambiguous.
    expect(findGoal(embeddedPlan, "förbättringsförslag idéer").ok).toBe(false);
  });
});
