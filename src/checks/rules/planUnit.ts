/** plan.unit: a figure that matches the plan only after ×/÷ 1 000 or 1 000 000 (kr/tkr/mnkr mix-up). */
import { message, num } from "../messages";
import { planFigures } from "../planFigures";
import type { Finding } from "../types";
import { finding, type Rule } from "./common";

export const planUnit: Rule = ({ models, plan, lang }) => {
  const out: Finding[] = [];
  if (!plan) return out;
  for (const m of models) {
    for (const f of planFigures(m, plan)) {
      if (f.status !== "unit") continue;
      const text = message("plan.unit", lang, {
        what: f.what,
        actual: num(f.value, lang),
        planValue: `${num(f.planValue ?? f.expected, lang)} ${f.planUnit ?? ""}`.trim(),
        foundUnit: f.foundUnit ?? "",
        unit: f.unit ?? "",
      });
      out.push(finding(m, "plan.unit", "error", f.r, f.c, text, f.expected, f.value));
    }
  }
  return out;
};
