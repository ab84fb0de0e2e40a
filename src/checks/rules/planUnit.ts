/**
 * plan.unit: a figure that matches the plan only after ×/÷ 1 000 or 1 000 000 (kr/tkr/mnkr mix-up); and, plan or
 * not, a typed figure about 1 000 times the other lines of a column stated in tkr or mnkr (a warning).
 */
import { a1 } from "../../model/address";
import { message, num } from "../messages";
import { magnitudeOutliers, planFigures } from "../planFigures";
import type { Finding } from "../../model/types";
import { evidenceOf } from "./planMismatch";
import { finding, type Rule } from "./common";

export const planUnit: Rule = ({ models, plan, lang }) => {
  const out: Finding[] = [];
  for (const m of models) {
    const planCells = new Set<number>();
    if (plan) {
      for (const f of planFigures(m, plan)) {
        planCells.add(f.r * m.nCols + f.c);
        if (f.status !== "unit") continue;
        const text = message("plan.unit", lang, {
          what: f.what,
          actual: num(f.value, lang),
          planValue: `${num(f.planValue ?? f.expected, lang)} ${f.planUnit ?? ""}`.trim(),
          foundUnit: f.foundUnit ?? "",
          unit: f.unit ?? "",
        });
        out.push({
          ...finding(m, "plan.unit", "error", f.r, f.c, text, f.expected, f.value),
          evidence: { ...evidenceOf(f), foundUnit: f.foundUnit ?? null },
        });
      }
    }
    // A figure the plan states is judged against the plan above, not against its neighbours.
    for (const o of magnitudeOutliers(m)) {
      if (planCells.has(o.r * m.nCols + o.c)) continue;
      const where = a1(m.oRow + o.r, m.oCol + o.c);
      const text = message("plan.unit.outlier", lang, {
        what: o.label ? (o.header ? `${o.header} – ${o.label}` : o.label) : where,
        actual: num(o.value, lang),
        min: num(o.peers.min, lang),
        max: num(o.peers.max, lang),
        unit: o.unit,
        smaller: o.smaller,
        asUnit: num(o.asUnit, lang),
        ratio: num(Math.round(Math.abs(o.value) / o.peers.max), lang),
      });
      out.push({
        ...finding(m, "plan.unit", "warning", o.r, o.c, text, o.asUnit, o.value),
        evidence: {
          unit: o.unit,
          smaller: o.smaller,
          factor: 1000,
          asUnit: o.asUnit,
          ratio: Math.round(Math.abs(o.value) / o.peers.max),
          peers: o.peers,
          column: o.header || null,
        },
      });
    }
  }
  return out;
};
