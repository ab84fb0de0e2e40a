/**
 * Report tables on PDFs made by LibreOffice from tests/fixtures/reports/*.html (each source says what is planted):
 * every planted error is found at its page, row and column with its evidence; every correct or merely rounded
 * figure gives nothing; the tables are read as laid out (headers whatever they say, totals, difference columns).
 */
import { join } from "path";
import type { PositionedText } from "../../../src/import/layout";
import { checkReport, type ReportResult } from "../../../src/import/report";
import { pdfItems } from "../../support/builtCli";
import { render } from "../../../src/i18n";

const DIR = join(__dirname, "..", "..", "fixtures", "reports");
const read = (name: string): ReportResult =>
  checkReport(pdfItems(join(DIR, name)) as PositionedText[][], "sv");

const years = read("years.pdf");
const differences = read("differences.pdf");
const counts = read("counts.pdf");
const summary = read("summary-appendix.pdf");

const serious = (r: ReportResult) => r.findings.filter((f) => f.severity !== "info");
const places = (r: ReportResult) => serious(r).map((f) => `${f.rule} p${f.page} ${f.row} | ${f.column}`);

describe("year columns, balance rows, a table without a total", () => {
  test("every table is read; headers are what stands above the figures (Bokslut 2023, bare years)", () => {
    expect(years.unread).toEqual([]);
    expect(years.tables.map((t) => t.columns.map((c) => c.header))).toEqual([
      ["Bokslut 2023", "Budget 2024", "Utfall 2024"],
      ["2023", "2024", "2025"],
      ["2024", "2025"],
    ]);
  });

  test("the planted Summa kostnader (Utfall 2024) is the only finding; Budget 2024 1 tkr off is rounding", () => {
    expect(places(years)).toEqual(["sum.mismatch p2 Summa kostnader | Utfall 2024"]);
    const f = years.findings[0];
    expect(f).toMatchObject({ severity: "error", sheet: null, cell: null, expected: -48900, actual: -48930 });
    expect(f.evidence).toMatchObject({ kind: "sum", computed: -48900, tolerance: 1.5 });
    expect(f.evidence!.lines.map((l) => l.row)).toEqual([
      "Personalkostnader",
      "Lokalkostnader",
      "Övriga kostnader*",
    ]);
  });

  test("Periodens resultat and Eget kapital are balance rows, and a table's last line is no total", () => {
    const [drift, nyckeltal] = years.tables;
    expect(drift.rows.filter((r) => r.kind === "balance").map((r) => r.label)).toEqual([
      "Periodens resultat",
      "Eget kapital",
    ]);
    expect(nyckeltal.rows.some((r) => r.kind === "total")).toBe(false);
  });
});

describe("difference columns, both sign conventions, Återstår, odd cells", () => {
  test("every table is read, '-400*', 'Ej aktuellt' and '–' keep their columns", () => {
    expect(differences.unread).toEqual([]);
    const kostnader = differences.tables[1];
    const bygg = kostnader.rows.find((r) => r.label === "Byggnadsnämnden")!;
    expect(bygg.cells.map((c) => c.text)).toEqual(["-3 000", "-3 400", "-400*"]);
    expect(bygg.cells[2]).toMatchObject({ value: -400, note: "*" });
    const val = kostnader.rows.find((r) => r.label === "Valnämnden")!;
    expect(val.cells.map((c) => c.kind)).toEqual(["dash", "dash", "text"]);
  });

  test("the difference columns are found by arithmetic, in the sign convention each table uses", () => {
    const rel = differences.tables.map((t) => t.columns.map((c) => c.relation ?? null));
    expect(rel[0][2]).toEqual({ a: 0, b: 1, op: "-" }); // Budgetavvikelse = Budget − Utfall
    expect(rel[1][2]).toEqual({ a: 1, b: 0, op: "-" }); // Avvikelse = Utfall − Budget
    expect(rel[2][2]).toEqual({ a: 0, b: 1, op: "-" }); // Återstår = Budget − Förbrukat
  });

  test("planted differences are errors, the total row's difference with them; the correct table says nothing", () => {
    expect(places(differences)).toEqual([
      "sum.mismatch p2 Kultur | Budgetavvikelse",
      "sum.mismatch p2 Summa verksamheter | Budgetavvikelse",
      "sum.mismatch p2 Lekplatser | Återstår",
      "sum.mismatch p2 Summa pågående projekt | Återstår",
    ]);
    const kultur = differences.findings[0];
    expect(kultur).toMatchObject({ expected: 1.9, actual: 2.4 });
    expect(kultur.evidence).toMatchObject({ kind: "difference", computed: 1.9 });
    expect(render(kultur, "sv")).toContain("Budget helår − Utfall helår (21,5 − 19,6) = 1,9");
  });
});

