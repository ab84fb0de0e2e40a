/**
 * The in-memory workbook behind the fake Excel JS API: cells with values, formulas, number formats,
 * fill and font; hidden rows, merged areas, tables, protection; names, custom XML parts, selection.
 * Built from (and dumped to) the host-neutral WorkbookSnapshot, so .xlsx fixtures read by the CLI's
 * reader become fake workbooks.
 */
import type { CellValue, WorkbookSnapshot } from "../../model/types";
import { isCellError } from "../../model/types";
import { parseArea } from "../../excel/a1";
import { type Area, formatArea } from "../../model/address";

/** A cell's fill as Excel reports it: no fill is pattern "None" (color reads "#FFFFFF"). */
export interface FillFormat {
  color: string;
  pattern: string;
  patternColor: string | null;
}
export interface FontFormat {
  color: string;
  bold: boolean;
  italic: boolean;
}

export const NO_FILL: FillFormat = Object.freeze({ color: "#FFFFFF", pattern: "None", patternColor: null });
export const DEFAULT_FONT: FontFormat = Object.freeze({ color: "#000000", bold: false, italic: false });

export interface FakeCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  fill: FillFormat;
  font: FontFormat;
}

/**
 * Computes a formula's value when the fake writes or recalculates one (the workbench plugs in the PLAN
 * functions). `undefined` means "not mine": a written formula then has no value, a recalculated one
 * keeps its cached value.
 */
export type FormulaEvaluator = (
  formula: string,
  where: { sheet: string; row: number; col: number },
) => CellValue | undefined;

export interface FakeTable {
  name: string;
  area: Area;
}

const KEY_COLS = 16_384;
const key = (r: number, c: number) => r * KEY_COLS + c;

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  merged: Area[] = [];
  tables: FakeTable[] = [];
  protected = false;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  get(r: number, c: number): FakeCell | undefined {
    return this.cells.get(key(r, c));
  }

  /** The cell for writing; created with defaults when absent. */
  cell(r: number, c: number): FakeCell {
    const k = key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { value: null, formula: null, numberFormat: "General", fill: NO_FILL, font: DEFAULT_FONT };
      this.cells.set(k, cell);
    }
    return cell;
  }

  /** Drops cells that are back to all defaults, so the used range shrinks like Excel's. */
  compact(r: number, c: number): void {
    const cell = this.cells.get(key(r, c));
    if (
      cell &&
      cell.value === null &&
      cell.formula === null &&
      cell.numberFormat === "General" &&
      sameFill(cell.fill, NO_FILL) &&
      sameFont(cell.font, DEFAULT_FONT)
    )
      this.cells.delete(key(r, c));
  }

  /** Bounding box of cells with content (valuesOnly) or with anything at all. */
  usedArea(valuesOnly: boolean): Area | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, cell] of this.cells) {
      if (valuesOnly && cell.value === null && cell.formula === null) continue;
      const r = Math.floor(k / KEY_COLS);
      const c = k % KEY_COLS;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
    return r1 < 0 ? null : { firstRow: r0, firstCol: c0, lastRow: r1, lastCol: c1 };
  }
}

function sameFill(a: FillFormat, b: FillFormat): boolean {
  return a.color === b.color && a.pattern === b.pattern && a.patternColor === b.patternColor;
}
function sameFont(a: FontFormat, b: FontFormat): boolean {
  return a.color === b.color && a.bold === b.bold && a.italic === b.italic;
}

export interface SyncRecord {
  /** Bytes of data the host returned (loaded properties and results), as JSON. */
  responseBytes: number;
  /** Bytes of data the add-in sent (written values, formulas, formats), as JSON. */
  requestBytes: number;
  /** Cells whose properties were read. */
  cellsRead: number;
  operations: number;
}

export interface FakeOptions {
  /** Requirement sets the fake claims ("ExcelApi" → "1.12"); default ExcelApi 1.17. */
  requirementSets?: Record<string, string>;
  displayLanguage?: string;
  /** Excel on the web's limits; a sync beyond them fails like Excel does. */
  maxResponseBytes?: number;
  maxRequestBytes?: number;
  maxCellsPerRead?: number;
  /** False: names.add rejects LAMBDA formulas, as Excel versions without LAMBDA do. */
  lambda?: boolean;
  evaluate?: FormulaEvaluator;
}

export interface NameRecord {
  name: string;
  formula: string;
  comment: string;
}

export interface XmlPartRecord {
  id: string;
  namespaceUri: string;
  xml: string;
}

export class FakeWorkbookModel {
  name: string;
  sheets: FakeSheet[] = [];
  activeSheetId = "";
  selection: { sheetId: string; area: Area } = {
    sheetId: "",
    area: { firstRow: 0, firstCol: 0, lastRow: 0, lastCol: 0 },
  };
  readonly names = new Map<string, NameRecord>();
  readonly xmlParts: XmlPartRecord[] = [];
  readonly syncLog: SyncRecord[] = [];
  calculations = 0;
  suspendedCalculations = 0;
  readonly options: Required<Omit<FakeOptions, "evaluate">> & { evaluate?: FormulaEvaluator };
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  constructor(name = "Arbetsbok.xlsx", options: FakeOptions = {}) {
    this.name = name;
    this.options = {
      requirementSets: { ExcelApi: "1.17", SharedRuntime: "1.1" },
      displayLanguage: "sv-SE",
      maxResponseBytes: 5 * 1024 * 1024,
      maxRequestBytes: 5 * 1024 * 1024,
      maxCellsPerRead: 5_000_000,
      lambda: true,
      ...options,
    };
  }

