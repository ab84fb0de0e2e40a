/**
 * A worker thread of `plankoll check` (./parallel): takes the next file from the counter it shares with the
 * other threads, reads it and posts the workbook packed (./snapshotPack) for the main thread to check, or the
 * file's result when it cannot be read; until no file is left. It loads the reader only: the engine stays in the
 * main thread, compiled once. A report PDF is the exception: readForCheck reads and checks it here whole.
 */
import { parentPort, workerData } from "node:worker_threads";
import { AHEAD, NEXT, READ_AHEAD, type WorkerInput, type WorkerMessage } from "./parallel";
import { readForCheck } from "./readBook";
import { checkFailed, type FileResult } from "./report";
import { packWorkbook } from "./snapshotPack";

const { lang, files, counter } = workerData as WorkerInput;

/** Waits while the main thread has READ_AHEAD or more read workbooks it has not taken yet. */
function waitForRoom(): void {
  for (let ahead = Atomics.load(counter, AHEAD); ahead >= READ_AHEAD; ahead = Atomics.load(counter, AHEAD))
    Atomics.wait(counter, AHEAD, ahead, 1000);
}

async function work(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const post = (m: WorkerMessage) => port.postMessage(m);
  for (;;) {
    waitForRoom();
    const k = Atomics.add(counter, NEXT, 1);
    if (k >= files.length) return;
    post({ started: k });
    let result: FileResult;
    try {
      const read = await readForCheck(files[k], lang);
      if ("snapshot" in read) {
        const { packed, transfer } = packWorkbook(read.snapshot);
        Atomics.add(counter, AHEAD, 1);
        port.postMessage({ index: k, packed } satisfies WorkerMessage, transfer);
        continue;
      }
      result = read.result;
    } catch (e) {
      result = checkFailed(files[k], e, lang);
    }
    post({ index: k, result });
  }
}

void work();
