/** sum.double-count: a total whose range includes subtotals as well as their lines. */
import { a1 } from "../address";
import { message, num } from "../messages";
import { sheetTotals } from "../totals";
import type { Finding } from "../types";
import { finding, type Rule } from "./common";

export const sumDoubleCount: Rule = ({ models, lang }) => {
  const out: Finding[] = [];
  for (const m of models) {
    for (const cell of sheetTotals(m).cells) {
      if (cell.status !== "double-count") continue;
      const st = cell.doubled;
      let subtotal = "";
      if (st) {
        const addr =
          st.axis === "row" ? a1(m.oRow + st.idx, m.oCol + cell.c) : a1(m.oRow + cell.r, m.oCol + st.idx);
        subtotal = `${addr}${st.label.trim() ? ` (${st.label.trim()})` : ""}`;
      }
      const text = message("sum.double-count", lang, {
        formula: cell.formula ?? "",
        subtotal,
        actual: num(cell.value, lang),
        expected: num(cell.expected, lang),
      });
      out.push(finding(m, "sum.double-count", "error", cell.r, cell.c, text, cell.expected, cell.value));
    }
  }
  return out;
};
