/**
 * The check engine in a Web Worker, so a large workbook never freezes the pane while the rules run.
 * Messages: { snapshot, plan } in, { findings } (language-free: ids and parameters) or { error } out.
 */
import { checkWorkbook } from "../checks";
import type { WorkbookSnapshot } from "../model/types";
import type { Plan } from "../plan/schema";

interface Request {
  snapshot: WorkbookSnapshot;
  plan: Plan;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(data: unknown): void;
};

scope.onmessage = (e) => {
  try {
    const { snapshot, plan } = e.data;
    scope.postMessage({ findings: checkWorkbook(snapshot, { plan }) });
  } catch (err) {
    scope.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