describe("counts, rounding, a malformed figure", () => {
  test("a count total 1 off is an error (no rounding for counts); 1 tkr off over 4 lines is not", () => {
    const antal = counts.tables[0];
    expect(antal.columns.every((c) => c.count)).toBe(true);
    expect(counts.tables[1].columns.some((c) => c.count)).toBe(false);
    expect(places(counts)).toEqual([
      "sum.mismatch p2 Totalt antal anställda | 2024",
      "cell.number-as-text p2 Konferenser | 2024",
    ]);
    expect(counts.findings[0].evidence).toMatchObject({ tolerance: 0, computed: 35 });
  });

  test("'-7 73' is warned and kept whole, never split into two figures; its column's total is not judged", () => {
    const ovriga = counts.tables[2];
    const konf = ovriga.rows.find((r) => r.label === "Konferenser")!;
    expect(konf.cells.map((c) => c.text)).toEqual(["-7 73", "-702"]);
    expect(konf.cells[0]).toMatchObject({ kind: "malformed", value: null });
    expect(counts.findings[1]).toMatchObject({ severity: "warning", actual: "-7 73" });
  });
});

describe("a table over two pages and a summary repeating its appendix", () => {
  test("the appendix table over pages 2–4 is one table; its repeated header is not a row", () => {
    const grund = summary.tables.find((t) => t.title === "Grundskola")!;
    expect(grund.pages.length).toBeGreaterThan(1);
    expect(grund.rows.filter((r) => r.kind === "line")).toHaveLength(45);
    expect(grund.rows.at(-1)!.total!.lines).toHaveLength(45);
  });

  test("the planted Prognos total on the last page and the summary's Grundskola Utfall are found; Förskola agrees", () => {
    expect(places(summary)).toEqual([
      "plan.inconsistent p1 Grundskola | Utfall 2025",
      `sum.mismatch p${summary.tables[2].rows.at(-1)!.page} Summa | Prognos 2026`,
    ]);
    expect(summary.findings[0]).toMatchObject({ severity: "warning", expected: 24789, actual: 24739 });
    expect(summary.findings[0].evidence!.kind).toBe("two-tables");
    expect(summary.findings[1]).toMatchObject({ expected: 25134, actual: 25234 });
  });
});

describe("two tables side by side (a balance sheet's halves, two notes in two page columns)", () => {
  const sides = read("side-by-side.pdf");
  test("each half is read as its own table: its labels, header and columns", () => {
    expect(sides.unread).toEqual([]);
    expect(
      sides.tables.map((t) => [t.title, t.labelHeader, t.columns.map((c) => c.header), t.rows.at(-1)!.label]),
    ).toEqual([
      ["Balansräkning", "Tillgångar (tkr)", ["2024", "2023"], "Summa tillgångar"],
      ["Balansräkning", "Kapital och skulder (tkr)", ["2024", "2023"], "Summa kapital och skulder"],
      ["Noter", "Not 5 Personal (mnkr)", ["2024", "2023"], "Summa personalkostnader"],
      ["Noter", "Not 6 Övrigt (mnkr)", ["2024", "2023"], "Summa övriga kostnader"],
    ]);
    expect(sides.tables.flatMap((t) => t.ambiguous).join()).not.toContain("beside");
  });

  test("the planted Summa skulder (2024) in the right half is the only finding; Not 6's 8,8 is rounding", () => {
    expect(places(sides)).toEqual(["sum.mismatch p2 Summa skulder | 2024"]);
    expect(serious(sides)[0]).toMatchObject({ severity: "error", expected: 10435, actual: 10535 });
    expect(serious(sides)[0].evidence!.lines.map((l) => l.row)).toEqual([
      "Leverantörsskulder",
      "Övriga kortfristiga skulder",
      "Upplupna kostnader",
    ]);
  });
});
