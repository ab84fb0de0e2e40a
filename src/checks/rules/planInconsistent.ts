/**
 * plan.inconsistent across a document's tables: a figure two tables state differently — the same total (label
 * and column header) in two tables of one shape (a table repeated in a summary), or a summary's row named as
 * another table's title against that table's grand total (Nettokostnader in the summary vs Summa totalt in the
 * appendix). Compared within the printed rounding of both figures.
 */
import type { Lang } from "../../plan/i18n";
import { msg } from "../../model/messages";
import { printedHalfUnit, withinAllowance } from "../tables/arithmetic";
import { figureOf } from "../tables/analyse";
import type { DocumentFinding } from "../tables/types";
import type { AnalysedTable } from "./common";

const key = (s: string) =>
  s
    .toLowerCase()
    .replace(/^[\d.]+\s+/, "")
    .replace(/[*:]/g, "")
    .replace(/\s+/g, " ")
    .trim();
const GENERIC = /^(summa|s:a|totalt?|totalsumma|summa totalt|)$/;

/** Two printed figures, each rounded by up to ½ unit of its own precision. */
const tolOf = (a: { decimals: number }, b: { decimals: number }) =>
  printedHalfUnit(a.decimals) + printedHalfUnit(b.decimals);

interface Stated {
  /** A summary's line, an appendix table's grand total, or a cell of a repeated table. */
  role?: "summary" | "grand";
  table: AnalysedTable;
  row: number;
  col: number;
  value: number;
  decimals: number;
}

/** Why the two figures are compared, in the evidence (plain text in the run's language). */
const SUPPORT = {
  sv: "samma rad och kolumn i två tabeller i dokumentet",
  en: "the same row and column in two tables of the document",
};

export function tablesInconsistent(tables: readonly AnalysedTable[], lang: Lang): DocumentFinding[] {
  const byKey = new Map<string, Stated[]>();
  const put = (k: string, s: Stated) => (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(s);
  const shape = (t: AnalysedTable) => t.grid.headers.map((h) => key(h)).join("/");
  const each = (t: AnalysedTable, i: number, f: (c: number, s: Stated) => void) =>
    t.grid.headers.forEach((header, c) => {
      const v = figureOf(t.grid.rows[i].cells[c]);
      if (v === null || v === 0 || t.facts.columns[c].percent || !header) return;
      f(c, { table: t, row: i, col: c, value: v, decimals: t.grid.rows[i].cells[c].decimals });
    });
  const titles = new Set(tables.map((t) => key(t.grid.title)).filter((x) => x.length >= 4));
  for (const t of tables) {
    t.grid.rows.forEach((r, i) => {
      const label = key(r.label);
      if (GENERIC.test(label) || label.length < 4) return;
      // A summary's line named as another table's title.
      if (t.facts.rows[i].kind === "line" && titles.has(label) && label !== key(t.grid.title))
        each(t, i, (c, s) => put(`${label}|${key(t.grid.headers[c])}|title`, { ...s, role: "summary" }));
    });
    const grand = [...t.grid.rows.keys()].filter((i) => t.facts.rows[i].kind === "total").pop();
    const title = key(t.grid.title);
    if (grand !== undefined && title.length >= 4)
      each(t, grand, (c, s) => put(`${title}|${key(t.grid.headers[c])}|title`, { ...s, role: "grand" }));
  }
  // A table repeated (a summary of the same rows and columns): the rows both state, compared only where most of
  // them agree, so two note tables that merely share a shape ("Summa anskaffningsvärde") are never compared.
  for (let x = 0; x < tables.length; x++)
    for (let y = x + 1; y < tables.length; y++) {
      const [a, b] = [tables[x], tables[y]];
      if (shape(a) !== shape(b) || !shape(a).replace(/\//g, "")) continue;
      const rowsOf = (t: AnalysedTable) => {
        const m = new Map<string, number>();
        t.grid.rows.forEach((r, i) => {
          const l = key(r.label);
          if (t.facts.rows[i].kind !== "heading" && l.length >= 4 && !GENERIC.test(l)) m.set(l, i);
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
          const vb = figureOf(b.grid.rows[j].cells[c]);
          if (vb === null) return;
          const sb = { table: b, row: j, col: c, value: vb, decimals: b.grid.rows[j].cells[c].decimals };
          if (withinAllowance(vb, sa.value, tolOf(sa, sb))) agree++;
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
      if (a.table.grid.unit && b.table.grid.unit && a.table.grid.unit !== b.table.grid.unit) continue;
      const tol = tolOf(a, b);
      if (withinAllowance(b.value, a.value, tol)) continue;
      // The same figure with the other sign is a sign convention, not two figures: an income statement prints
      // costs negative, its note positive.
      if (withinAllowance(b.value, -a.value, tol)) continue;
      const ra = a.table.grid.rows[a.row];
      const rb = b.table.grid.rows[b.row];
      const col = b.table.grid.headers[b.col];
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
          pageA: ra.page ?? 0,
          b: figure(b),
          pageB: rb.page ?? 0,
        }),
        expected: a.value,
        actual: b.value,
        page: rb.page ?? null,
        row: rb.label,
        column: col,
        evidence: {
          table: b.table.grid.title,
          kind: "two-tables",
          lines: [
            {
              row: `${a.table.grid.title}: ${ra.label}`,
              column: a.table.grid.headers[a.col],
              value: a.value,
            },
            { row: `${b.table.grid.title}: ${rb.label}`, column: col, value: b.value },
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
