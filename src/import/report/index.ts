/**
 * Report PDFs' own figures (host-free): every table read from the layout, its totals and difference columns
 * checked, and a figure two tables of the document state (a summary and its appendix) compared.
 */
import type { Lang } from "../../plan/i18n";
import { layoutPages, type PositionedText } from "../layout";
import type { Finding } from "../../model/types";
import type { ImportResult } from "../types";
import { analyseTable, tableFindings, type DocumentFinding } from "./analyse";
import { readReportTables } from "./read";
import { tablesInconsistent } from "../../checks/rules/planInconsistent";
import type { ReportTable, UnreadTable } from "./types";

export type { DocumentFinding, Evidence } from "./analyse";
export type { ReportTable, ReportRow, ReportColumn, ReportCell, UnreadTable } from "./types";

export interface ReportResult {
  tables: ReportTable[];
  unread: UnreadTable[];
  findings: DocumentFinding[];
}

/** Reads and checks every table of a report PDF's positioned text. */
export function checkReport(pages: readonly PositionedText[][], lang: Lang): ReportResult {
  const { tables, unread } = readReportTables(layoutPages(pages));
  const findings: DocumentFinding[] = [];
  const analysed = tables.map((t) => analyseTable(t));
  for (const a of analysed) findings.push(...tableFindings(a, lang));
  findings.push(...tablesInconsistent(analysed, lang));
  findings.sort((x, y) => (x.page ?? 0) - (y.page ?? 0));
  return { tables, unread, findings };
}

/**
 * An import of a PDF with its report tables: the plan's own findings (its sums only where the report reader read
 * no table), then every table's findings not already said at the same place; "how it was read" for each table with a finding (the pane and the CLI show it).
 */
export function withReport(result: ImportResult, report: ReportResult): ImportResult {
  const place = (f: Finding) => `${f.rule}|${f.page ?? ""}|${f.row ?? ""}|${f.column ?? ""}`;
  // On a page whose tables the report reader read, its sums replace the plan importer's: that one takes a
  // table's last line (Eget kapital) as its total when it finds none. Elsewhere (flattened text) they stay.
  const readPages = new Set(report.tables.flatMap((t) => t.pages));
  const own = result.findings.filter(
    (f) =>
      !((f.rule === "sum.mismatch" || f.rule === "cell.error") && f.page != null && readPages.has(f.page)),
  );
  const seen = new Set(own.map(place));
  const extra = report.findings.filter((f) => !seen.has(place(f)));
  const findings = [...own, ...extra].sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  const flagged = report.tables.filter((t) =>
    report.findings.some(
      (f) => f.page != null && t.pages.includes(f.page) && t.rows.some((r) => r.label === f.row),
    ),
  );
  return {
    ...result,
    findings,
    readTables: flagged,
    tablesRead: { read: report.tables.length, seen: report.tables.length + report.unread.length },
  };
}
