/**
 * Reading the workbook into a host-neutral WorkbookSnapshot, in a fixed small number of syncs:
 *   1. the worksheet list;
 *   2. per sheet (all queued together): used-range address, whether any rows/columns are hidden,
 *      protection, table names;
 *   3. the data: values, formulas, number formats and value types of every used range, in row chunks
 *      sized to stay under Excel on the web's 5 MB response limit, plus hidden-row details only for
 *      sheets that have hidden rows, merged areas and table ranges.
 * Step 3 needs more than one sync only when the data itself exceeds the payload budget, never because
 * of the number of sheets.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../model/types";
import { type Area, formatArea } from "../model/address";
import { areaCells, areaCols, parseArea, splitAddress } from "./a1";
import { OPTIONAL, officeErrorCode, type Supports } from "./requirements";

export interface ReadOptions {
  /** Which optional APIs the host offers. */
  supports?: Supports;
  /** Progress for the pane: a phase and, while reading data, how many of the batches are done. */
  onProgress?: (progress: ReadProgress) => void;
  /** Response budget per sync in bytes (below the host's 5 MB to leave room for estimate error). */
  maxBytesPerSync?: number;
  /** Estimated response bytes per cell (values, formulas, number format and value type as JSON). */
  bytesPerCell?: number;
  /** Sheets with more cells than this are not read; the pane says so. */
  maxCellsPerSheet?: number;
}

export type ReadProgress =
  { phase: "structure" } | { phase: "data"; done: number; total: number } | { phase: "done" };

/** Things the user should know about the read (not findings about the figures). */
export type ReadNotice =
  | { kind: "empty-workbook" }
  | { kind: "huge-sheet"; sheet: string; cells: number; limit: number }
  | { kind: "protected-sheet"; sheet: string }
  | { kind: "merged-areas-unsupported" };

export interface ReadResult {
  snapshot: WorkbookSnapshot;
  notices: ReadNotice[];
  /** Syncs this read took (for tests and the benchmark). */
  syncs: number;
}

const DEFAULT_READ = {
  maxBytesPerSync: 4_000_000,
  bytesPerCell: 60,
  maxCellsPerSheet: 2_000_000,
} as const;

interface SheetPlan {
  name: string;
  hidden: boolean;
  protected: boolean;
  used: Area | null;
  hiddenRows: boolean | null;
  hiddenCols: boolean | null;
  tableNames: string[];
  chunks: Area[];
}

/** Splits a used range into row chunks of at most `maxCells` cells each. */
function rowChunks(area: Area, maxCells: number): Area[] {
  const rowsPerChunk = Math.max(1, Math.floor(maxCells / areaCols(area)));
  const chunks: Area[] = [];
  for (let r = area.firstRow; r <= area.lastRow; r += rowsPerChunk)
    chunks.push({
      firstRow: r,
      firstCol: area.firstCol,
      lastRow: Math.min(area.lastRow, r + rowsPerChunk - 1),
      lastCol: area.lastCol,
    });
  return chunks;
}

/** Groups chunks into syncs whose estimated response stays within the budget. */
function batches<T extends { cells: number }>(items: T[], maxCells: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let cells = 0;
  for (const item of items) {
    if (current.length && cells + item.cells > maxCells) {
      out.push(current);
      current = [];
      cells = 0;
    }
    current.push(item);
    cells += item.cells;
  }
  if (current.length) out.push(current);
  return out;
}

const PAYLOAD_LIMIT_CODES = new Set(["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded"]);

/**
 * Reads the workbook (see the module comment). When the size estimate was wrong (very long texts or
 * formulas) and the host refuses a batch as too large, reads again with chunks a quarter the size.
 */
export async function readSnapshot(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<ReadResult> {
  let bytesPerCell = options.bytesPerCell ?? DEFAULT_READ.bytesPerCell;
  let extraSyncs = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await readOnce(context, { ...options, bytesPerCell });
      return { ...result, syncs: result.syncs + extraSyncs };
    } catch (err) {
      if (!(err instanceof ReadError) || !PAYLOAD_LIMIT_CODES.has(err.code) || attempt >= 2) throw err;
      extraSyncs += err.syncs;
      bytesPerCell *= 4;
    }
  }
}

