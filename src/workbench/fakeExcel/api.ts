/**
 * A fake of the Excel JavaScript API subset Plankoll uses, faithful where it matters for tests:
 * - commands are queued and run only at `context.sync()`, in order; loaded values are what the
 *   workbook held at that moment, writes apply then;
 * - reading a property before load() + sync() throws PropertyNotLoaded, as Office.js does;
 * - every sync is recorded with the bytes and cells it moved, and a sync whose response exceeds
 *   Excel on the web's 5 MB (or 5 M cells) fails like the real host.
 */
import type { CellValue } from "../../model/types";
import { isCellError } from "../../model/types";
import { areaCells, parseArea, quoteSheet, splitAddress } from "../../excel/a1";
import { type Area, formatArea } from "../../model/address";
import {
  DEFAULT_FONT,
  type FakeSheet,
  type FakeTable as FakeTableRecord,
  FakeWorkbookModel,
  type FillFormat,
  type FontFormat,
  NO_FILL,
  type SyncRecord,
} from "./model";

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

interface Op {
  run(meter: Meter): void;
}

class Meter {
  response = 0;
  request = 0;
  cells = 0;
  out(data: unknown): void {
    this.response += jsonSize(data);
  }
  in(data: unknown): void {
    this.request += jsonSize(data);
  }
}

function jsonSize(data: unknown): number {
  return data === undefined ? 0 : JSON.stringify(data).length;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  /** Present on the real context; the adapter never needs it but code may touch it. */
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  private queue: Op[] = [];

  constructor(readonly model: FakeWorkbookModel) {
    this.workbook = new FakeWorkbook(this);
  }

  /** Excel.RequestContext.application is the workbook's application. */
  get application(): FakeApplication {
    return this.workbook.application;
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const meter = new Meter();
    const record: SyncRecord = { responseBytes: 0, requestBytes: 0, cellsRead: 0, operations: ops.length };
    this.model.syncLog.push(record);
    try {
      for (const op of ops) {
        op.run(meter);
        if (meter.cells > this.model.options.maxCellsPerRead)
          throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", "Too many cells read in one request.");
      }
      if (meter.response > this.model.options.maxResponseBytes)
        throw new FakeExcelError(
          "ResponsePayloadSizeLimitExceeded",
          "The response payload size has exceeded the limit.",
        );
      if (meter.request > this.model.options.maxRequestBytes)
        throw new FakeExcelError(
          "RequestPayloadSizeLimitExceeded",
          "The request payload size has exceeded the limit.",
        );
    } finally {
      record.responseBytes = meter.response;
      record.requestBytes = meter.request;
      record.cellsRead = meter.cells;
      // Listeners (the workbench's grid) see every sync, reads included: the sync counter moves too.
      this.model.changed();
    }
    // Like the real host, resolve asynchronously.
    await Promise.resolve();
  }
}

class LoadOp implements Op {
  constructor(private readonly fn: (m: Meter) => void) {}
  run(m: Meter): void {
    this.fn(m);
  }
}
class WriteOp implements Op {
  constructor(private readonly fn: (m: Meter) => void) {}
  run(m: Meter): void {
    this.fn(m);
  }
}

