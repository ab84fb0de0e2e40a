/**
 * sum.double-count (src/checks/rules/sumDoubleCount.ts): its must and must-not workbooks in
 * tests/fixtures/workbooks/sum.double-count/. Its cases on in-memory sheets: tests/checks/engine.test.ts (totals) and
 * totals.*Layouts.test.ts.
 */
import { ruleFixtures } from "./fixtures";

describe("sum.double-count", () => ruleFixtures("sum.double-count"));
