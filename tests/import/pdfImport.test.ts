/**
 * The importer on real PDFs (made by LibreOffice from the sources in tests/fixtures/documents): text items come from
 * pdfjs in a child process (pdfItems.mjs; Jest cannot load ESM-only pdfjs), the layout model and recognisers run
 * here. Planted sum errors are flagged at the right page/row/column; the correct document gives no finding.
 */
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";
import { embeddedPlan } from "../../src/plan/embedded";
import { documentFromLayout, type PositionedText } from "../../src/import/layout";
import { importDocument } from "../../src/import/text";
import { importPlanFromText } from "../../src/import/text";
import type { ImportResult } from "../../src/import/types";
import { render } from "../../src/i18n";

const DOCS = join(__dirname, "..", "fixtures", "documents");

function importPdf(name: string): ImportResult {
  const json = execFileSync(process.execPath, [join(__dirname, "pdfItems.mjs"), join(DOCS, name)], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages = JSON.parse(json) as PositionedText[][];
  return importDocument(documentFromLayout(pages, name), { source: name });
}

const sumError = importPdf("budget-sum-error.pdf");
const roundingOk = importPdf("rounding-ok.pdf");
const relationCount = importPdf("relation-count-error.pdf");

describe("planted errors are flagged at page, row and column", () => {
  test("a Totalt that differs from its lines: sum.mismatch on page 1, row Totalt, column Budget 2020", () => {
    expect(sumError.findings).toEqual([
      expect.objectContaining({
        rule: "sum.mismatch",
        severity: "error",
        sheet: null,
        cell: null,
        page: 1,
        row: "Totalt",
        column: "Budget 2020",
        expected: 182000,
        actual: 182270,
      }),
    ]);
    // The message names the lines, not spreadsheet cells; the evidence lists them, as a report PDF's finding does.
    expect(render(sumError.findings[0], "sv")).toMatch(/dess 4 rader summerar till 182\s000/);
    const lines = (sumError.findings[0].evidence?.lines ?? []) as { row: string }[];
    expect([lines[0]?.row, lines[lines.length - 1]?.row]).toEqual(["Gator och vägar", "Kollektivtrafik"]);
    expect(render(sumError.findings[0], "sv")).not.toMatch(/\b[A-Z]\d+\b/);
    expect(render(sumError.findings[0], "en")).not.toMatch(/\b[A-Z]\d+\b/);
  });

  test("the correct column and the correct investment list next to it are not flagged", () => {
    const table = sumError.plan.budgetTables.find((t) => t.kind === "operating")!;
    expect(table.measures.map((m) => `${m.label} ${m.unit}`)).toEqual(["Budget 2019 tkr", "Budget 2020 tkr"]);
    expect(table.lines.map((l) => l.label)).toEqual([
      "Gator och vägar",
      "Parker",
      "Fastigheter",
      "Kollektivtrafik",
    ]);
    expect(table.total.values).toEqual({ "budget-2019": 178473, "budget-2020": 182270 });
    const inv = sumError.plan.budgetTables.find((t) => t.kind === "investment")!;
    expect(inv.title).toBe("Investeringsbudget Teknikförvaltningen 2020");
    expect(inv.page).toBe(2);
    expect(inv.lines.map((l) => [l.label, l.values["budget-2020"]])).toEqual([
      ["Gatubelysning LED", 4500000],
      ["Lekplatser", 1250000],
      ["Cykelvägar", 3000000],
    ]);
    expect(inv.total.values["budget-2020"]).toBe(8750000);
  });

  test("a stated sum that does not add up, and a count that does not match", () => {
    const pick = relationCount.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      page: f.page,
      expected: f.expected,
      actual: f.actual,
    }));
    expect(pick).toEqual([
      { rule: "plan.inconsistent", severity: "error", page: 1, expected: 214.7, actual: 215.2 },
      { rule: "plan.inconsistent", severity: "error", page: 1, expected: 3, actual: 4 },
    ]);
    expect(relationCount.findings[1].row).toMatch(/^På förvaltningen finns 4 processmål/);
  });
});

