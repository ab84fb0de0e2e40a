/**
 * `plankoll check` over several workbooks: this thread and min(free cores, files) − 1 worker threads take the
 * files one at a time from one shared counter, largest first. A worker only reads: it loads the reader, never
 * the engine, and hands each workbook it read to this thread packed in transferred buffers (./snapshotPack);
 * this thread checks what the workers read and, whenever no read workbook is waiting, reads and checks the next
 * file itself. So the engine is compiled once, in this thread, as in a run one after another (a new thread is a
 * new V8 isolate that compiles all it runs again, and runs slowly until it has), the reading and the checking
 * overlap, and neither side waits while files remain. The results are put back in the order the files were given.
 * A worker reads at most READ_AHEAD workbooks this thread has not yet taken, so memory stays bounded when the
 * checking is the slower part. Report PDFs are checked whole in the worker that takes them.
 *
 * The files are checked one after another in this thread when a second thread cannot pay for itself: one file,
 * a single free core, PLANKOLL_JOBS=1, or less than BYTES_PER_THREAD of files in all (see workerCount).
 */
import { existsSync, statSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { WorkbookSnapshot } from "../model/types";
import type { Lang } from "../plan/i18n";
import type { Plan } from "../plan/schema";
import { checkFailed, type FileResult } from "./report";
import { unpackWorkbook, type PackedWorkbook } from "./snapshotPack";

/**
 * Bytes of files (.xlsx is compressed: ~370 kB for 50 000 cells) that pay for one more thread. A reading thread
 * still costs its start and its own warm-up of the reader, and one thread alone already keeps a second core
 * busy with its compiles and GC; on 2 cores, files of 50 000 cells took in 2 threads against 1: 6 files
 * (2 MB) 1,2× the time, 11 files (4 MB) 1,0–1,15×, 20 files (7 MB) 0,85–0,95×.
 */
export const BYTES_PER_THREAD = 8 * 1024 * 1024;

/** Read workbooks a worker may have waiting for this thread: enough that this thread never waits for one. */
export const READ_AHEAD = 2;

/** The compiled worker (lib/cli/checkWorker.js); absent when running from the TypeScript sources (tests). */
const WORKER = join(__dirname, "checkWorker.js");

export interface CheckJob {
  file: string;
  /** Set when the argument is already known to be unreadable (a pattern that matched nothing). */
  error?: string;
}

/** How this thread checks: a file it reads itself, and a workbook a worker read. */
export interface Checker {
  file: (file: string, plan: Plan, lang: Lang) => Promise<FileResult>;
  snapshot: (file: string, snapshot: WorkbookSnapshot, plan: Plan, lang: Lang) => FileResult;
}

/** Slots of WorkerInput.counter. */
export const NEXT = 0,
  AHEAD = 1;

/** What a worker thread (./checkWorker) is given. */
export interface WorkerInput {
  lang: Lang;
  /** The files in the order they are handed out; messages refer to them by index. */
  files: string[];
  /**
   * Shared by every thread of the pool: [NEXT] the next index to take; [AHEAD] the read workbooks posted and not
   * yet taken by this thread (a worker waits while there are READ_AHEAD or more).
   */
  counter: Int32Array;
}

/**
 * What a worker thread posts: the index it takes next, then that file's result (a file it could not read, or a
 * report PDF it checked) or the workbook it read, for this thread to check.
 */
export type WorkerMessage =
  { started: number } | { index: number; result: FileResult } | { index: number; packed: PackedWorkbook };

/**
 * How many threads: PLANKOLL_JOBS if set (1 = this one only), else the cores that are free — the cores less the
 * load others already put on them (os.loadavg; 0 where unknown, as on Windows) — but one more than this thread
 * only for each BYTES_PER_THREAD of files. Never more than the files.
 */
export function workerCount(
  files: number,
  bytes: number,
  env: NodeJS.ProcessEnv = process.env,
  load: number = loadavg()[0],
): number {
  const asked = Number.parseInt(env.PLANKOLL_JOBS ?? "", 10);
  const cores = availableParallelism();
  const threads =
    Number.isFinite(asked) && asked >= 1
      ? asked
      : Math.min(
          Math.ceil(cores - Math.max(0, Math.min(cores, load - 1))),
          1 + Math.floor(bytes / BYTES_PER_THREAD),
        );
  return Math.max(1, Math.min(threads, files, 16));
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // Unreadable: the check reports it.
  }
}

/** What runWorker reports, by file index. */
interface PoolEvents {
  started(k: number): void;
  done(k: number, result: FileResult): void;
  read(k: number, packed: PackedWorkbook): void;
  /** A file the worker took but never answered for (it died). */
  lost(k: number, why: string): void;
}

