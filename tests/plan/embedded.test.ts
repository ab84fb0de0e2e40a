/**
 * Every figure of the embedded plan, checked against the seed document's own text (KSKF/2018:294):
 * titles on their pages, the three printed values after each processmål, the styrkort, both tables,
 * the driftram and the sums the document states.
 */
import { existsSync, readFileSync } from "node:fs";
import { embeddedPlan as plan } from "../../src/plan/embedded";
import { clean, convertMoney, parseSvNumber } from "../../src/plan/numbers";
import { parsePlan, type Goal, type PeriodValue } from "../../src/plan/schema";
import rawPlan from "../../src/plan/data/eskilstuna-2019.json";
import { FIXTURE_SEED, SHARED_SEED, seedPages, squash } from "./seedText";

const pages = seedPages();

/** Swedish numbers as printed in running text and tables: "139 158", "2,6", "26 500 000 kr", "3,2%". */
const NUMBER = /(?<![\d,])-?\d{1,3}(?: \d{3})+(?:,\d+)?(?!\d)|(?<![\d,])-?\d+(?:,\d+)?/g;

function numbersIn(text: string): number[] {
  return [...text.matchAll(NUMBER)].map((m) => parseSvNumber(m[0])!.value);
}

function valueOf(values: PeriodValue[], period: number, kind: "target" | "outcome"): PeriodValue {
  const v = values.find((x) => x.period === period && x.kind === kind);
  if (!v) throw new Error(`no ${kind} ${period}`);
  return v;
}

/** The text that follows `needle` on `page` (first occurrence at or after `from`); fails the test when absent. */
function after(page: number, needle: string, from = 0): string {
  const text = pages[page];
  const at = text.indexOf(needle, from);
  expect({ page, needle, found: at >= 0 }).toEqual({ page, needle, found: true });
  return text.slice(at + needle.length);
}

describe("seed text", () => {
  it("has 30 pages, and the committed copy equals ../shared when that is present", () => {
    expect(pages).toHaveLength(31);
    if (existsSync(SHARED_SEED)) {
      expect(readFileSync(FIXTURE_SEED, "utf8")).toBe(readFileSync(SHARED_SEED, "utf8"));
    }
  });
});

describe("embedded plan: identity", () => {
  it("validates with the schema like any plan file, and is exactly what the schema makes of it", () => {
    // The CLI and the pane use the data as it is (no zod at start-up), so validation must change nothing.
    expect(parsePlan(rawPlan)).toStrictEqual(plan);
  });

  it("names the organisation, body, unit, reference, date and titles as the document does", () => {
    expect(plan.organisation).toBe("Eskilstuna kommun");
    expect(plan.body).toBe("Kommunstyrelsen");
    expect(plan.unit).toBe("Kommunledningskontoret");
    expect(plan.year).toBe(2019);
    expect(plan.document.reference).toBe("KSKF/2018:294");
    expect(plan.document.date).toBe("2018-10-26");
    expect(pages[1]).toContain(`Kommunstyrelsen ${plan.document.date} Kommunledningskontoret`);
    expect(pages[1]).toContain(plan.document.reference);
    expect(pages[1]).toContain(plan.document.title);
    expect(pages[3]).toContain(plan.title);
  });
});

