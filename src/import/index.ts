/**
 * Plan importers (host-free), the API the task pane and the CLI share:
 * - `importPlanFromText(text)`: the seed format, one line per page;
 * - `importDocument(documentFromLayout(pages))`: a PDF's text items (pdfjs, mapped by `positionedFromPdfjs`);
 * - `importPlanJson(text)`: a plan file; `importPlanTable(sheet)`: the "Plan" table layout in a workbook;
 * all return `{ plan, warnings, findings, tables }`. `diffPlans(active, imported)` (src/plan/diff.ts, here so the
 * pane loads it with the importers' chunk) feeds the review step;
 * `planTableTemplate()` / `planToTableRows(plan)` give rows to write into a "Plan" table.
 */
export { importDocument, importPlanFromText } from "./text";
export { documentFromLayout, isTextless, layoutRows, positionedFromPdfjs } from "./layout";
export type { LayoutRow, PdfjsLikeTextItem, PositionedText } from "./layout";
export { importPlanJson, PlanJsonError } from "./json";
export { planSource, planSourceError, PlanSourceError } from "./source";
export type { PlanSource, PlanSourceKind, PlanSourceProblem } from "./source";
export { looksLikePdf, pdfProblemOf, PdfTextError, positionedPages, PDF_PROBLEM_MESSAGES } from "./pdfText";
export type { PdfjsLikeDocument, PdfProblem } from "./pdfText";
export { importCounts } from "./summary";
export type { ImportCount } from "./summary";
export {
  importPlanTable,
  planTableTemplate,
  planToTableRows,
  PlanTableError,
  PLAN_TABLE_COLUMNS,
  rowsToSheet,
} from "./planTable";
export { diffPlans } from "../plan/diff";
export type { BudgetChange, ItemChange, PlanDiff, ValueChange } from "../plan/diff";
export { checkDocument, docTableGrid } from "./docSums";
export { checkReport, withReport } from "./report";
export type { DocumentFinding, ReportResult, ReportTable } from "./report";
export type {
  DocCell,
  DocRow,
  DocTable,
  ImportOptions,
  ImportResult,
  ImportWarning,
  PlanPart,
} from "./types";
