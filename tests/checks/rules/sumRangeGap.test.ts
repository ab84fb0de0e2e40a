/** sum.range-gap (src/checks/rules/sumRangeGap.ts): its must and must-not workbooks in tests/fixtures/workbooks/sum.range-gap/. */
import { ruleFixtures } from "./fixtures";

describe("sum.range-gap", () => ruleFixtures("sum.range-gap"));
