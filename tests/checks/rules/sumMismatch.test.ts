/**
 * sum.mismatch (src/checks/rules/sumMismatch.ts): its must and must-not workbooks in
 * tests/fixtures/workbooks/sum.mismatch/. Its cases on in-memory sheets: tests/checks/totals.*.test.ts (net rows, real
 * and recall layouts), engine*.test.ts.
 */
import { ruleFixtures } from "./fixtures";

describe("sum.mismatch", () => ruleFixtures("sum.mismatch"));
