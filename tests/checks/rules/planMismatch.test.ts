/**
 * plan.mismatch (src/checks/rules/planMismatch.ts): its must and must-not workbooks in
 * tests/fixtures/workbooks/plan.mismatch/. Its cases on in-memory sheets: tests/checks/planFigures.*.test.ts (evidence,
 * lone totals, styrkort) and engine.test.ts (plan figures).
 */
import { ruleFixtures } from "./fixtures";

describe("plan.mismatch", () => ruleFixtures("plan.mismatch"));
