/**
 * A1 addresses ↔ 0-based row/column indexes, and the one rectangle shape of the whole add-in (`Area`).
 * Rows and columns are 0-based here; Excel's A1 text is 1-based.
 */

/** An inclusive rectangle of cells, 0-based absolute indexes: first and last row, first and last column. */
export interface Area {
  firstRow: number;
  firstCol: number;
  lastRow: number;
  lastCol: number;
}

/** "A" for 0, "Z" for 25, "AA" for 26. */
export function columnName(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column of its letters ("A" → 0, "aa" → 26); the letters are not checked. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "D7" for absolute 0-based (6, 3). */
export function a1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** Parses "D7" or "$D$7" → absolute 0-based indexes; null when it is not a cell address. */
export function parseA1(text: string): { row: number; col: number } | null {
  let i = 0;
  const s = text.trim().toUpperCase();
  if (s[i] === "$") i++;
  let col = 0;
  const startCol = i;
  while (i < s.length && s.charCodeAt(i) >= 65 && s.charCodeAt(i) <= 90)
    col = col * 26 + (s.charCodeAt(i++) - 64);
  if (i === startCol || i - startCol > 3) return null;
  if (s[i] === "$") i++;
  let row = 0;
  const startRow = i;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57)
    row = row * 10 + (s.charCodeAt(i++) - 48);
  if (i === startRow || i !== s.length || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/** The area two cells span, whichever corner each is. */
export function spanArea(a: { row: number; col: number }, b: { row: number; col: number }): Area {
  return {
    firstRow: Math.min(a.row, b.row),
    firstCol: Math.min(a.col, b.col),
    lastRow: Math.max(a.row, b.row),
    lastCol: Math.max(a.col, b.col),
  };
}

/** Parses "A1:C3" (or a single cell) → its area; null when either end is not a cell address. */
export function parseRange(text: string): Area | null {
  const [a, b] = text.split(":");
  const p = parseA1(a);
  if (!p) return null;
  const q = b === undefined ? p : parseA1(b);
  if (!q) return null;
  return spanArea(p, q);
}

/** "B3" for a one-cell area, else "B3:D9". */
export function formatArea(a: Area): string {
  const first = a1(a.firstRow, a.firstCol);
  return a.firstRow === a.lastRow && a.firstCol === a.lastCol
    ? first
    : `${first}:${a1(a.lastRow, a.lastCol)}`;
}
