/**
 * A1 addresses: the small amount of parsing the adapter (and the fake Excel) need.
 * Rows and columns are 0-based here; Excel's A1 text is 1-based.
 */
import { columnName as colToLetters, a1 as cellAddress } from "../model/address";

export interface Area {
  /** First and last row/column, 0-based, inclusive. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

// The engine's A1 helpers serve the adapter too: one spelling of column letters in the whole add-in.
export { colToLetters, cellAddress };

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

/** Parses "D7", "A1:C5", "A:C" or "2:4" (without sheet name); throws on anything else. */
export function parseArea(text: string): Area {
  const t = text.trim();
  const parts = t.split(":");
  if (parts.length === 1 || parts.length === 2) {
    const a = CELL.exec(parts[0]);
    const b = parts.length === 2 ? CELL.exec(parts[1]) : a;
    if (a && b) {
      const ra = Number(a[2]) - 1;
      const rb = Number(b[2]) - 1;
      const ca = lettersToCol(a[1]);
      const cb = lettersToCol(b[1]);
      return { r0: Math.min(ra, rb), c0: Math.min(ca, cb), r1: Math.max(ra, rb), c1: Math.max(ca, cb) };
    }
  }
  const cols = COLS.exec(t);
  if (cols) {
    const ca = lettersToCol(cols[1]);
    const cb = lettersToCol(cols[2]);
    return { r0: 0, c0: Math.min(ca, cb), r1: MAX_ROWS - 1, c1: Math.max(ca, cb) };
  }
  const rows = ROWS.exec(t);
  if (rows) {
    const ra = Number(rows[1]) - 1;
    const rb = Number(rows[2]) - 1;
    return { r0: Math.min(ra, rb), c0: 0, r1: Math.max(ra, rb), c1: MAX_COLS - 1 };
  }
  throw new Error(`Not an A1 address: ${text}`);
}

export function formatArea(a: Area): string {
  const first = cellAddress(a.r0, a.c0);
  return a.r0 === a.r1 && a.c0 === a.c1 ? first : `${first}:${cellAddress(a.r1, a.c1)}`;
}

export function areaRows(a: Area): number {
  return a.r1 - a.r0 + 1;
}

export function areaCols(a: Area): number {
  return a.c1 - a.c0 + 1;
}

export function areaCells(a: Area): number {
  return areaRows(a) * areaCols(a);
}

/** Quotes a sheet name for an address when Excel would ("'Budget 2019'!A1"). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "'Budget 2019'!A1:B2" into sheet name and local address; sheet is undefined when absent. */
export function splitAddress(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

export function sheetAddress(sheet: string, local: string): string {
  return `${quoteSheet(sheet)}!${local}`;
}
