/**
 * The goals of issue 10 on the annotated real documents (tests/corpus/documents/*.json; PDFs in ../shared/corpus):
 * every annotated table with a total is read, every annotated error is caught, and no error or warning is raised
 * on a correct or merely rounded figure (nor anywhere else). `npm run bench -- documents` prints the same figures.
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import type { PositionedText } from "../../src/import/layout";
import { checkReport } from "../../src/import/report";
import { score, type Annotation } from "../../scripts/support/documentScore";
import { pdfItems } from "../support/builtCli";
import { render } from "../../src/i18n";

const ROOT = join(__dirname, "..", "..");
const DIR = join(__dirname, "documents");
const annotations = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(DIR, f), "utf8")) as Annotation);

test("the annotations cover the three Göteborg reports and two state-agency annual reports", () => {
  expect(annotations.filter((a) => a.file.includes("/documents/goteborg-"))).toHaveLength(3);
  expect(annotations.filter((a) => a.file.includes("/pdfs/")).length).toBeGreaterThanOrEqual(2);
  for (const a of annotations) expect(existsSync(join(ROOT, a.file))).toBe(true);
});

describe.each(annotations.map((a) => [a.name, a] as const))("%s", (_, annotation) => {
  let s: ReturnType<typeof score>;
  beforeAll(() => {
    const pages = pdfItems(join(ROOT, annotation.file)) as PositionedText[][];
    s = score(annotation, checkReport(pages, "sv"));
  }, 60_000);

  test("every annotated table with a total is read", () => {
    expect(s.unread.map((t) => `p. ${t.page} ${t.total}`)).toEqual([]);
  });

  test("every annotated error is caught at its page, row and column", () => {
    expect(s.missed.map((e) => `p. ${e.page} ${e.row} | ${e.column}`)).toEqual([]);
  });

  test("no error or warning on a correct or rounded figure", () => {
    expect(s.falseAlarms.map((f) => `p. ${f.page} ${f.rule}: ${render(f, "sv")}`)).toEqual([]);
    const rounded = annotation.tables.filter((t) => t.verdict === "rounding");
    for (const t of rounded) expect(s.read).toContain(t);
  });
});
