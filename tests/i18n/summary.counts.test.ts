/** The plan summary's counts line agrees in number: "1 budgettabell", "1 fact", "0 åtaganden". */
import { embeddedPlan } from "../../src/plan/embedded";
import { planSummary } from "../../src/i18n/summary";
import type { Plan } from "../../src/plan/schema";

const one: Plan = {
  ...embeddedPlan,
  goals: embeddedPlan.goals.slice(0, 1),
  scorecard: embeddedPlan.scorecard.slice(0, 1),
  budgetTables: embeddedPlan.budgetTables.slice(0, 1),
  relations: embeddedPlan.relations.slice(0, 1),
  commitments: embeddedPlan.commitments.slice(0, 1),
  facts: embeddedPlan.facts.slice(0, 1),
};
const none: Plan = { ...one, scorecard: [], budgetTables: [], relations: [], commitments: [], facts: [] };

const countsLine = (text: string) => text.split("\n").find((l) => /^(Innehåll|Contents):/.test(l));

test("one of each: singular", () => {
  expect(countsLine(planSummary(one, "sv"))).toBe(
    "Innehåll: 1 processmål, 1 styrkortsmått, 1 budgettabell, 1 samband, 1 åtagande, 1 uppgift",
  );
  expect(countsLine(planSummary(one, "en"))).toBe(
    "Contents: 1 process goal, 1 scorecard indicator, 1 budget table, 1 relation, 1 commitment, 1 fact",
  );
});

test("none and many: plural", () => {
  expect(countsLine(planSummary(none, "sv"))).toBe(
    "Innehåll: 1 processmål, 0 styrkortsmått, 0 budgettabeller, 0 samband, 0 åtaganden, 0 uppgifter",
  );
  expect(countsLine(planSummary(embeddedPlan, "en"))).toBe(
    "Contents: 29 process goals, 5 scorecard indicators, 2 budget tables, 3 relations, 45 commitments, 14 facts",
  );
});
