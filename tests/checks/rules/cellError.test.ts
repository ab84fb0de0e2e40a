/** cell.error (src/checks/rules/cellError.ts): its must and must-not workbooks in tests/fixtures/workbooks/cell.error/. */
import { ruleFixtures } from "./fixtures";

describe("cell.error", () => ruleFixtures("cell.error"));
