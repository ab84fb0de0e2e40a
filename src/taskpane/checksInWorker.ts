/**
 * Starts the check worker (webpack bundles `new Worker(new URL(…, import.meta.url))` as its own chunk).
 * Only loaded where `Worker` exists; the caller falls back to running the engine in the page.
 */
import type { Finding, WorkbookSnapshot } from "../model/types";
import type { Plan } from "../plan/schema";

export function checkInWorker(snapshot: WorkbookSnapshot, plan: Plan): Promise<Finding[]> {
  return new Promise((resolve, reject) => {
    // webpack recognises exactly `new Worker(new URL(…, import.meta.url))` and bundles the worker.
    const worker = new Worker(
      // @ts-expect-error -- import.meta is ESM-only; webpack bundles this (module esnext), Jest never loads it.
      new URL("./checkWorker.ts", import.meta.url),
      { name: "plankoll-checks" },
    );
    worker.onmessage = (e: MessageEvent<{ findings?: Finding[]; error?: string }>) => {
      worker.terminate();
      if (e.data.findings) resolve(e.data.findings);
      else reject(new Error(e.data.error ?? "check worker failed"));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || "check worker failed"));
    };
    worker.postMessage({ snapshot, plan });
  });
}
