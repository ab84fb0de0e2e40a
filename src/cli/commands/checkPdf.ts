/**
 * Report PDFs in `plankoll check` (and `plankoll tables`): reads the PDF's positioned text and hands it to the
 * host-free report reader. Kept apart from check.ts so the workbook path stays as it is.
 */
import { statSync } from "node:fs";
import type { Lang } from "../../plan/i18n";
import type { PdfProblem } from "../../import/pdfText";
import { checkReport, type ReportResult } from "../../import/report";
import { extractPdfFile, PdfReadError } from "../pdf";
import { checkFailed, type FileResult } from "../report";

export { isPdfPath } from "../fileKinds";

/** Reads every table of a report PDF; throws PdfReadError for a PDF that cannot be read. */
export async function readReportFile(path: string, lang: Lang): Promise<ReportResult> {
  return checkReport(await extractPdfFile(path), lang);
}

/** One report PDF as a `check` result: its document findings, or the reason it could not be read. */
export async function checkPdfFile(path: string, lang: Lang): Promise<FileResult> {
  try {
    const report = await readReportFile(path, lang);
    return {
      file: path,
      findings: report.findings,
      error: null,
      tables: { read: report.tables.length, seen: report.tables.length + report.unread.length },
    };
  } catch (e) {
    if (e instanceof PdfReadError)
      return {
        file: path,
        findings: [],
        error: { code: pdfErrorCode(path, e.problem), message: e.text[lang] },
      };
    return checkFailed(path, e, lang);
  }
}

/** The stable JSON code of a PDF that cannot be read, as for workbooks (not-found, directory, encrypted, …). */
function pdfErrorCode(path: string, problem: PdfProblem): string {
  if (problem !== "unreadable") return problem;
  const stat = statSync(path, { throwIfNoEntry: false });
  return !stat ? "not-found" : stat.isDirectory() ? "directory" : "unreadable";
}
