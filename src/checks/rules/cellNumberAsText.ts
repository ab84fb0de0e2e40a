/** cell.number-as-text: "75 %", "1 234,50", "- 6 279" stored as text where figures are expected. */
import { parseSvNumber } from "../../plan/numbers";
import { message, num } from "../messages";
import type { Finding } from "../types";
import { finding, type Rule } from "./common";

/** Plain digits in a column with no numbers are codes (ansvar, konto), not figures; a leading zero always is. */
function looksLikeCode(text: string): boolean {
  return /^\d+$/.test(text);
}

export const cellNumberAsText: Rule = ({ models, lang }) => {
  const out: Finding[] = [];
  for (const m of models) {
    for (const block of m.blocks) {
      const numericCols = new Set(block.columns.map((ci) => ci.col));
      for (let r = block.first; r <= block.last; r++) {
        const info = m.rows[r];
        if (info.numTexts === 0) continue;
        const row = m.values[r];
        for (let c = info.labelCol + 1; c < row.length; c++) {
          const v = row[c];
          if (typeof v !== "string") continue;
          const t = v.trim();
          const p = parseSvNumber(t);
          if (!p) continue;
          if (looksLikeCode(t) && (t.startsWith("0") || !numericCols.has(c))) continue;
          const value = p.unit === "percent" ? Number((p.value / 100).toPrecision(15)) : p.value;
          const shown = p.unit === "percent" ? `${num(p.value, lang)} %` : num(p.value, lang);
          const text = message("cell.number-as-text", lang, { text: v, value: shown });
          out.push(finding(m, "cell.number-as-text", "warning", r, c, text, value, v));
        }
      }
    }
  }
  return out;
};
