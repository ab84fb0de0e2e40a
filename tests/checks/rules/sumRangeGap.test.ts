/**
 * sum.range-gap (src/checks/rules/sumRangeGap.ts): its must and must-not workbooks in
 * tests/fixtures/workbooks/sum.range-gap/. Its cases on in-memory sheets: tests/checks/totals.realLayouts.test.ts and
 * totals.recallLayouts.test.ts.
 */
import { ruleFixtures } from "./fixtures";

describe("sum.range-gap", () => ruleFixtures("sum.range-gap"));
