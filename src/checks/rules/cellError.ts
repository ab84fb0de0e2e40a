/**
 * cell.error: error values (#N/A, #REF!, #DIV/0!, #VALUE!, #NAME?) where figures are expected; and, as info,
 * formulas saved without a value that the engine cannot compute (so nothing is skipped silently).
 */
import { message } from "../messages";
import { isCellError, type Finding } from "../types";
import { finding, type Rule } from "./common";

export const cellError: Rule = ({ models, lang }) => {
  const out: Finding[] = [];
  for (const m of models) {
    for (let r = 0; r < m.nRows; r++) {
      const info = m.rows[r];
      if (info.errors === 0) continue;
      const row = m.values[r];
      for (let c = info.labelCol + 1; c < row.length; c++) {
        const v = row[c];
        if (v === null || !isCellError(v)) continue;
        const where = info.kind === "total" ? (lang === "sv" ? " i en summarad" : " in a total row") : "";
        const text = message("cell.error", lang, { error: v.error, where });
        out.push(finding(m, "cell.error", "error", r, c, text, null, v.error));
      }
    }
    for (const u of m.uncomputed) {
      const text = message("cell.uncomputed", lang, { formula: u.formula });
      out.push(finding(m, "cell.error", "info", u.r, u.c, text, null, u.formula));
    }
  }
  return out;
};
