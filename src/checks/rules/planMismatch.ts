/** plan.mismatch: a figure the plan also states (budget line, total, target, outcome) that differs from the plan. */
import { a1 } from "../../model/address";
import { msg } from "../../model/messages";
import { planFigures, type PlanFigure } from "../planFigures";
import type { Finding } from "../../model/types";
import { finding, type Rule } from "./common";

export const planMismatch: Rule = ({ models, plan }) => {
  const out: Finding[] = [];
  if (!plan) return out;
  for (const m of models) {
    const at = (r: number, c: number) => a1(m.oRow + r, m.oCol + c);
    for (const f of planFigures(m, plan)) {
      if (f.status === "column" && f.column) {
        const v = f.column;
        const off = v.cells.filter((x) => x.status === "mismatch");
        const text = msg(v.level === "info" ? "plan.mismatch.column.note" : "plan.mismatch.column", {
          what: f.what,
          source: f.source || null,
          differing: v.differing,
          count: v.cells.length,
          cells: off.slice(0, 4).map((x) => ({ cell: at(x.r, x.c), value: x.value, expected: x.expected })),
          more: Math.max(0, off.length - 4),
          percent: f.percent === true,
        });
        out.push({
          ...finding(m, "plan.mismatch", v.level, f.r, f.c, text, null, null),
          evidence: {
            column: f.what,
            unit: v.unit ?? null,
            agreeing: v.agreeing,
            differing: v.differing,
            cells: v.cells.map((x) => ({
              cell: at(x.r, x.c),
              value: x.value,
              plan: x.expected,
              status: x.status,
            })),
          },
        });
        continue;
      }
      if (f.status !== "mismatch") continue;
      // Percent figures with one decimal in both languages, as plans print them ("3,0 %" / "3.0 %").
      const text = msg("plan.mismatch", {
        what: f.what,
        actual: f.value,
        expected: f.expected,
        percent: f.percent === true && Math.abs(f.expected) < 1,
        unit: f.unit ?? null,
        source: f.source || null,
      });
      out.push({
        ...finding(m, "plan.mismatch", "error", f.r, f.c, text, f.expected, f.value),
        evidence: evidenceOf(f),
        ...(f.causedBy ? { causedBy: { rule: f.causedBy, sheet: m.name, cell: at(f.r, f.c) } } : {}),
      });
    }
  }
  return out;
};

/** What makes a figure differ from the plan: the plan's figure and unit, the column's unit, where in the plan. */
export function evidenceOf(f: PlanFigure): Record<string, unknown> {
  return {
    figure: f.what,
    value: f.value,
    plan: f.planValue ?? f.expected,
    planUnit: f.planUnit ?? f.unit ?? null,
    expected: f.expected,
    unit: f.unit ?? null,
    source: f.source || null,
    ...(f.lines ? { lines: f.lines } : {}),
  };
}
