/** What an import found, per part, for the CLI summary and the task pane's review (host-free). */
import type { Lang } from "../plan/i18n";
import type { Plan } from "../plan/schema";

export interface ImportCount {
  part:
    | "goals"
    | "indicators"
    | "budgetLines"
    | "investments"
    | "relations"
    | "commitments"
    | "counts"
    | "tables";
  label: string;
  count: number;
}

const LABELS: Record<ImportCount["part"], Record<Lang, string>> = {
  goals: { sv: "Processmål", en: "Goals" },
  indicators: { sv: "Styrkortsmått", en: "Scorecard indicators" },
  budgetLines: { sv: "Budgetrader", en: "Budget lines" },
  investments: { sv: "Investeringar", en: "Investments" },
  relations: { sv: "Summor i text", en: "Sums in text" },
  commitments: { sv: "Åtaganden", en: "Commitments" },
  counts: { sv: "Antal i text", en: "Counts in text" },
  tables: { sv: "Tabeller", en: "Tables" },
};

export function importCounts(plan: Plan, lang: Lang = "sv"): ImportCount[] {
  const lines = (kind: "operating" | "investment") =>
    plan.budgetTables.filter((t) => t.kind === kind).reduce((n, t) => n + t.lines.length, 0);
  const counts: Record<ImportCount["part"], number> = {
    goals: plan.goals.length,
    indicators: plan.scorecard.length,
    budgetLines: lines("operating"),
    investments: lines("investment"),
    relations: plan.relations.length,
    commitments: plan.commitments.length,
    counts: plan.facts.filter((f) => f.counts).length,
    tables: plan.budgetTables.length,
  };
  return (Object.keys(LABELS) as ImportCount["part"][]).map((part) => ({
    part,
    label: LABELS[part][lang],
    count: counts[part],
  }));
}
