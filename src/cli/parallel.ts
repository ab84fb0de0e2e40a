/**
 * `plankoll check` over several workbooks: each file is read and checked in a worker thread, as many at a time
 * as the machine has cores (os.availableParallelism), the results put back in the order the files were given.
 * One file, a single core, small files (a worker's start costs more than it saves, unless PLANKOLL_JOBS asks
 * for workers) or PLANKOLL_JOBS=1: the files are checked one after another in this thread, as before.
 */
import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Lang } from "../plan/i18n";
import type { Plan } from "../plan/schema";
import type { FileResult } from "./report";

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

/** How many workers: PLANKOLL_JOBS if set (1 = none), else the cores, never more than the files. */
export function workerCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number.parseInt(env.PLANKOLL_JOBS ?? "", 10);
  const cores = Number.isFinite(asked) && asked >= 1 ? asked : availableParallelism();
  return Math.max(1, Math.min(cores, files, 16));
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
    if (j.error) results[i] = { file: j.file, findings: [], error: j.error };
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

  let next = 0;
  let shown = -1;
  const show = (upTo: number) => {
    // Progress in the given order, so the counter only ever goes up (unreadable arguments included).
    for (; shown < upTo;) {
      shown++;
      progress(shown, jobs[shown].file);
    }
  };
  const failed = (file: string, why: string): FileResult => ({
    file,
    findings: [],
    error: `${lang === "sv" ? "filen kunde inte kontrolleras" : "the file could not be checked"} (${why})`,
  });

  await new Promise<void>((resolve) => {
    let running = 0;
    const start = () => {
      const worker = new Worker(workerScript, { workerData: { plan, lang } });
      let current = -1;
      running++;
      const feed = () => {
        if (next >= todo.length) {
          current = -1;
          void worker.terminate();
          return;
        }
        current = todo[next++];
        show(current);
        worker.postMessage({ file: jobs[current].file });
      };
      worker.on("message", (result: FileResult) => {
        if (current >= 0) results[current] = result;
        feed();
      });
      worker.on("error", (e) => {
        if (current >= 0) results[current] = failed(jobs[current].file, e.message);
        current = -1;
      });
      worker.on("exit", () => {
        if (current >= 0) results[current] = failed(jobs[current].file, "worker stopped");
        running--;
        if (next < todo.length) start();
        else if (running === 0) resolve();
      });
      feed();
    };
    for (let w = 0; w < workers; w++) start();
  });
  show(jobs.length - 1);
  return results;
}
