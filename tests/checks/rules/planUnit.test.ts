/** plan.unit (src/checks/rules/planUnit.ts): its must and must-not workbooks in tests/fixtures/workbooks/plan.unit/. */
import { ruleFixtures } from "./fixtures";

describe("plan.unit", () => ruleFixtures("plan.unit"));