async function readOnce(context: Excel.RequestContext, options: ReadOptions): Promise<ReadResult> {
  const supports = options.supports ?? (() => false);
  const maxBytes = options.maxBytesPerSync ?? DEFAULT_READ.maxBytesPerSync;
  const bytesPerCell = options.bytesPerCell ?? DEFAULT_READ.bytesPerCell;
  const maxCellsPerSheet = options.maxCellsPerSheet ?? DEFAULT_READ.maxCellsPerSheet;
  const progress = options.onProgress ?? (() => undefined);
  const notices: ReadNotice[] = [];
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };

  progress({ phase: "structure" });
  // Sync 1: which sheets exist.
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await sync();

  // Sync 2: the shape of every sheet, all queued at once.
  const probes = worksheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address,rowHidden,columnHidden");
    ws.protection.load("protected");
    ws.tables.load("items/name");
    return { ws, used };
  });
  await sync();

  const maxCellsPerSync = Math.max(1, Math.floor(maxBytes / bytesPerCell));
  const plans: SheetPlan[] = probes.map(({ ws, used }) => {
    const area = used.isNullObject ? null : parseArea(splitAddress(used.address).local);
    const plan: SheetPlan = {
      name: ws.name,
      hidden: ws.visibility !== "Visible",
      protected: ws.protection.protected,
      used: area,
      hiddenRows: used.isNullObject ? false : used.rowHidden,
      hiddenCols: used.isNullObject ? false : used.columnHidden,
      tableNames: ws.tables.items.map((t) => t.name),
      chunks: [],
    };
    if (area && areaCells(area) > maxCellsPerSheet) {
      notices.push({ kind: "huge-sheet", sheet: plan.name, cells: areaCells(area), limit: maxCellsPerSheet });
      plan.used = null;
    } else if (area) plan.chunks = rowChunks(area, maxCellsPerSync);
    if (plan.protected) notices.push({ kind: "protected-sheet", sheet: plan.name });
    return plan;
  });
  if (plans.every((p) => !p.used) && !notices.some((n) => n.kind === "huge-sheet"))
    notices.push({ kind: "empty-workbook" });

  const merged = supports(OPTIONAL.mergedAreas.set, OPTIONAL.mergedAreas.version);
  if (!merged && plans.some((p) => p.used)) notices.push({ kind: "merged-areas-unsupported" });

  // Sync 3…: the data. Small details ride along with the first batch.
  type ChunkJob = { sheet: number; area: Area; cells: number };
  const jobs: ChunkJob[] = plans.flatMap((p, sheet) =>
    p.chunks.map((area) => ({ sheet, area, cells: areaCells(area) })),
  );
  const groups = batches(jobs, maxCellsPerSync);
  // Empty used ranges still have details worth a sync only when some sheet has data.
  if (groups.length === 0 && plans.some((p) => p.used)) groups.push([]);

  const details = plans.map((p, i) => {
    const ws = worksheets.getItem(p.name);
    if (!p.used) return { rows: undefined, cols: undefined, merged: undefined, tables: [] as Excel.Range[] };
    const usedRange = ws.getRange(formatArea(p.used));
    // rowHidden/columnHidden are false when nothing is hidden: only then skip the per-row read.
    const rows =
      p.hiddenRows === false ? undefined : usedRange.getRowProperties({ rowIndex: true, rowHidden: true });
    const cols =
      p.hiddenCols === false
        ? undefined
        : usedRange.getColumnProperties({ columnIndex: true, columnHidden: true });
    const mergedAreas = merged ? usedRange.getMergedAreasOrNullObject() : undefined;
    mergedAreas?.load("address");
    const tables = p.tableNames.map((name) => probes[i].ws.tables.getItem(name).getRange().load("address"));
    return { rows, cols, merged: mergedAreas, tables };
  });

  const data: {
    values: unknown[][];
    formulas: unknown[][];
    numberFormat: unknown[][];
    valueTypes: string[][];
  }[][] = plans.map(() => []);
  let done = 0;
  for (const group of groups) {
    progress({ phase: "data", done, total: groups.length });
    const ranges = group.map((job) => {
      const range = worksheets.getItem(plans[job.sheet].name).getRange(formatArea(job.area));
      range.load("values,formulas,numberFormat,valueTypes");
      return { job, range };
    });
    try {
      await sync();
    } catch (err) {
      throw new ReadError(officeErrorCode(err) ?? "unknown", err, syncs);
    }
    for (const { job, range } of ranges)
      data[job.sheet].push({
        values: range.values,
        formulas: range.formulas,
        numberFormat: range.numberFormat,
        valueTypes: range.valueTypes as string[][],
      });
    done++;
  }
  progress({ phase: "data", done, total: groups.length });

  const sheets: SheetSnapshot[] = plans.map((p, i) => toSheet(p, data[i], details[i]));
  progress({ phase: "done" });
  return { snapshot: { sheets }, notices, syncs };
}

