/**
 * Writes workbooks from plain cell grids, for the rule fixtures (tests/fixtures/workbooks/make.ts) and the README's
 * example (examples/make-example.ts), so both produce files the same way.
 */
import ExcelJS from "exceljs";

export type Cell =
  | number
  | string
  | boolean
  | null
  | undefined
  | { error: string }
  | { f: string; v?: number | string | { error: string } | null; fmt?: string }
  | { v: number | string; fmt: string };

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  /** 1-based rows to hide. */
  hidden?: number[];
  merges?: string[];
  widths?: number[];
}

export const fmt = (v: number | string, code: string): Cell => ({ v, fmt: code });
export const pct = (v: number) => fmt(v, "0.0%");

/** Kommunledningskontoret's departments as in the plan's table: Utfall 2017, Prognos 2018 (mnkr), Budget 2019 (tkr). */
export const PLAN_DEPARTMENTS: [string, number, number, number][] = [
  ["Ledningsstaben", 2.6, 7.2, 139_158],
  ["Ekonomi o kvalitet", 5.6, 1.0, 52_501],
  ["HR", 0.4, 0.6, 64_308],
  ["Välfärd", 1.8, 0.5, 21_140],
  ["Näringsliv", 6.6, 3.7, 40_524],
  ["Kommunikation o delaktighet", 0, 0, 31_373],
  ["Miljö o samhällsbyggnad", 11.0, 2.0, 38_796],
];

/** Recomputes cached results of simple SUM formulas in a sheet spec, as Excel would have saved them. */
export function recalc(rows: Cell[][]): Cell[][] {
  const value = (r: number, c: number): number => {
    const cell = rows[r]?.[c];
    if (typeof cell === "number") return cell;
    if (cell && typeof cell === "object" && "v" in cell && typeof cell.v === "number") return cell.v;
    return 0;
  };
  const col = (s: string) => s.charCodeAt(0) - 65;
  for (let pass = 0; pass < 3; pass++)
    rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell || typeof cell !== "object" || !("f" in cell)) return;
        const m = /^SUM\(([A-Z])(\d+):([A-Z])(\d+)\)$/.exec(cell.f);
        let sum: number | undefined;
        if (m) {
          sum = 0;
          for (let rr = Number(m[2]) - 1; rr <= Number(m[4]) - 1; rr++)
            for (let cc = col(m[1]); cc <= col(m[3]); cc++) sum += value(rr, cc);
        } else if (/^[A-Z]\d+([+-][A-Z]\d+)+$/.test(cell.f)) {
          sum = 0;
          for (const t of cell.f.match(/[+-]?[A-Z]\d+/g) ?? []) {
            const sign = t.startsWith("-") ? -1 : 1;
            const ref = t.replace(/^[+-]/, "");
            sum += sign * value(Number(ref.slice(1)) - 1, col(ref));
          }
        }
        if (sum !== undefined) rows[r][c] = { ...cell, v: Math.round(sum * 1e6) / 1e6 };
      }),
    );
  return rows;
}

export async function writeWorkbook(sheets: SheetSpec[], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Plankoll fixtures";
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name);
    spec.rows.forEach((row, ri) => {
      row.forEach((cell, ci) => {
        if (cell === null || cell === undefined) return;
        const target = ws.getCell(ri + 1, ci + 1);
        if (typeof cell === "object" && "f" in cell) {
          const result = cell.v === undefined || cell.v === null ? undefined : cell.v;
          target.value = { formula: cell.f, result } as ExcelJS.CellFormulaValue;
          if (cell.fmt) target.numFmt = cell.fmt;
        } else if (typeof cell === "object" && "fmt" in cell) {
          target.value = cell.v;
          target.numFmt = cell.fmt;
        } else {
          target.value = cell as ExcelJS.CellValue;
        }
      });
    });
    for (const r of spec.hidden ?? []) ws.getRow(r).hidden = true;
    for (const m of spec.merges ?? []) ws.mergeCells(m);
    ws.getColumn(1).width = 34;
    for (let c = 2; c <= 8; c++) ws.getColumn(c).width = 14;
  }
  await wb.xlsx.writeFile(file);
}
