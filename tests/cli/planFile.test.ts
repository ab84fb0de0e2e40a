/**
 * `--plan` with a bad plan file: the message names the file and the field in the user's language; zod's and
 * JSON.parse's English never shows in a Swedish message (it read "id: Invalid input: expected string, received
 * undefined" and "är inte giltig JSON …: Expected ',' or '}' after property value"). Then loadPlanFile itself.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { lineColumn, loadPlanFile, PlanFileError } from "../../src/cli/planFile";
import data from "../../src/plan/data/eskilstuna-2019.json";
import { captureIo } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "plankoll-planwords-"));
const CLEAN = join(__dirname, "../fixtures/workbooks/plan.mismatch/not-plan-table-as-printed.xlsx");
const ENGLISH = /Invalid input|expected string|received undefined|Unexpected|Expected|property/;

function planFile(name: string, edit: (p: Record<string, unknown>) => void): string {
  const plan = JSON.parse(JSON.stringify(data));
  edit(plan);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(plan, null, 2));
  return file;
}

test("a goal without id: Swedish words naming the file and the field", async () => {
  const file = planFile("utan-id.json", (p) => delete (p.goals as Record<string, unknown>[])[3].id);
  const io = captureIo();
  expect(await main(["check", CLEAN, "--plan", file], io)).toBe(2);
  expect(io.err).toContain(`Planfilen ${file} följer inte planformatet: goals[3].id: saknas (ska vara text)`);
  expect(io.err).not.toMatch(ENGLISH);
});

test("the same in English, and a wrong type says what it is", async () => {
  const file = planFile("fel-typ.json", (p) => ((p.goals as Record<string, unknown>[])[0].title = 5));
  const io = captureIo();
  expect(await main(["check", CLEAN, "--plan", file, "--lang", "en"], io)).toBe(2);
  expect(io.err).toContain(
    `The plan file ${file} does not follow the plan format: goals[0].title: should be text, not a number`,
  );
});

test("an unknown field and an unknown unit", async () => {
  const file = planFile("okant.json", (p) => {
    p.extra = 1;
    (p.goals as Record<string, unknown>[])[0].unit = "procent";
  });
  const io = captureIo();
  await main(["plan", "--plan", file], io);
  expect(io.err).toMatch(/goals\[0\]\.unit: ska vara ett av "percent", "index", "count", "amount"/);
  expect(io.err).toMatch(/\(plan\): okänt fält extra/);
  expect(io.err).not.toMatch(ENGLISH);
});

test("broken JSON: one language, with line and column", async () => {
  const file = join(dir, "trasig.json");
  writeFileSync(file, '{\n  "schemaVersion": 1\n  "id": "x"\n}');
  const io = captureIo();
  expect(await main(["check", CLEAN, "--plan", file], io)).toBe(2);
  expect(io.err).toMatch(
    /Planfilen .*trasig\.json är inte giltig JSON \(rad 3, kolumn 3\): ett komma saknas mellan två värden/,
  );
  expect(io.err).not.toMatch(ENGLISH);
  const io2 = captureIo();
  writeFileSync(file, '{ "schemaVersion": "1');
  await main(["check", CLEAN, "--plan", file, "--lang", "en"], io2);
  expect(io2.err).toMatch(/is not valid JSON \(line 1, column \d+\): the file ends too early/);
});

describe("loadPlanFile", () => {
  it("throws PlanFileError in English when asked", async () => {
    await expect(loadPlanFile(join(dir, "nope.json"), "en")).rejects.toThrow(
      new PlanFileError(`The plan file ${join(dir, "nope.json")} does not exist.`),
    );
  });

  it("computes 1-based line and column", () => {
    expect(lineColumn("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
  });
});