/** Reading failed in a way the pane should explain (e.g. the host refused a payload). */
export class ReadError extends Error {
  constructor(
    readonly code: string,
    readonly detail?: unknown,
    /** Syncs spent before it failed. */
    readonly syncs = 0,
  ) {
    super(`Reading the workbook failed (${code})`);
    this.name = "ReadError";
  }
}

function toSheet(
  plan: SheetPlan,
  chunks: { values: unknown[][]; formulas: unknown[][]; numberFormat: unknown[][]; valueTypes: string[][] }[],
  details: {
    rows?: OfficeExtension.ClientResult<Excel.RowProperties[]>;
    cols?: OfficeExtension.ClientResult<Excel.ColumnProperties[]>;
    merged?: Excel.RangeAreas;
    tables: Excel.Range[];
  },
): SheetSnapshot {
  if (!plan.used)
    return {
      name: plan.name,
      address: "",
      origin: { row: 0, col: 0 },
      values: [],
      formulas: [],
      numberFormats: [],
      ...(plan.protected ? { protected: true } : {}),
    };
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (const chunk of chunks) {
    chunk.values.forEach((row, r) => {
      values.push(row.map((v, c) => cellValue(v, chunk.valueTypes[r][c])));
      formulas.push(
        chunk.formulas[r].map((f) => (typeof f === "string" && f.length > 1 && f.startsWith("=") ? f : null)),
      );
      numberFormats.push(chunk.numberFormat[r].map((f) => (typeof f === "string" ? f : null)));
    });
  }
  const sheet: SheetSnapshot = {
    name: plan.name,
    address: formatArea(plan.used),
    origin: { row: plan.used.firstRow, col: plan.used.firstCol },
    values,
    formulas,
    numberFormats,
  };
  const hiddenRows = details.rows?.value.filter((r) => r.rowHidden).map((r) => r.rowIndex as number);
  const hiddenCols = details.cols?.value.filter((c) => c.columnHidden).map((c) => c.columnIndex as number);
  if (hiddenRows?.length) sheet.hiddenRows = hiddenRows;
  if (hiddenCols?.length) sheet.hiddenColumns = hiddenCols;
  if (details.merged && !details.merged.isNullObject)
    sheet.merged = details.merged.address.split(/,\s*/).map((a) => splitAddress(a).local);
  if (details.tables.length)
    sheet.tables = details.tables.map((t, i) => ({
      name: plan.tableNames[i],
      address: splitAddress(t.address).local,
    }));
  if (plan.protected) sheet.protected = true;
  return sheet;
}

/** One range's loaded data as a sheet snapshot (used where a single table or sheet is read). */
export function sheetFromRange(
  name: string,
  address: string,
  data: { values: unknown[][]; formulas: unknown[][]; numberFormat: unknown[][]; valueTypes: string[][] },
): SheetSnapshot {
  const area = parseArea(splitAddress(address).local);
  const plan: SheetPlan = {
    name,
    hidden: false,
    protected: false,
    used: area,
    hiddenRows: false,
    hiddenCols: false,
    tableNames: [],
    chunks: [area],
  };
  return toSheet(plan, [data], { tables: [] });
}

function cellValue(v: unknown, type: string): CellValue {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(v) };
    case "Double":
    case "Integer":
      return typeof v === "number" ? v : Number(v);
    case "Boolean":
      return Boolean(v);
    default:
      return v === "" || v === undefined
        ? null
        : typeof v === "number" || typeof v === "boolean"
          ? v
          : String(v);
  }
}
