/** A worker thread of `plankoll check` (./parallel): checks the files it is sent, one at a time. */
import { parentPort, workerData } from "node:worker_threads";
import type { Lang } from "../plan/i18n";
import type { Plan } from "../plan/schema";
import { checkFile } from "./commands/check";

const { plan, lang } = workerData as { plan: Plan; lang: Lang };
const port = parentPort;
if (port)
  port.on("message", (job: { file: string }) => {
    void checkFile(job.file, plan, lang).then((result) => port.postMessage(result));
  });
