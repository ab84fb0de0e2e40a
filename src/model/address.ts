/** A1 addresses ↔ 0-based row/column indexes. */

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

/** Parses "A1:C3" (or a single cell) → inclusive absolute bounds. */
export function parseRange(text: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const [a, b] = text.split(":");
  const p = parseA1(a);
  if (!p) return null;
  const q = b === undefined ? p : parseA1(b);
  if (!q) return null;
  return {
    r1: Math.min(p.row, q.row),
    c1: Math.min(p.col, q.col),
    r2: Math.max(p.row, q.row),
    c2: Math.max(p.col, q.col),
  };
}
