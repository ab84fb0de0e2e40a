/**
 * Seed text → plan equals the embedded plan. Ids differ by design (the importer numbers what it finds), so items
 * are compared by title/label. Compared, explicitly:
 * - identity: organisation, body, unit, title, year, document reference/title/date;
 * - all 29 goals in order: title, area path, unit, direction, every period value (period, kind, value, asOf, and
 *   the note where the value is missing);
 * - styrkort: title, section, unit, unit label, values (period, kind, value, asOf);
 * - budget tables: title, kind, owner, unit statement, measures (kind, year, unit; label for the operating table),
 *   lines and total (label, figure per measure);
 * - relations: terms and total (value, unit) and which table total a term quotes;
 * - counting facts (processmål, not reached, åtaganden, egna åtaganden) and the budgeted staff;
 * - KLK's åtaganden: text, responsible bodies, area, origin.
 * Not compared (the document does not say, or says it in a way no reader can take apart): editorial notes the plan
 * author added, indicator directions other than sjukfrånvaro, facts that are not counts, KoU's åtaganden (Bilaga 2's
 * table is flattened column by column into unrelated words).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { embeddedPlan } from "../../src/plan/embedded";
import { importPlanFromText } from "../../src/import/text";
import { checkPlan } from "../../src/checks/planConsistency";
import type { BudgetTable, Plan } from "../../src/plan/schema";
import { render, renderWarnings } from "../../src/i18n";

const SEED = join(__dirname, "..", "fixtures", "seed", "KSKF-2018-294.txt");
const result = importPlanFromText(readFileSync(SEED, "utf8"), { source: "KSKF-2018-294.txt" });
const imported = result.plan;
const embedded = embeddedPlan;

describe("seed text import equals the embedded plan", () => {
  test("identity", () => {
    const pick = (p: Plan) => ({
      organisation: p.organisation,
      body: p.body,
      unit: p.unit,
      title: p.title,
      year: p.year,
      reference: p.document.reference,
      docTitle: p.document.title,
      date: p.document.date,
    });
    expect(pick(imported)).toEqual(pick(embedded));
  });

  test("all 29 goals: titles, areas, units, directions, values and notes", () => {
    const pick = (p: Plan) =>
      p.goals.map((g) => ({
        title: g.title,
        area: g.area,
        unit: g.unit,
        direction: g.direction,
        page: g.page,
        values: g.values.map((v) => ({
          period: v.period,
          kind: v.kind,
          value: v.value,
          asOf: v.asOf,
          note: v.value === null ? v.note : undefined,
        })),
      }));
    expect(imported.goals).toHaveLength(29);
    expect(pick(imported)).toEqual(pick(embedded));
  });

  test("styrkort", () => {
    const pick = (p: Plan) =>
      p.scorecard.map((i) => ({
        title: i.title,
        section: i.section,
        unit: i.unit,
        unitLabel: i.unitLabel,
        values: i.values.map((v) => ({ period: v.period, kind: v.kind, value: v.value, asOf: v.asOf })),
      }));
    expect(pick(imported)).toEqual(pick(embedded));
    const sick = imported.scorecard.find((i) => /sjukfrånvaro/.test(i.title));
    expect(sick?.direction).toBe("max");
  });

  test("budget tables: lines, totals, measures with the tkr/mnkr trap resolved", () => {
    const pick = (t: BudgetTable) => {
      const key = (id: string) => {
        const m = t.measures.find((x) => x.id === id)!;
        return `${m.kind}-${m.year}-${m.unit}`;
      };
      const vals = (v: Record<string, number | null>) =>
        Object.fromEntries(Object.entries(v).map(([id, x]) => [key(id), x]));
      return {
        title: t.title,
        kind: t.kind,
        owner: t.owner,
        unitNote: t.unitNote,
        page: t.page,
        measures: t.measures.map((m) => ({
          kind: m.kind,
          year: m.year,
          unit: m.unit,
          label: t.kind === "operating" ? m.label : undefined,
        })),
        lines: t.lines.map((l) => ({ label: l.label, values: vals(l.values) })),
        total: { label: t.total.label, values: vals(t.total.values) },
      };
    };
    expect(imported.budgetTables.map(pick)).toEqual(embedded.budgetTables.map(pick));
  });

  test("relations stated in the text, and the table totals they quote", () => {
    const pick = (p: Plan) =>
      p.relations
        .map((r) => ({
          terms: r.terms.map((t) => ({
            value: t.value,
            unit: t.unit,
            table: t.source ? p.budgetTables.find((b) => b.id === t.source!.table)?.title : undefined,
          })),
          total: { value: r.total.value, unit: r.total.unit },
        }))
        .sort((a, b) => a.total.value - b.total.value || a.terms.length - b.terms.length);
    expect(pick(imported)).toEqual(pick(embedded));
  });

  test("counts the text claims and the budgeted staff", () => {
    const pick = (p: Plan) =>
      p.facts
        .filter((f) => f.counts || f.id === "medarbetare-budget-2019")
        .map((f) => ({ counts: f.counts, value: f.value, owner: f.owner }))
        .sort((a, b) => `${a.counts}`.localeCompare(`${b.counts}`));
    const mine = imported.facts
      .filter((f) => f.counts || f.unit === "medarbetare")
      .map((f) => ({ counts: f.counts, value: f.value, owner: f.owner }))
      .sort((a, b) => `${a.counts}`.localeCompare(`${b.counts}`));
    expect(mine).toEqual(pick(embedded));
  });

  test("KLK's åtaganden: 16 from the Årsplan and 17 own, with bodies and areas", () => {
    const pick = (p: Plan) =>
      p.commitments
        .filter((c) => c.owner === "KLK")
        .map((c) => ({
          text: c.text,
          responsible: c.responsible,
          area: c.area,
          origin: c.origin,
          page: c.page,
        }))
        .sort((a, b) => a.text.localeCompare(b.text));
    expect(pick(imported).filter((c) => c.origin === "annualPlan")).toHaveLength(16);
    expect(pick(imported).filter((c) => c.origin === "own")).toHaveLength(17);
    expect(pick(imported)).toEqual(pick(embedded));
  });

  test("the seed's own sums add up: same findings as checking the embedded plan, no errors", () => {
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    const pick = (fs: typeof result.findings) =>
      fs.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        expected: f.expected,
        actual: f.actual,
        page: f.page,
      }));
    expect(pick(result.findings)).toEqual(pick(checkPlan(embedded)));
  });
});

describe("ambiguities are said per item, not guessed silently", () => {
  const codes = (code: string) => result.warnings.filter((w) => w.code === code).map((w) => w.item);

  test("numbers in goal titles", () => {
    expect(codes("goal.title-number")).toEqual([
      "Nöjd politikerindex förbättras till 72",
      "2019 ska antalet idéer/förbättringsförslag uppgå till 700",
      "2019 uppgår andelen förverkligade idéer/förbättringsförslag till 10 %",
      "Hållbart medarbetarengagemang ska uppgå till 83 2019",
      "2019 uppgår avtalstroheten till minst 75 %",
    ]);
    expect(codes("goal.note-number")).toEqual(["2019 uppgår Handelsindex till 100"]);
  });

  test("the unit trap: Utfall 2017 and Prognos 2018 read as mnkr despite 'Alla belopp i tkr'", () => {
    const w = result.warnings.filter((x) => x.code === "budget.unit-mixed");
    expect(w.map((x) => render(x, "sv"))).toEqual([
      expect.stringContaining('"Utfall 2017" anges i tkr'),
      expect.stringContaining('"Prognos 2018" anges i tkr'),
    ]);
    expect(w.every((x) => x.page === 21)).toBe(true);
  });

  test("missing goal table headers and unstated units are said once per case", () => {
    expect(codes("goal.no-header")).toHaveLength(1);
    expect(codes("goal.unit-guessed")).toEqual([
      "Föreningar ska ha förtroende för kommunens stöd",
      "Tillgängligheten för bredband ska öka",
    ]);
    expect(codes("indicator.values")).toEqual(["Hållbart medarbetarengagemang (HME), index"]);
  });

  test("English warnings with --lang en", () => {
    const en = renderWarnings(importPlanFromText(readFileSync(SEED, "utf8")).warnings, "en");
    expect(en.find((w) => w.code === "budget.unit-mixed")?.message).toMatch(/is stated in tkr/);
  });
});
