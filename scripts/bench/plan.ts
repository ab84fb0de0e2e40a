/**
 * Benchmark: the plan's load path and self-check. Validating the embedded plan (parsePlan) happens at every
 * add-in start and CLI call; checkPlan runs on every `plan --check` and import review. Goals: parsePlan ≤ 5 ms,
 * checkPlan ≤ 1 ms on the embedded plan, and ≤ 50 ms on a plan 50× its size (1 450 goals, 100 tables × 50 lines,
 * every tenth total 100 tkr off: beyond the 25 tkr rounding tolerance of 50 whole-tkr lines).
 */
import rawPlan from "../../src/plan/data/eskilstuna-2019.json";
import { checkPlan } from "../../src/checks/planConsistency";
import { parsePlan, type Plan } from "../../src/plan/schema";
import { planSummary } from "../../src/i18n/summary";
import { timeEach } from "../support/timing";

function bigPlan(base: Plan): Plan {
  const p = structuredClone(base);
  p.goals = Array.from({ length: 50 }, (_, k) =>
    base.goals.map((g) => ({ ...g, id: `${g.id}-${k}` })),
  ).flat();
  const table = base.budgetTables[0];
  p.budgetTables = Array.from({ length: 100 }, (_, t) => {
    const lines = Array.from({ length: 50 }, (_, i) => ({
      id: `l${i}`,
      label: `Rad ${i}`,
      values: { "utfall-2017": 0.1 * (i % 10), "prognos-2018": 1.5, "budget-2019": 1000 + i },
    }));
    const total = (id: "utfall-2017" | "prognos-2018" | "budget-2019") =>
      Number(lines.reduce((s, l) => s + l.values[id], 0).toFixed(1));
    return {
      ...table,
      id: `t${t}`,
      lines,
      total: {
        label: "Totalt",
        values: {
          "utfall-2017": total("utfall-2017"),
          "prognos-2018": total("prognos-2018"),
          "budget-2019": total("budget-2019") + (t % 10 === 0 ? 100 : 0),
        },
      },
    };
  });
  return p;
}

export async function run(): Promise<{ name: string; lines: string[] }> {
  const plan = parsePlan(rawPlan);
  const parseMs = timeEach(200, () => parsePlan(rawPlan));
  const checkMs = timeEach(2000, () => checkPlan(plan));
  const summaryMs = timeEach(500, () => planSummary(plan));
  const big = bigPlan(plan);
  const bigMs = timeEach(20, () => checkPlan(big));
  const bigFindings = checkPlan(big).filter((f) => f.rule === "sum.mismatch").length;
  const ms = (x: number) => x.toFixed(3);
  const ratio = (x: number, goal: number) => (x / goal).toFixed(3);
  return {
    name: "plan: parsePlan, checkPlan, planSummary",
    lines: [
      `parsePlan (embedded, ${plan.goals.length} goals): ${ms(parseMs)} ms per plan; goal 5 ms → ratio ${ratio(parseMs, 5)}`,
      `checkPlan (embedded): ${ms(checkMs)} ms; goal 1 ms → ratio ${ratio(checkMs, 1)}`,
      `planSummary (embedded): ${ms(summaryMs)} ms (no goal; shown for the task pane)`,
      `checkPlan (${big.goals.length} goals, ${big.budgetTables.length} tables × 50 lines): ${ms(bigMs)} ms, ${bigFindings} planted total errors found of 10; goal 50 ms → ratio ${ratio(bigMs, 50)}`,
    ],
  };
}
