/**
 * sum.hardcoded: a total typed as a constant over numeric lines — a warning where the table's other totals are
 * formulas (an overwritten formula), one info per table where all its totals are values (an export).
 */
import { clean } from "../../plan/numbers";
import { msg } from "../../model/messages";
import { formulaCells, lineKey, sheetTotals, tableKey, type TotalCell } from "../totals";
import type { Finding } from "../../model/types";
import { cellAddress, finding, leafCells, totalName, type Rule } from "./common";

export const sumHardcoded: Rule = ({ models }) => {
  const out: Finding[] = [];
  for (const m of models) {
    const totals = sheetTotals(m);
    const { cells, formulaTotals } = totals;
    // The sheet's formula totals (the plain totals' cells made again), only when a typed total asks about them.
    let withFormula: TotalCell[] | null = null;
    const formulaTotalCells = (): TotalCell[] => (withFormula ??= formulaCells(m, totals));
    // Formula totals per column (row totals) or row (column totals) of a table, counted only when asked.
    let perLine: Map<string, number> | null = null;
    const lineFormulas = (cell: TotalCell): number => {
      if (!perLine) {
        perLine = new Map();
        for (const x of formulaTotalCells()) perLine.set(lineKey(x), (perLine.get(lineKey(x)) ?? 0) + 1);
      }
      return perLine.get(lineKey(cell)) ?? 0;
    };
    const typed = new Map<number, TotalCell[]>();
    const seen = new Set<number>();
    for (const cell of cells) {
      // Over figures (≥ 2 lines), or a typed 0 over no figures where both the same total's other cells and the
      // same column's other totals are formulas (a line added later would not be counted).
      if (cell.formula || cell.status === "unchecked") continue;
      if (cell.n < 2 && !(cell.n === 0 && cell.peerFormulas && lineFormulas(cell) > 0)) continue;
      const key = cell.r * m.nCols + cell.c;
      if (seen.has(key)) continue;
      seen.add(key);
      const key2 = tableKey(cell);
      const list = typed.get(key2);
      if (list) list.push(cell);
      else typed.set(key2, [cell]);
    }
    // A few formula totals per table (the evidence of a warning), in cell order, gathered in one pass when first
    // needed: a filter over all cells per warning was quadratic on a sheet with many overwritten totals.
    let formulasOf: Map<number, TotalCell[]> | null = null;
    const tableFormulas = (table: number): TotalCell[] => {
      if (!formulasOf) {
        formulasOf = new Map();
        for (const x of formulaTotalCells()) {
          const key = tableKey(x);
          const have = formulasOf.get(key);
          if (!have) formulasOf.set(key, [x]);
          else if (have.length < 5) have.push(x);
        }
      }
      return formulasOf.get(table) ?? [];
    };
    for (const [table, list] of typed) {
      if ((formulaTotals.get(table) ?? 0) > 0) {
        for (const cell of list) {
          const text = msg("sum.hardcoded", { label: totalName(cell), actual: cell.value });
          // Evidence: the table's formula totals (a few of them) and the lines the typed value stands for.
          const formulas = tableFormulas(table).map((x) => cellAddress(m, x.r, x.c));
          out.push(
            finding(m, "sum.hardcoded", "warning", cell.r, cell.c, text, clean(cell.expected), cell.value, {
              typed: cell.value,
              formulaTotals: formulas,
              lines: leafCells(cell),
              sum: clean(cell.expected),
            }),
          );
        }
      } else {
        const first = list[0];
        const text = msg("sum.hardcoded.table", { count: list.length });
        out.push(finding(m, "sum.hardcoded", "info", first.r, first.c, text, null, first.value));
      }
    }
  }
  return out;
};
