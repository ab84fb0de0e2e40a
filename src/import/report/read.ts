/**
 * Reading report tables from the layout (host-free), not from word lists: a table is a run of rows holding figure
 * cells; its columns are where the figures stand (cells that overlap in x are one column); its header is whatever
 * text stands above those columns (Återstår, Antal, Budgetavvikelse, bare years); its row labels are the text left
 * of the first column, wrapped lines joined to the row they belong to. Cells that are not figures (`Ej aktuellt`,
 * `–`, `-400*`) keep their column; a malformed figure (`-7 73`) is kept as such, never split into two.
 */
import type { LayoutCell, LayoutRow } from "../layout";
import type { ReportCell, ReportReading, ReportRow, ReportTable, UnreadTable } from "./types";

const norm = (s: string) =>
  s
    .replace(/[\u00a0\u2009\u202f]/g, " ")
    .replace(/[\u2212\u2013\u2014]/g, "-")
    .replace(/\s+/g, " ")
    .trim();

const WELL_FORMED = /^(-)? ?(\d{1,3}(?: \d{3})+|\d+)(?:,(\d+))?(?: ?(%|tkr|mnkr|kr))?(\s?\*+|\)|\s?\(\d\))?$/;
/** A section number whose dots the PDF's font lost ("9.2.4" read as "9 2 4"): two or more short groups after the first. */
const SECTION_NUMBER = /^\d{1,2}(?: \d{1,2}){2,}$/;
const LOOSE_NUMBER = /^-? ?\d[\d ]*(?:,\d+)?(?: ?%)?\*?$/;
const DASH = /^-$|^-{2,}$/;
const YEAR = /^(19|20|21)\d{2}$/;

/** A footnote letter after a figure ("-61 B", "1 E,F"). */
const NOTE_LETTERS = / ([A-ZÅÄÖ](?:,[A-ZÅÄÖ])*)$/;

function parseCell(raw: string): ReportCell {
  const text = norm(raw);
  if (!text) return { text, kind: "empty", value: null, decimals: 0 };
  if (DASH.test(text)) return { text, kind: "dash", value: 0, decimals: -1 };
  const letters = NOTE_LETTERS.exec(text);
  if (letters && /\d/.test(text.slice(0, letters.index))) {
    const inner = parseCell(text.slice(0, letters.index));
    if (inner.kind === "number") return { ...inner, text, note: letters[1] };
  }
  // A footnote reference standing alone in a cell ("1)": no figure given, see the note) is no figure.
  if (/^\d{1,2}\)$/.test(text)) return { text, kind: "text", value: null, decimals: 0 };
  const m = WELL_FORMED.exec(text);
  if (m) {
    const digits = m[2].replace(/ /g, "");
    const dec = m[3] ?? "";
    const value = Number(`${m[1] ? "-" : ""}${digits}${dec ? `.${dec}` : ""}`);
    const cell: ReportCell = { text, kind: "number", value, decimals: dec.length };
    if (m[4] === "%") cell.percent = true;
    if (m[5]) cell.note = m[5].trim();
    return cell;
  }
  if (SECTION_NUMBER.test(text)) return { text, kind: "text", value: null, decimals: 0 };
  if (LOOSE_NUMBER.test(text)) {
    const glued = gluedFigures(text);
    return glued
      ? { text, kind: "malformed", value: null, decimals: 0, glued }
      : { text, kind: "malformed", value: null, decimals: 0 };
  }
  return { text, kind: "text", value: null, decimals: 0 };
}

/**
 * Splits a malformed figure whose digit groups run together ("59 29959 299": a group of five digits where two
 * figures touch) into the well-formed figures it is made of, or null. Only a group longer than three digits after the
 * first is a seam (its first three digits end one figure, the rest begin the next); a short group ("-7 73", a digit
 * lost) is no seam, so such a cell stays malformed.
 */
function gluedFigures(text: string): string[] | null {
  const m = /^(-)? ?(\d[\d ]*)$/.exec(text);
  if (!m) return null;
  const groups = m[2].split(" ");
  const parts: string[][] = [[groups[0]]];
  for (const g of groups.slice(1)) {
    if (g.length > 3) {
      parts[parts.length - 1].push(g.slice(0, 3));
      parts.push([g.slice(3)]);
    } else parts[parts.length - 1].push(g);
  }
  if (parts.length < 2) return null;
  const figures = parts.map((p, k) => `${k === 0 && m[1] ? "-" : ""}${p.join(" ")}`);
  return figures.every((f) => /^-?(\d{1,3}(?: \d{3})+|\d{1,3})$/.test(f)) ? figures : null;
}

