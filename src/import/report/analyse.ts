/**
 * A report table through the one table analysis (src/checks/tables) and the rules' document findings
 * (src/checks/rules): the table as read becomes a neutral grid (labels, printed figures with their decimals,
 * headers), the analysis settles its totals, counts, percentages and relation columns, and those facts are
 * written back onto the table, which `plankoll tables` and the task pane show as "how it was read".
 */
import type { Lang } from "../../plan/i18n";
import { analyseGrid } from "../../checks/tables/analyse";
import type { DocumentFinding, TableGrid } from "../../checks/tables/types";
import type { AnalysedTable } from "../../checks/rules/common";
import { tableSumMismatch } from "../../checks/rules/sumMismatch";
import { tableMalformed } from "../../checks/rules/cellNumberAsText";
import type { ReportTable } from "./types";

export type { DocumentFinding, Evidence, EvidenceLine } from "../../checks/tables/types";
export type { AnalysedTable } from "../../checks/rules/common";

/** The table as the analysis' grid (the cells are the table's own, not copies). */
export function reportGrid(t: ReportTable): TableGrid {
  return {
    title: t.title,
    labelHeader: t.labelHeader,
    unit: t.unit,
    headers: t.columns.map((c) => c.header),
    rows: t.rows.map((r) => ({
      label: r.label,
      heading: r.kind === "heading",
      page: r.page,
      cells: r.cells,
    })),
  };
}

/** Analyses the table and writes the facts onto it (row kinds and totals, column kinds and relations). */
export function analyseTable(t: ReportTable): AnalysedTable {
  const grid = reportGrid(t);
  // The reader's own doubts (a table standing beside it) stay first; the analysis and the rules add theirs.
  const facts = analyseGrid(grid, t.ambiguous);
  t.rows.forEach((r, i) => {
    const f = facts.rows[i];
    r.kind = f.kind;
    if (f.total) r.total = f.total;
    else delete r.total;
  });
  t.columns.forEach((col, c) => Object.assign(col, facts.columns[c]));
  return { grid, facts };
}

/** The table's own findings, by the workbook rules' document side: sums and relations, malformed figures. */
export function tableFindings(table: AnalysedTable, lang: Lang): DocumentFinding[] {
  return [...tableSumMismatch(table, lang), ...tableMalformed(table)];
}
