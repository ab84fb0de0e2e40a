/**
 * What a plan is made of, counted: whether an import found a plan at all (a meeting note or an empty Plan
 * table has nothing), and what adopting a thinner plan would lose against the active one. Host-free; the CLI's
 * import and the pane's review both ask here.
 */
import type { Lang } from "./i18n";
import type { Plan } from "./schema";

/** Whether a plan has anything a plan is made of; the title and year alone are defaults, not content. */
export function hasPlanContent(plan: Plan): boolean {
  return (
    plan.goals.length +
      plan.scorecard.length +
      plan.budgetTables.length +
      plan.relations.length +
      plan.commitments.length +
      plan.facts.length >
    0
  );
}

export type PlanPart = "goals" | "indicators" | "tables" | "lines" | "commitments" | "facts";

export interface PlanLoss {
  part: PlanPart;
  /** How many the active plan has, and the new one. */
  old: number;
  new: number;
}

const countParts = (p: Plan): Record<PlanPart, number> => ({
  goals: p.goals.length,
  indicators: p.scorecard.length,
  tables: p.budgetTables.length,
  lines: p.budgetTables.reduce((n, t) => n + t.lines.length, 0),
  commitments: p.commitments.length,
  facts: p.facts.length,
});

/** Each part the new plan has fewer of than the active one (45 åtaganden → 33), in a fixed order. */
export function planLosses(active: Plan, next: Plan): PlanLoss[] {
  const a = countParts(active);
  const b = countParts(next);
  return (Object.keys(a) as PlanPart[])
    .filter((k) => b[k] < a[k])
    .map((k) => ({ part: k, old: a[k], new: b[k] }));
}

const PART_NAMES: Record<Lang, Record<PlanPart, [string, string]>> = {
  sv: {
    goals: ["processmål", "processmål"],
    indicators: ["styrkortsindikator", "styrkortsindikatorer"],
    tables: ["budgettabell", "budgettabeller"],
    lines: ["budgetrad", "budgetrader"],
    commitments: ["åtagande", "åtaganden"],
    facts: ["uppgift", "uppgifter"],
  },
  en: {
    goals: ["process goal", "process goals"],
    indicators: ["scorecard indicator", "scorecard indicators"],
    tables: ["budget table", "budget tables"],
    lines: ["budget line", "budget lines"],
    commitments: ["commitment", "commitments"],
    facts: ["stated figure", "stated figures"],
  },
};

/** "12 åtaganden (45 → 33)": how many are lost, of what, and the counts before and after. */
export function lossText(loss: PlanLoss, lang: Lang, num: (n: number) => string): string {
  const lost = loss.old - loss.new;
  const [one, many] = PART_NAMES[lang][loss.part];
  return `${num(lost)} ${lost === 1 ? one : many} (${num(loss.old)} → ${num(loss.new)})`;
}
