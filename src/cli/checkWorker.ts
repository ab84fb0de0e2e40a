/**
 * A worker thread of `plankoll check` (./parallel): loads the reader and the engine once, then takes the next
 * file from the counter it shares with the other threads, reads and checks it itself and posts only the result,
 * until no file is left.
 */
import { parentPort, workerData } from "node:worker_threads";
import { checkPath } from "./commands/check";
import type { WorkerInput, WorkerMessage } from "./parallel";
import { checkFailed } from "./report";

const { plan, lang, files, counter } = workerData as WorkerInput;

async function work(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const post = (m: WorkerMessage) => port.postMessage(m);
  for (let k = Atomics.add(counter, 0, 1); k < files.length; k = Atomics.add(counter, 0, 1)) {
    post({ started: k });
    let result;
    try {
      result = await checkPath(files[k], plan, lang);
    } catch (e) {
      result = checkFailed(files[k], e, lang);
    }
    post({ index: k, result });
  }
}

void work();