describe("a correct document with rounding gives no finding", () => {
  test("mnkr totals 0,1 off their lines are within rounding; the stated sum and the count hold", () => {
    expect(roundingOk.findings).toEqual([]);
    const t = roundingOk.plan.budgetTables[0];
    expect(t.unitNote).toBe("Belopp i mnkr.");
    expect(t.measures.every((m) => m.unit === "mnkr")).toBe(true);
    expect(t.total.values).toEqual({ "budget-2020": 182.1, "prognos-2020": 182 });
    // Both the text's sum and its tie to the table total were read (and hold).
    expect(roundingOk.plan.relations.map((r) => r.total.value)).toEqual([182.1, 182.1]);
    expect(roundingOk.plan.facts.map((f) => [f.counts, f.value])).toEqual([["goals", 3]]);
  });

  test("a goal table with real columns: cell gaps settle numbers in titles (no warning), wrapped title cells are rejoined, the header gives the years", () => {
    const goals = roundingOk.plan.goals;
    expect(goals.map((g) => g.title)).toEqual([
      "Antal cykelplatser ska öka till 700",
      "Andel resor med kollektivtrafik (%)",
      // A title cell wrapped over two lines, the figures centred between them.
      "Nöjd medborgarindex för gator, torg och parker i hela kommunen ska nå 60",
    ]);
    expect(goals.map((g) => g.values.map((v) => v.value))).toEqual([
      [35, 2, 35],
      [25, 23, 27],
      [58, 55, 60],
    ]);
    expect(goals[0].values.map((v) => [v.period, v.kind, v.asOf])).toEqual([
      [2019, "target", undefined],
      [2019, "outcome", "t o m augusti 2019"],
      [2020, "target", undefined],
    ]);
    expect(goals.map((g) => g.unit)).toEqual(["count", "percent", "index"]);
    expect(goals[0].area).toEqual(["Trafik"]);
    expect(roundingOk.warnings.filter((w) => w.part === "goal")).toEqual([]);
  });
});

describe("the seed as a PDF reads like the seed text", () => {
  const fromPdf = importPdf("seed.pdf");
  const fromText = importPlanFromText(
    readFileSync(join(__dirname, "..", "fixtures", "seed", "KSKF-2018-294.txt"), "utf8"),
    { source: "seed.pdf" },
  );

  test("same plan as from the text (and so the embedded plan's goals and figures)", () => {
    expect(fromPdf.plan).toEqual(fromText.plan);
    expect(fromPdf.plan.goals.map((g) => [g.title, g.values.map((v) => v.value)])).toEqual(
      embeddedPlan.goals.map((g) => [g.title, g.values.map((v) => v.value)]),
    );
  });

  test("same warnings and findings", () => {
    expect(fromPdf.warnings).toEqual(fromText.warnings);
    expect(fromPdf.findings).toEqual(fromText.findings);
  });
});

describe("table layouts: wrapped headers and tight tables", () => {
  const wrapped = importPdf("wrapped-headers.pdf");
  const tight = importPdf("tight-table.pdf");

  test("headers wrapped over two lines ('Budget' / '2019') are rejoined per column: measures and years right", () => {
    const t = wrapped.plan.budgetTables[0];
    expect(t.measures.map((m) => [m.label, m.kind, m.year])).toEqual([
      ["Utfall 2017", "outcome", 2017],
      ["Prognos 2018", "forecast", 2018],
      ["Budget 2019", "budget", 2019],
    ]);
    expect(t.lines.map((l) => l.label)).toEqual(["Idrottshallar", "Bad", "Fritidsgårdar"]);
    expect(t.total.values).toEqual({ "utfall-2017": 61825, "prognos-2018": 63650, "budget-2019": 65200 });
    expect(wrapped.tables[0].headers).toEqual(["Utfall 2017", "Prognos 2018", "Budget 2019"]);
    // The goal header "Utfall t o m" / "augusti 2018" too; figures with thousands groups stay whole.
    expect(
      wrapped.plan.goals.map((g) => [g.title, g.values.map((v) => [v.period, v.kind, v.asOf, v.value])]),
    ).toEqual([
      [
        "Antal besök i simhallen ska öka till 200 000",
        [
          [2018, "target", undefined, 180000],
          [2018, "outcome", "t o m augusti 2018", 121500],
          [2019, "target", undefined, 190000],
        ],
      ],
      [
        "Andel flickor bland aktiva (%)",
        [
          [2018, "target", undefined, 45],
          [2018, "outcome", "t o m augusti 2018", 43],
          [2019, "target", undefined, 47],
        ],
      ],
    ]);
    expect(wrapped.warnings).toEqual([]);
    expect(wrapped.findings).toEqual([]);
  });

  test("a tight table (no padding, middle-aligned wrapped titles, rows a line apart) keeps each title whole", () => {
    expect(tight.plan.goals.map((g) => [g.title, g.values.map((v) => v.value)])).toEqual([
      ["Antal besök på biblioteken ska öka med minst 5 procent per år", [410000, 265300, 430000]],
      ["Antal elever som deltar i Skapande skola ska vara 900", [850, 610, 880]],
      ["Antal utlån av e-böcker per invånare ska öka till 1,5", [1.2, 0.9, 1.4]],
      ["Andel barn i kulturskolan (%)", [18, 17, 19]],
      ["Nöjd kundindex för museet och konsthallen ska nå 75", [72, 70, 74]],
    ]);
    expect(tight.plan.goals[0].values[1].asOf).toBe("t o m augusti 2019");
    expect(tight.warnings).toEqual([]);
    // "5 processmål" holds with the five goals read.
    expect(tight.findings).toEqual([]);
  });
});

