/**
 * cell.number-as-text (src/checks/rules/cellNumberAsText.ts): its must and must-not workbooks in
 * tests/fixtures/workbooks/cell.number-as-text/. Its cases on in-memory sheets: tests/checks/engine.test.ts.
 */
import { ruleFixtures } from "./fixtures";

describe("cell.number-as-text", () => ruleFixtures("cell.number-as-text"));