const isFigure = (c: ReportCell) => c.kind === "number" || c.kind === "dash" || c.kind === "malformed";

interface Parsed {
  row: LayoutRow;
  cells: { cell: LayoutCell; parsed: ReportCell }[];
  /** Figure cells that are not the row's first cell (the first may be a label such as "2023"). */
  figures: number;
  data: boolean;
  yearsOnly: boolean;
}

function parseRow(row: LayoutRow): Parsed {
  const cells = row.cells.map((cell) => ({ cell, parsed: parseCell(cell.text) }));
  const figureIdx = cells.map((c, i) => (isFigure(c.parsed) ? i : -1)).filter((i) => i >= 0);
  const texts = cells.filter((c, i) => i > 0 && !isFigure(c.parsed)).length;
  const hasLabel = cells.length > 0 && !isFigure(cells[0].parsed);
  const figures = figureIdx.length;
  const yearsOnly =
    figures >= 1 && figureIdx.every((i) => YEAR.test(cells[i].parsed.text)) && (figures >= 2 || hasLabel);
  const data = !yearsOnly && figures >= 1 && figures >= texts && (hasLabel || figures >= 2);
  return { row, cells, figures, data, yearsOnly };
}

interface Block {
  page: number;
  rows: Parsed[];
  /** x extent of the figure cells seen so far. */
  x: number;
  x2: number;
}

const overlap = (a: { x: number; x2: number }, b: { x: number; x2: number }) =>
  Math.min(a.x2, b.x2) - Math.max(a.x, b.x);

/** Two rows with figures at least (a list of dashes is no table). */
const isBlock = (rows: readonly Parsed[]) =>
  rows.filter(
    (r) => r.data && r.cells.some((c) => c.parsed.kind === "number" || c.parsed.kind === "malformed"),
  ).length >= 2;

/** Runs of data rows on one page, with the label lines and text-column lines between them. */
function blocksOf(rows: readonly Parsed[]): Block[] {
  const blocks: Block[] = [];
  let cur: Block | null = null;
  let pending: Parsed[] = [];
  const close = () => {
    if (cur && isBlock(cur.rows)) blocks.push(cur);
    cur = null;
    pending = [];
  };
  for (const r of rows) {
    const size = r.row.size || 10;
    if (cur && r.row.page !== cur.page) close();
    const last: Parsed | undefined = pending.length
      ? pending[pending.length - 1]
      : cur?.rows[cur.rows.length - 1];
    if (cur && last && last.row.y - r.row.y > 4.2 * size) close();
    if (r.data) {
      const figs = r.cells.filter((c, i) => isFigure(c.parsed) && (i > 0 || r.cells.length > 1));
      const x = Math.min(...figs.map((c) => c.cell.x));
      const x2 = Math.max(...figs.map((c) => c.cell.x2));
      if (!cur) cur = { page: r.row.page, rows: [], x, x2 };
      cur.rows.push(...pending, r);
      pending = [];
      cur.x = Math.min(cur.x, x);
      cur.x2 = Math.max(cur.x2, x2);
      continue;
    }
    if (!cur) continue;
    // Inside a table: a wrapped label (left of the figures) or a text column's wrapped lines (right of them).
    const inside = r.cells.every((c) => c.cell.x2 <= cur!.x + 2 || c.cell.x >= cur!.x2 - 2);
    const short = r.cells.every((c) => c.cell.x2 <= cur!.x + 2 || c.cell.text.length <= 60);
    // A sentence after a table ("Hyreskontraktet löper tom 2009-12-31.") ends it; a wrapped label is no sentence.
    const sentence = r.cells.some((c) => /\.$/.test(c.cell.text) && c.cell.text.split(" ").length >= 5);
    if (sentence) {
      close();
      continue;
    }
    if (inside && short && pending.length < 6) pending.push(r);
    else close();
  }
  close();
  return blocks;
}

interface Column {
  x: number;
  x2: number;
  members: number;
  /** Cells that are numbers (not dashes). */
  figures: number;
}

