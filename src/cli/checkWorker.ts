/**
 * A worker thread of `plankoll check` (./parallel): takes the next file from the counter it shares with the
 * other threads, checks it and posts the result, until no file is left.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Lang } from "../plan/i18n";
import type { Plan } from "../plan/schema";
import { checkPath } from "./commands/check";

const { plan, lang, files, counter } = workerData as {
  plan: Plan;
  lang: Lang;
  files: string[];
  counter: Int32Array;
};

async function work(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  for (let k = Atomics.add(counter, 0, 1); k < files.length; k = Atomics.add(counter, 0, 1)) {
    port.postMessage({ started: k });
    port.postMessage({ index: k, result: await checkPath(files[k], plan, lang) });
  }
}

void work();
