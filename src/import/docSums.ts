/**
 * The document's own sums (a plan import's rebuilt tables), checked by the same table analysis and rule files as
 * a report PDF's: each table becomes the analysis' neutral grid (labels, figures with their printed decimals,
 * headers), its totals and relation columns are settled by arithmetic, and the findings carry page, row label,
 * column header and evidence. The plan's own consistency (stated relations, counts) comes from `checkPlan`; a
 * total both find is said once.
 */
import { checkPlan } from "../checks/planConsistency";
import { analyseGrid } from "../checks/tables/analyse";
import type { GridCell, TableGrid } from "../checks/tables/types";
import { tableSumMismatch } from "../checks/rules/sumMismatch";
import type { Finding } from "../model/types";
import type { Lang } from "../plan/i18n";
import type { Plan } from "../plan/schema";
import type { DocTable } from "./types";

/** A document table as the analysis' grid: the figures with their printed decimals, each row on its own page. */
export function docTableGrid(table: DocTable): TableGrid {
  return {
    title: table.title,
    labelHeader: "",
    unit: null,
    headers: table.headers,
    rows: table.rows.map((r) => ({
      label: r.label,
      heading: false,
      // A table over several pages: a finding is where its row (the total) is printed.
      page: r.page ?? table.page,
      cells: r.cells.map((c): GridCell =>
        c.value === null
          ? { text: c.text, kind: c.text.trim() ? "text" : "empty", value: null, decimals: 0 }
          : { text: c.text, kind: "number", value: c.value, decimals: c.decimals },
      ),
    })),
  };
}

/** Sum rules over the document's tables, then the plan's own consistency; duplicates (same rule and place) once. */
export function checkDocument(plan: Plan, tables: readonly DocTable[], lang: Lang = "sv"): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const key = (f: Finding) => `${f.rule}|${f.page ?? ""}|${f.row ?? ""}|${f.column ?? ""}`;
  const push = (f: Finding) => {
    if (seen.has(key(f))) return;
    seen.add(key(f));
    out.push(f);
  };
  for (const table of tables) {
    const grid = docTableGrid(table);
    for (const f of tableSumMismatch({ grid, facts: analyseGrid(grid) }, lang)) {
      push(f);
      // checkPlan says the same total at the table's (header's) page: that one is the same finding.
      seen.add(key({ ...f, page: table.page }));
    }
  }
  for (const f of checkPlan(plan)) push(f);
  return out;
}
