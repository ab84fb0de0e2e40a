/**
 * Shared types of the plan importers (host-free): the document model the recognisers read, the tables they
 * rebuild, and what an import returns.
 */
import type { Message } from "../model/messages";
import type { Lang } from "../plan/i18n";
import type { Finding } from "../model/types";
import type { MoneyUnit, Plan } from "../plan/schema";
import type { ReportTable } from "./report/types";

/**
 * One word of a document, in reading order. `hard` says the layout put a clear gap (a table cell boundary)
 * before it; it is known only for PDFs with positions, never for flattened text.
 */
export interface Token {
  text: string;
  page: number;
  hard?: boolean;
  /** Layout row (PDF only): tokens on one visual line share it. */
  row?: number;
}

/** A document as the recognisers see it: pages of tokens (from the seed text or a PDF's text layer). */
export interface DocumentText {
  pages: { page: number; tokens: Token[] }[];
  /** Where it came from, for the plan's document.source. */
  source?: string;
}

/** What part of a plan an item or warning belongs to. */
export type PlanPart =
  "document" | "goal" | "indicator" | "budget" | "investment" | "relation" | "fact" | "commitment";

/**
 * Something the importer could not read with certainty: said per item instead of guessed silently. Like a finding
 * it carries a message id and parameters (the id is its code, or a more precise one), worded where it is shown.
 */
export type ImportWarning = WarningFields & Message;

export interface WarningFields {
  code: string;
  part: PlanPart;
  /** The item's title or label, when the warning is about one item. */
  item: string | null;
  page: number | null;
}

export interface DocCell {
  /** As printed ("139 158", "2,6", ""). */
  text: string;
  value: number | null;
  /** Digits after the decimal comma: the precision the figure is given in (rounding tolerance). */
  decimals: number;
}

export interface DocRow {
  label: string;
  cells: DocCell[];
  /** The page the row is printed on, when the table runs over pages (else the table's page). */
  page?: number;
}

/** A table rebuilt from a document: a label column, value columns with headers, the rows as printed. */
export interface DocTable {
  /** Matches the plan's budget table id when the table became one. */
  id: string;
  title: string;
  page: number;
  /** Header of each value column ("Utfall 2017"). */
  headers: string[];
  /** Unit of each value column as read (after the mnkr/tkr trap was resolved). */
  units: (MoneyUnit | null)[];
  rows: DocRow[];
}

export interface ImportResult {
  plan: Plan;
  warnings: ImportWarning[];
  /** The document's own sum errors and inconsistencies (document findings: sheet/cell null; page/row/column set). */
  findings: Finding[];
  tables: DocTable[];
  /** PDFs: each report table with a finding as read, described for the user at the edge (src/i18n/describeTable). */
  readTables?: ReportTable[];
  /** PDFs: report tables read of those seen. */
  tablesRead?: { read: number; seen: number };
}

/** Warnings and findings are message ids, worded where shown; `lang` is only for the findings' evidence text. */
export interface ImportOptions {
  lang?: Lang;
  /** File name, for document.source. */
  source?: string;
}