/** Columns from the figure cells' positions: cells that overlap in x are one column. */
function columnsOf(block: Block): Column[] {
  const cols: Column[] = [];
  for (const r of block.rows) {
    if (!r.data) continue;
    r.cells.forEach((c, i) => {
      if (!isFigure(c.parsed) || (i === 0 && r.cells.length > 1 && c.cell.x <= block.x - 1)) return;
      if (i === 0 && !isFirstFigureInColumns(r, block)) return;
      const hit = cols.filter(
        (k) => overlap(k, c.cell) > 0 || (c.parsed.kind === "dash" && nearDash(k, c.cell)),
      );
      const merged: Column = {
        x: c.cell.x,
        x2: c.cell.x2,
        members: 1,
        figures: c.parsed.kind === "dash" ? 0 : 1,
      };
      for (const h of hit) {
        merged.x = Math.min(merged.x, h.x);
        merged.x2 = Math.max(merged.x2, h.x2);
        merged.members += h.members;
        merged.figures += h.figures;
        cols.splice(cols.indexOf(h), 1);
      }
      cols.push(merged);
    });
  }
  // A column of dashes alone (a comment column's "–") holds no figures: not a column of the table.
  return cols.filter((k) => k.figures > 0).sort((a, b) => a.x - b.x);
}

/** A row whose first cell is a figure (no label): the figure is a value when the row has others to its left's right. */
function isFirstFigureInColumns(r: Parsed, block: Block): boolean {
  return r.cells[0].cell.x >= block.x - 1;
}

/** A dash is narrow and may sit anywhere in its column: near a column counts. */
function nearDash(k: { x: number; x2: number }, c: { x: number; x2: number }): boolean {
  return c.x >= k.x - 12 && c.x2 <= k.x2 + 12;
}

function columnFor(cols: readonly Column[], c: { x: number; x2: number }, header = false): number {
  let best = -1;
  let bestOverlap = 0;
  cols.forEach((k, i) => {
    const o = overlap(k, c);
    if (o > bestOverlap) {
      bestOverlap = o;
      best = i;
    }
  });
  if (best >= 0) return best;
  // Not over any column (a dash set aside, a header between two): the nearest one, if it is near.
  const mid = (c.x + c.x2) / 2;
  let dist = Infinity;
  cols.forEach((k, i) => {
    const d = Math.abs((k.x + k.x2) / 2 - mid);
    if (d < dist) {
      dist = d;
      best = i;
    }
  });
  const width = best >= 0 ? cols[best].x2 - cols[best].x : 0;
  return dist <= Math.max(header ? 45 : 20, width) ? best : -1;
}

