import { evaluate, FUNCTIONS, resolveFunction, type CellArg } from "../../src/functions/core";
import { embeddedPlan } from "../../src/plan/embedded";
import { budgetTable, makePlan } from "./fixtures";

const ev = (name: string, ...args: CellArg[]) => evaluate(name, args, embeddedPlan);
const value = (name: string, ...args: CellArg[]) => {
  const r = ev(name, ...args);
  if (!r.ok) throw new Error(`${name}: ${r.error} ${r.message}`);
  return r.value;
};

describe("function names", () => {
  test.each([
    ["MALVARDE", "MALVARDE"],
    ["malvarde", "MALVARDE"],
    ["MALVÄRDE", "MALVARDE"],
    ["PLAN.MALVARDE", "MALVARDE"],
    ["target", "MALVARDE"],
    ["OUTCOME", "UTFALL"],
    ["Budget", "BUDGET"],
    ["achieved", "MALUPPFYLLELSE"],
    ["deviation", "AVVIKELSE"],
    ["goal", "MAL"],
    ["mål", "MAL"],
    ["GoalList", "MALLISTA"],
  ])("%s → %s", (name, id) => {
    expect(resolveFunction(name)?.id).toBe(id);
  });

  test("seven functions, unknown names are errors", () => {
    expect(FUNCTIONS.map((f) => f.id)).toEqual([
      "MALVARDE",
      "UTFALL",
      "BUDGET",
      "MALUPPFYLLELSE",
      "AVVIKELSE",
      "MAL",
      "MALLISTA",
    ]);
    expect(resolveFunction("SUMMA")).toBeUndefined();
    expect(ev("SUMMA", 1)).toEqual({ ok: false, error: "#VALUE!", message: 'Okänd funktion "SUMMA".' });
  });
});

describe("MALVARDE / TARGET", () => {
  test("percent goals as fractions, others as stated", () => {
    expect(value("MALVARDE", "Total sjukfrånvaro", 2019)).toBe(0.03);
    expect(value("MALVARDE", "Total sjukfrånvaro", 2018)).toBe(0.03);
    expect(value("MALVARDE", "Hållbart medarbetarengagemang", 2019)).toBe(85);
    expect(value("MALVARDE", "företagsklimat", 2019)).toBe(3.4);
    expect(value("MALVARDE", "förnybara bränslen")).toBe(1);
  });

  test("year defaults to the plan's year; text years and empty cells work", () => {
    expect(value("MALVARDE", "Total sjukfrånvaro")).toBe(0.03);
    expect(value("MALVARDE", "Nöjd politikerindex", "2018")).toBe(71);
    expect(value("MALVARDE", "Nöjd politikerindex", null)).toBe(72);
    expect(value("MALVARDE", "Nöjd politikerindex", "")).toBe(72);
    expect(value("MALVARDE", "Nöjd politikerindex", 0)).toBe(72);
  });

  test("the full title from a cell and the id work", () => {
    expect(
      value("MALVARDE", "Den totala sjukfrånvaron hos medarbetarna uppgår 2019 till max 5,9 procent"),
    ).toBe(0.03);
    expect(value("TARGET", "PM29-avtalstrohet", 2019)).toBe(0.75);
  });

  test("a missing value gives #N/A with the plan's note", () => {
    expect(ev("MALVARDE", "Förtätning", 2019)).toEqual({
      ok: false,
      error: "#N/A",
      message:
        '"Förtätning av staden enligt utbyggnadsstrategin" har inget målvärde för 2019: Fastställs senare.',
    });
    const removed = ev("MALVARDE", "Handelsindex", 2018);
    expect(removed).toMatchObject({ ok: false, error: "#N/A" });
    expect(removed.ok ? "" : removed.message).toMatch(/Målvärdet är borttaget/);
  });

  test("a year the plan has no figure for gives #N/A naming the years it has", () => {
    expect(ev("MALVARDE", "Total sjukfrånvaro", 2025)).toEqual({
      ok: false,
      error: "#N/A",
      message:
        '"Den totala sjukfrånvaron hos medarbetarna uppgår 2019 till max 5,9 procent" har inget målvärde för 2025 (finns för 2018, 2019).',
    });
  });

  test.each([["nästa år"], [2019.5], ["19"], [1200], [true]])("bad year %p → #VALUE!", (year) => {
    const r = ev("MALVARDE", "Total sjukfrånvaro", year as CellArg);
    expect(r).toMatchObject({ ok: false, error: "#VALUE!" });
    expect(r.ok ? "" : r.message).toMatch(/^Ogiltigt år/);
  });

  test("goal argument errors", () => {
    expect(ev("MALVARDE")).toEqual({ ok: false, error: "#VALUE!", message: "Argumentet mål saknas." });
    expect(ev("MALVARDE", true)).toEqual({
      ok: false,
      error: "#VALUE!",
      message: "Argumentet mål ska vara text, inte SANT/FALSKT.",
    });
    const none = ev("MALVARDE", "cykelbanor");
    expect(none).toEqual({ ok: false, error: "#N/A", message: 'Inget mål matchar "cykelbanor".' });
    const amb = ev("MALVARDE", "Andelen medarbetare");
    expect(amb).toMatchObject({ ok: false, error: "#N/A" });
    expect(amb.ok ? "" : amb.message).toMatch(
      /^Flera mål matchar "Andelen medarbetare": Andelen medarbetare födda/,
    );
  });

  test("too many arguments → #VALUE!; trailing empty ones are fine", () => {
    expect(ev("MALVARDE", "Total sjukfrånvaro", 2019, 1)).toMatchObject({ ok: false, error: "#VALUE!" });
    expect(ev("MALVARDE", "Total sjukfrånvaro", 2019, null, undefined)).toEqual({ ok: true, value: 0.03 });
  });

  test("English messages", () => {
    expect(evaluate("TARGET", ["Förtätning", 2019], embeddedPlan, "en")).toEqual({
      ok: false,
      error: "#N/A",
      message: '"Förtätning av staden enligt utbyggnadsstrategin" has no target for 2019: Fastställs senare.',
    });
    expect(evaluate("TARGET", ["x", "soon"], embeddedPlan, "en")).toEqual({
      ok: false,
      error: "#VALUE!",
      message: 'Invalid year "soon": give e.g. 2019.',
    });
  });
});

