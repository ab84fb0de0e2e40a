/**
 * The rule fixtures and their tests correspond: every folder under tests/fixtures/workbooks is a rule id, every
 * workbook rule has a folder and a test file here named like its src/checks/rules module that runs its fixtures.
 * plan.inconsistent is a document rule: its cases are in tests/checks/planConsistency.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RULE_IDS } from "../../../src/model/types";
import { folders } from "./fixtures";

const SRC_RULES = join(__dirname, "../../../src/checks/rules");
/** sum.range-gap → sumRangeGap, as the rule modules are named. */
const moduleName = (rule: string) => rule.replace(/[.-]([a-z])/g, (_, c: string) => c.toUpperCase());

test("every rule folder is a rule id, and each rule has a folder", () => {
  for (const folder of folders) expect(RULE_IDS).toContain(folder);
  for (const rule of RULE_IDS) if (rule !== "plan.inconsistent") expect(folders).toContain(rule);
});

test.each(folders)("%s: a rule module and a test file running its fixtures", (rule) => {
  const name = moduleName(rule);
  expect(existsSync(join(SRC_RULES, `${name}.ts`))).toBe(true);
  const test = readFileSync(join(__dirname, `${name}.test.ts`), "utf8");
  expect(test).toContain(`ruleFixtures("${rule}")`);
});

test("no test file here but a rule's", () => {
  const files = readdirSync(__dirname).filter((n) => n.endsWith(".test.ts") && n !== "folders.test.ts");
  const ruleFiles = RULE_IDS.map((r) => `${moduleName(r)}.test.ts`);
  expect(files.filter((n) => !ruleFiles.includes(n))).toEqual([]);
});
