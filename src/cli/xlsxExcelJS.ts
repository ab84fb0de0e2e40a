/**
 * The ExcelJS reader the streaming one (./xlsxStream) replaced: ExcelJS's whole in-memory model, then a
 * snapshot. Kept only for the parity tests (identical snapshots and findings from both readers over every
 * fixture, example and corpus workbook) until it can go; the CLI never loads it.
 */
import ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../model/types";
import { a1 } from "../model/address";
import { sniff, WorkbookReadError } from "./xlsx";

/** Days between Excel's epoch (1899-12-30) and 1970-01-01, for date → serial. */
const EXCEL_EPOCH_OFFSET = 25569;

function toSerial(d: Date): number {
  return d.getTime() / 86_400_000 + EXCEL_EPOCH_OFFSET;
}

function richText(v: { richText: { text: string }[] }): string {
  let s = "";
  for (const part of v.richText) s += part.text;
  return s;
}

/** Converts a plain (non-formula) ExcelJS value to a snapshot value. */
function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case "number":
      return Number.isFinite(v) ? v : { error: "#NUM!" };
    case "string":
      return v;
    case "boolean":
      return v;
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : toSerial(v);
  const o = v as Record<string, unknown>;
  if (typeof o.error === "string") return { error: o.error };
  if (Array.isArray(o.richText)) return richText(o as { richText: { text: string }[] });
  if ("text" in o) {
    const t = o.text;
    if (typeof t === "string") return t;
    if (t && typeof t === "object" && Array.isArray((t as { richText?: unknown }).richText))
      return richText(t as { richText: { text: string }[] });
    return t === null || t === undefined ? null : String(t);
  }
  if ("result" in o) return plainValue(o.result);
  return null;
}

interface RowCells {
  row: number;
  cols: number[];
  values: CellValue[];
  formulas: (string | null)[];
  formats: (string | null)[];
}

function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  // One pass, a few arrays per row (never per cell), then dense grids trimmed to the cells that hold something:
  // styled-but-empty cells far out (a format applied to whole rows) must not blow up the grid.
  const collected: RowCells[] = [];
  let minR = Infinity,
    minC = Infinity,
    maxR = -1,
    maxC = -1;
  const hiddenRows: number[] = [];
  const FORMULA = ExcelJS.ValueType.Formula,
    MERGE = ExcelJS.ValueType.Merge,
    NULL = ExcelJS.ValueType.Null;
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.push(rowNumber - 1);
    let rc: RowCells | null = null;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const type = cell.type;
      if (type === MERGE || type === NULL) return;
      let value: CellValue;
      let formula: string | null = null;
      if (type === FORMULA) {
        let f: string | undefined;
        try {
          f = cell.formula;
        } catch {
          f = undefined;
        }
        formula = f ? `=${f}` : null;
        value = plainValue((cell.value as { result?: unknown }).result);
      } else {
        const v = cell.value;
        value = typeof v === "number" ? (Number.isFinite(v) ? v : { error: "#NUM!" }) : plainValue(v);
      }
      if (value === null && formula === null) return;
      const fmt = cell.numFmt;
      if (!rc) {
        rc = { row: rowNumber - 1, cols: [], values: [], formulas: [], formats: [] };
        collected.push(rc);
      }
      const c = colNumber - 1;
      rc.cols.push(c);
      rc.values.push(value);
      rc.formulas.push(formula);
      rc.formats.push(typeof fmt === "string" && fmt !== "General" ? fmt : null);
      if (c < minC) minC = c;
      if (c > maxC) maxC = c;
    });
    if (rc) {
      const r = rowNumber - 1;
      if (r < minR) minR = r;
      if (r > maxR) maxR = r;
    }
  });
  const hiddenColumns: number[] = [];
  // Column properties may be defined (hidden) beyond the cells that hold values.
  const defined = (ws as unknown as { _columns?: unknown[] })._columns?.length ?? 0;
  const columnCount = Math.max(ws.columnCount, maxC + 1, defined);
  for (let c = 1; c <= columnCount; c++) {
    try {
      if (ws.getColumn(c).hidden) hiddenColumns.push(c - 1);
    } catch {
      // A column ExcelJS cannot describe is simply not hidden.
    }
  }
  const merged: string[] = [];
  const merges = (ws as unknown as { _merges?: Record<string, { range?: string; shortRange?: string }> })
    ._merges;
  if (merges)
    for (const m of Object.values(merges))
      if (m?.range ?? m?.shortRange) merged.push(String(m.range ?? m.shortRange));
  const tables: { name: string; address: string }[] = [];
  try {
    const t = (
      ws as unknown as {
        tables?: Record<string, { table?: { name?: string; ref?: string; tableRef?: string } }>;
      }
    ).tables;
    // A table read from a file has its range as tableRef (ref only once ExcelJS has laid a new table out).
    if (t)
      for (const [name, tb] of Object.entries(t))
        tables.push({ name: tb.table?.name ?? name, address: tb.table?.ref ?? tb.table?.tableRef ?? "" });
  } catch {
    // Tables are optional context.
  }
  const base = {
    name: ws.name,
    hiddenRows,
    hiddenColumns,
    merged,
    tables,
  };
  if (maxR < 0) {
    return { ...base, address: "", origin: { row: 0, col: 0 }, values: [], formulas: [], numberFormats: [] };
  }
  const height = maxR - minR + 1,
    width = maxC - minC + 1;
  const values: CellValue[][] = new Array(height);
  const formulas: (string | null)[][] = new Array(height);
  const numberFormats: (string | null)[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    values[r] = new Array<CellValue>(width).fill(null);
    formulas[r] = new Array<string | null>(width).fill(null);
    numberFormats[r] = new Array<string | null>(width).fill(null);
  }
  for (const rc of collected) {
    const r = rc.row - minR;
    const vRow = values[r],
      fRow = formulas[r],
      nRow = numberFormats[r];
    for (let i = 0; i < rc.cols.length; i++) {
      const c = rc.cols[i] - minC;
      vRow[c] = rc.values[i];
      fRow[c] = rc.formulas[i];
      nRow[c] = rc.formats[i];
    }
  }
  return {
    ...base,
    address: `${a1(minR, minC)}:${a1(maxR, maxC)}`,
    origin: { row: minR, col: minC },
    values,
    formulas,
    numberFormats,
  };
}

/** Converts a loaded ExcelJS workbook (e.g. one built in memory) to a snapshot. */
function snapshotFromExcelJS(wb: ExcelJS.Workbook, name?: string): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => {
    sheets.push(sheetSnapshot(ws));
  });
  return { name, sheets };
}

/**
 * Reads an .xlsx file into a snapshot. Throws WorkbookReadError (with a user-facing reason) for files that
 * are missing, empty, directories, encrypted, old .xls, text, not a zip, or damaged.
 */
export async function readWorkbookFileExcelJS(path: string): Promise<WorkbookSnapshot> {
  await sniff(path);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new WorkbookReadError("corrupt", e instanceof Error ? e.message : String(e));
  }
  // Every workbook Excel saves has at least one sheet; a zip with none is some other kind of file.
  if (wb.worksheets.length === 0) throw new WorkbookReadError("no-workbook");
  try {
    return snapshotFromExcelJS(wb, path);
  } catch (e) {
    throw new WorkbookReadError("corrupt", e instanceof Error ? e.message : String(e));
  }
}
