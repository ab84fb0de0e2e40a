/**
 * Scores the report reader against the hand annotations of tests/corpus/documents/*.json (shared by the goals test
 * and `npm run bench -- documents`): annotated tables read, annotated errors caught, and false alarms (an error or
 * warning that is no annotated error, on a correct or merely rounded figure or anywhere else).
 */
import type { DocumentFinding, ReportResult } from "../../src/import/report";

export interface AnnotatedTable {
  page: number;
  title: string | null;
  total: string;
  stated: string[];
  verdict: "correct" | "rounding" | "error" | "not-settled" | "not-read";
  reason: string;
}

export interface AnnotatedError {
  page: number;
  row: string;
  column: string;
  stated: number;
  expected: number;
  reason: string;
}

export interface Annotation {
  file: string;
  name: string;
  tables: AnnotatedTable[];
  errors: AnnotatedError[];
}

export interface Score {
  tables: number;
  read: AnnotatedTable[];
  unread: AnnotatedTable[];
  errors: number;
  caught: AnnotatedError[];
  missed: AnnotatedError[];
  falseAlarms: DocumentFinding[];
  /** Tables the reader saw in the whole document, and how many it read. */
  seen: number;
  readAll: number;
}

const norm = (s: string) =>
  s
    .replace(/[\u00a0\u2009\u202f]/g, " ")
    .replace(/[\u2212\u2013]/g, "-")
    .trim();
const serious = (f: DocumentFinding) => f.severity === "error" || f.severity === "warning";
const at = (f: DocumentFinding, e: AnnotatedError) =>
  f.page === e.page && f.row === e.row && f.column === e.column;

/** An annotated table is read when a table on its page has a total row with its label and its printed figures. */
function isRead(report: ReportResult, t: AnnotatedTable): boolean {
  const label = t.total.toLowerCase().slice(0, 12);
  return report.tables.some(
    (table) =>
      table.pages.includes(t.page) &&
      table.rows.some(
        (r) =>
          r.total &&
          r.label.toLowerCase().startsWith(label) &&
          t.stated.every((s) => s === "-" || r.cells.some((c) => norm(c.text) === norm(s))),
      ),
  );
}

export function score(annotation: Annotation, report: ReportResult): Score {
  const read = annotation.tables.filter((t) => isRead(report, t));
  const caught = annotation.errors.filter((e) => report.findings.some((f) => serious(f) && at(f, e)));
  return {
    tables: annotation.tables.length,
    read,
    unread: annotation.tables.filter((t) => !read.includes(t)),
    errors: annotation.errors.length,
    caught,
    missed: annotation.errors.filter((e) => !caught.includes(e)),
    falseAlarms: report.findings.filter((f) => serious(f) && !annotation.errors.some((e) => at(f, e))),
    seen: report.tables.length + report.unread.length,
    readAll: report.tables.length,
  };
}