describe("UTFALL / OUTCOME", () => {
  test("defaults to the year before the plan's", () => {
    expect(value("UTFALL", "Total sjukfrånvaro")).toBe(0.032);
    expect(value("UTFALL", "Total sjukfrånvaro", 2018)).toBe(0.032);
    expect(value("OUTCOME", "medarbetarengagemang")).toBe(79.8);
    expect(value("UTFALL", "Förtätning")).toBe(299);
  });
  test("no outcome for the plan year itself", () => {
    const r = ev("UTFALL", "Total sjukfrånvaro", 2019);
    expect(r).toMatchObject({ ok: false, error: "#N/A" });
    expect(r.ok ? "" : r.message).toMatch(/har inget utfall för 2019 \(finns för 2018\)\.$/);
  });
});

describe("BUDGET", () => {
  test("the budget figure in its measure's unit, converted on request", () => {
    expect(value("BUDGET", "HR", 2019)).toBe(64308);
    expect(value("BUDGET", "HR")).toBe(64308);
    expect(value("BUDGET", "HR", 2019, "Budget", "mnkr")).toBe(64.308);
    expect(value("BUDGET", "HR", 2019, "Budget", "Mkr")).toBe(64.308);
    expect(value("BUDGET", "HR", 2019, "Budget", "kr")).toBe(64308000);
    expect(value("BUDGET", "HR", 2019, "Budget", "tkr")).toBe(64308);
    expect(value("BUDGET", "HR", 2019, null, "mnkr")).toBe(64.308);
    // The short-name LAMBDAs pass "" for omitted arguments.
    expect(value("BUDGET", "HR", "", "", "")).toBe(64308);
    expect(value("MALVARDE", "Total sjukfrånvaro", "")).toBe(0.03);
  });

  test("Utfall and Prognos columns are in mnkr (the document's unit trap)", () => {
    expect(value("BUDGET", "HR", 2017, "Utfall")).toBe(0.4);
    expect(value("BUDGET", "HR", 2017, "Utfall", "tkr")).toBe(400);
    expect(value("BUDGET", "Miljö och samhällsbyggnad", 2018, "Prognos", "tkr")).toBe(2000);
  });

  test("totals and the investment table", () => {
    expect(value("BUDGET", "Totalt")).toBe(387800);
    expect(value("BUDGET", "Totalt", 2019, "Budget", "mnkr")).toBe(387.8);
    expect(value("BUDGET", "Summa")).toBe(26500000);
    expect(value("BUDGET", "Infrastruktur IT", 2019, "Budget", "mnkr")).toBe(23.15);
  });

  test("amounts the plan states in words (relations) are budget figures of the plan year, in the amount's own unit", () => {
    // Driftram 2019 = driftram i Årsplan 2019 373,1 + budgetregleringsposter 14,7 = 387,8 mnkr (s. 21).
    expect(value("BUDGET", "Driftram")).toBe(387.8);
    expect(value("BUDGET", "Driftram", 2019)).toBe(387.8);
    expect(value("BUDGET", "Driftram 2019", 2019, "Budget", "tkr")).toBe(387800);
    expect(value("BUDGET", "driftram", 2019, "", "mnkr")).toBe(387.8);
    expect(value("BUDGET", "Årsplan")).toBe(373.1);
    expect(value("BUDGET", "driftram i Årsplan 2019")).toBe(373.1);
    expect(value("BUDGET", "Budgetregleringsposter", 2019, "Budget", "kr")).toBe(14700000);
    // A term the plan ties to a table cell is that cell, in the table's unit.
    expect(value("BUDGET", "Budget 2019, Totalt")).toBe(387800);
    // The investment budget: the decision's figure and the table's Summa are the same 26 500 000 kr.
    expect(value("BUDGET", "Investeringsbudget")).toBe(26500000);
    expect(value("BUDGET", "Investeringsbudget", 2019, "Budget", "mnkr")).toBe(26.5);
    expect(value("BUDGET", "Investeringsbudget konsult och uppdrag 2019")).toBe(26500000);
    // A table's title names its total.
    expect(value("BUDGET", "Ekonomisk redovisning per avdelning", 2019, "Budget", "mnkr")).toBe(387.8);
  });

  test("a relation's amount has no other year or measure", () => {
    expect(ev("BUDGET", "Driftram", 2018)).toEqual({
      ok: false,
      error: "#N/A",
      message: '"Driftram 2019" anges bara som Budget 2019.',
    });
    expect(evaluate("BUDGET", ["Årsplan", 2019, "Utfall"], embeddedPlan, "en")).toEqual({
      ok: false,
      error: "#N/A",
      message: '"Driftram i Årsplan 2019" is stated only as Budget 2019.',
    });
    expect(ev("BUDGET", "Driftram", 2019, "Plan")).toMatchObject({ ok: false, error: "#VALUE!" });
  });

  test("errors: line, measure, year, unit", () => {
    expect(ev("BUDGET", "Cykelavdelningen")).toMatchObject({ ok: false, error: "#N/A" });
    expect(ev("BUDGET", "HR", 2018)).toEqual({
      ok: false,
      error: "#N/A",
      message:
        "Ekonomisk redovisning per avdelning har ingen kolumn Budget 2018; det finns Utfall 2017, Prognos 2018, Budget 2019.",
    });
    expect(ev("BUDGET", "HR", 2019, "Plan")).toMatchObject({ ok: false, error: "#VALUE!" });
    expect(ev("BUDGET", "HR", "i år")).toMatchObject({ ok: false, error: "#VALUE!" });
    expect(ev("BUDGET", "HR", 2019, "Budget", "euro")).toEqual({
      ok: false,
      error: "#VALUE!",
      message: 'Okänd enhet "euro": ange kr, tkr eller mnkr.',
    });
    expect(ev("BUDGET", "HR", 2019, "Budget", "%")).toMatchObject({ ok: false, error: "#VALUE!" });
    expect(ev("BUDGET")).toMatchObject({ ok: false, error: "#VALUE!", message: "Argumentet post saknas." });
  });

  test("a number echoed in a message is written as each language writes it (3,5 / 3.5), never JS notation in Swedish", () => {
    expect(ev("BUDGET", "HR", 2019, "Budget", 3.5)).toEqual({
      ok: false,
      error: "#VALUE!",
      message: 'Okänd enhet "3,5": ange kr, tkr eller mnkr.',
    });
    expect(evaluate("BUDGET", ["HR", 2019, "Budget", 3.5], embeddedPlan, "en")).toEqual({
      ok: false,
      error: "#VALUE!",
      message: 'Unknown unit "3.5": use kr, tkr or mnkr.',
    });
    expect(ev("MALVARDE", "Total sjukfrånvaro", 2019.5)).toMatchObject({
      message: 'Ogiltigt år "2019,5": ange till exempel 2019.',
    });
    expect(evaluate("TARGET", ["Total sjukfrånvaro", 2019.5], embeddedPlan, "en")).toMatchObject({
      message: 'Invalid year "2019.5": give e.g. 2019.',
    });
    expect(ev("BUDGET", "HR", 2019, -0.25)).toMatchObject({
      message: expect.stringMatching(/^Okänt mått "-0,25"/),
    });
    expect(ev("BUDGET", 1.5)).toMatchObject({ message: 'Ingen budgetpost matchar "1,5".' });
    expect(evaluate("BUDGET", [1.5], embeddedPlan, "en")).toMatchObject({
      message: 'No budget line matches "1.5".',
    });
    expect(ev("MAL", 12.5)).toMatchObject({ message: expect.stringMatching(/^Inget mål matchar "12,5"\./) });
    // Text is echoed as typed, whatever its notation.
    expect(ev("BUDGET", "HR", 2019, "Budget", "3.5")).toMatchObject({
      message: 'Okänd enhet "3.5": ange kr, tkr eller mnkr.',
    });
  });

  test("a line without a figure for the measure → #N/A with the measure's note", () => {
    const plan = makePlan([], { budgetTables: [budgetTable] });
    expect(evaluate("BUDGET", ["Ekonomi", 2018, "Prognos"], plan)).toEqual({
      ok: false,
      error: "#N/A",
      message: '"Ekonomi o kvalitet" har inget värde för Prognos 2018: kvar vid årets slut.',
    });
    expect(evaluate("BUDGET", ["Ledningsstaben", 2017, "Utfall"], plan, "en")).toEqual({
      ok: false,
      error: "#N/A",
      message: '"Ledningsstaben" has no figure for Utfall 2017.',
    });
  });
});

