/**
 * A1 addresses as the adapter (and the fake Excel) meet them: whole rows and columns, sheet names, Excel's size.
 * The area shape, cell addresses and column letters are the model's (src/model/address.ts).
 */
import { type Area, columnIndex, parseRange } from "../model/address";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

/** Parses "D7", "A1:C5", "A:C" or "2:4" (without sheet name); throws on anything else. */
export function parseArea(text: string): Area {
  const t = text.trim();
  const parts = t.split(":");
  if ((parts.length === 1 || parts.length === 2) && parts.every((p) => CELL.test(p))) {
    const area = parseRange(t);
    if (area) return area;
  }
  const cols = COLS.exec(t);
  if (cols) {
    const ca = columnIndex(cols[1]);
    const cb = columnIndex(cols[2]);
    return { firstRow: 0, firstCol: Math.min(ca, cb), lastRow: MAX_ROWS - 1, lastCol: Math.max(ca, cb) };
  }
  const rows = ROWS.exec(t);
  if (rows) {
    const ra = Number(rows[1]) - 1;
    const rb = Number(rows[2]) - 1;
    return { firstRow: Math.min(ra, rb), firstCol: 0, lastRow: Math.max(ra, rb), lastCol: MAX_COLS - 1 };
  }
  throw new Error(`Not an A1 address: ${text}`);
}

function areaRows(a: Area): number {
  return a.lastRow - a.firstRow + 1;
}

export function areaCols(a: Area): number {
  return a.lastCol - a.firstCol + 1;
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