describe("embedded plan: the 29 processmål", () => {
  it("has 29 goals with distinct ids usable in formulas", () => {
    expect(plan.goals).toHaveLength(29);
    const ids = plan.goals.map((g) => g.id);
    expect(new Set(ids).size).toBe(29);
    for (const id of ids) expect(id).toMatch(/^PM\d{2}-[a-z0-9-]+$/);
  });

  it.each(plan.goals.map((g) => [g.id, g] as const))(
    "%s: title on its page, then its three printed values",
    (_id, goal: Goal) => {
      const rest = after(goal.page!, goal.title).trim();
      const expected = [
        valueOf(goal.values, 2018, "target"),
        valueOf(goal.values, 2018, "outcome"),
        valueOf(goal.values, 2019, "target"),
      ];
      const tokens = rest.split(/\s+/);
      let pos = 0;
      for (const v of expected) {
        if (v.value === null) {
          // A missing value: the document prints its note instead of a number.
          expect(v.note).toBeTruthy();
          expect(tokens.slice(pos).join(" ").startsWith(v.note!)).toBe(true);
          continue;
        }
        const parsed = parseSvNumber(tokens[pos++]);
        expect(parsed).not.toBeNull();
        expect(parsed!.value).toBe(v.value);
        // Percent goals are exactly those printed with a % sign.
        expect(parsed!.unit === "percent").toBe(goal.unit === "percent");
      }
    },
  );

  it("stores the 2018 outcome as partial-year (t o m augusti 2018)", () => {
    for (const g of plan.goals) expect(valueOf(g.values, 2018, "outcome").asOf).toBe("t o m augusti 2018");
  });

  it("files every goal under areas the table of contents lists, with its processområde heading on the page", () => {
    const toc = pages[4];
    let previous: Goal | undefined;
    for (const g of plan.goals) {
      for (const name of g.area) expect(toc).toContain(`${name}...`);
      const continued = previous && previous.area.join("›") === g.area.join("›");
      if (!continued) {
        const text = pages[g.page!];
        const heading = text.indexOf(g.area[g.area.length - 1]);
        expect({ goal: g.id, heading: heading >= 0 && heading < text.indexOf(g.title) }).toEqual({
          goal: g.id,
          heading: true,
        });
      }
      previous = g;
    }
  });

  it("reads the two notes the seed README calls out: sjukfrånvaro 3,2 % is worse than 3,0 %, födda utanför Norden 6 %", () => {
    const sick = plan.goals.find((g) => g.id === "PM26-sjukfranvaro")!;
    expect(pages[18]).toContain("uppgick till 3,2%, något sämre än målet");
    expect(valueOf(sick.values, 2018, "outcome").value).toBe(3.2);
    expect(sick.direction).toBe("max");
    const born = plan.goals.find((g) => g.id === "PM27-fodda-utanfor-norden")!;
    expect(pages[18]).toContain("Målet på 6% för andel medarbetare födda utanför Norden");
    expect(valueOf(born.values, 2018, "target").value).toBe(6);
    expect(plan.goals.find((g) => g.id === "PM29-avtalstrohet")!.direction).toBe("min");
  });
});

describe("embedded plan: styrkort (page 6)", () => {
  // The printed row of each indicator; numbers in it must be the plan's outcome 2018 then target 2019.
  const rows: Record<string, string> = {
    "SK-hme": "Hållbart medarbetarengagemang (HME), index (enhet) Utfall för KLK 85 ännu inte kommunicerat",
    "SK-sjukfranvaro": "Total sjukfrånvaro, % 3,2% 3,0 %",
    "SK-resultat-utfall": "Resultat Utfall avvikelse mot budget, ack (tkr) 25 328 0",
    "SK-resultat-prognos": "Resultat Prognos helår mot budget helår (tkr) 15 000 0",
    "SK-avtalstrohet": "Avtalstrohet vid inköp (%) 95 % (senaste mätningen) 75 %",
  };

  it("has the five indicators, each printed on page 6 with the plan's figures", () => {
    expect(plan.scorecard.map((i) => i.id).sort()).toEqual(Object.keys(rows).sort());
    for (const ind of plan.scorecard) {
      const row = rows[ind.id];
      expect(pages[6]).toContain(row);
      expect(row.startsWith(ind.title.replace(/, index$/, ""))).toBe(true);
      const printed = numbersIn(row.slice(ind.title.length));
      const stated = ind.values.filter((v) => v.value !== null).map((v) => v.value);
      expect(printed).toEqual(stated);
    }
  });

  it("keeps the HME outcome null with the document's words, and 85 as the 2019 target", () => {
    const hme = plan.scorecard.find((i) => i.id === "SK-hme")!;
    expect(valueOf(hme.values, 2018, "outcome")).toMatchObject({
      value: null,
      note: "Utfall för KLK ännu inte kommunicerat",
    });
    expect(valueOf(hme.values, 2019, "target").value).toBe(85);
  });
});