const CONTINUES = /(,|\boch|-|\bsamt|\binom|\bför|\bi|\bav|\btill|\bmed)$/i;
const CONTINUATION = /^(-\s*)?[a-zåäö(]/;

function joinHeader(parts: string[]): string {
  let out = "";
  for (const p of parts) {
    if (!out) out = p;
    else if (/[a-zåäö]-$/i.test(out) && /^[a-zåäö]/.test(p)) out = out.slice(0, -1) + p;
    else out += " " + p;
  }
  return out;
}

const UNIT = /\b(tkr|mnkr|mdkr|tusen kronor|miljoner kronor|kr)\b/i;

/** Builds a table from one block: columns, header band above it, title, rows with their labels. */
/**
 * Columns over the label column are labels ("1", "2", "3–5" fund-switch counts as row names): a figure column that
 * overlaps the text labels of other rows is not a column of figures.
 */
function figureColumns(block: Block): Column[] {
  const labels = block.rows
    .filter((r) => r.data && r.cells.length > 1 && !isFigure(r.cells[0].parsed))
    .map((r) => r.cells[0].cell);
  // More labels than figures stand there; one long label that merely runs over the first column does not count.
  const cols = columnsOf(block).filter((k) => {
    const over = labels.filter((l) => overlap(k, l) > 0).length;
    return !(over >= 2 && over > k.members);
  });
  // A column of codes before the labels ("2511  Expeditions- och ansökningsavgifter  79 022", inkomsttitlar) names
  // the rows: wherever it holds a figure, that figure opens its row and a label follows before the next column.
  const [k, next] = cols;
  if (next) {
    const inK = block.rows.filter(
      (r) => r.data && r.cells.some((c) => isFigure(c.parsed) && overlap(k, c.cell) > 0),
    );
    const codeFirst = (r: Parsed) =>
      overlap(k, r.cells[0].cell) > 0 &&
      r.cells.length > 2 &&
      r.cells[1].parsed.kind === "text" &&
      r.cells[1].cell.x > k.x2 &&
      r.cells[1].cell.x2 < next.x;
    if (inK.length >= 2 && inK.every(codeFirst)) return cols.slice(1);
  }
  return cols;
}

/**
 * Two tables side by side (a balance sheet's Tillgångar beside its Kapital och skulder, two notes in two page
 * columns): rows carry a second label between figure columns, at one x, with figures on both sides. Returns that x
 * and one such label, or null.
 */
function sideBySide(block: Block, cols: readonly Column[]): { x: number; label: string } | null {
  const dataRows = block.rows.filter((r) => r.data);
  const inner = dataRows
    .map((r) =>
      r.cells.find(
        (c) =>
          c.parsed.kind === "text" &&
          /[a-zåäö]{3}/i.test(c.cell.text) &&
          c.cell.text.length >= 8 &&
          cols.some((k) => k.x2 <= c.cell.x) &&
          cols.some((k) => k.x >= c.cell.x2),
      ),
    )
    .filter((c): c is Parsed["cells"][number] => c !== undefined);
  if (cols.length < 2 || inner.length < 3 || inner.length * 3 < dataRows.length) return null;
  const xs = inner.map((c) => c.cell.x).sort((a, b) => a - b);
  const median = xs[Math.floor(xs.length / 2)];
  if (inner.filter((c) => Math.abs(c.cell.x - median) <= 12).length * 4 < inner.length * 3) return null;
  return {
    x: Math.min(...inner.filter((c) => Math.abs(c.cell.x - median) <= 12).map((c) => c.cell.x)),
    label: norm(inner[0].cell.text),
  };
}

function tableOf(block: Block, pageRows: readonly Parsed[], id: string): ReportTable | UnreadTable {
  // readBlock reads two tables side by side each on its own; a third one beside a side's table is said to be unread
  // on it, never summed into its rows.
  const allCols = figureColumns(block);
  const beside = sideBySide(block, allCols);
  const cols = beside ? allCols.filter((k) => k.x2 <= beside.x) : allCols;
  const page = block.page;
  const first = block.rows.find((r) => r.data)!;
  const firstIdx = pageRows.indexOf(first);
  const labelRight = cols.length ? cols[0].x : block.x;

  // Header band: the rows just above the first data row with text over the columns, in the table's font size
  // (a caption or section heading above is larger, or stands alone in the label column above the header rows).
  const band: Parsed[] = [];
  const headings: Parsed[] = [];
  const dataSize = first.row.size || 10;
  let k = firstIdx - 1;
  let below = first;
  for (; k >= 0 && band.length + headings.length < 10; k--) {
    const r = pageRows[k];
    if (r.row.page !== page || r.data) break;
    // A footnote mark set above a header or label ("1)" in small type) is neither header nor heading.
    if (
      r.cells.every((c) => /^(\d{1,2}\)|\*+)$/.test(norm(c.cell.text))) &&
      (r.row.size || 10) < 0.8 * dataSize
    )
      continue;
    // The header may stand a row's spacing above the first row; its own lines are closer together.
    if (r.row.y - below.row.y > (below === first ? 4.2 : 2.6) * (r.row.size || 10)) break;
    if ((r.row.size || 10) > 1.15 * dataSize) break;
    const overCols = r.cells.filter((c) => c.cell.x2 > labelRight - 2);
    const spans = r.cells.some((c) => cols.filter((col) => overlap(col, c.cell) > 0).length >= 3);
    if (spans && r.cells.length === 1) break;
    // Prose above a table is no header: a header cell is a few words over its column.
    const widest = Math.max(...cols.map((col) => col.x2 - col.x), 20);
    if (
      r.cells.some(
        (c) =>
          c.cell.x2 > labelRight - 2 && c.cell.x2 - c.cell.x > 3 * widest + 40 && c.cell.text.length > 30,
      )
    )
      break;
    if (!overCols.length) {
      if (!band.length) headings.unshift(r);
      else if (below.row.y - r.row.y > -1.4 * (r.row.size || 10)) band.unshift(r);
      else break;
    } else band.unshift(r);
    below = r;
  }
  // The title: the nearest text row above the band (a caption or the section heading).
  let title = "";
  let unitLine = "";
  for (let t = k; t >= 0 && t >= k - 3; t--) {
    const r = pageRows[t];
    if (r.row.page !== page || r.data) break;
    const text = norm(r.cells.map((c) => c.cell.text).join(" "));
    // A unit statement ("Alla belopp i tkr.") is no title: it gives the unit, the title is above it.
    if (/^(alla |samtliga )?(belopp|siffror)( anges)? i \w+\.?$/i.test(text)) {
      unitLine = text;
      continue;
    }
    if (/[a-zåäö]{3}/i.test(text) && text.length <= 120) {
      title = text.replace(/^(\d+(\.\d+)*|Tabell \d+[.:,]?)\s+/i, (m) => (/^Tabell/i.test(m) ? m : ""));
      break;
    }
  }
  const headerParts: string[][] = cols.map(() => []);
  const labelParts: string[] = [];
  const labelX = Math.min(
    ...block.rows.filter((r) => r.data && !isFigure(r.cells[0].parsed)).map((r) => r.cells[0].cell.x),
    Infinity,
  );
  for (const r of band) {
    const isLabelCell = (c: LayoutCell) => c.x <= labelX + 10 && c.x2 <= labelRight - 2;
    for (const c of r.cells) if (isLabelCell(c.cell)) labelParts.push(norm(c.cell.text));
    const rest = r.cells.filter((c) => !isLabelCell(c.cell));
    // As many header cells as columns: one each, in order, whatever they say (bare years, odd words).
    if (rest.length === cols.length) {
      rest.forEach((c, i) => headerParts[i].push(norm(c.cell.text)));
      continue;
    }
    for (const c of rest) {
      const col = columnFor(cols, c.cell, true);
      if (col >= 0) headerParts[col].push(norm(c.cell.text));
    }
  }
  const labelHeader = joinHeader(labelParts);
  const unitText = [labelHeader, title, unitLine, ...headerParts.flat()]
    .map((t) => UNIT.exec(t)?.[1])
    .find(Boolean);

  // Rows: data rows take their cells by column; label lines go to the row they belong to.
  const rows: ReportRow[] = [];
  const dataRows = block.rows.filter((r) => r.data);
  const assigned = new Map<Parsed, string[]>();
  const extraBelow = new Map<Parsed, string[]>();
  const conflicts: string[] = [];
  for (const r of dataRows) assigned.set(r, []);
  const labelOf = (r: Parsed) =>
    norm(
      r.cells
        .filter((c) => c.cell.x2 <= labelRight + 2 && !(isFigure(c.parsed) && c.cell.x >= labelRight - 2))
        .map((c) => c.cell.text)
        .join(" "),
    );
  const heads: { at: Parsed; text: string }[] = headings.length
    ? [
        {
          at: dataRows[0],
          text: norm(headings.map((h) => h.cells.map((c) => c.cell.text).join(" ")).join(" ")),
        },
      ]
    : [];
  const lineLabel = (r: Parsed) =>
    norm(
      r.cells
        .filter((c) => c.cell.x2 <= labelRight + 2)
        .map((c) => c.cell.text)
        .join(" "),
    );
  /**
   * A label's lines wrapped over several rows with its figures on the last one ("Upplupna kost-" / "nader per 2007-"
   * / "06-30 från Inte-" / "grationsverket  -33 145"): each line a line's spacing above the next, ending in a
   * hyphen or followed by a lower-case word. Returns the lines of that chain, or null.
   */
  const chainInto = (i: number, next: Parsed): Parsed[] | null => {
    const chain: Parsed[] = [];
    for (let j = i; j + 1 < block.rows.length; j++) {
      const cur = block.rows[j];
      const nxt = block.rows[j + 1];
      chain.push(cur);
      if (cur.row.y - nxt.row.y > 1.4 * (cur.row.size || 10)) return null;
      const nextLabel = nxt.data ? labelOf(nxt) : lineLabel(nxt);
      if (!/[a-zåäö0-9]-$/i.test(lineLabel(cur)) && !/^[a-zåäö]/.test(nextLabel)) return null;
      if (nxt.data) return nxt === next && chain.length >= 2 ? chain : null;
    }
    return null;
  };
  const chained = new Set<Parsed>();
  block.rows.forEach((r, i) => {
    if (r.data || chained.has(r)) return;
    const label = lineLabel(r);
    if (!label) return; // a text column's wrapped lines
    let prev: Parsed | undefined;
    let next: Parsed | undefined;
    for (let j = i - 1; j >= 0 && !prev; j--) if (block.rows[j].data) prev = block.rows[j];
    for (let j = i + 1; j < block.rows.length && !next; j++) if (block.rows[j].data) next = block.rows[j];
    const size = r.row.size || 10;
    const prevEnd = prev ? [labelOf(prev), ...(extraBelow.get(prev) ?? [])].join(" ") : "";
    const chain = next && !CONTINUATION.test(label) && !CONTINUES.test(prevEnd) ? chainInto(i, next) : null;
    if (chain) {
      chain.forEach((c) => chained.add(c));
      assigned.get(next!)!.push(...chain.map(lineLabel));
      return;
    }
    // A label's first line above its row: the row's own label goes on in lower case right below it.
    const nextLabel = next ? labelOf(next) : "";
    if (
      next &&
      /^[a-zåäö]/.test(nextLabel) &&
      !CONTINUATION.test(label) &&
      r.row.y - next.row.y <= 1.4 * size
    ) {
      assigned.get(next)!.push(label);
      return;
    }
    if (next && !labelOf(next) && next.row.y - r.row.y < 0 && r.row.y - next.row.y <= 1.5 * size) {
      assigned.get(next)!.push(label);
      return;
    }
    if (prev && !labelOf(prev) && prev.row.y - r.row.y <= 1.5 * size) {
      (extraBelow.get(prev) ?? extraBelow.set(prev, []).get(prev)!).push(label);
      return;
    }
    const prevText = prev ? [labelOf(prev), ...(extraBelow.get(prev) ?? [])].join(" ") : "";
    const gapPrev = prev ? prev.row.y - r.row.y : Infinity;
    const gapNext = next ? r.row.y - next.row.y : Infinity;
    if (prev && (CONTINUATION.test(label) || CONTINUES.test(prevText) || gapPrev < gapNext - 0.5)) {
      (extraBelow.get(prev) ?? extraBelow.set(prev, []).get(prev)!).push(label);
      return;
    }
    if (next) heads.push({ at: next, text: label });
  });
  for (const r of dataRows) {
    for (const h of heads.filter((x) => x.at === r))
      rows.push({ label: h.text, page, kind: "heading", cells: cols.map(() => parseCell("")) });
    const label = norm([...assigned.get(r)!, labelOf(r), ...(extraBelow.get(r) ?? [])].join(" "));
    const cells: ReportCell[] = cols.map(() => parseCell(""));
    for (const c of r.cells) {
      if (c.cell.x2 <= labelRight + 2 && !(isFigure(c.parsed) && c.cell.x >= labelRight - 2)) continue;
      const col = columnFor(cols, c.cell);
      if (col < 0) continue; // a text column beside the figures (Kommentar, Orsak)
      // A number beats a dash or a word that strays into its column; two numbers in one column are a misreading.
      const strength = (x: ReportCell) =>
        x.kind === "number" || x.kind === "malformed" ? 2 : x.kind === "dash" ? 1 : 0;
      if (cells[col].kind === "empty") cells[col] = c.parsed;
      else if (strength(cells[col]) === 2 && strength(c.parsed) === 2) conflicts.push(label);
      else if (strength(c.parsed) > strength(cells[col])) cells[col] = c.parsed;
    }
    rows.push({ label, page, kind: "line", cells });
  }
  if (cols.length === 0 || conflicts.length)
    return {
      page,
      title: title || `Tabell s. ${page}`,
      reason: conflicts.length
        ? `rows with two figures in one column: ${conflicts.slice(0, 3).join("; ")}`
        : "no columns",
    };
  let headers = headerParts.map((p) => joinHeader(p));
  // A column of years ("2008", "2007", …) beside the labels is part of the row's name, not a figure: the rows
  // under one label ("Portfölj totalt") read "Portfölj totalt 2007".
  const lines = rows.filter((r) => r.kind === "line");
  const yearCols = cols
    .map((_, c) => c)
    .filter(
      (c) =>
        lines.filter((r) => r.cells[c].kind !== "empty").length >= 2 &&
        lines.every((r) => r.cells[c].kind === "empty" || YEAR.test(r.cells[c].text)),
    );
  if (yearCols.length === 1 && yearCols[0] === 0 && cols.length > 1) {
    let owner = "";
    for (const r of rows) {
      if (r.kind === "heading") continue;
      if (r.label) owner = r.label;
      const year = r.cells[0].text;
      r.label = norm(`${r.label || owner} ${year}`);
      r.cells = r.cells.slice(1);
    }
    headers = headers.slice(1);
  }
  return {
    id,
    title: title || `Tabell s. ${page}`,
    page,
    pages: [page],
    labelHeader,
    unit: unitText ? unitText.toLowerCase() : null,
    columns: headers.map((header) => ({ header, count: false, percent: false })),
    rows,
    ambiguous: beside
      ? [
          `a second table stands beside this one (labels such as "${beside.label}"); its figures were not read`,
        ]
      : [],
  };
}

