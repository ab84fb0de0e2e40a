/**
 * Report tables as read from a PDF's layout (host-free): the cells as printed, the rows and columns the positions
 * gave, and what the arithmetic made of them (which row is a total of which lines, which column is a difference
 * of which two). `plankoll tables` prints exactly this, so a controller can see how the document was understood.
 */
import type { ColumnFacts, GridCell, RowKind } from "../../checks/tables/types";

export type { CellKind, RowKind } from "../../checks/tables/types";

/** A cell as printed: the shared analysis' grid cell (figure, printed decimals, percent, note, glued figures). */
export type ReportCell = GridCell;

export interface ReportRow {
  label: string;
  page: number;
  kind: RowKind;
  cells: ReportCell[];
  /** For a total: the rows (indexes into the table's rows) it was found to sum, and how it was recognised. */
  total?: { by: "label" | "arithmetic"; lines: number[] | null };
}

/** A column: its header as printed, and what the analysis made of it (count, percent, reference, relation). */
export interface ReportColumn extends ColumnFacts {
  header: string;
}

export interface ReportTable {
  id: string;
  title: string;
  page: number;
  /** Every page the table is printed on (a table over two pages has both). */
  pages: number[];
  /** The label column's header when it has one ("Tjänster", "tkr", "Antal"). */
  labelHeader: string;
  unit: string | null;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** Whether the structure (totals, relations) could be settled; the reasons when not. */
  ambiguous: string[];
}

/** A table-like block that could not be read as a table, with the reason: counted as seen, never dropped silently. */
export interface UnreadTable {
  page: number;
  title: string;
  reason: string;
}

export interface ReportReading {
  tables: ReportTable[];
  unread: UnreadTable[];
}