describe("embedded plan: Ekonomisk redovisning per avdelning (page 21)", () => {
  const table = plan.budgetTables.find((t) => t.id === "klk-per-avdelning-2019")!;

  it("has the header, unit statement and measure labels in the printed order", () => {
    expect(table.page).toBe(21);
    const header = `${table.title} ${table.unitNote} ${table.measures.map((m) => m.label).join(" ")}`;
    expect(pages[21]).toContain(header);
  });

  it("keeps the unit trap: Utfall 2017 and Prognos 2018 in mnkr despite 'Alla belopp i tkr', Budget 2019 in tkr", () => {
    expect(table.unitNote).toBe("Alla belopp i tkr.");
    expect(Object.fromEntries(table.measures.map((m) => [m.id, m.unit]))).toEqual({
      "utfall-2017": "mnkr",
      "prognos-2018": "mnkr",
      "budget-2019": "tkr",
    });
    expect(pages[21]).toContain(
      "Utfall 2017 och Prognos 2018 består av hur mycket av budgeterad driftram som är kvar",
    );
  });

  it.each([
    ...table.lines.map((l) => [l.label, l.values] as const),
    [table.total.label, table.total.values] as const,
  ])("%s: the printed figures after the label are the plan's", (label, values) => {
    const rest = after(21, `${label} `, pages[21].indexOf(table.title));
    const printed = numbersIn(rest).slice(0, table.measures.length);
    expect(printed).toEqual(table.measures.map((m) => values[m.id]));
  });

  it("has the seven avdelningar, each line once", () => {
    expect(table.lines).toHaveLength(7);
    expect(pages[5]).toContain("sju avdelningar");
  });

  it("adds up as the document states: 28,0 and 15,0 mnkr, 387 800 tkr", () => {
    for (const m of table.measures) {
      const sum = clean(table.lines.reduce((s, l) => s + (l.values[m.id] ?? 0), 0));
      expect(sum).toBe(table.total.values[m.id]);
    }
    expect(table.total.values).toEqual({ "utfall-2017": 28, "prognos-2018": 15, "budget-2019": 387800 });
  });
});

describe("embedded plan: investeringsbudget KoU (page 30)", () => {
  const table = plan.budgetTables.find((t) => t.kind === "investment")!;

  it.each([
    ...table.lines.map((l) => [l.label, l.values["budget-2019"]] as const),
    ["Summa", table.total.values["budget-2019"]] as const,
  ])("%s: printed amount in kr", (label, value) => {
    const printed = parseSvNumber(/^[\d ]+kr/.exec(after(30, `${label} `))![0]);
    expect(printed).toEqual({ value, unit: "kr", decimals: 0 });
  });

  it("states 23 150 000 + 1 000 000 + 2 350 000 = 26 500 000 kr, also on the cover", () => {
    expect(table.lines.map((l) => l.values["budget-2019"])).toEqual([23_150_000, 1_000_000, 2_350_000]);
    expect(table.lines.reduce((s, l) => s + l.values["budget-2019"]!, 0)).toBe(26_500_000);
    expect(pages[1]).toContain("om totalt 26 500 000 kronor antas");
    const cover = plan.relations.find((r) => r.id === "investeringsbudget-kou-2019")!;
    expect(cover.page).toBe(1);
    expect(cover.total).toMatchObject({ value: 26_500_000, unit: "kr" });
  });

  it("gives every line a short alias", () => {
    for (const l of table.lines) expect(l.aliases?.length).toBeGreaterThan(0);
    expect(table.lines[0].aliases).toContain("Infrastruktur IT");
  });
});

describe("embedded plan: driftram", () => {
  it("373,1 + 14,7 = 387,8 mnkr, stated on pages 5 and 21, and 387,8 mnkr = 387 800 tkr", () => {
    const r = plan.relations.find((x) => x.id === "driftram-2019")!;
    expect(r.terms.map((t) => [t.value, t.unit])).toEqual([
      [373.1, "mnkr"],
      [14.7, "mnkr"],
    ]);
    expect(r.total).toMatchObject({ value: 387.8, unit: "mnkr" });
    expect(clean(r.terms[0].value + r.terms[1].value)).toBe(r.total.value);
    const sentence =
      "driftram för kommunstyrelsen på totalt 373,1 mnkr. Till detta är tillagt så kallade budgetregleringsposter på 14,7 mnkr";
    for (const p of [5, 21]) {
      expect(pages[p]).toContain(sentence);
      expect(pages[p]).toContain("Totalt ger detta en driftram på 387,8 mnkr");
    }
    expect(pages[1]).toContain("driftram i Årsplan 2019 uppgår till 387,8 mnkr");
    expect(convertMoney(387_800, "tkr", "mnkr")).toBe(387.8);
  });

  it("ties every relation term with a source to the table figure it names", () => {
    for (const r of plan.relations)
      for (const t of r.terms.filter((x) => x.source)) {
        const table = plan.budgetTables.find((b) => b.id === t.source!.table)!;
        const measure = table.measures.find((m) => m.id === t.source!.measure)!;
        const line = t.source!.line
          ? table.lines.find((l) => l.id === t.source!.line)!.values
          : table.total.values;
        expect(convertMoney(line[measure.id]!, measure.unit, t.unit)).toBe(t.value);
      }
  });
});

