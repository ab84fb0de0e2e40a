/**
 * Reading one named workbook for `plankoll check`: its snapshot, or the file's result when it cannot be read
 * (the reason in the reader's language). The checking thread and the reading threads of a batch (./parallel,
 * ./checkWorker) both read through here. It loads the reader only, never the engine, so a thread that only
 * reads compiles only the reader.
 */
import { join } from "node:path";
import type { WorkbookSnapshot } from "../model/types";
import type { Lang } from "../plan/i18n";
import { checkFailed, type FileResult } from "./report";
import { READ_ERROR_CODES, readWorkbookFile, WorkbookReadError } from "./xlsx";

const FOLDER_HINT: Record<Lang, (pattern: string) => string> = {
  sv: (p) => `; ange arbetsböckerna i den, t.ex. "${p}"`,
  en: (p) => `; name the workbooks in it, e.g. "${p}"`,
};

export type ReadForCheck = { snapshot: WorkbookSnapshot } | { result: FileResult };

export async function readForCheck(path: string, lang: Lang): Promise<ReadForCheck> {
  try {
    return { snapshot: await readWorkbookFile(path) };
  } catch (e) {
    if (e instanceof WorkbookReadError) {
      const hint = e.code === "directory" ? FOLDER_HINT[lang](join(path, "*.xlsx")) : "";
      const error = { code: READ_ERROR_CODES[e.code], message: e.reason(lang) + hint };
      return { result: { file: path, findings: [], error } };
    }
    return { result: checkFailed(path, e, lang) };
  }
}
