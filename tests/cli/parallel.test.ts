/**
 * `plankoll check` over several files in worker threads (src/cli/parallel.ts): the same report, in the order
 * given, and the same exit code as checking them one after another; unreadable files stay where they were named.
 */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { checkFile, checkSnapshot } from "../../src/cli/commands/check";
import {
  BYTES_PER_THREAD,
  checkAll,
  READ_AHEAD,
  workerCount,
  type Checker,
  type CheckJob,
} from "../../src/cli/parallel";
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
  const MB = BYTES_PER_THREAD;
  test("the free cores, one more thread per BYTES_PER_THREAD of files, never more than the files", () => {
    expect(workerCount(1, 100 * MB, {}, 0)).toBe(1);
    expect(workerCount(1000, 100 * MB, {}, 0)).toBe(Math.min(cores, 16));
    expect(workerCount(1000, 100 * MB, {}, 0.9 + cores)).toBe(1); // every core busy with others' work
    expect(workerCount(20, MB - 1, {}, 0)).toBe(1); // small files: a second thread does not pay
    expect(workerCount(20, MB, {}, 0)).toBe(Math.min(cores, 2));
    expect(workerCount(20, 2 * MB, {}, 0)).toBe(Math.min(cores, 3));
  });
  test("PLANKOLL_JOBS when set, whatever the sizes and the load", () => {
    expect(workerCount(5, 0, { PLANKOLL_JOBS: "3" }, 50)).toBe(3);
    expect(workerCount(2, 0, { PLANKOLL_JOBS: "8" }, 0)).toBe(2);
    expect(workerCount(5, 100 * MB, { PLANKOLL_JOBS: "1" }, 0)).toBe(1);
    expect(workerCount(5, 100 * MB, { PLANKOLL_JOBS: "nonsense" }, 0)).toBe(Math.min(5, cores));
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

  test("report PDFs among the workbooks: read and checked whole by whichever thread takes them", () => {
    const docs = join(ROOT, "tests", "fixtures", "documents");
    const mixed = [
      join(docs, "budget-sum-error.pdf"),
      ...fixtures.slice(0, 3),
      join(docs, "not-a-pdf.pdf"),
      join(docs, "multi-page.pdf"),
      ...fixtures.slice(3, 6),
    ];
    const one = runBuiltCli(["check", ...mixed, "--format", "json"], { PLANKOLL_JOBS: "1" });
    const two = runBuiltCli(["check", ...mixed, "--format", "json"], { PLANKOLL_JOBS: "2" });
    expect(two).toEqual(one);
    const names = (JSON.parse(two.out) as { files: { file: string }[] }).files.map((r) => r.file);
    expect(names).toEqual(mixed);
    expect(two.out).toContain("sum."); // the PDF's planted sum error is found
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
  const WORKER = join(ROOT, "lib", "cli", "checkWorker.js");
  let dir: string;
  /** A stand-in worker that answers every file it takes at once with a result no real check gives. */
  let fakeWorker: string;
  /** A stand-in worker that takes one file, says so, writes `taken` and then dies. */
  let dyingWorker: string;
  beforeAll(() => {
    ensureCliBuilt();
    dir = mkdtempSync(join(tmpdir(), "plankoll-pool-"));
    fakeWorker = join(dir, "fake.js");
    writeFileSync(
      fakeWorker,
      `const { parentPort, workerData } = require("node:worker_threads");
      const { files, counter } = workerData;
      for (let k = Atomics.add(counter, 0, 1); k < files.length; k = Atomics.add(counter, 0, 1)) {
        parentPort.postMessage({ started: k });
        parentPort.postMessage({ index: k, result: { file: files[k], findings: [], error: { code: "fake", message: "" } } });
      }`,
    );
    dyingWorker = join(dir, "dying.js");
    writeFileSync(
      dyingWorker,
      `const { parentPort, workerData } = require("node:worker_threads");
      const { files, counter } = workerData;
      const k = Atomics.add(counter, 0, 1);
      if (k < files.length) {
        parentPort.postMessage({ started: k });
        require("node:fs").writeFileSync(${JSON.stringify(join(dir, "taken"))}, String(k));
        setTimeout(() => { throw new Error("boom"); }, 50);
      }`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** A stand-in worker that takes no file and writes the time to `beat` every 50 ms until it is stopped. */
  const beatingWorker = (beat: string) => {
    const script = join(dir, "beating.js");
    writeFileSync(
      script,
      `setInterval(() => require("node:fs").writeFileSync(${JSON.stringify(beat)}, String(Date.now())), 50);`,
    );
    return script;
  };
  afterEach(() => {
    if (saved === undefined) delete process.env.PLANKOLL_JOBS;
    else process.env.PLANKOLL_JOBS = saved;
  });

  const expected = async (jobs: CheckJob[]) => {
    const out = [];
    for (const j of jobs)
      out.push(
        j.error
          ? { file: j.file, findings: [], error: { code: "no-match", message: j.error } }
          : await checkFile(j.file, embeddedPlan, "sv"),
      );
    return out;
  };
  /** Checks in this thread after `wait` ms, the files it read itself in `here`, those a worker read in `given`. */
  const slow = (wait: number, here: string[], given: string[] = []): Checker => ({
    file: async (file) => {
      here.push(file);
      await new Promise((r) => setTimeout(r, wait));
      return checkFile(file, embeddedPlan, "sv");
    },
    snapshot: (file, snapshot, plan, lang) => {
      given.push(file);
      return checkSnapshot(file, snapshot, plan, lang);
    },
  });
  /** Reads and checks in this thread with `file`; a workbook a worker read is checked as the CLI does. */
  const own = (file: Checker["file"]): Checker => ({ file, snapshot: checkSnapshot });

  test("a worker reads files, this thread checks them; results in the given order, progress once per file", async () => {
    process.env.PLANKOLL_JOBS = "2";
    const jobs = [...fixtures.slice(0, 6).map((file) => ({ file })), { file: "x.xlsx", error: "no match" }];
    const seen: number[] = [];
    const here: string[] = [];
    const given: string[] = [];
    // This thread is slow on purpose, so the worker (once started) reads the files this one has not.
    const results = await checkAll(
      jobs,
      embeddedPlan,
      "sv",
      slow(1500, here, given),
      (i) => seen.push(i),
      WORKER,
    );
    expect(results).toEqual(await expected(jobs));
    expect(here.length).toBeLessThan(6);
    // Every file read by exactly one thread; what the worker read was checked here.
    expect(given.length).toBeGreaterThan(0);
    expect([...here, ...given].sort()).toEqual(fixtures.slice(0, 6).sort());
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
  }, 30_000);

  test("a worker reads at most READ_AHEAD workbooks this thread has not taken", async () => {
    process.env.PLANKOLL_JOBS = "2";
    const jobs = fixtures.slice(0, READ_AHEAD + 5).map((file) => ({ file }));
    let started = 0;
    let whileBusy = -1;
    const busy: Checker = {
      // This thread's own first file keeps it busy until the worker has started READ_AHEAD files, and then a
      // while longer: a worker that does not wait would start more in that time.
      file: async (file) => {
        if (whileBusy < 0) {
          for (let t = 0; t < 400 && started < 1 + READ_AHEAD; t++)
            await new Promise((r) => setTimeout(r, 25));
          await new Promise((r) => setTimeout(r, 700));
          whileBusy = started;
        }
        return checkFile(file, embeddedPlan, "sv");
      },
      snapshot: checkSnapshot,
    };
    const results = await checkAll(jobs, embeddedPlan, "sv", busy, () => started++, WORKER);
    expect(whileBusy).toBe(1 + READ_AHEAD);
    expect(results).toEqual(await expected(jobs));
  }, 30_000);

  test("a worker that dies fails only the file it was on; the other files are checked, in order", async () => {
    process.env.PLANKOLL_JOBS = "2";
    const jobs = fixtures.slice(0, 5).map((file) => ({ file }));
    const taken = join(dir, "taken");
    const here: string[] = [];
    // This thread waits until the worker has taken its file, so the worker surely takes one.
    const waitForWorker = async (file: string) => {
      for (let t = 0; t < 400 && !existsSync(taken); t++) await new Promise((r) => setTimeout(r, 50));
      here.push(file);
      return checkFile(file, embeddedPlan, "sv");
    };
    const results = await checkAll(jobs, embeddedPlan, "sv", own(waitForWorker), () => {}, dyingWorker);
    const want = await expected(jobs);
    const failed = results.filter((r) => r.error?.code === "check-failed");
    expect(failed).toHaveLength(1);
    expect(failed[0].error?.message).toContain("boom");
    expect(here).toHaveLength(4);
    expect(here).not.toContain(failed[0].file);
    expect(results.map((r) => r.file)).toEqual(jobs.map((j) => j.file));
    results.forEach((r, i) => {
      if (r !== failed[0]) expect(r).toEqual(want[i]);
    });
  }, 30_000);

  test("when this thread fails, the workers are stopped instead of keeping the process alive", async () => {
    process.env.PLANKOLL_JOBS = "2";
    const beat = join(dir, "beat");
    const jobs = fixtures.slice(0, 3).map((file) => ({ file }));
    const failing: Checker = {
      // The first file waits until the worker runs, so there is a worker to stop when progress throws next.
      file: async (file) => {
        for (let t = 0; t < 400 && !existsSync(beat); t++) await new Promise((r) => setTimeout(r, 25));
        return checkFile(file, embeddedPlan, "sv");
      },
      snapshot: checkSnapshot,
    };
    let calls = 0;
    const progress = () => {
      if (++calls === 2) throw new Error("the terminal went away");
    };
    await expect(checkAll(jobs, embeddedPlan, "sv", failing, progress, beatingWorker(beat))).rejects.toThrow(
      "the terminal went away",
    );
    await new Promise((r) => setTimeout(r, 300));
    const last = readFileSync(beat, "utf8");
    await new Promise((r) => setTimeout(r, 300));
    expect(readFileSync(beat, "utf8")).toBe(last);
  }, 30_000);

  test("PLANKOLL_JOBS=1: every file in this thread, one after another, no worker", async () => {
    process.env.PLANKOLL_JOBS = "1";
    const jobs = fixtures.slice(0, 4).map((file) => ({ file }));
    const here: string[] = [];
    const results = await checkAll(jobs, embeddedPlan, "sv", slow(0, here), () => {}, fakeWorker);
    expect(here).toEqual(jobs.map((j) => j.file));
    expect(results).toEqual(await expected(jobs));
  });

  test("PLANKOLL_JOBS=2 hands files to the worker (the stand-in's answers show), largest file first", async () => {
    process.env.PLANKOLL_JOBS = "2";
    const jobs = fixtures.slice(0, 6).map((file) => ({ file }));
    const here: string[] = [];
    const results = await checkAll(jobs, embeddedPlan, "sv", slow(300, here), () => {}, fakeWorker);
    expect(results.map((r) => r.file)).toEqual(jobs.map((j) => j.file));
    expect(results.filter((r) => r.error?.code === "fake").length).toBeGreaterThan(0);
    const sizes = jobs.map((j) => statSync(j.file).size);
    expect(statSync(here[0]).size).toBe(Math.max(...sizes));
  });

  test("without PLANKOLL_JOBS small files stay in this thread: no worker is started", async () => {
    delete process.env.PLANKOLL_JOBS;
    const jobs = fixtures.slice(0, 6).map((file) => ({ file }));
    const total = jobs.reduce((n, j) => n + statSync(j.file).size, 0);
    expect(total).toBeLessThan(BYTES_PER_THREAD);
    const here: string[] = [];
    const results = await checkAll(jobs, embeddedPlan, "sv", slow(0, here), () => {}, fakeWorker);
    expect(here).toEqual(jobs.map((j) => j.file));
    expect(results).toEqual(await expected(jobs));
  });

  test("a check that throws fails its file only", async () => {
    process.env.PLANKOLL_JOBS = "1";
    const jobs = fixtures.slice(0, 3).map((file) => ({ file }));
    const results = await checkAll(
      jobs,
      embeddedPlan,
      "sv",
      own(async (file) => {
        if (file === jobs[1].file) throw new Error("oops");
        return checkFile(file, embeddedPlan, "sv");
      }),
      () => {},
      fakeWorker,
    );
    const want = await expected(jobs);
    expect(results[0]).toEqual(want[0]);
    expect(results[1].error).toEqual({
      code: "check-failed",
      message: "filen kunde inte kontrolleras (oops)",
    });
    expect(results[2]).toEqual(want[2]);
  });
});
