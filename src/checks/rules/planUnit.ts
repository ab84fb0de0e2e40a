/**
 * plan.unit: a figure that matches the plan only after ×/÷ 1 000 or 1 000 000 (kr/tkr/mnkr mix-up); and, plan or
 * not, a typed figure about 1 000 times the other lines of a column stated in tkr or mnkr (a warning).
 */
import { a1 } from "../../model/address";
import { msg } from "../../model/messages";
import { magnitudeOutliers, planFigures } from "../planFigures";
import type { Finding } from "../../model/types";
import { evidenceOf } from "./planMismatch";
import { finding, type Rule } from "./common";

export const planUnit: Rule = ({ models, plan }) => {
  const out: Finding[] = [];
  for (const m of models) {
    const planCells = new Set<number>();
    if (plan) {
      for (const f of planFigures(m, plan)) {
        planCells.add(f.r * m.nCols + f.c);
        if (f.status !== "unit") continue;
        const text = msg("plan.unit", {
          what: f.what,
          actual: f.value,
          planValue: f.planValue ?? f.expected,
          planUnit: f.planUnit ?? null,
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
      const text = msg("plan.unit.outlier", {
        what: o.label ? (o.header ? `${o.header} – ${o.label}` : o.label) : where,
        actual: o.value,
        min: o.peers.min,
        max: o.peers.max,
        unit: o.unit,
        smaller: o.smaller,
        asUnit: o.asUnit,
        ratio: Math.round(Math.abs(o.value) / o.peers.max),
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