function notLoaded(name: string): FakeExcelError {
  return new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Office's error for a getItem (or a resolver) that finds nothing. */
function itemNotFound(): FakeExcelError {
  return new FakeExcelError("ItemNotFound", "The requested resource doesn't exist.");
}

/** Office's error for using a null object (…OrNullObject that found nothing) as if it were there. */
function invalidReference(): FakeExcelError {
  return new FakeExcelError("InvalidReference", "This reference is not valid for the current operation.");
}

type LoadArg = string | string[] | { select?: string; expand?: string } | undefined;

function loadPaths(arg: LoadArg): string[] | undefined {
  if (arg === undefined) return undefined;
  if (Array.isArray(arg)) return arg.map((s) => s.trim()).filter(Boolean);
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  return loadPaths([arg.select, arg.expand].filter(Boolean).join(","));
}

/** Base of every proxy: a store of loaded properties that throws on unloaded reads. */
abstract class ClientObject {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(readonly context: FakeRequestContext) {}

  /** Scalar properties load() fetches when given no names. */
  protected abstract scalarProps(): string[];
  /** Reads one scalar property from the workbook at sync time. */
  protected abstract readProp(name: string): unknown;
  /** Navigation properties for "format/fill/color"-style paths. */
  protected nav(_name: string): ClientObject | undefined {
    return undefined;
  }
  /** Cells a load of these properties reads (for the 5 M cell limit and the sync log). */
  protected cellsRead(_props: string[]): number {
    return 0;
  }
  /** True when the object resolves to nothing (…OrNullObject). */
  protected isNull(): boolean {
    return false;
  }

  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  /** Called by the sync that first resolves this object. */
  protected settleNull(): void {
    this.nullState = this.isNull();
  }

  load(arg?: LoadArg): this {
    const paths = loadPaths(arg) ?? this.scalarProps();
    const direct: string[] = [];
    for (const p of paths) {
      const slash = p.indexOf("/");
      if (slash > 0) {
        const child = this.nav(p.slice(0, slash));
        if (!child) throw new FakeExcelError("InvalidArgument", `Cannot load path '${p}'.`);
        child.load(p.slice(slash + 1));
      } else if (this.nav(p)) {
        this.nav(p)!.load();
      } else direct.push(p);
    }
    this.context.enqueue(
      new LoadOp((m) => {
        this.settleNull();
        if (this.isNull()) return;
        for (const name of direct) {
          if (!this.scalarProps().includes(name))
            throw new FakeExcelError("PropertyNotLoaded", `Unknown property '${name}'.`);
          const value = this.readProp(name);
          m.out(value);
          this.loaded.set(name, value);
        }
        m.cells += this.cellsRead(direct);
      }),
    );
    return this;
  }

  /** Queues a write; it applies at sync, in order. */
  protected write(fn: (m: Meter) => void): void {
    this.context.enqueue(new WriteOp(fn));
  }

  /** Queues resolution so isNullObject is known after the next sync even without load(). */
  trackSelf(): this {
    this.context.enqueue(new LoadOp(() => this.settleNull()));
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

export class ClientResult<T> {
  private settled = false;
  private result: T | undefined;
  constructor(context: FakeRequestContext, compute: (m: Meter) => T) {
    context.enqueue(
      new LoadOp((m) => {
        this.result = compute(m);
        m.out(this.result);
        this.settled = true;
      }),
    );
  }
  get value(): T {
    if (!this.settled) throw notLoaded("value");
    return this.result as T;
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

interface RangeTarget {
  sheet: FakeSheet;
  area: Area;
}

export class FakeRange extends ClientObject {
  private target: RangeTarget | null | undefined;
  private readonly formatObj: FakeRangeFormat;

  constructor(
    context: FakeRequestContext,
    private readonly resolver: () => RangeTarget | null,
    private readonly nullable = false,
  ) {
    super(context);
    this.formatObj = new FakeRangeFormat(context, this);
  }

  /** The sheet and area, fixed at the first sync that touches this range. */
  resolve(): RangeTarget | null {
    if (this.target === undefined) {
      const t = this.resolver();
      if (!t && !this.nullable) throw itemNotFound();
      this.target = t;
    }
    return this.target;
  }
  protected override isNull(): boolean {
    return this.resolve() === null;
  }
  private must(): RangeTarget {
    const t = this.resolve();
    if (!t) throw invalidReference();
    return t;
  }

  protected scalarProps(): string[] {
    return [
      "address",
      "addressLocal",
      "values",
      "formulas",
      "numberFormat",
      "valueTypes",
      "text",
      "rowCount",
      "columnCount",
      "rowIndex",
      "columnIndex",
      "cellCount",
      "rowHidden",
      "columnHidden",
    ];
  }
  protected override nav(name: string): ClientObject | undefined {
    return name === "format" ? this.formatObj : name === "worksheet" ? this.worksheet : undefined;
  }

  protected readProp(name: string): unknown {
    const { sheet, area } = this.must();
    const m = (fn: (r: number, c: number) => unknown) => mapArea(area, fn);
    const get = (r: number, c: number) => sheet.get(r, c);
    switch (name) {
      case "address":
      case "addressLocal":
        return `${quoteSheet(sheet.name)}!${formatArea(area)}`;
      case "values":
        return m((r, c) => outValue(get(r, c)?.value ?? null));
      case "text":
        return m((r, c) => String(outValue(get(r, c)?.value ?? null)));
      case "formulas":
        return m((r, c) => get(r, c)?.formula ?? outValue(get(r, c)?.value ?? null));
      case "numberFormat":
        return m((r, c) => get(r, c)?.numberFormat ?? "General");
      case "valueTypes":
        return m((r, c) => valueType(get(r, c)?.value ?? null));
      case "rowCount":
        return area.lastRow - area.firstRow + 1;
      case "columnCount":
        return area.lastCol - area.firstCol + 1;
      case "rowIndex":
        return area.firstRow;
      case "columnIndex":
        return area.firstCol;
      case "cellCount":
        return areaCells(area);
      case "rowHidden":
        return uniform(area.firstRow, area.lastRow, (r) => sheet.hiddenRows.has(r));
      case "columnHidden":
        return uniform(area.firstCol, area.lastCol, (c) => sheet.hiddenCols.has(c));
    }
    return undefined;
  }

  protected override cellsRead(props: string[]): number {
    const t = this.resolve();
    return t && props.some((p) => CELL_PROPS.has(p)) ? areaCells(t.area) : 0;
  }

  get address(): string {
    return this.prop("address");
  }
  get addressLocal(): string {
    return this.prop("addressLocal");
  }
  get values(): unknown[][] {
    return this.prop("values");
  }
  set values(v: unknown) {
    this.writeCells(v);
  }
  get formulas(): unknown[][] {
    return this.prop("formulas");
  }
  set formulas(v: unknown) {
    this.writeCells(v);
  }
  get numberFormat(): unknown[][] {
    return this.prop("numberFormat");
  }
  set numberFormat(v: unknown) {
    this.write((meter) => {
      const { sheet, area } = this.writable();
      meter.in(v);
      forArea(area, broadcast(v, area), (r, c, x) => {
        sheet.cell(r, c).numberFormat = String(x ?? "General");
        sheet.compact(r, c);
      });
    });
  }
  get valueTypes(): string[][] {
    return this.prop("valueTypes");
  }
  get text(): string[][] {
    return this.prop("text");
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }
  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }
  get cellCount(): number {
    return this.prop("cellCount");
  }
  get rowHidden(): boolean | null {
    return this.prop("rowHidden");
  }
  set rowHidden(v: boolean) {
    this.write(() => {
      const { sheet, area } = this.must();
      for (let r = area.firstRow; r <= area.lastRow; r++) {
        if (v) sheet.hiddenRows.add(r);
        else sheet.hiddenRows.delete(r);
      }
    });
  }
  get columnHidden(): boolean | null {
    return this.prop("columnHidden");
  }
  get format(): FakeRangeFormat {
    return this.formatObj;
  }
  private worksheetObj: FakeWorksheet | undefined;
  get worksheet(): FakeWorksheet {
    this.worksheetObj ??= new FakeWorksheet(this.context, () => this.must().sheet);
    return this.worksheetObj;
  }

  /** The target for a write: refuses on protected sheets like Excel. */
  writable(): RangeTarget {
    const t = this.must();
    if (t.sheet.protected)
      throw new FakeExcelError(
        "AccessDenied",
        "The cell or chart you're trying to change is on a protected sheet.",
      );
    return t;
  }

  private writeCells(v: unknown): void {
    this.write((meter) => {
      const { sheet, area } = this.writable();
      meter.in(v);
      forArea(area, broadcast(v, area), (r, c, x) => this.context.model.writeInput(sheet, r, c, x));
    });
  }

  private derive(fn: (t: RangeTarget) => RangeTarget): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.must();
      const d = fn(t);
      if (
        d.area.firstRow < 0 ||
        d.area.firstCol < 0 ||
        d.area.lastRow < d.area.firstRow ||
        d.area.lastCol < d.area.firstCol
      )
        throw new FakeExcelError(
          "InvalidArgument",
          "The argument is invalid or missing or has an incorrect format.",
        );
      return d;
    });
  }

  getCell(row: number, col: number): FakeRange {
    return this.derive(({ sheet, area }) => ({
      sheet,
      area: {
        firstRow: area.firstRow + row,
        firstCol: area.firstCol + col,
        lastRow: area.firstRow + row,
        lastCol: area.firstCol + col,
      },
    }));
  }
  getResizedRange(deltaRows: number, deltaCols: number): FakeRange {
    return this.derive(({ sheet, area }) => ({
      sheet,
      area: { ...area, lastRow: area.lastRow + deltaRows, lastCol: area.lastCol + deltaCols },
    }));
  }
  getAbsoluteResizedRange(rows: number, cols: number): FakeRange {
    return this.derive(({ sheet, area }) => ({
      sheet,
      area: {
        firstRow: area.firstRow,
        firstCol: area.firstCol,
        lastRow: area.firstRow + rows - 1,
        lastCol: area.firstCol + cols - 1,
      },
    }));
  }
  getOffsetRange(rows: number, cols: number): FakeRange {
    return this.derive(({ sheet, area }) => ({
      sheet,
      area: {
        firstRow: area.firstRow + rows,
        firstCol: area.firstCol + cols,
        lastRow: area.lastRow + rows,
        lastCol: area.lastCol + cols,
      },
    }));
  }

  select(): void {
    this.write(() => {
      const { sheet, area } = this.must();
      const model = this.context.model;
      model.activeSheetId = sheet.id;
      model.selection = { sheetId: sheet.id, area };
    });
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.write(() => {
      const { sheet, area } = this.writable();
      forArea(area, null, (r, c) => {
        const cell = sheet.get(r, c);
        if (!cell) return;
        if (applyTo !== "Formats") {
          cell.value = null;
          cell.formula = null;
        }
        if (applyTo !== "Contents") {
          cell.numberFormat = "General";
          cell.fill = NO_FILL;
          cell.font = DEFAULT_FONT;
        }
        sheet.compact(r, c);
      });
    });
  }

  getCellProperties(options: CellPropertiesOptions): ClientResult<Record<string, unknown>[][]> {
    return new ClientResult(this.context, (meter) => {
      const { sheet, area } = this.must();
      meter.cells += areaCells(area);
      return mapArea(area, (r, c) => {
        const cell = sheet.get(r, c);
        const out: Record<string, unknown> = {};
        if (options.address)
          out.address = `${quoteSheet(sheet.name)}!${formatArea({ firstRow: r, firstCol: c, lastRow: r, lastCol: c })}`;
        if (options.format) {
          const format: Record<string, unknown> = {};
          if (options.format.fill) format.fill = pick(cell?.fill ?? NO_FILL, options.format.fill);
          if (options.format.font) format.font = pick(cell?.font ?? DEFAULT_FONT, options.format.font);
          out.format = format;
        }
        return out;
      });
    });
  }

  getRowProperties(options: {
    rowHidden?: boolean;
    address?: boolean;
  }): ClientResult<Record<string, unknown>[]> {
    return new ClientResult(this.context, () => {
      const { sheet, area } = this.must();
      const rows: Record<string, unknown>[] = [];
      for (let r = area.firstRow; r <= area.lastRow; r++) {
        const row: Record<string, unknown> = { rowIndex: r };
        if (options.rowHidden) row.rowHidden = sheet.hiddenRows.has(r);
        if (options.address) row.address = `${quoteSheet(sheet.name)}!${r + 1}:${r + 1}`;
        rows.push(row);
      }
      return rows;
    });
  }

  getColumnProperties(options: {
    columnIndex?: boolean;
    columnHidden?: boolean;
  }): ClientResult<Record<string, unknown>[]> {
    return new ClientResult(this.context, () => {
      const { sheet, area } = this.must();
      const cols: Record<string, unknown>[] = [];
      for (let c = area.firstCol; c <= area.lastCol; c++) {
        const col: Record<string, unknown> = { columnIndex: c };
        if (options.columnHidden) col.columnHidden = sheet.hiddenCols.has(c);
        cols.push(col);
      }
      return cols;
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    requireSet(this.context, "ExcelApi", "1.13", "getMergedAreasOrNullObject");
    return new FakeRangeAreas(this.context, () => {
      const { sheet, area } = this.must();
      const hits = sheet.merged.filter(
        (m) =>
          m.firstRow <= area.lastRow &&
          m.lastRow >= area.firstRow &&
          m.firstCol <= area.lastCol &&
          m.lastCol >= area.firstCol,
      );
      return hits.length ? { sheet, areas: hits } : null;
    }).trackSelf();
  }
}

const CELL_PROPS = new Set(["values", "formulas", "numberFormat", "valueTypes", "text"]);

interface CellPropertiesOptions {
  address?: boolean;
  format?: { fill?: Record<string, boolean>; font?: Record<string, boolean> };
}

function pick(obj: object, wanted: Record<string, boolean>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, on] of Object.entries(wanted)) if (on) out[k] = (obj as Record<string, unknown>)[k];
  return out;
}

export class FakeRangeAreas extends ClientObject {
  private target: { sheet: FakeSheet; areas: Area[] } | null | undefined;
  constructor(
    context: FakeRequestContext,
    private readonly resolver: () => { sheet: FakeSheet; areas: Area[] } | null,
  ) {
    super(context);
  }
  private resolve() {
    if (this.target === undefined) this.target = this.resolver();
    return this.target;
  }
  protected override isNull(): boolean {
    return this.resolve() === null;
  }
  protected scalarProps(): string[] {
    return ["address", "areaCount"];
  }
  protected readProp(name: string): unknown {
    const t = this.resolve()!;
    if (name === "address")
      return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${formatArea(a)}`).join(",");
    if (name === "areaCount") return t.areas.length;
    return undefined;
  }
  get address(): string {
    return this.prop("address");
  }
  get areaCount(): number {
    return this.prop("areaCount");
  }
}

export class FakeRangeFormat extends ClientObject {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  constructor(
    context: FakeRequestContext,
    readonly range: FakeRange,
  ) {
    super(context);
    this.fill = new FakeRangeFill(context, range);
    this.font = new FakeRangeFont(context, range);
  }
  protected scalarProps(): string[] {
    return ["columnWidth", "wrapText", "horizontalAlignment"];
  }
  protected override nav(name: string): ClientObject | undefined {
    return name === "fill" ? this.fill : name === "font" ? this.font : undefined;
  }
  protected readProp(name: string): unknown {
    return name === "columnWidth" ? 48 : name === "wrapText" ? false : "General";
  }
  get columnWidth(): number {
    return this.prop("columnWidth");
  }
  set columnWidth(_v: number) {
    this.write(() => this.range.writable());
  }
  set wrapText(_v: boolean) {
    this.write(() => this.range.writable());
  }
  set horizontalAlignment(_v: string) {
    this.write(() => this.range.writable());
  }
  set verticalAlignment(_v: string) {
    this.write(() => this.range.writable());
  }
  autofitColumns(): void {
    this.write(() => this.range.writable());
  }
  autofitRows(): void {
    this.write(() => this.range.writable());
  }
}

/** Shared by fill and font: read a uniform value over the range (null when mixed), write to every cell. */
abstract class CellFormatPart<T extends object> extends ClientObject {
  constructor(
    context: FakeRequestContext,
    protected readonly range: FakeRange,
  ) {
    super(context);
  }
  protected abstract part(cell: { fill: FillFormat; font: FontFormat } | undefined): T;
  protected abstract assign(cell: { fill: FillFormat; font: FontFormat }, patch: Partial<T>): void;
  protected readProp(name: string): unknown {
    const t = this.range.resolve();
    if (!t) return null;
    let first: unknown;
    let mixed = false;
    let seen = false;
    forArea(t.area, null, (r, c) => {
      const v = (this.part(t.sheet.get(r, c)) as Record<string, unknown>)[name];
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) mixed = true;
    });
    return mixed ? null : first;
  }
  protected set(patch: Partial<T>): void {
    this.write((meter) => {
      const { sheet, area } = this.range.writable();
      meter.in(patch);
      forArea(area, null, (r, c) => {
        this.assign(sheet.cell(r, c), patch);
        sheet.compact(r, c);
      });
    });
  }
}

export class FakeRangeFill extends CellFormatPart<FillFormat> {
  protected scalarProps(): string[] {
    return ["color", "pattern", "patternColor"];
  }
  protected part(cell: { fill: FillFormat } | undefined): FillFormat {
    return cell?.fill ?? NO_FILL;
  }
  protected assign(cell: { fill: FillFormat }, patch: Partial<FillFormat>): void {
    cell.fill = { ...cell.fill, ...patch };
  }
  get color(): string {
    return this.prop("color");
  }
  /** Setting a colour gives a solid fill, as in Excel. */
  set color(v: string) {
    this.set({ color: normColor(v), pattern: "Solid" });
  }
  get pattern(): string {
    return this.prop("pattern");
  }
  set pattern(v: string) {
    this.set(v === "None" ? { ...NO_FILL } : { pattern: v });
  }
  get patternColor(): string | null {
    return this.prop("patternColor");
  }
  set patternColor(v: string | null) {
    this.set({ patternColor: v === null ? null : normColor(v) });
  }
  clear(): void {
    this.set({ ...NO_FILL });
  }
}

export class FakeRangeFont extends CellFormatPart<FontFormat> {
  protected scalarProps(): string[] {
    return ["color", "bold", "italic"];
  }
  protected part(cell: { font: FontFormat } | undefined): FontFormat {
    return cell?.font ?? DEFAULT_FONT;
  }
  protected assign(cell: { font: FontFormat }, patch: Partial<FontFormat>): void {
    cell.font = { ...cell.font, ...patch };
  }
  get color(): string {
    return this.prop("color");
  }
  set color(v: string) {
    this.set({ color: normColor(v) });
  }
  get bold(): boolean {
    return this.prop("bold");
  }
  set bold(v: boolean) {
    this.set({ bold: v });
  }
  get italic(): boolean {
    return this.prop("italic");
  }
  set italic(v: boolean) {
    this.set({ italic: v });
  }
}

function normColor(v: string): string {
  return v.startsWith("#") ? v.toUpperCase() : v;
}

// ---------------------------------------------------------------------------------------------
// Worksheets, tables, names, custom XML parts, workbook

export class FakeWorksheet extends ClientObject {
  private resolved: FakeSheet | null | undefined;
  readonly protection: FakeWorksheetProtection;
  constructor(
    context: FakeRequestContext,
    private readonly resolver: () => FakeSheet | null,
    private readonly nullable = false,
  ) {
    super(context);
    this.protection = new FakeWorksheetProtection(context, this);
  }
  sheet(): FakeSheet | null {
    if (this.resolved === undefined) {
      const s = this.resolver();
      if (!s && !this.nullable) throw itemNotFound();
      this.resolved = s;
    } else if (this.resolved && !this.context.model.sheets.includes(this.resolved)) {
      throw new FakeExcelError("ItemNotFound", "The worksheet has been deleted.");
    }
    return this.resolved;
  }
  must(): FakeSheet {
    const s = this.sheet();
    if (!s) throw invalidReference();
    return s;
  }
  protected override isNull(): boolean {
    return this.sheet() === null;
  }
  protected scalarProps(): string[] {
    return ["name", "id", "position", "visibility"];
  }
  protected override nav(name: string): ClientObject | undefined {
    return name === "protection" ? this.protection : name === "tables" ? this.tables : undefined;
  }
  protected readProp(name: string): unknown {
    const s = this.must();
    switch (name) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return this.context.model.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
    }
    return undefined;
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.write(() => {
      const s = this.must();
      const other = this.context.model.sheetByName(v);
      if (other && other !== s)
        throw new FakeExcelError("ItemAlreadyExists", "A sheet with that name exists.");
      validateSheetName(v);
      s.name = v;
    });
  }
  get id(): string {
    return this.prop("id");
  }
  get position(): number {
    return this.prop("position");
  }
  set position(v: number) {
    this.write(() => {
      const model = this.context.model;
      const s = this.must();
      model.sheets.splice(model.sheets.indexOf(s), 1);
      model.sheets.splice(Math.max(0, Math.min(v, model.sheets.length)), 0, s);
    });
  }
  get visibility(): string {
    return this.prop("visibility");
  }
  set visibility(v: "Visible" | "Hidden" | "VeryHidden") {
    this.write(() => {
      const s = this.must();
      if (v !== "Visible") {
        const visible = this.context.model.sheets.filter((x) => x.visibility === "Visible" && x !== s);
        if (visible.length === 0)
          throw new FakeExcelError(
            "InvalidOperation",
            "A workbook must contain at least one visible worksheet.",
          );
      }
      s.visibility = v;
    });
  }
  private tablesObj: FakeTableCollection | undefined;
  /** The same object on every access, as Office.js gives. */
  get tables(): FakeTableCollection {
    this.tablesObj ??= new FakeTableCollection(this.context, () => this.must());
    return this.tablesObj;
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.must();
      if (!address) return { sheet, area: { firstRow: 0, firstCol: 0, lastRow: 1_048_575, lastCol: 16_383 } };
      const { sheet: named, local } = splitAddress(address);
      if (named && named.toLowerCase() !== sheet.name.toLowerCase())
        throw new FakeExcelError("InvalidArgument", "The address names another sheet.");
      return { sheet, area: parseArea(local) };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, () => ({
      sheet: this.must(),
      area: { firstRow: row, firstCol: col, lastRow: row + rows - 1, lastCol: col + cols - 1 },
    }));
  }
  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.context, () => ({
      sheet: this.must(),
      area: { firstRow: row, firstCol: col, lastRow: row, lastCol: col },
    }));
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.must();
      // An empty sheet's used range is A1, as in Excel.
      return {
        sheet,
        area: sheet.usedArea(valuesOnly) ?? { firstRow: 0, firstCol: 0, lastRow: 0, lastCol: 0 },
      };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const range = new FakeRange(
      this.context,
      () => {
        const sheet = this.must();
        const area = sheet.usedArea(valuesOnly);
        return area ? { sheet, area } : null;
      },
      true,
    );
    return range.trackSelf();
  }
  activate(): void {
    this.write(() => {
      const s = this.must();
      if (s.visibility !== "Visible")
        throw new FakeExcelError("InvalidOperation", "A hidden sheet cannot be activated.");
      const model = this.context.model;
      model.activeSheetId = s.id;
      model.selection = { sheetId: s.id, area: { firstRow: 0, firstCol: 0, lastRow: 0, lastCol: 0 } };
    });
  }
  delete(): void {
    this.write(() => {
      const model = this.context.model;
      const s = this.must();
      if (model.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0)
        throw new FakeExcelError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
        );
      model.sheets.splice(model.sheets.indexOf(s), 1);
      if (model.activeSheetId === s.id) {
        const next = model.sheets.find((x) => x.visibility === "Visible")!;
        model.activeSheetId = next.id;
        model.selection = { sheetId: next.id, area: { firstRow: 0, firstCol: 0, lastRow: 0, lastCol: 0 } };
      }
    });
  }
}

export class FakeWorksheetProtection extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(context);
  }
  protected scalarProps(): string[] {
    return ["protected"];
  }
  protected readProp(): unknown {
    return this.ws.must().protected;
  }
  get protected(): boolean {
    return this.prop("protected");
  }
  protect(): void {
    this.write(() => void (this.ws.must().protected = true));
  }
  unprotect(): void {
    this.write(() => void (this.ws.must().protected = false));
  }
}

function validateSheetName(name: string): void {
  if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name))
    throw new FakeExcelError("InvalidArgument", `'${name}' is not a valid sheet name.`);
}

/** A collection proxy: `items` throws until loaded; loading "name" loads that on every item. */
abstract class Collection<T extends ClientObject, K> extends ClientObject {
  private itemsCache = new Map<K, T>();
  private itemList: T[] | undefined;
  protected abstract keys(): K[];
  protected abstract makeItem(key: K): T;
  protected scalarProps(): string[] {
    return [];
  }
  protected readProp(): unknown {
    return undefined;
  }
  protected item(key: K): T {
    let it = this.itemsCache.get(key);
    if (!it) {
      it = this.makeItem(key);
      this.itemsCache.set(key, it);
    }
    return it;
  }
  override load(arg?: LoadArg): this {
    const paths = (loadPaths(arg) ?? ["items"]).map((p) => p.replace(/^items\/?/, "")).filter(Boolean);
    this.context.enqueue(
      new LoadOp((m) => {
        const list = this.keys().map((k) => this.item(k));
        this.itemList = list;
        // Load each item's properties within this same sync.
        for (const it of list) {
          const inner = new FakeRequestContextQueue(this.context);
          inner.capture(() => it.load(paths.length ? paths : undefined));
          inner.runNow(m);
        }
      }),
    );
    return this;
  }
  get items(): T[] {
    if (!this.itemList) throw notLoaded("items");
    return this.itemList;
  }
}

/** Runs load ops of collection items inside the sync that loads the collection. */
class FakeRequestContextQueue {
  private captured: Op[] = [];
  constructor(private readonly context: FakeRequestContext) {}
  capture(fn: () => void): void {
    const ctx = this.context as unknown as { enqueue(op: Op): void };
    const original = ctx.enqueue;
    ctx.enqueue = (op: Op) => void this.captured.push(op);
    try {
      fn();
    } finally {
      ctx.enqueue = original;
    }
  }
  runNow(meter: Meter): void {
    for (const op of this.captured) op.run(meter);
  }
}

export class FakeWorksheetCollection extends Collection<FakeWorksheet, string> {
  protected keys(): string[] {
    return this.context.model.sheets.map((s) => s.id);
  }
  protected makeItem(id: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.sheetById(id) ?? null);
  }
  /** getItem takes a sheet's name or its id, as in Excel. */
  private byNameOrId(key: string): () => FakeSheet | null {
    return () => this.context.model.sheetByName(key) ?? this.context.model.sheetById(key) ?? null;
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.byNameOrId(key));
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.byNameOrId(key), true).trackSelf();
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.activeSheet);
  }
  getCount(): ClientResult<number> {
    return new ClientResult(this.context, () => this.context.model.sheets.length);
  }
  add(name?: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.write(() => {
      const model = this.context.model;
      const finalName = name ?? `Blad${model.sheets.length + 1}`;
      validateSheetName(finalName);
      if (model.sheetByName(finalName))
        throw new FakeExcelError(
          "ItemAlreadyExists",
          "A resource with the same name or identifier already exists.",
        );
      created = model.addSheet(finalName);
    });
    return new FakeWorksheet(this.context, () => created ?? null);
  }
}

export class FakeTable extends ClientObject {
  private resolved: { sheet: FakeSheet; table: FakeTableRecord } | undefined;
  constructor(
    context: FakeRequestContext,
    private readonly resolver: () => { sheet: FakeSheet; table: FakeTableRecord },
  ) {
    super(context);
  }
  /** The table itself, fixed once found (a rename keeps the proxy valid, as in Excel). */
  private target() {
    this.resolved ??= this.resolver();
    return this.resolved;
  }
  protected scalarProps(): string[] {
    return ["name", "id"];
  }
  protected readProp(name: string): unknown {
    return name === "name" || name === "id" ? this.target().table.name : undefined;
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.write(() => {
      const { table } = this.target();
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v))
        throw new FakeExcelError("InvalidArgument", `'${v}' is not a valid table name.`);
      const clash = this.context.model.sheets.some((s) =>
        s.tables.some((t) => t !== table && t.name.toLowerCase() === v.toLowerCase()),
      );
      if (clash) throw new FakeExcelError("ItemAlreadyExists", "A table with that name exists.");
      table.name = v;
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, table } = this.target();
      return { sheet, area: table.area };
    });
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.target().sheet);
  }
}

export class FakeTableCollection extends Collection<FakeTable, string> {
  constructor(
    context: FakeRequestContext,
    private readonly sheetScope?: () => FakeSheet,
  ) {
    super(context);
  }
  private all(): { sheet: FakeSheet; table: FakeTableRecord }[] {
    const sheets = this.sheetScope ? [this.sheetScope()] : this.context.model.sheets;
    return sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }
  protected keys(): string[] {
    return this.all().map(({ table }) => table.name);
  }
  protected makeItem(name: string): FakeTable {
    return new FakeTable(this.context, () => {
      const hit = this.all().find(({ table }) => table.name.toLowerCase() === name.toLowerCase());
      if (!hit) throw itemNotFound();
      return hit;
    });
  }
  getItem(name: string): FakeTable {
    return this.item(name);
  }
  getCount(): ClientResult<number> {
    return new ClientResult(this.context, () => this.all().length);
  }
  /** A new table over `address` ("A1:J12" on this sheet, or "Sheet!A1:J12" from the workbook). */
  add(address: string, _hasHeaders: boolean): FakeTable {
    let created: { sheet: FakeSheet; table: FakeTableRecord } | undefined;
    this.write(() => {
      const model = this.context.model;
      const { sheet: named, local } = splitAddress(address);
      const sheet = this.sheetScope
        ? this.sheetScope()
        : named
          ? model.sheetByName(named)
          : model.activeSheet;
      if (!sheet) throw itemNotFound();
      if (sheet.protected) throw new FakeExcelError("AccessDenied", "The sheet is protected.");
      const area = parseArea(local);
      const overlaps = sheet.tables.some(
        (t) =>
          t.area.firstRow <= area.lastRow &&
          t.area.lastRow >= area.firstRow &&
          t.area.firstCol <= area.lastCol &&
          t.area.lastCol >= area.firstCol,
      );
      if (overlaps) throw new FakeExcelError("InvalidOperation", "A table can't overlap another table.");
      const count = model.sheets.reduce((n, s) => n + s.tables.length, 0);
      const table = { name: `Tabell${count + 1}`, area };
      sheet.tables.push(table);
      created = { sheet, table };
    });
    return new FakeTable(this.context, () => {
      if (!created) throw new FakeExcelError("ItemNotFound", "The table was not created.");
      return created;
    });
  }
}

export class FakeNamedItem extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly key: string,
    private readonly nullable = false,
  ) {
    super(context);
  }
  private record() {
    const r = this.context.model.names.get(this.key.toUpperCase());
    if (!r && !this.nullable) throw itemNotFound();
    return r;
  }
  protected override isNull(): boolean {
    return !this.record();
  }
  protected scalarProps(): string[] {
    return ["name", "formula", "comment", "type", "visible"];
  }
  protected readProp(name: string): unknown {
    const r = this.record()!;
    if (name === "type") return "String";
    if (name === "visible") return true;
    return (r as unknown as Record<string, unknown>)[name];
  }
  get name(): string {
    return this.prop("name");
  }
  get formula(): string {
    return this.prop("formula");
  }
  get comment(): string {
    return this.prop("comment");
  }
  delete(): void {
    this.write(() => {
      this.record();
      this.context.model.names.delete(this.key.toUpperCase());
    });
  }
}

export class FakeNamedItemCollection extends Collection<FakeNamedItem, string> {
  protected keys(): string[] {
    return [...this.context.model.names.values()].map((n) => n.name);
  }
  protected makeItem(key: string): FakeNamedItem {
    return new FakeNamedItem(this.context, key);
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, name);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, name, true).trackSelf();
  }
  add(name: string, reference: string, comment = ""): FakeNamedItem {
    requireSet(this.context, "ExcelApi", "1.4", "names.add");
    this.write((meter) => {
      const model = this.context.model;
      meter.in([name, reference, comment]);
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
        throw new FakeExcelError("InvalidArgument", `'${name}' is not a valid name.`);
      if (model.names.has(name.toUpperCase()))
        throw new FakeExcelError(
          "ItemAlreadyExists",
          "A resource with the same name or identifier already exists.",
        );
      if (!model.options.lambda && /LAMBDA\s*\(/i.test(reference))
        throw new FakeExcelError(
          "InvalidArgument",
          "The argument is invalid or missing or has an incorrect format.",
        );
      model.names.set(name.toUpperCase(), { name, formula: reference, comment });
    });
    return new FakeNamedItem(this.context, name);
  }
}

export class FakeCustomXmlPart extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly resolver: () => string | null,
    private readonly nullable = false,
  ) {
    super(context);
  }
  private record() {
    const id = this.resolver();
    const r = id ? this.context.model.xmlParts.find((p) => p.id === id) : undefined;
    if (!r && !this.nullable) throw itemNotFound();
    return r;
  }
  protected override isNull(): boolean {
    return !this.record();
  }
  protected scalarProps(): string[] {
    return ["id", "namespaceUri"];
  }
  protected readProp(name: string): unknown {
    const r = this.record()!;
    return name === "id" ? r.id : name === "namespaceUri" ? r.namespaceUri : undefined;
  }
  get id(): string {
    return this.prop("id");
  }
  get namespaceUri(): string {
    return this.prop("namespaceUri");
  }
  getXml(): ClientResult<string> {
    return new ClientResult(this.context, () => this.record()!.xml);
  }
  setXml(xml: string): void {
    this.write((meter) => {
      meter.in(xml);
      const r = this.record()!;
      r.namespaceUri = xmlNamespace(xml);
      r.xml = xml;
    });
  }
  delete(): void {
    this.write(() => {
      const r = this.record();
      const parts = this.context.model.xmlParts;
      if (r) parts.splice(parts.indexOf(r), 1);
    });
  }
}

function xmlNamespace(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*)(\s[^>]*)?>/.exec(xml.replace(/<\?xml[^>]*\?>/, ""));
  if (!root) throw new FakeExcelError("InvalidArgument", "The XML is not well formed.");
  const ns = /\sxmlns="([^"]*)"/.exec(root[2] ?? "");
  return ns ? ns[1] : "";
}

export class FakeCustomXmlPartCollection extends Collection<FakeCustomXmlPart, string> {
  constructor(
    context: FakeRequestContext,
    private readonly namespace?: string,
  ) {
    super(context);
  }
  private parts() {
    return this.context.model.xmlParts.filter(
      (p) => this.namespace === undefined || p.namespaceUri === this.namespace,
    );
  }
  protected keys(): string[] {
    return this.parts().map((p) => p.id);
  }
  protected makeItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => id);
  }
  add(xml: string): FakeCustomXmlPart {
    requireSet(this.context, "ExcelApi", "1.5", "customXmlParts");
    let id: string | null = null;
    this.write((meter) => {
      meter.in(xml);
      const rec = { id: this.context.model.newId("xml"), namespaceUri: xmlNamespace(xml), xml };
      this.context.model.xmlParts.push(rec);
      id = rec.id;
    });
    return new FakeCustomXmlPart(this.context, () => id);
  }
  getByNamespace(namespaceUri: string): FakeCustomXmlPartCollection {
    requireSet(this.context, "ExcelApi", "1.5", "customXmlParts");
    return new FakeCustomXmlPartCollection(this.context, namespaceUri);
  }
  getItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => id);
  }
  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => id, true).trackSelf();
  }
  getCount(): ClientResult<number> {
    return new ClientResult(this.context, () => this.parts().length);
  }
  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    return new FakeCustomXmlPart(
      this.context,
      () => {
        const parts = this.parts();
        if (parts.length > 1)
          throw new FakeExcelError("InvalidOperation", "More than one item in the collection.");
        return parts[0]?.id ?? null;
      },
      true,
    ).trackSelf();
  }
}

export class FakeApplication extends ClientObject {
  protected scalarProps(): string[] {
    return ["calculationMode"];
  }
  protected readProp(): unknown {
    return "Automatic";
  }
  get calculationMode(): string {
    return this.prop("calculationMode");
  }
  calculate(_type: string): void {
    this.write(() => {
      this.context.model.calculations++;
      this.context.model.recalculate();
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    requireSet(this.context, "ExcelApi", "1.6", "suspendApiCalculationUntilNextSync");
    this.write(() => void this.context.model.suspendedCalculations++);
  }
}

export class FakeWorkbook extends ClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  readonly application: FakeApplication;
  constructor(context: FakeRequestContext) {
    super(context);
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context);
    this.customXmlParts = new FakeCustomXmlPartCollection(context);
    this.application = new FakeApplication(context);
  }
  protected scalarProps(): string[] {
    return ["name"];
  }
  protected readProp(): unknown {
    return this.context.model.name;
  }
  get name(): string {
    return this.prop("name");
  }
  private tablesObj: FakeTableCollection | undefined;
  get tables(): FakeTableCollection {
    this.tablesObj ??= new FakeTableCollection(this.context);
    return this.tablesObj;
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheetId, area } = this.context.model.selection;
      const sheet = this.context.model.sheetById(sheetId) ?? this.context.model.activeSheet;
      return { sheet, area };
    });
  }
  getActiveCell(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheetId, area } = this.context.model.selection;
      const sheet = this.context.model.sheetById(sheetId) ?? this.context.model.activeSheet;
      return {
        sheet,
        area: {
          firstRow: area.firstRow,
          firstCol: area.firstCol,
          lastRow: area.firstRow,
          lastCol: area.firstCol,
        },
      };
    });
  }
}

function requireSet(context: FakeRequestContext, set: string, version: string, what: string): void {
  if (!isSetSupportedBy(context.model, set, version))
    throw new FakeExcelError("ApiNotFound", `${what} needs ${set} ${version}.`);
}

export function isSetSupportedBy(model: FakeWorkbookModel, set: string, version = "1.1"): boolean {
  const have = model.options.requirementSets[set];
  if (!have) return false;
  const [a1, b1] = have.split(".").map(Number);
  const [a2, b2] = version.split(".").map(Number);
  return a1 > a2 || (a1 === a2 && (b1 ?? 0) >= (b2 ?? 0));
}

// ---------------------------------------------------------------------------------------------
// helpers

function mapArea<T>(area: Area, fn: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = area.firstRow; r <= area.lastRow; r++) {
    const row: T[] = [];
    for (let c = area.firstCol; c <= area.lastCol; c++) row.push(fn(r, c));
    out.push(row);
  }
  return out;
}

function forArea(area: Area, data: unknown[][] | null, fn: (r: number, c: number, x: unknown) => void): void {
  for (let r = area.firstRow; r <= area.lastRow; r++)
    for (let c = area.firstCol; c <= area.lastCol; c++)
      fn(r, c, data ? data[r - area.firstRow][c - area.firstCol] : undefined);
}

/** A scalar applies to every cell; an array must match the range's shape, as Excel insists. */
function broadcast(v: unknown, area: Area): unknown[][] {
  const rows = area.lastRow - area.firstRow + 1;
  const cols = area.lastCol - area.firstCol + 1;
  if (!Array.isArray(v)) return Array.from({ length: rows }, () => Array(cols).fill(v));
  if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols))
    throw new FakeExcelError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
  return v as unknown[][];
}

function uniform(from: number, to: number, test: (i: number) => boolean): boolean | null {
  const first = test(from);
  for (let i = from + 1; i <= to; i++) if (test(i) !== first) return null;
  return first;
}

function outValue(v: CellValue): unknown {
  if (v === null) return "";
  if (isCellError(v)) return v.error;
  return v;
}

function valueType(v: CellValue): string {
  if (v === null) return "Empty";
  if (isCellError(v)) return "Error";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

export { FakeWorkbookModel };
