/**
 * sum.double-count: a total that reaches one nonzero cell twice through its references — a line counted
 * directly and again through a subtotal, or two subtotals that share a line. The finding names the cell counted
 * twice and both paths; a total of separate subtotals (no cell reached twice) is not one.
 */
import { msg } from "../../model/messages";
import { sheetTotals } from "../totals";
import type { Finding } from "../../model/types";
import { cellAddress, finding, type Rule } from "./common";

export const sumDoubleCount: Rule = ({ models }) => {
  const out: Finding[] = [];
  for (const m of models) {
    for (const cell of sheetTotals(m).cells) {
      const detail = cell.detail;
      if (cell.status !== "double-count" || !detail?.twice) continue;
      const { leaf, paths, extra } = detail.twice;
      const addr = (k: number) => cellAddress(m, Math.floor(k / m.nCols), k % m.nCols);
      const named = (k: number) => {
        const r = Math.floor(k / m.nCols);
        const label = m.rows[r]?.label.trim();
        return label ? `${addr(k)} (${label})` : addr(k);
      };
      // Each path named by the cell it goes through right after the total ("B6 (Summa intäkter)"); null: direct.
      const through = (p: number[]) => (p.length <= 2 ? null : named(p[1]));
      const text = msg("sum.double-count", {
        formula: cell.formula ?? "",
        cell: named(leaf),
        paths: [through(paths[0]), through(paths[1])],
        actual: cell.value,
        expected: cell.expected,
      });
      out.push(
        finding(
          m,
          "sum.double-count",
          "error",
          cell.r,
          cell.c,
          text,
          cell.expected,
          cell.value,
          {
            formula: cell.formula,
            counted: addr(leaf),
            paths: paths.map((p) => p.map(addr)),
            extra,
          },
          detail.causedBy && {
            rule: detail.causedBy.rule,
            sheet: m.name,
            cell: cellAddress(m, detail.causedBy.r, detail.causedBy.c),
          },
        ),
      );
    }
  }
  return out;
};
