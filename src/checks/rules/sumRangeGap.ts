/** sum.range-gap: a SUM whose range leaves out lines of the block it totals. */
import { message, num } from "../messages";
import { sheetTotals } from "../totals";
import type { Finding } from "../types";
import { finding, lineNames, type Rule } from "./common";

export const sumRangeGap: Rule = ({ models, lang }) => {
  const out: Finding[] = [];
  for (const m of models) {
    for (const cell of sheetTotals(m).cells) {
      if (cell.status !== "range-gap" && cell.status !== "range-gap-zero") continue;
      const zero = cell.status === "range-gap-zero";
      const text = message(zero ? "sum.range-gap.zero" : "sum.range-gap", lang, {
        formula: cell.formula ?? "",
        missing: lineNames(cell, cell.missing, lang),
        expected: num(cell.expected, lang),
        actual: num(cell.value, lang),
      });
      out.push(
        finding(
          m,
          "sum.range-gap",
          zero ? "warning" : "error",
          cell.r,
          cell.c,
          text,
          cell.expected,
          cell.value,
        ),
      );
    }
  }
  return out;
};