describe("counts stated in words", () => {
  const doc = importPdf("count-words.pdf");

  test("'tretton processmål' with 13 goals listed holds; 'fjorton processmål' is flagged at its page and sentence", () => {
    expect(doc.plan.goals).toHaveLength(13);
    expect(doc.plan.facts.map((f) => [f.counts, f.value, f.page])).toEqual([
      ["goals", 13, 1],
      ["goals", 14, 2],
    ]);
    expect(doc.findings.map((f) => [f.rule, f.severity, f.page, f.row, f.expected, f.actual])).toEqual([
      [
        "plan.inconsistent",
        "error",
        2,
        "I bilagan sammanfattas att förvaltningen har fjorton processmål",
        13,
        14,
      ],
    ]);
  });
});

describe("tables over several pages", () => {
  const doc = importPdf("multi-page.pdf");

  test("a table continued on the next pages is one table, header repeated or not, numbered labels kept", () => {
    const [schools, preschools] = doc.plan.budgetTables;
    expect([schools.title, schools.page, schools.lines.length]).toEqual([
      "Ekonomisk redovisning per skolenhet",
      2,
      60,
    ]);
    expect(schools.lines[9].label).toBe("Skolenhet 10");
    // Compound names with a shared part are read whole.
    expect([doc.plan.body, doc.plan.unit]).toEqual([
      "Barn- och utbildningsnämnden",
      "Barn- och utbildningsförvaltningen",
    ]);
    expect(schools.lines[59].label).toBe("Skolenhet 60");
    expect([preschools.title, preschools.page, preschools.lines.length]).toEqual([
      "Ekonomisk redovisning per förskoleenhet",
      4,
      55,
    ]);
    expect(doc.tables.map((t) => t.rows.map((r) => r.page)).map((p) => [p[0], p[p.length - 1]])).toEqual([
      [2, 4],
      [4, 6],
    ]);
  });

  test("the total is checked against all lines; the finding is on the total's page, once", () => {
    expect(doc.findings).toEqual([
      expect.objectContaining({
        rule: "sum.mismatch",
        page: 4,
        row: "Totalt",
        column: "Budget 2020",
        expected: 314706,
        actual: 314806,
      }),
    ]);
  });
});

describe("rounding tolerance of a table in mnkr with one decimal", () => {
  const doc = importPdf("rounding-mnkr.pdf");

  test("12 lines: a total 0,6 off (12 × 0,05) is rounding, 0,7 off is a sum error at page, row and column", () => {
    const t = doc.plan.budgetTables[0];
    expect(t.lines).toHaveLength(12);
    expect(t.measures.map((m) => m.unit)).toEqual(["mnkr", "mnkr"]);
    expect(t.total.values).toEqual({ "budget-2020": 254.6, "prognos-2020": 259.4 });
    expect(doc.findings).toEqual([
      expect.objectContaining({
        rule: "sum.mismatch",
        page: 2,
        row: "Totalt",
        column: "Prognos 2020",
        expected: 258.7,
        actual: 259.4,
      }),
    ]);
    expect(render(doc.findings[0], "sv")).toContain("dess 12 rader summerar till 258,7");
    const lines = (doc.findings[0].evidence?.lines ?? []) as { row: string }[];
    expect([lines[0]?.row, lines[lines.length - 1]?.row]).toEqual(["Ledning", "Trafiksäkerhet"]);
  });
});