describe("MALUPPFYLLELSE / ACHIEVED", () => {
  test.each([
    // sjukfrånvaro: max 3,0 % in 2019 — lower is better
    ["Total sjukfrånvaro", 0.032, false],
    ["Total sjukfrånvaro", 3.2, false],
    ["Total sjukfrånvaro", "3,2 %", false],
    ["Total sjukfrånvaro", 0.029, true],
    ["Total sjukfrånvaro", "2,9%", true],
    ["Total sjukfrånvaro", 0.03, true],
    ["Total sjukfrånvaro", 3, true],
    // avtalstrohet: minst 75 % — at least the target
    ["avtalstrohet", 0.95, true],
    ["avtalstrohet", 0.75, true],
    ["avtalstrohet", 0.7, false],
    ["avtalstrohet", 70, false],
    // index goal, higher is better: 85,0 in 2019
    ["medarbetarengagemang", 86, true],
    ["medarbetarengagemang", 85, true],
    ["medarbetarengagemang", "84,9", false],
  ])("%s with %p → %p", (goal, v, expected) => {
    expect(value("MALUPPFYLLELSE", goal, v)).toBe(expected);
  });

  test("the year selects the target", () => {
    // födda utanför Norden: 6 % in 2018, 8 % in 2019
    expect(value("ACHIEVED", "födda utanför Norden", 0.07, 2018)).toBe(true);
    expect(value("ACHIEVED", "födda utanför Norden", 0.07, 2019)).toBe(false);
  });

  test("percent rule: a target of 0 % still reads numbers ≤ 1 as fractions", () => {
    // jämställdhet handlingsplan: target 2018 is 0 %; 0,5 is 50 %.
    expect(value("AVVIKELSE", "jämställdhetsperspektiv", 0.5, 2018)).toBe(0.5);
  });

  test("percent rule: a target at or below 1 % reads numbers ≤ 1 as percent", () => {
    const plan = makePlan([
      {
        id: "S",
        title: "Andel felaktiga utbetalningar",
        unit: "percent",
        direction: "max",
        values: [{ period: 2019, kind: "target", value: 0.5 }],
      },
    ]);
    expect(evaluate("MALUPPFYLLELSE", ["S", 0.8], plan)).toEqual({ ok: true, value: false });
    expect(evaluate("MALUPPFYLLELSE", ["S", 0.4], plan)).toEqual({ ok: true, value: true });
    expect(evaluate("MALUPPFYLLELSE", ["S", "0,4 %"], plan)).toEqual({ ok: true, value: true });
    expect(evaluate("AVVIKELSE", ["S", 0.4], plan)).toEqual({ ok: true, value: 0.001 });
  });

  test("errors", () => {
    expect(ev("MALUPPFYLLELSE", "Total sjukfrånvaro")).toEqual({
      ok: false,
      error: "#VALUE!",
      message: "Argumentet värde saknas.",
    });
    expect(ev("MALUPPFYLLELSE", "Total sjukfrånvaro", "mycket")).toEqual({
      ok: false,
      error: "#VALUE!",
      message: 'Argumentet värde är inget tal: "mycket".',
    });
    expect(ev("MALUPPFYLLELSE", "Total sjukfrånvaro", true)).toMatchObject({ ok: false, error: "#VALUE!" });
    expect(ev("MALUPPFYLLELSE", "Total sjukfrånvaro", Infinity)).toMatchObject({ ok: false, error: "#NUM!" });
    expect(ev("MALUPPFYLLELSE", "Förtätning", 400)).toMatchObject({
      ok: false,
      error: "#N/A",
      message: expect.stringMatching(/Fastställs senare\.$/),
    });
    expect(evaluate("ACHIEVED", ["Total sjukfrånvaro", "lots"], embeddedPlan, "en")).toMatchObject({
      message: 'The argument value is not a number: "lots".',
    });
  });
});

