/**
 * `plankoll check` over several files in worker threads (src/cli/parallel.ts): the same report, in the order
 * given, and the same exit code as checking them one after another; unreadable files stay where they were named.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { checkFile } from "../../src/cli/commands/check";
import { checkAll, workerCount } from "../../src/cli/parallel";
import { embeddedPlan } from "../../src/plan/embedded";
import { ensureCliBuilt, ROOT, runBuiltCli } from "../support/builtCli";

const WORKBOOKS = join(ROOT, "tests", "fixtures", "workbooks");
const fixtures = readdirSync(WORKBOOKS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(WORKBOOKS, d.name))
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => join(WORKBOOKS, d.name, f)),
  );

describe("workerCount", () => {
  const cores = availableParallelism();
  test("the free cores by default, never more than the files; PLANKOLL_JOBS when set", () => {
    expect(workerCount(1, {}, 0)).toBe(1);
    expect(workerCount(1000, {}, 0)).toBe(Math.min(cores, 16));
    expect(workerCount(1000, {}, 0.9 + cores)).toBe(1); // every core busy with others' work
    expect(workerCount(5, { PLANKOLL_JOBS: "3" }, 50)).toBe(3);
    expect(workerCount(2, { PLANKOLL_JOBS: "8" }, 0)).toBe(2);
    expect(workerCount(5, { PLANKOLL_JOBS: "1" }, 0)).toBe(1);
    expect(workerCount(5, { PLANKOLL_JOBS: "nonsense" }, 0)).toBe(Math.min(5, cores));
  });
});

describe("plankoll check FILE… in parallel (built CLI)", () => {
  let dir: string;
  let files: string[];
  beforeAll(() => {
    ensureCliBuilt();
    dir = mkdtempSync(join(tmpdir(), "plankoll-parallel-"));
    writeFileSync(join(dir, "skadad.xlsx"), "PK\u0003\u0004 not really a zip");
    copyFileSync(fixtures[0], join(dir, "kopia.xlsx"));
    // Findings and clean files, a damaged one and a missing one between them, a duplicate left out.
    files = [
      ...fixtures.slice(0, 6),
      join(dir, "skadad.xlsx"),
      ...fixtures.slice(6, 12),
      join(dir, "finns-inte.xlsx"),
      join(dir, "kopia.xlsx"),
      fixtures[3],
    ];
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(["text", "json"])("--format %s: the same report and exit code as one after another", (format) => {
    const one = runBuiltCli(["check", ...files, "--format", format], { PLANKOLL_JOBS: "1" });
    const two = runBuiltCli(["check", ...files, "--format", format], { PLANKOLL_JOBS: "2" });
    expect(one.code).toBe(2); // the damaged and the missing file
    expect(two).toEqual(one);
    if (format === "json") {
      const names = (JSON.parse(two.out) as { files: { file: string }[] }).files.map((r) => r.file);
      expect(names).toEqual(files.slice(0, -1)); // in the order given, the file named twice once
    }
  });

  test("findings only: exit 1 either way", () => {
    const withFindings = fixtures.filter((f) => /must-/.test(f)).slice(0, 4);
    expect(withFindings.length).toBe(4);
    const one = runBuiltCli(["check", ...withFindings], { PLANKOLL_JOBS: "1" });
    const two = runBuiltCli(["check", ...withFindings], { PLANKOLL_JOBS: "2" });
    expect(one.code).toBe(1);
    expect(two).toEqual(one);
  });
});

describe("checkAll with workers", () => {
  const saved = process.env.PLANKOLL_JOBS;
  beforeAll(() => ensureCliBuilt());
  afterEach(() => {
    if (saved === undefined) delete process.env.PLANKOLL_JOBS;
    else process.env.PLANKOLL_JOBS = saved;
  });

  test("a worker checks files too; results and progress in the given order", async () => {
    process.env.PLANKOLL_JOBS = "2";
    const jobs = [...fixtures.slice(0, 6).map((file) => ({ file })), { file: "x.xlsx", error: "no match" }];
    const seen: number[] = [];
    let here = 0;
    // This thread is slow on purpose, so the worker (once started) takes the files this one has not.
    const slowHere = async (file: string) => {
      here++;
      await new Promise((r) => setTimeout(r, 1500));
      return checkFile(file, embeddedPlan, "sv");
    };
    const results = await checkAll(
      jobs,
      embeddedPlan,
      "sv",
      slowHere,
      (i) => seen.push(i),
      join(ROOT, "lib", "cli", "checkWorker.js"),
    );
    const expected = [];
    for (const j of jobs.slice(0, 6)) expected.push(await checkFile(j.file, embeddedPlan, "sv"));
    expected.push({ file: "x.xlsx", findings: [], error: { code: "no-match", message: "no match" } });
    expect(results).toEqual(expected);
    expect(here).toBeLessThan(6);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(6);
  }, 30_000);
});