describe("embedded plan: facts", () => {
  const WORDS: Record<number, string> = { 6: "sex", 7: "sju" };

  it.each(plan.facts.map((f) => [f.id, f] as const))("%s: its value is printed on its page", (_id, fact) => {
    const text = pages[fact.page!];
    const printed = numbersIn(text).includes(fact.value) || text.includes(` ${WORDS[fact.value]} `);
    expect({ fact: fact.id, printed }).toEqual({ fact: fact.id, printed: true });
  });

  it("has staffing 90 / 80 / 90 with the correction note, the counts 29, 6, 16, 17 and KoU's ca 320", () => {
    const f = Object.fromEntries(plan.facts.map((x) => [x.id, x]));
    expect(f["medarbetare-budget-2019"].value).toBe(90);
    expect(f["medarbetare-2017"].value).toBe(80);
    expect(f["medarbetare-2018-08"]).toMatchObject({
      value: 90,
      note: "inte 76 som felaktigt rapporterades i delår 2",
    });
    expect(pages[5]).toContain("90 (inte 76 som felaktigt rapporterades i delår 2)");
    expect(f["antal-processmal"]).toMatchObject({ value: 29, counts: "goals" });
    expect(pages[5]).toContain("29 processmål för perioden 2016-2019");
    expect(f["processmal-ej-uppnadda"]).toMatchObject({ value: 6, counts: "goalsNotReached" });
    expect(pages[5]).toContain("För sex processmål är målvärdet ännu inte uppnått");
    expect(f["ataganden-arsplan"]).toMatchObject({ value: 16, counts: "commitments", owner: "KLK" });
    expect(pages[5]).toContain("I Årsplan 2019 beslutades om 16 åtaganden som berör KLK");
    expect(f["ataganden-egna"]).toMatchObject({ value: 17, counts: "ownCommitments", owner: "KLK" });
    expect(pages[5]).toContain("KLK:s egna åtaganden för 2019 uppgår till 17 stycken");
    expect(f["inventarier-klk-2019"]).toMatchObject({ value: 500_000, unit: "kr" });
    expect(pages[21]).toContain("Beräknas till ca 500 000 kr för 2019");
    expect(f["medarbetare-kou-2018"]).toMatchObject({ value: 320, owner: "KoU" });
    expect(pages[24]).toContain("Under 2018 hade förvaltningen ca 320 medarbetare");
  });
});

describe("embedded plan: åtaganden", () => {
  const klk = plan.commitments.filter((c) => c.owner === "KLK");
  const kou = plan.commitments.filter((c) => c.owner === "KoU");

  it("has distinct ids", () => {
    expect(new Set(plan.commitments.map((c) => c.id)).size).toBe(plan.commitments.length);
  });

  it("KLK's Årsplan åtaganden are printed on their page followed by the responsible list in parenthesis", () => {
    for (const c of klk.filter((x) => x.origin === "annualPlan")) {
      expect({ id: c.id, on: pages[c.page!].includes(`${c.text} (${c.responsible.join(", ")})`) }).toEqual({
        id: c.id,
        on: true,
      });
    }
  });

  it("KLK's own åtaganden are the 'KS/KLK …' sentences, printed on their page", () => {
    for (const c of klk.filter((x) => x.origin === "own")) {
      expect(c.text).toMatch(/^(KS\/KLK|KLK\/KS) /);
      expect({ id: c.id, on: pages[c.page!].includes(c.text) }).toEqual({ id: c.id, on: true });
      expect(c.responsible.sort()).toEqual(["KLK", "KS"]);
    }
  });

  it("every 'KS/KLK' sentence of pages 7–20 is one of KLK's own åtaganden (none missed)", () => {
    let found = 0;
    for (let p = 7; p <= 20; p++) found += (pages[p].match(/\b(KS\/KLK|KLK\/KS) /g) ?? []).length;
    expect(found).toBe(klk.filter((x) => x.origin === "own").length);
  });

  it("every responsible list in parenthesis on pages 7–20 belongs to one Årsplan åtagande", () => {
    let lists = 0;
    for (let p = 7; p <= 20; p++) lists += (pages[p].match(/\((KS|AVN)[^()]*\)/g) ?? []).length;
    expect(lists).toBe(klk.filter((x) => x.origin === "annualPlan").length);
  });

  it("KoU's åtaganden use only words the flattened pages 25–29 contain, with KoU:/KS: as printed", () => {
    const text = squash(pages.slice(25, 30).join(" "));
    for (const c of kou) {
      expect(c.responsible).toHaveLength(1);
      expect(text).toContain(squash(`${c.responsible[0]}: ${c.text.split(" ").slice(0, 2).join(" ")}`));
      for (const word of c.text.split(/\s+/))
        expect({ id: c.id, word, in: text.includes(squash(word)) }).toEqual({ id: c.id, word, in: true });
    }
  });
});
