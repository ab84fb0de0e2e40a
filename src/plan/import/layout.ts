/**
 * Layout model (host-free): positioned text items of a PDF page → visual rows → cells → tokens.
 * Rows: items whose baselines lie within half a font size of each other. Cells: within a row, a gap wider than
 * 0.4 × the font size between two items is a cell boundary (a table column); a narrower one is a word space.
 * The tokens keep that knowledge (`Token.hard`), so the recognisers can tell a number in a goal's title cell
 * from the value in the next column, and never join "139" and "158" across columns.
 */
import type { DocumentText, Token } from "./types";

/** A text item as pdfjs reports it (Node or browser), in PDF user space (y grows upwards). */
export interface PositionedText {
  page: number;
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
}

export interface LayoutCell {
  text: string;
  x: number;
  x2: number;
}

export interface LayoutRow {
  page: number;
  y: number;
  /** Font size of the row (its first item's). */
  size: number;
  cells: LayoutCell[];
}

/** The fields of a pdfjs TextItem the layout needs (pdfjs itself is not imported: this module is host-free). */
export interface PdfjsLikeTextItem {
  str: string;
  transform: number[];
  width: number;
}

/**
 * pdfjs `page.getTextContent().items` → PositionedText, in Node (src/cli/pdf.ts) and the task pane alike.
 * Marked-content items (no `str`) are dropped.
 */
export function positionedFromPdfjs(page: number, items: readonly unknown[]): PositionedText[] {
  return items
    .filter((it): it is PdfjsLikeTextItem => typeof (it as PdfjsLikeTextItem)?.str === "string")
    .map((it) => ({
      page,
      str: it.str,
      x: it.transform[4],
      y: it.transform[5],
      width: it.width,
      size: Math.hypot(it.transform[2], it.transform[3]) || 10,
    }));
}

const ROW_TOLERANCE = 0.5;
const CELL_GAP = 0.4;

/** Groups one page's items into rows (top to bottom) and cells (left to right). */
export function layoutRows(items: readonly PositionedText[]): LayoutRow[] {
  const visible = items.filter((it) => it.str.trim() !== "");
  const sorted = [...visible].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: { page: number; y: number; size: number; items: PositionedText[] }[] = [];
  for (const it of sorted) {
    const row = rows.find(
      (r) => r.page === it.page && Math.abs(r.y - it.y) <= ROW_TOLERANCE * Math.max(r.size, it.size),
    );
    if (row) row.items.push(it);
    else rows.push({ page: it.page, y: it.y, size: it.size || 10, items: [it] });
  }
  return rows.map((r) => {
    const its = r.items.sort((a, b) => a.x - b.x);
    const cells: LayoutCell[] = [];
    for (const it of its) {
      const last = cells[cells.length - 1];
      const gap = last ? it.x - last.x2 : Infinity;
      if (last && gap <= CELL_GAP * (it.size || r.size)) {
        // Same cell: keep a word space where the item did not bring one.
        const joiner =
          last.text.endsWith(" ") || it.str.startsWith(" ") || gap < 0.1 * (it.size || r.size) ? "" : " ";
        last.text += joiner + it.str;
        last.x2 = it.x + it.width;
      } else cells.push({ text: it.str, x: it.x, x2: it.x + it.width });
    }
    return {
      page: r.page,
      y: r.y,
      size: r.size,
      cells: cells.map((c) => ({ ...c, text: c.text.replace(/\s+/g, " ").trim() })),
    };
  });
}

const FIGURE_CELL = /^[-\u2212\u2013]?\d[\d\s]*(?:,\d+)?\s?(?:%|kr|tkr|mnkr)?$/;

/**
 * A table cell that wraps puts its last lines below the row's figures (cells centred vertically: "Nöjd
 * medborgarindex gator ska nå" / "58 55 60" / "60"). Lines that follow a row of figures within a line's height and
 * start in the first column belong to that row's first cell: they are moved in front of the figures. Only rows
 * whose other cells are all figures qualify, so justified prose is never reordered.
 */
export function mergeWrappedCells(rows: readonly LayoutRow[]): LayoutRow[] {
  const out: LayoutRow[] = [];
  const left = (page: number) =>
    Math.min(...rows.filter((r) => r.page === page).flatMap((r) => r.cells.map((c) => c.x)));
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const margin = left(row.page) + 1.5 * row.size;
    const hasFirst = row.cells[0].x <= margin;
    const figures = row.cells.slice(hasFirst ? 1 : 0);
    const isFigureRow = figures.length >= 2 && figures.every((c) => FIGURE_CELL.test(c.text));
    if (!isFigureRow) {
      out.push(row);
      continue;
    }
    const first: LayoutCell[] = hasFirst ? [{ ...row.cells[0] }] : [];
    let j = i + 1;
    while (
      j < rows.length &&
      j <= i + 3 &&
      rows[j].page === row.page &&
      rows[j - 1].y - rows[j].y <= 1.3 * row.size &&
      rows[j].cells.length === 1 &&
      rows[j].cells[0].x <= margin
    ) {
      const c = rows[j].cells[0];
      if (first.length)
        first[0] = { ...first[0], text: `${first[0].text} ${c.text}`, x2: Math.max(first[0].x2, c.x2) };
      else first.push({ ...c });
      j++;
    }
    if (j === i + 1) {
      out.push(row);
      continue;
    }
    // Lines above the figures that started the cell stay where they are: they already precede the figures.
    out.push({ ...row, cells: [...first, ...figures] });
    i = j - 1;
  }
  return out;
}

/**
 * Pages of positioned items → the DocumentText the recognisers read. A row's first token has no boundary
 * knowledge (a wrapped line or a new table row look alike); a cell's first token after a gap is `hard`.
 */
export function documentFromLayout(pages: readonly PositionedText[][], source?: string): DocumentText {
  let rowId = 0;
  return {
    source,
    pages: pages.map((items, p) => {
      const page = items[0]?.page ?? p + 1;
      const tokens: Token[] = [];
      for (const row of mergeWrappedCells(layoutRows(items))) {
        rowId++;
        row.cells.forEach((cell, c) => {
          cell.text
            .split(/\s+/)
            .filter(Boolean)
            .forEach((text, k) => {
              const token: Token = { text, page, row: rowId };
              if (k > 0) token.hard = false;
              else if (c > 0) token.hard = true;
              tokens.push(token);
            });
        });
      }
      return { page, tokens };
    }),
  };
}

/** True when no page has any visible text: a scanned (image-only) PDF, which cannot be imported. */
export function isTextless(pages: readonly PositionedText[][]): boolean {
  return pages.every((items) => items.every((it) => it.str.trim() === ""));
}
