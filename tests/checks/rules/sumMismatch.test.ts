/** sum.mismatch (src/checks/rules/sumMismatch.ts): its must and must-not workbooks in tests/fixtures/workbooks/sum.mismatch/. */
import { ruleFixtures } from "./fixtures";

describe("sum.mismatch", () => ruleFixtures("sum.mismatch"));
