/** sum.hardcoded (src/checks/rules/sumHardcoded.ts): its must and must-not workbooks in tests/fixtures/workbooks/sum.hardcoded/. */
import { ruleFixtures } from "./fixtures";

describe("sum.hardcoded", () => ruleFixtures("sum.hardcoded"));
