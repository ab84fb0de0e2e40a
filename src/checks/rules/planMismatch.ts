/** plan.mismatch: a figure the plan also states (budget line, total, target, outcome) that differs from the plan. */
import { formatSvPercent } from "../../plan/numbers";
import { message, num } from "../messages";
import { planFigures } from "../planFigures";
import type { Finding } from "../types";
import { finding, type Rule } from "./common";

export const planMismatch: Rule = ({ models, plan, lang }) => {
  const out: Finding[] = [];
  if (!plan) return out;
  for (const m of models) {
    for (const f of planFigures(m, plan)) {
      if (f.status !== "mismatch") continue;
      // Percent figures with one decimal in both languages, as plans print them ("3,0 %" / "3.0 %").
      const show = (v: number) =>
        f.percent
          ? lang === "sv"
            ? formatSvPercent(v * 100)
            : `${(v * 100).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`
          : num(v, lang);
      const isPercentCell = f.percent && Math.abs(f.expected) < 1;
      const text = message("plan.mismatch", lang, {
        what: f.what,
        actual: isPercentCell ? show(f.value) : num(f.value, lang),
        expected: isPercentCell ? show(f.expected) : num(f.expected, lang) + (f.unit ? ` ${f.unit}` : ""),
        source: f.source ? ` (${f.source})` : "",
      });
      out.push(finding(m, "plan.mismatch", "error", f.r, f.c, text, f.expected, f.value));
    }
  }
  return out;
};
