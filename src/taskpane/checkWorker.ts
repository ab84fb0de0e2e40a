/**
 * The check engine in a Web Worker, so a large workbook never freezes the pane while the rules run.
 * Messages: { snapshot, plan, lang } in, { findings } or { error } out.
 */
import { checkWorkbook } from "../checks";
import type { WorkbookSnapshot } from "../model/types";
import type { Lang } from "../plan/i18n";
import type { Plan } from "../plan/schema";

interface Request {
  snapshot: WorkbookSnapshot;
  plan: Plan;
  lang: Lang;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(data: unknown): void;
};

scope.onmessage = (e) => {
  try {
    const { snapshot, plan, lang } = e.data;
    scope.postMessage({ findings: checkWorkbook(snapshot, { plan, lang }) });
  } catch (err) {
    scope.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
