/**
 * The neutral grid the table analysis reads (host-free): a table's row labels, its figures with their printed or
 * stored decimals and its column headers, whatever it came from (a report PDF's layout, a document's rebuilt
 * table). What the analysis settles about it (TableFacts) and the document-finding shape its rules produce.
 */
import type { Finding } from "../../model/types";

export type CellKind = "number" | "dash" | "text" | "empty" | "malformed";

export interface GridCell {
  /** As printed ("-1 633,7", "-400*", "–", "Ej aktuellt", ""). */
  text: string;
  kind: CellKind;
  /** The figure (a dash is 0); null for text, empty and malformed cells. */
  value: number | null;
  /** Digits after the decimal comma (the printed precision; a dash has none, −1). */
  decimals: number;
  /** A printed percentage ("3,0 %"): never a line of a sum. */
  percent?: boolean;
  /** A note mark after the figure ("-400*"). */
  note?: string;
  /**
   * A malformed cell that is two or more well-formed figures printed into one another ("59 29959 299" is 59 299
   * twice, overprinted text; "21 37163 901" is 21 371 and 63 901 in touching columns, "12 00037" may be 12 000 and
   * note 37): which figure the cell holds is not known, so the row is not read in that column (info), never a
   * malformed-number warning.
   */
  glued?: string[];
}

export interface GridRow {
  label: string;
  /** A heading row (a section title without figures), as the reader found it. */
  heading: boolean;
  /** The page the row is printed on (documents). */
  page?: number;
  cells: readonly GridCell[];
}

export interface TableGrid {
  title: string;
  /** The label column's header when it has one ("Tjänster", "tkr", "Antal"). */
  labelHeader: string;
  unit: string | null;
  headers: readonly string[];
  rows: readonly GridRow[];
}

export type RowKind = "line" | "total" | "heading" | "balance" | "breakdown" | "ratio";

export interface RowFacts {
  kind: RowKind;
  /** For a total: the rows (indexes into the table's rows) it was found to sum, and how it was recognised. */
  total?: { by: "label" | "arithmetic"; lines: number[] | null };
}

export interface ColumnFacts {
  /** Whole numbers of persons or items: no rounding allowance. */
  count: boolean;
  /** Shares and percentages: not summed. */
  percent: boolean;
  /** Note references ("Not" 12, 13) and codes: numbers that are no figures, never summed. */
  reference?: boolean;
  /** A per-row relation found by arithmetic: this column = a − b (or a + b), in most rows. */
  relation?: { a: number; b: number; op: "-" | "+" };
}

/** What the arithmetic made of a table: row kinds and totals, column kinds and relations, what was not settled. */
export interface TableFacts {
  rows: RowFacts[];
  columns: ColumnFacts[];
  /** Whether the structure (totals, relations) could be settled; the reasons when not. */
  ambiguous: string[];
}

export interface EvidenceLine {
  row: string;
  column: string;
  value: number;
}

// A type alias, not an interface, so that it is a plain JSON record as Finding's evidence is.
export type Evidence = {
  table: string;
  /** "sum" of lines, "difference"/"sum-of-two" of two cells in the row, or the same figure in "two-tables". */
  kind: "sum" | "difference" | "sum-of-two" | "two-tables" | "malformed";
  lines: EvidenceLine[];
  computed: number | null;
  tolerance: number;
  /** Why the reading is trusted (other columns agree with the same lines, how many rows hold the relation). */
  support: string;
};

/** A finding on a document table: page, row label and column header instead of sheet and cell; its evidence is
 * the table's reading. */
export type DocumentFinding = Finding & { evidence?: Evidence };