/** A table whose block ends a page goes on in the first block of the next page when the columns stand alike. */
function continues(a: ReportTable, aCols: Column[], b: ReportTable, bCols: Column[]): boolean {
  if (b.page !== a.pages[a.pages.length - 1] + 1 || aCols.length !== bCols.length) return false;
  const sameCols = aCols.every(
    (c, i) => Math.abs(c.x2 - bCols[i].x2) <= 8 || Math.abs(c.x - bCols[i].x) <= 8,
  );
  const headerOk = b.columns.every((c, i) => !c.header || c.header === a.columns[i].header);
  return sameCols && headerOk;
}

/** The rows of one side of a page split at x: each cell goes to the side its left edge stands on. */
function sideRows(
  rows: readonly Parsed[],
  x: number,
  side: "left" | "right",
  source: Map<Parsed, Parsed>,
): Parsed[] {
  const out: Parsed[] = [];
  for (const r of rows) {
    const cells = r.row.cells.filter((c) => (side === "left" ? c.x < x : c.x >= x));
    if (!cells.length) continue;
    const p = parseRow({ ...r.row, cells });
    source.set(p, source.get(r) ?? r);
    out.push(p);
  }
  return out;
}

interface Read {
  table: ReportTable | UnreadTable;
  cols: Column[];
  block: Block;
  rows: readonly Parsed[];
}

