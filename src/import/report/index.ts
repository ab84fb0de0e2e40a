/**
 * Report PDFs' own figures (host-free): every table read from the layout, its totals and difference columns
 * checked, and a figure two tables of the document state (a summary and its appendix) compared.
 */
import type { Lang } from "../../plan/i18n";
import { msg } from "../../model/messages";
import { layoutPages, type PositionedText } from "../layout";
import type { Finding } from "../../model/types";
import type { ImportResult } from "../types";
import { analyseTable, tableFindings, type DocumentFinding } from "./analyse";
import { describeTable, type TableDescription } from "./describe";
import { readReportTables } from "./read";
import type { ReportCell, ReportTable, UnreadTable } from "./types";
import { halfUnit } from "../../model/precision";

export type { DocumentFinding, Evidence } from "./analyse";
export type { ReportTable, ReportRow, ReportColumn, ReportCell, UnreadTable } from "./types";
export { describeTable, type TableDescription } from "./describe";

export interface ReportResult {
  tables: ReportTable[];
  unread: UnreadTable[];
  findings: DocumentFinding[];
}

const key = (s: string) =>
  s
    .toLowerCase()
    .replace(/^[\d.]+\s+/, "")
    .replace(/[*:]/g, "")
    .replace(/\s+/g, " ")
    .trim();
const GENERIC = /^(summa|s:a|totalt?|totalsumma|summa totalt|)$/;

const value = (c: ReportCell | undefined) =>
  c && c.kind === "number" && !c.percent ? c.value : c && c.kind === "dash" ? 0 : null;

/** Two printed figures, each rounded by up to ½ unit of its own precision. */
const tolOf = (a: { decimals: number }, b: { decimals: number }) =>
  halfUnit(Math.max(0, a.decimals)) + halfUnit(Math.max(0, b.decimals));

interface Stated {
  /** A summary's line, an appendix table's grand total, or a cell of a repeated table. */
  role?: "summary" | "grand";
  table: ReportTable;
  row: number;
  col: number;
  value: number;
  decimals: number;
}

const SUPPORT = {
  sv: "samma rad och kolumn i två tabeller i dokumentet",
  en: "the same row and column in two tables of the document",
};

/**
 * A figure two tables state: the same total (label and column header) in two tables of one shape (a table repeated
 * in a summary), or a summary's row named as another table's title against that table's grand total.
 */
