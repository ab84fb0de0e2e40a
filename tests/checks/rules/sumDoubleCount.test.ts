/** sum.double-count (src/checks/rules/sumDoubleCount.ts): its must and must-not workbooks in tests/fixtures/workbooks/sum.double-count/. */
import { ruleFixtures } from "./fixtures";

describe("sum.double-count", () => ruleFixtures("sum.double-count"));
