/**
 * Import warnings speak the run's language and come in reading order. QA found Swedish inside English warnings
 * ("Målvärde 2018 | Utfall t o m augusti 2018", "Titel was not found"), "1 numbers", and p. 6 listed after p. 21.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { importPlanFromText } from "../../src/import/text";
import { render, renderWarnings } from "../../src/i18n";
import { msg } from "../../src/model/messages";

const SEED = readFileSync(join(__dirname, "..", "fixtures", "seed", "KSKF-2018-294.txt"), "utf8");
/** The import's warnings as a reader of each language sees them (the import itself has no language). */
const imported = importPlanFromText(SEED);
const en = { warnings: renderWarnings(imported.warnings, "en") };
const sv = { warnings: renderWarnings(imported.warnings, "sv") };

describe("the language of import warnings", () => {
  test("English: the assumed goal columns are English, the outcome date translated", () => {
    const w = en.warnings.find((x) => x.code === "goal.no-header")!;
    expect(w.message).toBe(
      "The goal tables have no column headers; values were read as Target 2018 | Outcome through August 2018 | Target 2019.",
    );
    // Quoted text is the document's own ('Column "Utfall 2017"'); the rest is English.
    for (const x of en.warnings)
      expect(x.message.replace(/"[^"]*"/g, "")).not.toMatch(/Målvärde|Utfall|t o m|\btal\b|kolumn/);
  });

  test("Swedish: the columns as the document words them", () => {
    const w = sv.warnings.find((x) => x.code === "goal.no-header")!;
    expect(w.message).toBe(
      "Processmålstabellerna saknar kolumnrubriker; värdena lästes som Målvärde 2018 | Utfall t o m augusti 2018 | Målvärde 2019.",
    );
  });

  test("a scorecard row with one number: singular in English, Swedish unchanged", () => {
    const pick = (r: typeof en) => r.warnings.find((x) => x.code === "indicator.values")!.message;
    expect(pick(en)).toBe(
      "The scorecard row has 1 number for 2 columns; they were read from the right (target column first).",
    );
    expect(pick(sv)).toBe(
      "Styrkortsraden har 1 tal för 2 kolumner; talen lästes från höger (målkolumnen först).",
    );
    expect(render(msg("indicator.values", { found: 3, expected: 1 }), "en")).toMatch(
      /^The scorecard row has 3 numbers for 1 column;/,
    );
    expect(render(msg("indicator.values", { found: 0, expected: 1 }), "sv")).toMatch(
      /^Styrkortsraden har 0 tal för 1 kolumn;/,
    );
  });

  test("document fields a text lacks are named in the run's language", () => {
    const lacking = importPlanFromText("bara lite text\n").warnings;
    const meta = renderWarnings(lacking, "en").filter((w) => w.code === "document.meta");
    expect(meta.map((w) => w.item)).toEqual([
      "Title",
      "Organisation",
      "Committee",
      "Administration",
      "Year",
      "Reference number",
    ]);
    expect(meta[2].message).toBe('Committee was not found in the document; set to "Okänd nämnd".');
    const svMeta = renderWarnings(lacking, "sv").filter((w) => w.code === "document.meta");
    expect(svMeta.map((w) => w.item)).toEqual([
      "Titel",
      "Organisation",
      "Nämnd",
      "Förvaltning",
      "År",
      "Diarienummer",
    ]);
  });
});

describe("the order of import warnings", () => {
  test("by page, then by place on the page", () => {
    const pages = en.warnings.map((w) => w.page ?? 0);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    // The styrkort (p. 6) is read after the tables (p. 21) but is listed before them.
    expect(en.warnings.findIndex((w) => w.page === 6)).toBeLessThan(
      en.warnings.findIndex((w) => w.page === 21),
    );
    // Same page, same place (one table): the order said, column by column.
    expect(en.warnings.filter((w) => w.page === 21).map((w) => w.message.slice(0, 20))).toEqual([
      'Column "Utfall 2017"',
      'Column "Prognos 2018',
    ]);
    // p. 14: two goals, the first on the page first.
    expect(en.warnings.filter((w) => w.page === 14).map((w) => w.item)).toEqual([
      "2019 ska antalet idéer/förbättringsförslag uppgå till 700",
      "2019 uppgår andelen förverkligade idéer/förbättringsförslag till 10 %",
    ]);
  });

  test("on one page: a table printed before a goal is warned about first, though it is read after", () => {
    const page =
      "Ekonomisk redovisning per avdelning Alla belopp i tkr. Utfall 2017 Prognos 2018 Budget 2019 " +
      "Ledningsstaben 2,6 7,2 139 158 HR 0,4 0,6 64 308 Totalt 3,0 7,8 203 466 " +
      "Fyraårigt processmål Nöjdheten ska öka 1 2 3\n";
    const r = importPlanFromText(page);
    expect(r.warnings.filter((w) => w.code !== "document.meta").map((w) => w.code)).toEqual([
      "budget.unit-mixed",
      "budget.unit-mixed",
      "goal.no-header",
      "goal.no-area",
    ]);
  });
});
