/**
 * Fixture-driven rule tests: every workbook under tests/fixtures/workbooks/<rule>/ is checked against the embedded
 * plan and must produce exactly the findings listed in its <name>.expect.json (rule, message id, severity, sheet,
 * cell) — no more, no fewer. Each rule folder holds workbooks that must trigger the rule and look-alikes that must
 * not. Each rule's test file (tests/checks/rules/<rule>.test.ts, named like its src/checks/rules module) runs
 * ruleFixtures for its rule; folders.test.ts checks that folders, rule ids and test files correspond.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook } from "../../../src/checks";
import type { RuleId } from "../../../src/model/types";
import { readWorkbookFile } from "../../../src/cli/xlsx";
import { embeddedPlan } from "../../../src/plan/embedded";
import { render } from "../../../src/i18n";

const ROOT = join(__dirname, "../../fixtures/workbooks");

interface Expectation {
  rule: string;
  messageId: string;
  severity: string;
  sheet: string;
  cell: string;
}

const key = (x: Expectation) => `${x.sheet}!${x.cell} ${x.rule} ${x.messageId} ${x.severity}`;

export const folders = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** The fixture tests of one rule folder (call inside the rule's describe). */
export function ruleFixtures(folder: RuleId): void {
  const files = readdirSync(join(ROOT, folder))
    .filter((n) => n.endsWith(".xlsx"))
    .sort();

  test("has workbooks that must trigger it and look-alikes that must not", () => {
    const expectations = files.map(
      (n) =>
        JSON.parse(
          readFileSync(join(ROOT, folder, n.replace(/\.xlsx$/, ".expect.json")), "utf8"),
        ) as Expectation[],
    );
    expect(expectations.some((list) => list.some((x) => x.rule === folder))).toBe(true);
    expect(files.some((n) => /^(lo-)?not-/.test(n))).toBe(true);
  });

  test("each name says what it holds: must- an error or warning of the rule, not- none, info- only a note of it", () => {
    const wrong = files.filter((name) => {
      const kind = /^(?:lo-)?(?:csv-)?(must|not|info)-/.exec(name)?.[1];
      const own = (
        JSON.parse(
          readFileSync(join(ROOT, folder, name.replace(/\.xlsx$/, ".expect.json")), "utf8"),
        ) as Expectation[]
      ).filter((x) => x.rule === folder);
      const loud = own.some((x) => x.severity !== "info");
      if (kind === "must") return !loud;
      if (kind === "not") return loud;
      if (kind === "info") return loud || own.length === 0;
      return true;
    });
    expect(wrong).toEqual([]);
  });

  test.each(files)("%s", async (name) => {
    const expected = JSON.parse(
      readFileSync(join(ROOT, folder, name.replace(/\.xlsx$/, ".expect.json")), "utf8"),
    ) as Expectation[];
    const snapshot = await readWorkbookFile(join(ROOT, folder, name));
    const findings = checkWorkbook(snapshot, { plan: embeddedPlan });
    const actual = findings.map((f) =>
      key({ rule: f.rule, messageId: f.messageId, severity: f.severity, sheet: f.sheet!, cell: f.cell! }),
    );
    expect(actual.sort()).toEqual(expected.map(key).sort());
    for (const f of findings) expect(render(f, "sv").length).toBeGreaterThan(10);
  });
}
