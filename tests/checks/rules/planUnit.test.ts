/**
 * plan.unit (src/checks/rules/planUnit.ts): its must and must-not workbooks in tests/fixtures/workbooks/plan.unit/. Its
 * cases on in-memory sheets: tests/checks/planFigures.*.test.ts and engine.test.ts (units in number formats).
 */
import { ruleFixtures } from "./fixtures";

describe("plan.unit", () => ruleFixtures("plan.unit"));
