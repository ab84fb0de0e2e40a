/** Builds in-memory snapshots for engine tests: a cell is a value, or { f, v, fmt } for a formula/format. */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/model/types";

export type CellSpec = CellValue | { f?: string; v?: CellValue; fmt?: string };

function isSpec(x: CellSpec): x is { f?: string; v?: CellValue; fmt?: string } {
  return typeof x === "object" && x !== null && !("error" in x);
}

export function sheet(name: string, rows: CellSpec[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  const nc = Math.max(1, ...rows.map((r) => r.length));
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (const row of rows) {
    const v: CellValue[] = [],
      f: (string | null)[] = [],
      n: (string | null)[] = [];
    for (let c = 0; c < nc; c++) {
      const x = row[c] === undefined ? null : row[c];
      if (isSpec(x as CellSpec)) {
        const s = x as { f?: string; v?: CellValue; fmt?: string };
        v.push(s.v ?? null);
        f.push(s.f ? (s.f.startsWith("=") ? s.f : "=" + s.f) : null);
        n.push(s.fmt ?? null);
      } else {
        v.push(x as CellValue);
        f.push(null);
        n.push(null);
      }
    }
    values.push(v);
    formulas.push(f);
    numberFormats.push(n);
  }
  const colName = (c: number) => String.fromCharCode(65 + c);
  return {
    name,
    address: rows.length ? `A1:${colName(nc - 1)}${rows.length}` : "",
    origin: { row: 0, col: 0 },
    values,
    formulas,
    numberFormats,
    ...extra,
  };
}

export function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { name: "test.xlsx", sheets };
}