/** Follows one worker of the pool until it ends (the files ran out, or it died). */
function runWorker(worker: Worker, on: PoolEvents): Promise<void> {
  return new Promise((resolve) => {
    let current = -1;
    let why = "worker stopped";
    worker.on("message", (m: WorkerMessage) => {
      if ("started" in m) {
        current = m.started;
        on.started(m.started);
        return;
      }
      if ("packed" in m) on.read(m.index, m.packed);
      else on.done(m.index, m.result);
      current = -1;
    });
    worker.on("error", (e) => {
      why = e.message;
    });
    worker.on("exit", () => {
      if (current >= 0) on.lost(current, why);
      resolve();
    });
  });
}

/**
 * Checks the jobs, `progress(n, file)` as each one starts (n counts the files started so far), and returns the
 * results in the jobs' order. A worker that dies (out of memory, say) fails only the file it was on; the files
 * it had not taken yet are taken by the other threads.
 */
export async function checkAll(
  jobs: readonly CheckJob[],
  plan: Plan,
  lang: Lang,
  checker: Checker,
  progress: (index: number, file: string) => void,
  workerScript: string = WORKER,
): Promise<FileResult[]> {
  const results: (FileResult | undefined)[] = new Array(jobs.length);
  const todo: number[] = [];
  jobs.forEach((j, i) => {
    if (j.error) results[i] = { file: j.file, findings: [], error: { code: "no-match", message: j.error } };
    else todo.push(i);
  });
  const one = async (file: string): Promise<FileResult> => {
    try {
      return await checker.file(file, plan, lang);
    } catch (e) {
      return checkFailed(file, e, lang);
    }
  };
  const sizes = new Map(todo.map((i) => [i, sizeOf(jobs[i].file)]));
  const bytes = [...sizes.values()].reduce((a, b) => a + b, 0);
  const threads = existsSync(workerScript) ? workerCount(todo.length, bytes) : 1;
  if (threads === 1) {
    for (let i = 0; i < jobs.length; i++) {
      progress(i, jobs[i].file);
      results[i] ??= await one(jobs[i].file);
    }
    return results as FileResult[];
  }

  // Largest first, so no thread is left with a big file while the others have finished.
  const order = [...todo].sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0));
  const files = order.map((i) => jobs[i].file);
  let shown = 0;
  jobs.forEach((j, i) => {
    if (results[i]) progress(shown++, j.file);
  });
  const done = (k: number, result: FileResult) => {
    results[order[k]] = result;
  };

  const counter = new Int32Array(new SharedArrayBuffer(8));
  const input: WorkerInput = { lang, files, counter };
  // Workbooks the workers read, in the order they arrived; `wake` resumes this thread when it waits for one.
  const waiting: { k: number; packed: PackedWorkbook }[] = [];
  let wake: (() => void) | null = null;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  let running = threads - 1;
  const events: PoolEvents = {
    started: (k) => progress(shown++, files[k]),
    done,
    read: (k, packed) => {
      waiting.push({ k, packed });
      poke();
    },
    lost: (k, why) => done(k, checkFailed(files[k], why, lang)),
  };
  const workers: Worker[] = [];
  for (let w = 1; w < threads; w++) {
    const worker = new Worker(workerScript, { workerData: input });
    workers.push(worker);
    void runWorker(worker, events).then(() => {
      running--;
      poke();
    });
  }

  /** This thread's part: what the workers read, else the next file, until every file is done. */
  const ownPart = async (): Promise<void> => {
    for (;;) {
      // Let the workers' messages in before choosing.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const read = waiting.shift();
      if (read) {
        Atomics.sub(counter, AHEAD, 1);
        Atomics.notify(counter, AHEAD);
        try {
          done(read.k, checker.snapshot(files[read.k], unpackWorkbook(read.packed), plan, lang));
        } catch (e) {
          done(read.k, checkFailed(files[read.k], e, lang));
        }
        continue;
      }
      if (Atomics.load(counter, NEXT) < files.length) {
        const k = Atomics.add(counter, NEXT, 1);
        if (k < files.length) {
          events.started(k);
          done(k, await one(files[k]));
        }
        continue;
      }
      if (running === 0) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };

  try {
    await ownPart();
  } finally {
    // Only when this thread failed (the workers have all ended otherwise): a worker waiting for room would wait
    // for ever and keep the process alive.
    if (running > 0) for (const w of workers) void w.terminate();
  }
  // A worker that died before its last message arrived: its file fails, the others keep their results.
  order.forEach((i, k) => {
    results[i] ??= checkFailed(files[k], "worker stopped", lang);
  });
  return results as FileResult[];
}
