/**
 * Fixture-driven rule tests: every workbook under tests/fixtures/workbooks/<rule>/ is checked against the
 * embedded plan and must produce exactly the findings listed in its <name>.expect.json (rule, severity, sheet,
 * cell) — no more, no fewer. Each rule folder holds workbooks that must trigger the rule and look-alikes that
 * must not.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook } from "../../src/checks";
import { RULE_IDS } from "../../src/model/types";
import { readWorkbookFile } from "../../src/cli/xlsx";
import { embeddedPlan } from "../../src/plan/embedded";
import { render } from "../../src/i18n";

const ROOT = join(__dirname, "../fixtures/workbooks");

interface Expectation {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
}

const key = (x: Expectation) => `${x.sheet}!${x.cell} ${x.rule} ${x.severity}`;

const folders = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

test("every rule folder is a rule id, and each rule has a folder", () => {
  for (const folder of folders) expect(RULE_IDS).toContain(folder);
  for (const rule of RULE_IDS) if (rule !== "plan.inconsistent") expect(folders).toContain(rule);
});

describe.each(folders)("%s", (folder) => {
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

  test.each(files)("%s", async (name) => {
    const expected = JSON.parse(
      readFileSync(join(ROOT, folder, name.replace(/\.xlsx$/, ".expect.json")), "utf8"),
    ) as Expectation[];
    const snapshot = await readWorkbookFile(join(ROOT, folder, name));
    const findings = checkWorkbook(snapshot, { plan: embeddedPlan });
    const actual = findings.map((f) =>
      key({ rule: f.rule, severity: f.severity, sheet: f.sheet!, cell: f.cell! }),
    );
    expect(actual.sort()).toEqual(expected.map(key).sort());
    for (const f of findings) expect(render(f, "sv").length).toBeGreaterThan(10);
  });
});
