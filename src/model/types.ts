/**
 * The host-neutral contract between hosts (Office.js, ExcelJS, document importers) and the rules.
 * Checks see only these types, never a host object.
 */
import type { Message } from "./messages";

/** An error value as Excel shows it. */
export interface CellError {
  error:
    "#N/A" | "#REF!" | "#DIV/0!" | "#VALUE!" | "#NAME?" | "#NUM!" | "#NULL!" | "#SPILL!" | "#CALC!" | string;
}

export type CellValue = number | string | boolean | null | CellError;

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && typeof (v as CellError).error === "string";
}

export interface SheetSnapshot {
  name: string;
  /** The used range's address without sheet name ("A1:F20"); "" for an empty sheet. */
  address: string;
  /** 0-based row and column of the used range's top-left cell. */
  origin: { row: number; col: number };
  /** Values of the used range, row by row. Empty cells are null. A formula's cached result, or null when none is cached. */
  values: CellValue[][];
  /** Formula text ("=SUM(B2:B5)") where the cell holds a formula, else null. Same shape as values. */
  formulas: (string | null)[][];
  /** Number format codes ("0.0%", "# ##0"); null or "General" where none. Same shape as values. */
  numberFormats: (string | null)[][];
  /** 0-based absolute indexes of hidden rows and columns. */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** Merged areas ("A1:C1"). */
  merged?: string[];
  /** Excel tables (ListObjects) on the sheet. */
  tables?: { name: string; address: string }[];
  protected?: boolean;
  /** Where a document table came from (importers): page number, for findings. */
  page?: number;
}

export interface WorkbookSnapshot {
  /** File or workbook name, for reports. */
  name?: string;
  sheets: SheetSnapshot[];
}

export type Severity = "error" | "warning" | "info";

export const RULE_IDS = [
  "sum.mismatch",
  "sum.range-gap",
  "sum.double-count",
  "sum.hardcoded",
  "plan.mismatch",
  "plan.unit",
  "plan.inconsistent",
  "cell.number-as-text",
  "cell.error",
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/**
 * One problem found, without words: what it says is a message id and parameters (`Message`), rendered in the
 * reader's language where it is shown (src/i18n). The JSON contract's field order (rule, severity, sheet, cell,
 * message, expected, actual, …) is the CLI's to keep when it renders.
 */
export type Finding = FindingFields & Message;

export interface FindingFields {
  rule: RuleId;
  severity: Severity;
  /** Workbook findings: sheet name and A1 cell; null for document findings. */
  sheet: string | null;
  cell: string | null;
  expected: number | string | null;
  actual: number | string | null;
  /** Document findings: page, the row's label and the column's header. */
  page?: number | null;
  row?: string | null;
  column?: string | null;
  /**
   * What makes an error/warning a finding: the lines and their sum, the peer totals whose ranges
   * differ, the cell counted twice and both paths. Plain JSON, after the fields above.
   */
  evidence?: Record<string, unknown>;
  /**
   * The finding this one merely follows from (a knock-on total), counted once with it: its rule and where it
   * stands (sheet and cell; for documents page, row and column).
   */
  causedBy?: {
    rule: RuleId;
    sheet: string | null;
    cell: string | null;
    page?: number | null;
    row?: string | null;
    column?: string | null;
  };
}
