/**
 * Report tables as read from a PDF's layout (host-free): the cells as printed, the rows and columns the positions
 * gave, and what the arithmetic made of them (which row is a total of which lines, which column is a difference
 * of which two). `plankoll tables` prints exactly this, so a controller can see how the document was understood.
 */

export type CellKind = "number" | "dash" | "text" | "empty" | "malformed";

export interface ReportCell {
  /** As printed ("-1 633,7", "-400*", "–", "Ej aktuellt", ""). */
  text: string;
  kind: CellKind;
  /** The figure (a dash is 0); null for text, empty and malformed cells. */
  value: number | null;
  /** Digits after the decimal comma (the printed precision). */
  decimals: number;
  /** A printed percentage ("3,0 %"): never a line of a sum. */
  percent?: boolean;
  /** A note mark after the figure ("-400*"). */
  note?: string;
  /**
   * A malformed cell that is two or more well-formed figures printed into one another ("59 29959 299" is 59 299
   * twice, overprinted text; "21 37163 901" is 21 371 and 63 901 in touching columns, "12 00037" may be 12 000 and note 37): which figure the cell holds is
   * not known, so the row is not read in that column (info), never a malformed-number warning.
   */
  glued?: string[];
}

export type RowKind = "line" | "total" | "heading" | "balance" | "breakdown" | "ratio";

export interface ReportRow {
  label: string;
  page: number;
  kind: RowKind;
  cells: ReportCell[];
  /** For a total: the rows (indexes into the table's rows) it was found to sum, and how it was recognised. */
  total?: { by: "label" | "arithmetic"; lines: number[] | null };
}

export interface ReportColumn {
  header: string;
  /** Whole numbers of persons or items: no rounding allowance. */
  count: boolean;
  /** Shares and percentages: not summed. */
  percent: boolean;
  /** Note references ("Not" 12, 13): numbers that are no figures, never summed. */
  reference?: boolean;
  /** A per-row relation found by arithmetic: this column = a − b (or a + b), in most rows. */
  relation?: { a: number; b: number; op: "-" | "+" };
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
