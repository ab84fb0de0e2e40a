/**
 * `plankoll check` over several workbooks: a pool of threads — this one and min(free cores, files) − 1 worker
 * threads, each loading the reader and the engine once — takes the files one at a time from one shared counter,
 * largest first; each thread reads and checks its file itself and only the finished result (the findings) comes
 * back. The results are put back in the order the files were given.
 *
 * The files are checked one after another in this thread when a second thread cannot pay for itself: one file,
 * a single free core, PLANKOLL_JOBS=1, or less than BYTES_PER_THREAD of files in all (see workerCount).
 */
import { existsSync, statSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Lang } from "../plan/i18n";
import type { Plan } from "../plan/schema";
import { checkFailed, type FileResult } from "./report";

/**
 * Bytes of files (.xlsx is compressed: ~370 kB for 50 000 cells) that pay for one more thread. A new thread is
 * a new V8 isolate that compiles the reader and the engine again and runs slowly until it has: ~1,5 s of CPU
 * for 20 files of 50 000 cells (3,6 s in one thread, 5,1 s in two, `npm run bench -- cli`; callgrind: 11,7 G
 * instructions in one thread, 14,8 G in two); and one thread alone already keeps a second core busy with its own
 * compiles and GC — so on 2 cores those 20 files (7 MB) check no faster in 2 threads than in 1 (1,0–1,2× the
 * time); 8 files of 250 000 cells (14 MB) took about 0,8× the time before the reader read cells from the bytes.
 */
export const BYTES_PER_THREAD = 8 * 1024 * 1024;

/** The compiled worker (lib/cli/checkWorker.js); absent when running from the TypeScript sources (tests). */
const WORKER = join(__dirname, "checkWorker.js");

export interface CheckJob {
  file: string;
  /** Set when the argument is already known to be unreadable (a pattern that matched nothing). */
  error?: string;
}

export type CheckOne = (file: string, plan: Plan, lang: Lang) => Promise<FileResult>;

/** What a worker thread (./checkWorker) is given. */
export interface WorkerInput {
  plan: Plan;
  lang: Lang;
  /** The files in the order they are handed out; messages refer to them by index. */
  files: string[];
  /** The next index to take, shared by every thread of the pool. */
  counter: Int32Array;
}

/** What a worker thread posts: the index it takes next, then that file's result. */
export type WorkerMessage = { started: number } | { index: number; result: FileResult };

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

/** Runs one worker of the pool until the files run out; `lost(k, why)` for a file it took but never reported. */
function runWorker(
  script: string,
  input: WorkerInput,
  started: (k: number) => void,
  done: (k: number, result: FileResult) => void,
  lost: (k: number, why: string) => void,
): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(script, { workerData: input });
    let current = -1;
    let why = "worker stopped";
    worker.on("message", (m: WorkerMessage) => {
      if ("started" in m) {
        current = m.started;
        started(m.started);
      } else {
        done(m.index, m.result);
        current = -1;
      }
    });
    worker.on("error", (e) => {
      why = e.message;
    });
    worker.on("exit", () => {
      if (current >= 0) lost(current, why);
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
  checkOne: CheckOne,
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
      return await checkOne(file, plan, lang);
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
  const started = (k: number) => progress(shown++, files[k]);
  const done = (k: number, result: FileResult) => {
    results[order[k]] = result;
  };
  const lost = (k: number, why: string) => done(k, checkFailed(files[k], why, lang));

  const counter = new Int32Array(new SharedArrayBuffer(4));
  const input: WorkerInput = { plan, lang, files, counter };
  const pool: Promise<void>[] = [];
  for (let w = 1; w < threads; w++) pool.push(runWorker(workerScript, input, started, done, lost));
  // This thread is one of the pool: it takes files from the same counter while the workers start up.
  for (let k = Atomics.add(counter, 0, 1); k < files.length; k = Atomics.add(counter, 0, 1)) {
    started(k);
    done(k, await one(files[k]));
  }
  await Promise.all(pool);
  // A worker that died before its last message arrived: its file fails, the others keep their results.
  order.forEach((i, k) => {
    results[i] ??= checkFailed(files[k], "worker stopped", lang);
  });
  return results as FileResult[];
}
