/** plan.mismatch (src/checks/rules/planMismatch.ts): its must and must-not workbooks in tests/fixtures/workbooks/plan.mismatch/. */
import { ruleFixtures } from "./fixtures";

describe("plan.mismatch", () => ruleFixtures("plan.mismatch"));
