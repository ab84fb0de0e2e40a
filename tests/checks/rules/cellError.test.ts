/**
 * cell.error (src/checks/rules/cellError.ts): its must and must-not workbooks in tests/fixtures/workbooks/cell.error/.
 * Its cases on in-memory sheets: tests/checks/engine.test.ts (host variants, #N/A of PLAN functions).
 */
import { ruleFixtures } from "./fixtures";

describe("cell.error", () => ruleFixtures("cell.error"));
