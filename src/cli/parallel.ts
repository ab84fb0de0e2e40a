/**
 * `plankoll check` over several workbooks: files are read and checked in this thread and in worker threads, as
 * many threads as the machine has cores (os.availableParallelism), the results put back in the order the files
 * were given.
 * One file, a single core or all cores busy, small files (a worker's start costs more than it saves, unless
 * PLANKOLL_JOBS asks for workers) or PLANKOLL_JOBS=1: the files are checked one after another in this thread.
 */
import { existsSync, statSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Lang } from "../plan/i18n";
import type { Plan } from "../plan/schema";
import { checkFailed, type FileResult } from "./report";

/** Below this many bytes in all, starting workers takes longer than checking the files here. */
const PARALLEL_MIN_BYTES = 512 * 1024;

/** The compiled worker (lib/cli/checkWorker.js); absent when running from the TypeScript sources (tests). */
const WORKER = join(__dirname, "checkWorker.js");

export interface CheckJob {
  file: string;
  /** Set when the argument is already known to be unreadable (a pattern that matched nothing). */
  error?: string;
}

export type CheckOne = (file: string, plan: Plan, lang: Lang) => Promise<FileResult>;

/**
 * How many threads: PLANKOLL_JOBS if set (1 = this one only), else the cores that are free — the cores less the
 * load others already put on them (os.loadavg; 0 where unknown, as on Windows): on a machine whose cores are all
 * busy a second thread only adds its own start-up. Never more than the files.
 */
export function workerCount(
  files: number,
  env: NodeJS.ProcessEnv = process.env,
  load: number = loadavg()[0],
): number {
  const asked = Number.parseInt(env.PLANKOLL_JOBS ?? "", 10);
  const cores = availableParallelism();
  const threads =
    Number.isFinite(asked) && asked >= 1 ? asked : Math.ceil(cores - Math.max(0, Math.min(cores, load - 1)));
  return Math.max(1, Math.min(threads, files, 16));
}

function totalBytes(files: readonly string[]): number {
  let n = 0;
  for (const f of files) {
    try {
      n += statSync(f).size;
    } catch {
      // Unreadable: the check reports it.
    }
  }
  return n;
}

/**
 * Checks the jobs, `progress(i, file)` as each one starts, and returns the results in the jobs' order. A worker
 * that dies (out of memory, say) fails only the file it was on; the others go on in a new worker.
 */
export async function checkAll(
  jobs: readonly CheckJob[],
  plan: Plan,
  lang: Lang,
  checkOne: CheckOne,
  progress: (index: number, file: string) => void,
  workerScript: string = WORKER,
): Promise<FileResult[]> {
  const results: FileResult[] = new Array(jobs.length);
  const todo: number[] = [];
  jobs.forEach((j, i) => {
    if (j.error) results[i] = { file: j.file, findings: [], error: { code: "no-match", message: j.error } };
    else todo.push(i);
  });
  const workers = workerCount(todo.length);
  const asked = process.env.PLANKOLL_JOBS !== undefined && workers > 1;
  const parallel =
    workers > 1 &&
    existsSync(workerScript) &&
    (asked || totalBytes(todo.map((i) => jobs[i].file)) >= PARALLEL_MIN_BYTES);
  if (!parallel) {
    for (let i = 0; i < jobs.length; i++) {
      progress(i, jobs[i].file);
      if (!results[i]) results[i] = await checkOne(jobs[i].file, plan, lang);
    }
    return results;
  }

  // Files are taken in the given order from one shared counter, by this thread and by the workers alike: nobody
  // waits for a busy thread to hand out the next file, and this thread's warm engine does its share.
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const files = todo.map((i) => jobs[i].file);
  let shown = -1;
  const show = (upTo: number) => {
    // Progress in the given order, so the counter only ever goes up (unreadable arguments included).
    for (; shown < upTo;) {
      shown++;
      progress(shown, jobs[shown].file);
    }
  };
  const failed = (file: string, why: string): FileResult => checkFailed(file, why, lang);

  const finished: Promise<void>[] = [];
  for (let w = 1; w < workers; w++) {
    finished.push(
      new Promise<void>((resolve) => {
        const worker = new Worker(workerScript, { workerData: { plan, lang, files, counter } });
        let current = -1;
        worker.on("message", (m: { started: number } | { index: number; result: FileResult }) => {
          if ("started" in m) current = m.started;
          else {
            results[todo[m.index]] = m.result;
            current = -1;
          }
        });
        worker.on("error", (e) => {
          if (current >= 0) results[todo[current]] = failed(files[current], e.message);
          current = -1;
        });
        worker.on("exit", () => {
          if (current >= 0) results[todo[current]] = failed(files[current], "worker stopped");
          resolve();
        });
      }),
    );
  }
  for (let k = Atomics.add(counter, 0, 1); k < files.length; k = Atomics.add(counter, 0, 1)) {
    show(todo[k]);
    results[todo[k]] = await checkOne(files[k], plan, lang);
  }
  await Promise.all(finished);
  show(jobs.length - 1);
  return results;
}
