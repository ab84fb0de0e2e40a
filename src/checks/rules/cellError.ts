/**
 * cell.error: error values (#N/A, #REF!, #DIV/0!, #VALUE!, #NAME?) where figures are expected — in a table's
 * figure columns, not in its text columns (a lookup of names that fails is not a figure); and, as info,
 * formulas saved without a value that the engine cannot compute (so nothing is skipped silently).
 */
import { msg } from "../../model/messages";
import { errorOf, formulaAt, numberFromText, type Block, type SheetModel } from "../model";
import type { Finding } from "../../model/types";
import { finding, type Rule } from "./common";

/** Columns of a block holding words (not numbers) right of the labels: where no figures are expected. */
function textColumns(m: SheetModel, block: Block): Set<number> {
  const out = new Set<number>();
  for (let r = block.first; r <= block.last; r++) {
    const info = m.rows[r];
    if (info.kind === "blank" || info.kind === "title" || info.kind === "header") continue;
    const row = m.values[r];
    for (let c = info.labelCol + 1; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string" && v.trim() && errorOf(v) === null && numberFromText(v) === null) out.add(c);
    }
  }
  for (const ci of block.columns) out.delete(ci.col);
  return out;
}

/** The add-in's own functions (PLAN.MALVARDE, PLAN.TARGET …; saved files may prefix them). */
const PLAN_FUNCTION = /\bPLAN\.[A-ZÅÄÖ]+\s*\(/i;

/** Formulas without a saved value reported one by one, per sheet; beyond this, one note for the sheet. */
const MAX_UNCOMPUTED = 5;

export const cellError: Rule = ({ models }) => {
  const out: Finding[] = [];
  for (const m of models) {
    for (const block of m.blocks) {
      let words: Set<number> | null = null;
      for (let r = block.first; r <= block.last; r++) {
        const info = m.rows[r];
        if (info.errors === 0) continue;
        const row = m.values[r];
        for (let c = info.labelCol + 1; c < row.length; c++) {
          const error = errorOf(row[c]);
          if (error === null) continue;
          // PLAN.MALVARDE & co. answer #N/A on purpose where the plan has no value ("Fastställs senare").
          if (error === "#N/A" && PLAN_FUNCTION.test(formulaAt(m, r, c) ?? "")) continue;
          words ??= textColumns(m, block);
          if (words.has(c)) continue;
          const text = msg("cell.error", { error, inTotal: info.kind === "total" });
          out.push(
            finding(m, "cell.error", "error", r, c, text, null, error, {
              error,
              ...(formulaAt(m, r, c) ? { formula: formulaAt(m, r, c) } : {}),
            }),
          );
        }
      }
    }
    // A script-written file may hold hundreds: one note per sheet then, not one per cell.
    if (m.uncomputed.length > MAX_UNCOMPUTED) {
      const u = m.uncomputed[0];
      const text = msg("cell.uncomputed.many", { count: m.uncomputed.length, formula: u.formula });
      out.push(finding(m, "cell.error", "info", u.r, u.c, text, null, u.formula));
    } else
      for (const u of m.uncomputed) {
        const text = msg("cell.uncomputed", { formula: u.formula });
        out.push(finding(m, "cell.error", "info", u.r, u.c, text, null, u.formula));
      }
  }
  return out;
};