  get syncCount(): number {
    return this.syncLog.length;
  }

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(this.newId("sheet"), name);
    this.sheets.push(sheet);
    if (!this.activeSheetId) {
      this.activeSheetId = sheet.id;
      this.selection = { sheetId: sheet.id, area: { firstRow: 0, firstCol: 0, lastRow: 0, lastCol: 0 } };
    }
    return sheet;
  }

  sheetByName(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  get activeSheet(): FakeSheet {
    return this.sheetById(this.activeSheetId) ?? this.sheets[0];
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const l of this.listeners) l();
  }

  /** Writes a cell the way Excel interprets typed input: "=…" is a formula, "" clears, numeric text is a number. */
  /** Setting `values` and setting `formulas` behave the same for the cells Plankoll writes. */
  writeInput(sheet: FakeSheet, r: number, c: number, input: unknown): void {
    const cell = sheet.cell(r, c);
    if (typeof input === "string" && input.length > 1 && input.startsWith("=")) {
      cell.formula = input;
      cell.value = this.options.evaluate?.(input, { sheet: sheet.name, row: r, col: c }) ?? null;
    } else {
      cell.formula = null;
      cell.value = normaliseInput(input);
    }
    sheet.compact(r, c);
  }

  /** Recomputes every formula through the evaluator (application.calculate(Full)). */
  recalculate(): void {
    const evaluate = this.options.evaluate;
    if (!evaluate) return;
    for (const sheet of this.sheets) {
      for (const [k, cell] of sheet.cells) {
        if (!cell.formula) continue;
        const value = evaluate(cell.formula, {
          sheet: sheet.name,
          row: Math.floor(k / KEY_COLS),
          col: k % KEY_COLS,
        });
        if (value !== undefined) cell.value = value;
      }
    }
  }

  /** Builds a fake workbook from a snapshot (e.g. one read from an .xlsx fixture). */
  static fromSnapshot(snapshot: WorkbookSnapshot, options: FakeOptions = {}): FakeWorkbookModel {
    const model = new FakeWorkbookModel(snapshot.name ?? "Arbetsbok.xlsx", options);
    for (const s of snapshot.sheets) {
      const sheet = model.addSheet(s.name);
      s.values.forEach((row, i) =>
        row.forEach((value, j) => {
          const formula = s.formulas[i]?.[j] ?? null;
          const numberFormat = s.numberFormats[i]?.[j] ?? null;
          if (value === null && formula === null && (numberFormat === null || numberFormat === "General"))
            return;
          const cell = sheet.cell(s.origin.row + i, s.origin.col + j);
          cell.value = value;
          cell.formula = formula;
          cell.numberFormat = numberFormat ?? "General";
        }),
      );
      for (const r of s.hiddenRows ?? []) sheet.hiddenRows.add(r);
      for (const c of s.hiddenColumns ?? []) sheet.hiddenCols.add(c);
      sheet.merged = (s.merged ?? []).map(parseArea);
      // A table without a usable address (some readers give "") cannot be placed; leave it out.
      sheet.tables = (s.tables ?? []).flatMap((t) => {
        try {
          return [{ name: t.name, area: parseArea(t.address) }];
        } catch {
          return [];
        }
      });
      sheet.protected = Boolean(s.protected);
    }
    if (model.sheets.length === 0) model.addSheet("Blad1");
    return model;
  }

  /** Everything a user could see changed, as plain data: for exact before/after comparisons. */
  dump(): WorkbookDump {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        cells: [...s.cells.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([k, cell]) => ({
            address: formatArea({
              firstRow: Math.floor(k / KEY_COLS),
              firstCol: k % KEY_COLS,
              lastRow: Math.floor(k / KEY_COLS),
              lastCol: k % KEY_COLS,
            }),
            value: cell.value,
            formula: cell.formula,
            numberFormat: cell.numberFormat,
            fill: { ...cell.fill },
            font: { ...cell.font },
          })),
      })),
      names: [...this.names.values()].map((n) => ({ ...n })),
    };
  }
}

export interface WorkbookDump {
  sheets: {
    name: string;
    visibility: string;
    /** Every FakeCell field, copied, with its A1 address. */
    cells: ({ address: string } & FakeCell)[];
  }[];
  names: NameRecord[];
}

const NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function normaliseInput(input: unknown): CellValue {
  if (input === null || input === undefined || input === "") return null;
  if (typeof input === "number" || typeof input === "boolean") return input;
  if (isCellError(input)) return input;
  const text = String(input);
  // A leading apostrophe makes the rest text and is not part of the value, as in Excel.
  if (text.startsWith("'")) return text.length > 1 ? text.slice(1) : null;
  if (NUMERIC.test(text.trim())) return Number(text);
  if (/^(TRUE|FALSE)$/i.test(text)) return /^TRUE$/i.test(text);
  if (/^#(N\/A|REF!|DIV\/0!|VALUE!|NAME\?|NUM!|NULL!)$/.test(text)) return { error: text };
  return text;
}
