/**
 * `plankoll check FILE.pdf` (beside workbooks) and `plankoll tables FILE.pdf` through the built CLI (pdfjs is
 * ESM-only; Jest cannot load it in-process): document findings in the contract's shape, exit codes as for workbooks.
 */
import { join } from "path";
import { builtCli, ensureCliBuilt } from "../../support/builtCli";
import { DOCUMENT_FINDING_FIELDS } from "../../support/findingFields";

const ROOT = join(__dirname, "..", "..", "..");
const REPORTS = join(ROOT, "tests", "fixtures", "reports");
const DOCS = join(ROOT, "tests", "fixtures", "documents");
const BOOKS = join(ROOT, "tests", "fixtures", "workbooks");

beforeAll(() => ensureCliBuilt());

describe("plankoll check FILE.pdf", () => {
  test("a report with planted errors: exit 1, document findings with page, row, column and evidence", () => {
    const r = builtCli("check", join(REPORTS, "years.pdf"), "--format", "json");
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.files).toHaveLength(1);
    expect(doc.files[0]).toMatchObject({ error: null, tables: { read: 3, seen: 3 } });
    const [f] = doc.files[0].findings;
    expect(Object.keys(f)).toEqual([...DOCUMENT_FINDING_FIELDS, "evidence"]);
    expect(f).toMatchObject({
      rule: "sum.mismatch",
      severity: "error",
      sheet: null,
      cell: null,
      page: 2,
      row: "Summa kostnader",
      column: "Utfall 2024",
      expected: -48900,
      actual: -48930,
    });
    expect(f.evidence.lines).toHaveLength(3);
  });

  test("mixed with a workbook in one run; a report PDF that is correct but for rounding: exit 0 for it alone", () => {
    const clean = builtCli("check", join(DOCS, "rounding-ok.pdf"));
    expect(clean.code).toBe(0);
    expect(clean.out).toMatch(/inga fel eller varningar/);
    const mixed = builtCli(
      "check",
      join(REPORTS, "counts.pdf"),
      join(BOOKS, "sum.mismatch", "lo-not-rounded-figures-add-up.xlsx"),
      "--format",
      "json",
    );
    const doc = JSON.parse(mixed.out);
    expect(doc.files.map((x: { file: string }) => x.file.split("/").pop())).toEqual([
      "counts.pdf",
      "lo-not-rounded-figures-add-up.xlsx",
    ]);
    expect(mixed.code).toBe(1);
  });

  test("text report: page instead of cell, tables read of seen; English with --lang en", () => {
    const sv = builtCli("check", join(REPORTS, "counts.pdf"));
    expect(sv.out).toMatch(/3 av 3 tabeller lästa/);
    expect(sv.out).toMatch(
      /s\. 2 +fel +sum\.mismatch +Summan "Totalt antal anställda" \(2024\) är 34 men dess 4 rader summerar till 35/,
    );
    const en = builtCli("check", join(REPORTS, "counts.pdf"), "--lang", "en");
    expect(en.out).toMatch(
      /p\. 2 +error +sum\.mismatch +The total "Totalt antal anställda" \(2024\) is 34 but its 4 lines add up to 35/,
    );
  });

  test("an unreadable PDF: exit 2 with the reason, the other files still checked", () => {
    const r = builtCli("check", join(DOCS, "scanned.pdf"), join(REPORTS, "years.pdf"));
    expect(r.code).toBe(2);
    // Why a file could not be read goes to stderr; the report's summary counts it.
    expect(r.err).toMatch(/scanned\.pdf: kan inte läsas – PDF:en innehåller ingen text/);
    expect(r.out).toMatch(/1 fil kunde inte läsas/);
    expect(r.out).toMatch(/years\.pdf: 1 fel/);
    const json = builtCli("check", join(DOCS, "scanned.pdf"), join(DOCS, "saknas.pdf"), "--format", "json");
    const errors = (JSON.parse(json.out) as { files: { error: { code: string } | null }[] }).files.map(
      (f) => f.error?.code,
    );
    expect(errors).toEqual(["no-text", "not-found"]);
  });
});

describe("plankoll tables FILE.pdf", () => {
  test("text: each table with its columns, rows, totals and differences; --page picks one page", () => {
    const r = builtCli("tables", join(REPORTS, "differences.pdf"), "--page", "2");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/3 av 3 tabeller lästa på s\. 2/);
    expect(r.out).toMatch(/3\. Budgetavvikelse — = Budget helår − Utfall helår/);
    expect(r.out).toMatch(
      /summa +Summa pågående projekt: 85 500 \| 52 650 \| 32 950 ← summa av rad 1, 2, 3, 4/,
    );
    const none = builtCli("tables", join(REPORTS, "differences.pdf"), "--page", "1");
    expect(none.out).toMatch(/0 av 0 tabeller lästa på s\. 1/);
  });

  test("json: tables read and seen, each with header, rows and kinds", () => {
    const r = builtCli("tables", join(REPORTS, "counts.pdf"), "--format", "json");
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ read: 3, seen: 3, unread: [] });
    expect(doc.tables[0]).toMatchObject({ title: "Antal anställda", page: 2, labelHeader: "Antal" });
    expect(doc.tables[0].rows.at(-1)).toMatchObject({
      kind: "total",
      total: { by: "label", lines: [0, 1, 2, 3] },
    });
  });

  test("usage errors: no file, a bad page number, an unreadable PDF: exit 2, no stack trace", () => {
    for (const args of [[], [join(REPORTS, "counts.pdf"), "--page", "x"], [join(DOCS, "not-a-pdf.pdf")]]) {
      const r = builtCli("tables", ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^plankoll tables: /);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});