/**
 * One block → its tables. Two tables side by side (a balance sheet's Tillgångar beside its Kapital och skulder, two
 * notes in two page columns) are each read on their own side of the page: their own labels, header and columns.
 */
function readBlock(
  block: Block,
  rows: readonly Parsed[],
  nextId: () => string,
  taken: { left: Set<Parsed>; right: Set<Parsed> },
  split = true,
): Read[] {
  const allCols = figureColumns(block);
  const beside = split ? sideBySide(block, allCols) : null;
  if (!beside) return [{ table: tableOf(block, rows, nextId()), cols: allCols, block, rows }];
  const own = new Set(block.rows);
  const out: Read[] = [];
  // The page splits halfway between the left table's last column and the right table's labels (the right column's
  // headings and rules may start a little left of its labels).
  const leftEnd = Math.max(...allCols.filter((k) => k.x2 <= beside.x).map((k) => k.x2));
  const at = (leftEnd + beside.x) / 2;
  for (const side of ["left", "right"] as const) {
    const source = new Map<Parsed, Parsed>();
    const half = sideRows(rows, at, side, source);
    // The side's blocks that stand in this one, each read once (a side's block may reach into a neighbouring block).
    for (const sub of blocksOf(half)) {
      const data = sub.rows.filter((r) => r.data).map((r) => source.get(r)!);
      if (!data.some((r) => own.has(r)) || data.every((r) => taken[side].has(r))) continue;
      data.forEach((r) => taken[side].add(r));
      out.push(...readBlock(sub, half, nextId, taken, false));
    }
  }
  // A side with no title of its own stands under the left one's (Balansräkning over Tillgångar and Kapital och skulder).
  const titled = out.find((r) => "rows" in r.table && !r.table.title.startsWith("Tabell s."));
  for (const r of out)
    if (titled && "rows" in r.table && r.table.title === `Tabell s. ${r.table.page}`)
      r.table.title = titled.table.title;
  return out;
}

