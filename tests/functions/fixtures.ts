/** Small valid plans for function and lookup tests, built through parsePlan like any plan file. */
import { parsePlan, type Plan } from "../../src/plan/schema";

type GoalInput = {
  id: string;
  title: string;
  unit?: "percent" | "index" | "count" | "amount";
  direction?: "higher" | "lower" | "min" | "max";
  area?: string[];
  values?: { period: number; kind: "target" | "outcome"; value: number | null; note?: string }[];
};

export function makePlan(goals: GoalInput[], extra: Partial<Record<"budgetTables", unknown[]>> = {}): Plan {
  return parsePlan({
    schemaVersion: 1,
    id: "test-plan",
    organisation: "Testkommun",
    body: "Kommunstyrelsen",
    unit: "Testkontoret",
    title: "Verksamhetsplan 2019",
    year: 2019,
    document: { reference: "TEST/2018:1", title: "Testplan" },
    goals: goals.map((g) => ({
      unit: "index",
      direction: "higher",
      area: ["Effektiv organisation", "Kvalitet"],
      values: [],
      ...g,
    })),
    scorecard: [],
    budgetTables: extra.budgetTables ?? [],
    relations: [],
    commitments: [],
    facts: [],
  });
}

/** A budget table with mixed units, like the Eskilstuna one: outcome/forecast in mnkr, budget in tkr. */
export const budgetTable = {
  id: "avd",
  title: "Budget per avdelning",
  kind: "operating",
  measures: [
    { id: "utfall-2017", label: "Utfall 2017", kind: "outcome", year: 2017, unit: "mnkr" },
    {
      id: "prognos-2018",
      label: "Prognos 2018",
      kind: "forecast",
      year: 2018,
      unit: "mnkr",
      note: "kvar vid årets slut",
    },
    { id: "budget-2019", label: "Budget 2019", kind: "budget", year: 2019, unit: "tkr" },
  ],
  lines: [
    { id: "hr", label: "HR", values: { "utfall-2017": 0.4, "prognos-2018": 0.6, "budget-2019": 64308 } },
    {
      id: "ekonomi",
      label: "Ekonomi o kvalitet",
      aliases: ["Ekonomi och kvalitet"],
      values: { "utfall-2017": 5.6, "prognos-2018": null, "budget-2019": 52501 },
    },
    { id: "ledning", label: "Ledningsstaben", values: { "budget-2019": 139158 } },
  ],
  total: { label: "Totalt", values: { "budget-2019": 255967 } },
};

export const investmentTable = {
  id: "inv",
  title: "Investeringar",
  kind: "investment",
  measures: [{ id: "budget-2019", label: "Investeringsbudget 2019", kind: "budget", year: 2019, unit: "kr" }],
  lines: [{ id: "it", label: "Infrastruktur IT", values: { "budget-2019": 23150000 } }],
  total: { label: "Summa", values: { "budget-2019": 23150000 } },
};
