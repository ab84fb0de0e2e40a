/** plan.mismatch: a figure the plan also states (budget line, total, target, outcome) that differs from the plan. */
import { formatSvPercent } from "../../plan/numbers";
import { a1 } from "../../model/address";
import { message, num } from "../messages";
import { planFigures, type PlanFigure } from "../planFigures";
import type { Finding } from "../../model/types";
import { finding, type Rule } from "./common";
import type { Lang } from "../../plan/i18n";

export const planMismatch: Rule = ({ models, plan, lang }) => {
  const out: Finding[] = [];
  if (!plan) return out;
  for (const m of models) {
    const at = (r: number, c: number) => a1(m.oRow + r, m.oCol + c);
    for (const f of planFigures(m, plan)) {
      if (f.status === "column" && f.column) {
        const v = f.column;
        const off = v.cells.filter((x) => x.status === "mismatch");
        const cellsText = off
          .slice(0, 4)
          .map((x) => `${at(x.r, x.c)} ${show(f, x.value, lang)} ≠ ${show(f, x.expected, lang)}`)
          .join(", ");
        const more =
          off.length > 4
            ? lang === "sv"
              ? ` och ${off.length - 4} till`
              : ` and ${off.length - 4} more`
            : "";
        const text = message(
          v.level === "info" ? "plan.mismatch.column.note" : "plan.mismatch.column",
          lang,
          {
            what: f.what,
            source: f.source ? ` (${f.source})` : "",
            differing: v.differing,
            count: v.cells.length,
            cells: cellsText + more,
          },
        );
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
      const isPercentCell = f.percent && Math.abs(f.expected) < 1;
      const text = message("plan.mismatch", lang, {
        what: f.what,
        actual: isPercentCell ? show(f, f.value, lang) : num(f.value, lang),
        expected: isPercentCell
          ? show(f, f.expected, lang)
          : num(f.expected, lang) + (f.unit ? ` ${f.unit}` : ""),
        source: f.source ? ` (${f.source})` : "",
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

/** Percent figures with one decimal in both languages, as plans print them ("3,0 %" / "3.0 %"). */
function show(f: PlanFigure, v: number, lang: Lang): string {
  if (!f.percent) return num(v, lang);
  return lang === "sv"
    ? formatSvPercent(v * 100)
    : `${(v * 100).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
}

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
