/**
 * Both hosts, same findings: every rule fixture (and the example workbook) checked from the CLI's snapshot
 * and from the snapshot the Office.js adapter reads out of a fake Excel holding the same workbook.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/cli/xlsx";
import { checkWorkbook } from "../../src/checks";
import { readSnapshot } from "../../src/excel";
import { embeddedPlan } from "../../src/plan/embedded";
import { createFakeExcel } from "../../src/workbench/fakeExcel";

const root = join(__dirname, "../..");
const fixtures = readdirSync(join(root, "tests/fixtures/workbooks"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(root, "tests/fixtures/workbooks", d.name))
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => join("tests/fixtures/workbooks", d.name, f)),
  );
const files = [...fixtures, "examples/budget-2019.xlsx"];

describe("the adapter's snapshot gives the CLI's findings", () => {
  test("there are fixtures to compare", () => {
    expect(fixtures.length).toBeGreaterThan(20);
  });

  test.each(files)("%s", async (file) => {
    const fromFile = await readWorkbookFile(join(root, file));
    const fake = createFakeExcel(fromFile);
    const { snapshot } = await readSnapshot(fake.context(), { supports: fake.supports });
    const options = { plan: embeddedPlan, lang: "sv" as const };
    expect(checkWorkbook(snapshot, options)).toEqual(checkWorkbook(fromFile, options));
    expect(fake.model.syncCount).toBeLessThanOrEqual(3);
  });
});
