/**
 * sum.hardcoded (src/checks/rules/sumHardcoded.ts): its must and must-not workbooks in
 * tests/fixtures/workbooks/sum.hardcoded/. Its cases on in-memory sheets: tests/checks/totals.*Layouts.test.ts and
 * engine.test.ts.
 */
import { ruleFixtures } from "./fixtures";

describe("sum.hardcoded", () => ruleFixtures("sum.hardcoded"));