describe("AVVIKELSE / DEVIATION", () => {
  test("positive means better than target, in the goal's scale", () => {
    expect(value("AVVIKELSE", "Total sjukfrånvaro", 0.032)).toBe(-0.002);
    expect(value("AVVIKELSE", "Total sjukfrånvaro", 2.5)).toBe(0.005);
    expect(value("AVVIKELSE", "avtalstrohet", 0.95)).toBe(0.2);
    expect(value("AVVIKELSE", "medarbetarengagemang", 84)).toBe(-1);
    expect(value("DEVIATION", "500 företag", 520)).toBe(20);
  });

  test("lower-is-better goals", () => {
    const plan = makePlan([
      {
        id: "K",
        title: "Kostnad per ärende",
        unit: "amount",
        direction: "lower",
        values: [{ period: 2019, kind: "target", value: 1200 }],
      },
    ]);
    expect(evaluate("AVVIKELSE", ["Kostnad", 1100], plan)).toEqual({ ok: true, value: 100 });
    expect(evaluate("MALUPPFYLLELSE", ["Kostnad", 1300], plan)).toEqual({ ok: true, value: false });
  });
});

describe("MAL / GOAL", () => {
  test("the canonical title", () => {
    expect(value("MAL", "avtalstrohet")).toBe("2019 uppgår avtalstroheten till minst 75 %");
    expect(value("GOAL", "pm07-fortatning")).toBe("Förtätning av staden enligt utbyggnadsstrategin");
  });
  test("misses", () => {
    expect(ev("MAL", "cykelbanor")).toMatchObject({ ok: false, error: "#N/A" });
    expect(ev("MAL", "")).toMatchObject({ ok: false, error: "#VALUE!", message: "Argumentet sök saknas." });
  });
});

