/**
 * The CLI's host boundary: an .xlsx file (via ExcelJS) → a host-neutral WorkbookSnapshot.
 * Everything ExcelJS-specific stays here; the checks only ever see the snapshot.
 */
import { promises as fs } from "node:fs";
import ExcelJS from "exceljs";
import type { Lang } from "../plan/i18n";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../checks/types";
import { a1 } from "../checks/address";

export type ReadErrorCode =
  | "missing"
  | "directory"
  | "empty"
  | "encrypted"
  | "xls"
  | "text"
  | "not-zip"
  | "no-workbook"
  | "corrupt"
  | "unreadable";

const READ_MESSAGES: Record<ReadErrorCode, Record<Lang, string>> = {
  missing: { sv: "filen finns inte", en: "file not found" },
  directory: { sv: "är en mapp, inte en fil", en: "is a directory, not a file" },
  empty: { sv: "filen är tom (0 byte)", en: "the file is empty (0 bytes)" },
  encrypted: {
    sv: "filen är lösenordsskyddad (krypterad); spara en kopia utan lösenord och försök igen",
    en: "the file is password-protected (encrypted); save a copy without a password and try again",
  },
  xls: {
    sv: "filen är i det gamla .xls-formatet; spara den som .xlsx i Excel och försök igen",
    en: "the file is in the old .xls format; save it as .xlsx in Excel and try again",
  },
  text: {
    sv: "filen är en textfil, inte en Excel-arbetsbok (.xlsx)",
    en: "the file is a text file, not an Excel workbook (.xlsx)",
  },
  "not-zip": {
    sv: "filen är inte en Excel-arbetsbok (.xlsx är ett zip-arkiv, det här är något annat)",
    en: "the file is not an Excel workbook (.xlsx is a zip archive; this is something else)",
  },
  "no-workbook": {
    sv: "filen är ett zip-arkiv men ingen Excel-arbetsbok (kanske ett Word- eller annat Office-dokument)",
    en: "the file is a zip archive but not an Excel workbook (perhaps a Word or other Office document)",
  },
  corrupt: {
    sv: "filen är skadad eller ofullständig och kan inte läsas som .xlsx",
    en: "the file is damaged or truncated and cannot be read as .xlsx",
  },
  unreadable: { sv: "filen kan inte läsas", en: "the file cannot be read" },
};

/**
 * The stable code of each reason in `plankoll check --format json` (`"error": { "code", "message" }`): scripts
 * branch on the code, people read the message.
 */
export const READ_ERROR_CODES: Record<ReadErrorCode, string> = {
  missing: "not-found",
  directory: "directory",
  empty: "empty",
  encrypted: "encrypted",
  xls: "xls",
  text: "not-xlsx",
  "not-zip": "not-xlsx",
  "no-workbook": "not-xlsx",
  corrupt: "corrupt",
  unreadable: "unreadable",
};

/** A file that cannot be read as a workbook; `reason(lang)` is the one-line text for users. */
export class WorkbookReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    readonly detail?: string,
  ) {
    super(READ_MESSAGES[code].sv);
    this.name = "WorkbookReadError";
  }
  reason(lang: Lang = "sv"): string {
    return READ_MESSAGES[this.code][lang];
  }
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Looks at the first bytes so a wrong kind of file gets a precise reason instead of a zip error. */
async function sniff(path: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(code === "ENOENT" || code === "ENOTDIR" ? "missing" : "unreadable", code);
  }
  if (stat.isDirectory()) throw new WorkbookReadError("directory");
  if (stat.size === 0) throw new WorkbookReadError("empty");
  let head: Buffer;
  try {
    const handle = await fs.open(path, "r");
    try {
      const buf = Buffer.alloc(Math.min(stat.size, 65536));
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      head = buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (e) {
    throw new WorkbookReadError("unreadable", (e as NodeJS.ErrnoException).code);
  }
  if (head.length >= 8 && CFB_MAGIC.every((b, i) => head[i] === b)) {
    // Encrypted .xlsx files are OLE compound files with "EncryptionInfo"/"EncryptedPackage" streams; old .xls
    // files are OLE files too. The stream names (UTF-16) sit in the directory, which may lie past the first
    // bytes in a big file: read its first sector as the header says.
    const names = [head];
    if (head.length >= 0x34) {
      const sectorSize = 1 << head.readUInt16LE(0x1e);
      const dirSector = head.readUInt32LE(0x30);
      if (sectorSize >= 512 && sectorSize <= 4096 && dirSector < 0xfffffffa) {
        const buf = Buffer.alloc(sectorSize);
        try {
          const handle = await fs.open(path, "r");
          try {
            const { bytesRead } = await handle.read(buf, 0, sectorSize, (dirSector + 1) * sectorSize);
            names.push(buf.subarray(0, bytesRead));
          } finally {
            await handle.close();
          }
        } catch {
          // Fall back to the first bytes only.
        }
      }
    }
    const has = (name: string) => names.some((b) => b.includes(Buffer.from(name, "utf16le")));
    throw new WorkbookReadError(has("EncryptionInfo") || has("EncryptedPackage") ? "encrypted" : "xls");
  }
  if (!(head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05))) {
    const sample = head.subarray(0, 4096);
    const printable = sample.every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
    throw new WorkbookReadError(printable ? "text" : "not-zip");
  }
}

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
    const t = (ws as unknown as { tables?: Record<string, { table?: { name?: string; ref?: string } }> })
      .tables;
    if (t)
      for (const [name, tb] of Object.entries(t))
        tables.push({ name: tb.table?.name ?? name, address: tb.table?.ref ?? "" });
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
export function snapshotFromExcelJS(wb: ExcelJS.Workbook, name?: string): WorkbookSnapshot {
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
export async function readWorkbookFile(path: string): Promise<WorkbookSnapshot> {
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
