/**
 * Reading one named file of any kind `plankoll check` accepts: a workbook's snapshot, or the file's result —
 * when it cannot be read (the reason in the reader's language), or for a report PDF, which is read and checked
 * whole here. The checking thread and the reading threads of a batch (./parallel, ./checkWorker) both read
 * through here, so a new kind of file is dispatched once. For workbooks it loads the reader only, never the
 * engine, so a thread that only reads compiles only the reader; pdf.js and the report reader (which checks) are
 * loaded only when a PDF is named.
 */
import { join } from "node:path";
import type { WorkbookSnapshot } from "../model/types";
import type { Lang } from "../plan/i18n";
import { isPdfPath } from "./fileKinds";
import { checkFailed, type FileResult } from "./report";
import { READ_ERROR_CODES, readWorkbookFile, WorkbookReadError } from "./xlsx";

const FOLDER_HINT: Record<Lang, (pattern: string) => string> = {
  sv: (p) => `; ange arbetsböckerna i den, t.ex. "${p}"`,
  en: (p) => `; name the workbooks in it, e.g. "${p}"`,
};

export type ReadForCheck = { snapshot: WorkbookSnapshot } | { result: FileResult };

export async function readForCheck(path: string, lang: Lang): Promise<ReadForCheck> {
  if (isPdfPath(path))
    return { result: await (await import("./commands/checkPdf")).checkPdfFile(path, lang) };
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
