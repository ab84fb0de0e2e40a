/**
 * Report PDFs' own figures (host-free): every table read from the layout, its totals and difference columns
 * checked, and a figure two tables of the document state (a summary and its appendix) compared.
 */
import type { Lang } from "../../i18n";
import { formatSvNumber } from "../../numbers";
import { layoutPages, type PositionedText } from "../layout";
import { analyseTable, tableFindings, type DocumentFinding } from "./analyse";
import { readReportTables } from "./read";
import type { ReportCell, ReportTable, UnreadTable } from "./types";

export type { DocumentFinding, Evidence } from "./analyse";
export type { ReportTable, ReportRow, ReportColumn, ReportCell, UnreadTable } from "./types";

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

interface Stated {
  table: ReportTable;
  row: number;
  col: number;
  value: number;
  decimals: number;
}

const WORDS = {
  two: {
    sv: (label: string, col: string, a: string, pa: number, b: string, pb: number) =>
      `"${label}" (${col}) är ${a} på s. ${pa} men ${b} på s. ${pb}.`,
    en: (label: string, col: string, a: string, pa: number, b: string, pb: number) =>
      `"${label}" (${col}) is ${a} on p. ${pa} but ${b} on p. ${pb}.`,
  },
  support: {
    sv: "samma rad och kolumn i två tabeller i dokumentet",
    en: "the same row and column in two tables of the document",
  },
};

/** A figure two tables state (same row label and column header, or a summary row named as another table's title). */
function crossTableFindings(tables: readonly ReportTable[], lang: Lang): DocumentFinding[] {
  const byKey = new Map<string, Stated[]>();
  const put = (k: string, s: Stated) => (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(s);
  for (const t of tables) {
    t.rows.forEach((r, i) => {
      if (r.kind === "heading" || r.kind === "breakdown" || r.kind === "ratio") return;
      const label = key(r.label);
      if (GENERIC.test(label) || label.length < 4) return;
      t.columns.forEach((col, c) => {
        const v = value(r.cells[c]);
        if (v === null || v === 0 || col.percent || !col.header) return;
        put(`${label}|${key(col.header)}`, {
          table: t,
          row: i,
          col: c,
          value: v,
          decimals: r.cells[c].decimals,
        });
      });
    });
    // An appendix table's grand total stands for the table's title in a summary.
    const grand = [...t.rows.keys()].filter((i) => t.rows[i].kind === "total").pop();
    const title = key(t.title);
    if (grand !== undefined && title.length >= 4)
      t.columns.forEach((col, c) => {
        const v = value(t.rows[grand].cells[c]);
        if (v === null || v === 0 || col.percent || !col.header) return;
        put(`${title}|${key(col.header)}`, {
          table: t,
          row: grand,
          col: c,
          value: v,
          decimals: t.rows[grand].cells[c].decimals,
        });
      });
  }
  const out: DocumentFinding[] = [];
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const a = list[0];
    for (const b of list.slice(1)) {
      if (b.table === a.table) continue;
      if (a.table.unit && b.table.unit && a.table.unit !== b.table.unit) continue;
      const tol = (Math.pow(10, -Math.max(0, a.decimals)) + Math.pow(10, -Math.max(0, b.decimals))) / 2;
      if (Math.abs(a.value - b.value) <= tol + 1e-9) continue;
      const ra = a.table.rows[a.row];
      const rb = b.table.rows[b.row];
      const col = b.table.columns[b.col].header;
      const fmt = (x: Stated) => formatSvNumber(x.value, Math.max(0, x.decimals));
      out.push({
        rule: "plan.inconsistent",
        severity: "warning",
        sheet: null,
        cell: null,
        message: WORDS.two[lang](rb.label, col, fmt(b), rb.page, fmt(a), ra.page),
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
          support: WORDS.support[lang],
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