function crossTableFindings(tables: readonly ReportTable[], lang: Lang): DocumentFinding[] {
  const byKey = new Map<string, Stated[]>();
  const put = (k: string, s: Stated) => (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(s);
  const shape = (t: ReportTable) => t.columns.map((c) => key(c.header)).join("/");
  const each = (t: ReportTable, i: number, f: (c: number, s: Stated) => void) =>
    t.columns.forEach((col, c) => {
      const v = value(t.rows[i].cells[c]);
      if (v === null || v === 0 || col.percent || !col.header) return;
      f(c, { table: t, row: i, col: c, value: v, decimals: t.rows[i].cells[c].decimals });
    });
  const titles = new Set(tables.map((t) => key(t.title)).filter((x) => x.length >= 4));
  for (const t of tables) {
    t.rows.forEach((r, i) => {
      const label = key(r.label);
      if (GENERIC.test(label) || label.length < 4) return;
      // A summary's line named as another table's title.
      if (r.kind === "line" && titles.has(label) && label !== key(t.title))
        each(t, i, (c, s) => put(`${label}|${key(t.columns[c].header)}|title`, { ...s, role: "summary" }));
    });
    const grand = [...t.rows.keys()].filter((i) => t.rows[i].kind === "total").pop();
    const title = key(t.title);
    if (grand !== undefined && title.length >= 4)
      each(t, grand, (c, s) => put(`${title}|${key(t.columns[c].header)}|title`, { ...s, role: "grand" }));
  }
  // A table repeated (a summary of the same rows and columns): the rows both state, compared only where most of
  // them agree, so two note tables that merely share a shape ("Summa anskaffningsvärde") are never compared.
  for (let x = 0; x < tables.length; x++)
    for (let y = x + 1; y < tables.length; y++) {
      const [a, b] = [tables[x], tables[y]];
      if (shape(a) !== shape(b) || !shape(a).replace(/\//g, "")) continue;
      const rowsOf = (t: ReportTable) => {
        const m = new Map<string, number>();
        t.rows.forEach((r, i) => {
          const l = key(r.label);
          if (r.kind !== "heading" && l.length >= 4 && !GENERIC.test(l)) m.set(l, i);
        });
        return m;
      };
      const ra = rowsOf(a);
      const rb = rowsOf(b);
      const pairs: [Stated, Stated][] = [];
      let agree = 0;
      for (const [l, i] of ra) {
        const j = rb.get(l);
        if (j === undefined) continue;
        each(a, i, (c, sa) => {
          const vb = value(b.rows[j].cells[c]);
          if (vb === null) return;
          const sb = { table: b, row: j, col: c, value: vb, decimals: b.rows[j].cells[c].decimals };
          if (Math.abs(sa.value - vb) <= tolOf(sa, sb) + 1e-9) agree++;
          else pairs.push([sa, sb]);
        });
      }
      if (agree >= 3 && agree >= 2 * pairs.length)
        for (const [sa, sb] of pairs) {
          put(`repeat|${x}|${y}|${sa.row}|${sa.col}`, sa);
          put(`repeat|${x}|${y}|${sa.row}|${sa.col}`, sb);
        }
    }
  const out: DocumentFinding[] = [];
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const roles = list.some((x) => x.role);
    const pairs: [Stated, Stated][] = roles
      ? list
          .filter((x) => x.role === "grand")
          .flatMap((g) => list.filter((x) => x.role === "summary").map((m): [Stated, Stated] => [g, m]))
      : list.slice(1).map((b): [Stated, Stated] => [list[0], b]);
    for (const [a, b] of pairs) {
      if (b.table === a.table) continue;
      if (a.table.unit && b.table.unit && a.table.unit !== b.table.unit) continue;
      const tol = tolOf(a, b);
      if (Math.abs(a.value - b.value) <= tol + 1e-9) continue;
      const ra = a.table.rows[a.row];
      const rb = b.table.rows[b.row];
      const col = b.table.columns[b.col].header;
      const figure = (x: Stated) => ({ value: x.value, decimals: Math.max(0, x.decimals) });
      out.push({
        rule: "plan.inconsistent",
        severity: "warning",
        sheet: null,
        cell: null,
        ...msg("report.two", {
          label: rb.label,
          column: col,
          a: figure(a),
          pageA: ra.page,
          b: figure(b),
          pageB: rb.page,
        }),
        expected: a.value,
        actual: b.value,
        page: rb.page,
        row: rb.label,
        column: col,
        evidence: {
          table: b.table.title,
          kind: "two-tables",
          lines: [
            { row: `${a.table.title}: ${ra.label}`, column: a.table.columns[a.col].header, value: a.value },
            { row: `${b.table.title}: ${rb.label}`, column: col, value: b.value },
          ],
          computed: a.value,
          tolerance: tol,
          support: SUPPORT[lang],
        },
      });
    }
  }
  return out;
}

/** Reads and checks every table of a report PDF's positioned text. */
export function checkReport(pages: readonly PositionedText[][], lang: Lang): ReportResult {
  const { tables, unread } = readReportTables(layoutPages(pages));
  const findings: DocumentFinding[] = [];
  for (const t of tables) {
    analyseTable(t);
    findings.push(...tableFindings(t, lang));
  }
  findings.push(...crossTableFindings(tables, lang));
  findings.sort((x, y) => (x.page ?? 0) - (y.page ?? 0));
  return { tables, unread, findings };
}

/**
 * An import of a PDF with its report tables: the plan's own findings (its sums only where the report reader read
 * no table), then every table's findings not already said at the same place; "how it was read" for each table with a finding (the pane and the CLI show it).
 */
export function withReport(result: ImportResult, report: ReportResult, lang: Lang): ImportResult {
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
    readTables: flagged.map((t) => describeTable(t, lang)),
    tablesRead: { read: report.tables.length, seen: report.tables.length + report.unread.length },
  };
}

export type { TableDescription as ReadTableDescription };