describe("MALLISTA / GOALLIST", () => {
  test("all goals under a header row, percent as fractions, notes where a figure is missing", () => {
    const table = value("MALLISTA") as unknown[][];
    expect(table).toHaveLength(30);
    expect(table.every((row) => row.length === 5)).toBe(true);
    expect(table[0]).toEqual(["Område", "Mål", "Målvärde 2018", "Utfall 2018", "Målvärde 2019"]);
    const sick = table.find((r) => String(r[1]).includes("sjukfrånvaron"));
    expect(sick).toEqual([
      "Effektiv organisation › Attraktiv arbetsgivare",
      "Den totala sjukfrånvaron hos medarbetarna uppgår 2019 till max 5,9 procent",
      0.03,
      0.032,
      0.03,
    ]);
    const dense = table.find((r) => String(r[1]).startsWith("Förtätning"));
    expect(dense?.slice(2)).toEqual([600, 299, "Fastställs senare"]);
  });

  test("filtered by area words, in English", () => {
    const r = evaluate("GOALLIST", ["attraktiv arbetsgivare"], embeddedPlan, "en");
    expect(r.ok).toBe(true);
    const table = (r.ok ? r.value : []) as unknown[][];
    expect(table[0]).toEqual(["Area", "Goal", "Target 2018", "Outcome 2018", "Target 2019"]);
    expect(table.slice(1).map((row) => row[1])).toEqual([
      "Hållbart medarbetarengagemang ska uppgå till 83 2019",
      "Den totala sjukfrånvaron hos medarbetarna uppgår 2019 till max 5,9 procent",
      "Andelen medarbetare födda utanför Norden ska öka",
      "Andelen medarbetare som är stolta över att arbeta inom Eskilstuna kommun ska öka.",
    ]);
  });

  test("another year shifts the columns; years without figures are empty", () => {
    const table = value("MALLISTA", "Stabil ekonomi", 2020) as unknown[][];
    expect(table).toEqual([
      ["Område", "Mål", "Målvärde 2019", "Utfall 2019", "Målvärde 2020"],
      ["Effektiv organisation › Stabil ekonomi", "2019 uppgår avtalstroheten till minst 75 %", 0.75, "", ""],
    ]);
  });

  test("errors", () => {
    expect(ev("MALLISTA", "rymdfart")).toEqual({
      ok: false,
      error: "#N/A",
      message: 'Inga mål i området "rymdfart".',
    });
    expect(ev("MALLISTA", "", "förra året")).toMatchObject({ ok: false, error: "#VALUE!" });
  });
});