/**
 * A figure centred beside a label of two lines ("6911  Övriga bidrag från EU, undertitel 02 Bidrag från den" /
 * "31 729" / "europeiska flyktingfonden"): the figure stands alone on a row half a line below the first line and
 * above the second. The three are one row: the label's lines joined, the figure in its column.
 */
function centredFigures(rows: readonly LayoutRow[]): LayoutRow[] {
  const out: LayoutRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const [above, fig, below] = [rows[i], rows[i + 1], rows[i + 2]];
    const size = above.size || 10;
    const text = (r: LayoutRow) =>
      r.cells.every((c) => parseCell(c.text).kind === "text" || r.cells.indexOf(c) === 0);
    if (
      fig &&
      below &&
      above.page === below.page &&
      fig.cells.length === 1 &&
      parseCell(fig.cells[0].text).kind === "number" &&
      below.cells.length === 1 &&
      parseCell(below.cells[0].text).kind === "text" &&
      text(above) &&
      above.y - fig.y <= 0.8 * size &&
      fig.y - below.y <= 0.8 * size &&
      above.cells.every((c) => c.x2 < fig.cells[0].x) &&
      below.cells[0].x2 < fig.cells[0].x
    ) {
      const host = above.cells.findIndex((c) => overlap(c, below.cells[0]) > 0);
      if (host >= 0) {
        const cells = above.cells.map((c, j) =>
          j === host
            ? { ...c, text: `${c.text} ${below.cells[0].text}`, x2: Math.max(c.x2, below.cells[0].x2) }
            : c,
        );
        out.push({ ...above, y: fig.y, cells: [...cells, fig.cells[0]] });
        i += 2;
        continue;
      }
    }
    out.push(above);
  }
  return out;
}

