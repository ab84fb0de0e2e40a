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

/**
 * Baseline clustering: items whose baselines lie within this share of the font size are one row. A third of the
 * font size keeps a row's figures together (producers jitter baselines by far less) while a middle-aligned figure
 * in a tight table (half a line, about 0.57 × the size, from its title's lines) stays apart from either line.
 */
const ROW_TOLERANCE = 1 / 3;
const CELL_GAP = 0.4;

/** Groups one page's items into rows (top to bottom) and cells (left to right). */
export function layoutRows(items: readonly PositionedText[]): LayoutRow[] {
  const visible = items.filter((it) => it.str.trim() !== "");
  const sorted = [...visible].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: { page: number; y: number; sumY: number; size: number; items: PositionedText[] }[] = [];
  for (const it of sorted) {
    // The nearest cluster (by its mean baseline), not the first one that is near enough.
    let row: (typeof rows)[number] | undefined;
    for (const r of rows) {
      if (r.page !== it.page) continue;
      const d = Math.abs(r.y - it.y);
      if (d <= ROW_TOLERANCE * Math.max(r.size, it.size) && (!row || d < Math.abs(row.y - it.y))) row = r;
    }
    if (row) {
      row.items.push(it);
      row.sumY += it.y;
      row.y = row.sumY / row.items.length;
    } else rows.push({ page: it.page, y: it.y, sumY: it.y, size: it.size || 10, items: [it] });
  }
  rows.sort((a, b) => a.page - b.page || b.y - a.y);
  return rows.map((r) => {
    const its = r.items.sort((a, b) => a.x - b.x);
    const cells: LayoutCell[] = [];
    for (const it of its) {
      const last = cells[cells.length - 1];
      const gap = last ? it.x - last.x2 : Infinity;
      // A figure touching the end of a word ("…anläggningstillgång52 459": a label run on into its column) is a
      // cell of its own, never the end of that label.
      const overrun = last !== undefined && /[a-zåäö]$/.test(last.text) && GROUPED_FIGURE.test(it.str.trim());
      if (last && gap <= CELL_GAP * (it.size || r.size) && !overrun) {
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
const GROUPED_FIGURE = /^[-\u2212\u2013]?\d{1,3}(?: \d{3})+(?:,\d+)?(?: ?%)?$/;
const YEAR_CELL = /^(19|20|21)\d{2}$/;

/** A figure that is not a year: what a table's data rows hold and its header rows never do. */
function isDataFigure(text: string): boolean {
  return FIGURE_CELL.test(text) && !YEAR_CELL.test(text);
}

/** A row of a table's figures: at least two figure cells, every cell after the (optional) label one a figure. */
function figuresOf(
  row: LayoutRow,
  margin: number,
): { first: LayoutCell | null; figures: LayoutCell[] } | null {
  const hasFirst = row.cells[0].x <= margin;
  const figures = row.cells.slice(hasFirst ? 1 : 0);
  if (figures.length < 2 || !figures.every((c) => FIGURE_CELL.test(c.text))) return null;
  if (figures.every((c) => YEAR_CELL.test(c.text))) return null;
  return { first: hasFirst ? row.cells[0] : null, figures };
}

function pageLeft(rows: readonly LayoutRow[]): Map<number, number> {
  const left = new Map<number, number>();
  for (const r of rows)
    for (const c of r.cells) left.set(r.page, Math.min(left.get(r.page) ?? Infinity, c.x));
  return left;
}

/** Two cells share a column when they overlap by a quarter of the narrower one (overflowing text touches less). */
const overlaps = (a: { x: number; x2: number }, b: { x: number; x2: number }) =>
  Math.min(a.x2, b.x2) - Math.max(a.x, b.x) > 0.25 * Math.min(a.x2 - a.x, b.x2 - b.x);

/**
 * Column headers that wrap ("Budget" over "2019", "Utfall t o m" over "augusti 2018", centred beside one-line
 * headers) come as a band of rows a line apart before the table's first row of figures. Rows of that band (no
 * figure but years, not a lone line in the first column) are joined per column (cells that overlap in x), each
 * column's lines top to bottom, so the header reads "Budget 2019" as flattened text would.
 */
export function joinWrappedHeaders(rows: readonly LayoutRow[]): LayoutRow[] {
  const left = pageLeft(rows);
  const margin = (r: LayoutRow) => left.get(r.page)! + 1.5 * r.size;
  const candidate = (r: LayoutRow) =>
    !r.cells.some((c) => isDataFigure(c.text)) && !(r.cells.length === 1 && r.cells[0].x <= margin(r));
  const out: LayoutRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    let j = i + 1;
    if (candidate(rows[i]))
      while (
        j < rows.length &&
        candidate(rows[j]) &&
        rows[j].page === rows[i].page &&
        rows[j - 1].y - rows[j].y <= 1.5 * Math.max(rows[j - 1].size, rows[j].size)
      )
        j++;
    if (j - i < 2 || !figuresFollow(rows, j, margin(rows[j - 1]))) {
      out.push(rows[i]);
      continue;
    }
    // Columns: cells of the band grouped by x-overlap (a cell joins every column it overlaps).
    const columns: { cells: { cell: LayoutCell; y: number }[]; x: number; x2: number }[] = [];
    for (const r of rows.slice(i, j))
      for (const cell of r.cells) {
        const hit = columns.filter((c) => overlaps(c, cell));
        const merged = { cells: [{ cell, y: r.y }, ...hit.flatMap((h) => h.cells)], x: cell.x, x2: cell.x2 };
        for (const h of hit) {
          merged.x = Math.min(merged.x, h.x);
          merged.x2 = Math.max(merged.x2, h.x2);
          columns.splice(columns.indexOf(h), 1);
        }
        columns.push(merged);
      }
    if (columns.length < 2) {
      out.push(rows[i]);
      continue;
    }
    columns.sort((a, b) => a.x - b.x);
    const cells = columns.map((c) => ({
      text: c.cells
        .sort((a, b) => b.y - a.y || a.cell.x - b.cell.x)
        .map((e) => e.cell.text)
        .join(" "),
      x: c.x,
      x2: c.x2,
    }));
    out.push({ ...rows[j - 1], cells });
    i = j - 1;
  }
  return out;
}

/** Whether a row of figures comes within the next few rows on the same page (a header is followed by data). */
function figuresFollow(rows: readonly LayoutRow[], from: number, margin: number): boolean {
  for (let k = from; k < rows.length && k < from + 6 && rows[k].page === rows[from - 1].page; k++)
    if (figuresOf(rows[k], margin)) return true;
  return false;
}

/**
 * A table cell that wraps puts some of its lines below the row's figures (cells centred vertically: "Nöjd
 * medborgarindex gator ska nå" / "58 55 60" / "60"; top-aligned: all continuation lines below). The rows of figures
 * are the anchors: each single-cell line in the first column between two anchors (no other rows between, lines a
 * line's height apart) belongs to the nearer anchor's first cell. A line exactly between two (tight table, no
 * padding) goes where it balances a centred cell: to the anchor above when that one has more lines above it than
 * below, else to the one below when that one has more below than above, else up (top-aligned continuation). Lines
 * given to the anchor above are moved in front of its figures; lines given to the anchor below already precede
 * it. Only rows whose other cells are all figures are anchors, so justified prose is never reordered.
 */
export function mergeWrappedCells(rows: readonly LayoutRow[]): LayoutRow[] {
  const left = pageLeft(rows);
  const margin = (r: LayoutRow) => left.get(r.page)! + 1.5 * r.size;
  const anchor = rows.map((r) => figuresOf(r, margin(r)) !== null);
  const isLine = rows.map((r, k) => !anchor[k] && r.cells.length === 1 && r.cells[0].x <= margin(r));
  const near = (a: number, b: number) =>
    rows[a].page === rows[b].page && rows[a].y - rows[b].y <= 1.3 * Math.max(rows[a].size, rows[b].size);
  // Each line's anchor above and below, reached through lines only, each step a line's height at most.
  const up = rows.map(() => -1);
  const down = rows.map(() => -1);
  for (let k = 0; k < rows.length; k++) {
    if (!isLine[k]) continue;
    let a = k - 1;
    while (a >= 0 && isLine[a] && near(a, a + 1) && k - a <= 4) a--;
    if (a >= 0 && anchor[a] && near(a, a + 1) && k - a <= 4) up[k] = a;
    let b = k + 1;
    while (b < rows.length && isLine[b] && near(b - 1, b) && b - k <= 4) b++;
    if (b < rows.length && anchor[b] && near(b - 1, b) && b - k <= 4) down[k] = b;
  }
  const owner = rows.map(() => -1);
  const dist = (k: number, a: number) => Math.abs(rows[k].y - rows[a].y);
  const ties: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    if (up[k] < 0 && down[k] < 0) continue;
    if (down[k] < 0) owner[k] = up[k];
    else if (up[k] < 0) owner[k] = down[k];
    else {
      const d = dist(k, up[k]) - dist(k, down[k]);
      const tol = 0.1 * rows[k].size;
      if (d < -tol) owner[k] = up[k];
      else if (d > tol) owner[k] = down[k];
      else ties.push(k);
    }
  }
  const count = (a: number, above: boolean) =>
    owner.filter((o, k) => o === a && (above ? k < a : k > a)).length +
    (rows[a].cells[0].x <= margin(rows[a]) ? 0.5 : 0);
  for (const k of ties) {
    const a = up[k];
    const b = down[k];
    if (count(a, true) > count(a, false)) owner[k] = a;
    else if (count(b, false) > count(b, true)) owner[k] = b;
    else owner[k] = a;
  }
  const out: LayoutRow[] = [];
  for (let k = 0; k < rows.length; k++) {
    if (owner[k] >= 0 && owner[k] < k) continue; // moved into the anchor above
    if (!anchor[k]) {
      out.push(rows[k]);
      continue;
    }
    const below = rows.filter((_, m) => m > k && owner[m] === k).map((r) => r.cells[0]);
    if (!below.length) {
      out.push(rows[k]);
      continue;
    }
    const fig = figuresOf(rows[k], margin(rows[k]))!;
    const parts = [...(fig.first ? [fig.first] : []), ...below];
    const first: LayoutCell = {
      text: parts.map((c) => c.text).join(" "),
      x: Math.min(...parts.map((c) => c.x)),
      x2: Math.max(...parts.map((c) => c.x2)),
    };
    out.push({ ...rows[k], cells: [first, ...fig.figures] });
  }
  return out;
}

const PAGE_NUMBER = /^(?:sida\s+|s\.\s*|page\s+)?\d{1,3}(?:\s*\(\d{1,3}\)|\s*(?:av|of|\/)\s*\d{1,3})?$/i;

/**
 * Running headers and footers ("Verksamhetsplan 2020 BUF", "Sida 3"): the first or last row of a page, set apart
 * from the body by more than a line, that is a page number or whose text (digits aside) is the first or last row
 * of another page too. They are dropped, so a table continued on the next page reads on without them. Only
 * one-cell rows or rows with a page-number cell qualify: a table's repeated header row is never furniture.
 */
function pageFurniture(pages: readonly LayoutRow[][]): Set<LayoutRow> {
  const out = new Set<LayoutRow>();
  if (pages.length < 2) return out;
  const key = (r: LayoutRow) => r.cells.map((c) => c.text.replace(/\d+/g, "#")).join(" | ");
  const candidates: LayoutRow[] = [];
  for (const rows of pages) {
    if (rows.length < 2) continue;
    const [first, second] = rows;
    const [last, beforeLast] = [rows[rows.length - 1], rows[rows.length - 2]];
    if (first.y - second.y > 1.5 * first.size) candidates.push(first);
    if (beforeLast.y - last.y > 1.5 * last.size && last !== first) candidates.push(last);
  }
  // A table row holds several figures ("Skolenhet 17 | 590 | 576"): never a page number line.
  const eligible = (r: LayoutRow) =>
    r.cells.length === 1 ||
    (r.cells.length <= 3 && r.cells.filter((c) => PAGE_NUMBER.test(c.text)).length === 1);
  const pagesOf = new Map<string, Set<number>>();
  for (const r of candidates) pagesOf.set(key(r), (pagesOf.get(key(r)) ?? new Set()).add(r.page));
  for (const r of candidates) {
    if (!eligible(r)) continue;
    const isNumber = r.cells.length === 1 && PAGE_NUMBER.test(r.cells[0].text);
    if (isNumber || pagesOf.get(key(r))!.size >= 2) out.add(r);
  }
  return out;
}

/**
 * Pages of positioned items → the DocumentText the recognisers read. A row's first token has no boundary
 * knowledge (a wrapped line or a new table row look alike); a cell's first token after a gap is `hard`.
 */
export function documentFromLayout(pages: readonly PositionedText[][], source?: string): DocumentText {
  let rowId = 0;
  const laid = pages.map((items) => layoutRows(items));
  const furniture = pageFurniture(laid);
  return {
    source,
    pages: pages.map((items, p) => {
      const page = items[0]?.page ?? p + 1;
      const tokens: Token[] = [];
      const body = laid[p].filter((r) => !furniture.has(r));
      for (const row of mergeWrappedCells(joinWrappedHeaders(body))) {
        rowId++;
        row.cells.forEach((cell, c) => {
          // A figure cell of a table is one number, thousands groups and all ("180 000"): one token.
          if (c > 0 && GROUPED_FIGURE.test(cell.text)) {
            tokens.push({ text: cell.text, page, row: rowId, hard: true });
            return;
          }
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

/** Each page's rows as laid out, page furniture (running headers, page numbers) removed: what report tables read. */
export function layoutPages(pages: readonly PositionedText[][]): LayoutRow[][] {
  const laid = pages.map((items) => layoutRows(items));
  const furniture = pageFurniture(laid);
  return laid.map((rows) => rows.filter((r) => !furniture.has(r)));
}