describe("every message is a full sentence: capital (or a quoted name) first, a full stop last, in both languages", () => {
  const bad: [string, CellArg[]][] = [
    ["MALVARDE", []],
    ["MALVARDE", [true]],
    ["MALVARDE", ["cykelbanor"]],
    ["MALVARDE", ["Andelen medarbetare"]],
    ["MALVARDE", ["2019"]],
    ["MALVARDE", ["Förtätning", 2019]],
    ["MALVARDE", ["Handelsindex", 2018]],
    ["MALVARDE", ["Total sjukfrånvaro", "snart"]],
    ["MALVARDE", ["Total sjukfrånvaro", 2019, 1]],
    ["UTFALL", ["Total sjukfrånvaro", 2019]],
    ["BUDGET", ["Cykelavdelningen"]],
    ["BUDGET", ["HR", 2018]],
    ["BUDGET", ["HR", 2019, "Plan"]],
    ["BUDGET", ["HR", 2019, "Budget", "euro"]],
    ["BUDGET", ["HR", 2019, true]],
    ["BUDGET", ["Ekonomi cykel"]],
    ["BUDGET", ["Driftram", 2018]],
    ["BUDGET", ["HR", 2019, "Budget", 3.5]],
    ["MALUPPFYLLELSE", ["Total sjukfrånvaro"]],
    ["MALUPPFYLLELSE", ["Total sjukfrånvaro", "abc"]],
    ["AVVIKELSE", ["sjuk", "abc"]],
    ["AVVIKELSE", ["Total sjukfrånvaro", Infinity]],
    ["AVVIKELSE", ["Förtätning", 400]],
    ["MAL", [""]],
    ["MALLISTA", ["rymdfart"]],
    ["SUMMA", [1]],
  ];
  test.each(
    bad.flatMap(([name, args]) => (["sv", "en"] as const).map((lang) => [name, args, lang] as const)),
  )("%s %j (%s)", (name, args, lang) => {
    const r = evaluate(name, args, embeddedPlan, lang);
    expect(r.ok).toBe(false);
    const message = r.ok ? "" : r.message;
    expect(message).toMatch(/^(\p{Lu}|"[^"]+" )/u);
    expect(message).toMatch(/[.]$/);
    expect(message).not.toMatch(/\.\.$|: \.$/);
  });
});
