/**
 * What the pane's Import view and `plankoll import` get for a PDF (withReport): the plan importer's findings, the
 * report tables' findings said once per place, and "how it was read" for each table with a finding only.
 */
import { join } from "path";
import { documentFromLayout, type PositionedText } from "../../../src/import/layout";
import { describeTable } from "../../../src/i18n/describeTable";
import { checkReport, withReport } from "../../../src/import/report";
import { importDocument } from "../../../src/import/text";
import { pdfItems } from "../../support/builtCli";

const read = (path: string) => {
  const pages = pdfItems(path) as PositionedText[][];
  const r = withReport(importDocument(documentFromLayout(pages)), checkReport(pages, "sv"));
  return { ...r, readTables: (r.readTables ?? []).map((t) => describeTable(t, "sv")) };
};

test("a plan PDF: a total both readers find is said once, and its table is described", () => {
  const r = read(join(__dirname, "..", "..", "fixtures", "documents", "budget-sum-error.pdf"));
  const at = r.findings.filter((f) => f.page === 1 && f.row === "Totalt" && f.column === "Budget 2020");
  expect(at).toHaveLength(1);
  expect(r.readTables!.map((t) => t.heading)).toEqual(["s. 1: Ekonomisk redovisning per verksamhet, tkr"]);
  expect(r.readTables![0].rows.at(-1)).toMatch(/summa +Totalt: 178 473 \| 182 270 ← summa av rad 1, 2, 3, 4/);
});

test("a report: only the tables with a finding are described; tables read of seen are counted", () => {
  const r = read(join(__dirname, "..", "..", "fixtures", "reports", "years.pdf"));
  expect(r.tablesRead).toEqual({ read: 3, seen: 3 });
  expect(r.readTables!.map((t) => t.heading)).toEqual(["s. 2: Tabell 1, utfall per 2024-12-31, tkr [tkr]"]);
  expect(r.readTables![0].columns).toEqual(["1. Bokslut 2023", "2. Budget 2024", "3. Utfall 2024"]);
});

test("on a page the report reader read, the plan importer's sums give way: a table's last line is no total", () => {
  const path = join(__dirname, "..", "..", "fixtures", "reports", "years.pdf");
  const pages = pdfItems(path) as PositionedText[][];
  const plain = importDocument(documentFromLayout(pages));
  // The plan importer alone takes the last line of a table without a total (Lokalhyra) as its total.
  expect(plain.findings.some((f) => f.row === "Lokalhyra")).toBe(true);
  const r = withReport(plain, checkReport(pages, "sv"));
  expect(r.findings.map((f) => `${f.severity} p${f.page} ${f.row} | ${f.column}`)).toEqual([
    "error p2 Summa kostnader | Utfall 2024",
  ]);
});