/** Reads every table of the document: pages of layout rows (furniture removed) → tables and unread blocks. */
export function readReportTables(pages: readonly (readonly LayoutRow[])[]): ReportReading {
  const tables: ReportTable[] = [];
  const unread: UnreadTable[] = [];
  const colsOf = new Map<ReportTable, Column[]>();
  let lastOfPage: ReportTable | null = null;
  let n = 0;
  const nextId = () => `t${++n}`;
  for (const rows of pages) {
    const parsed = centredFigures(rows).map(parseRow);
    const blocks = blocksOf(parsed);
    const taken = { left: new Set<Parsed>(), right: new Set<Parsed>() };
    blocks.forEach((pageBlock, bi) => {
      const isFirstBlock =
        bi === 0 && parsed.slice(0, parsed.indexOf(pageBlock.rows[0])).filter((r) => r.data).length === 0;
      // Rows a side of an earlier block already read (its side table ran on past that block) are not read again.
      const rest = pageBlock.rows.filter((r) => !taken.left.has(r) && !taken.right.has(r));
      if (rest.length < pageBlock.rows.length && !isBlock(rest)) return;
      const reads = readBlock({ ...pageBlock, rows: rest }, parsed, nextId, taken);
      reads.forEach(({ table: t, cols, block, rows: sideParsed }, ri) => {
        if (!("rows" in t)) {
          unread.push(t);
          return;
        }
        const lastDataIdx = sideParsed.indexOf(block.rows[block.rows.length - 1]);
        if (
          lastOfPage &&
          isFirstBlock &&
          ri === 0 &&
          continues(lastOfPage, colsOf.get(lastOfPage)!, t, cols)
        ) {
          lastOfPage.rows.push(...t.rows);
          lastOfPage.pages.push(t.page);
        } else {
          tables.push(t);
          colsOf.set(t, cols);
        }
        const tailRows = sideParsed
          .slice(lastDataIdx + 1)
          .filter((r) => r.cells.some((c) => /[a-zåäö]{3}/i.test(c.cell.text)));
        lastOfPage =
          bi === blocks.length - 1 && ri === reads.length - 1 && tailRows.length <= 3
            ? tables.includes(t)
              ? t
              : lastOfPage
            : null;
      });
    });
    if (!blocks.length) lastOfPage = null;
  }
  return { tables, unread };
}
