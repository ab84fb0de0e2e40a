/**
 * Formula results a file did not save (written by a script): computed for SUM and + − over references, across
 * sheets of the workbook; what cannot be computed is listed so it is reported, never silently skipped.
 */
import {
  isSubtotalFormula,
  meetsCriterion,
  parseSumFormula,
  parseSumIfs,
  type SumFormula,
  type SumIfs,
} from "./formula";
import { isFormula } from "./cells";
import { isCellError, type CellValue, type WorkbookSnapshot } from "../model/types";

export function computeMissing(wb: WorkbookSnapshot): {
  values: CellValue[][][];
  uncomputed: { r: number; c: number; formula: string }[][];
} {
  const values = wb.sheets.map((s) => s.values);
  const uncomputed: { r: number; c: number; formula: string }[][] = wb.sheets.map(() => []);
  const byName = new Map<string, number>();
  wb.sheets.forEach((s, i) => byName.set(s.name.toLowerCase(), i));
  const pending: { s: number; r: number; c: number }[] = [];
  wb.sheets.forEach((s, si) => {
    const formulas = s.formulas ?? [];
    for (let r = 0; r < formulas.length; r++) {
      const fr = formulas[r];
      const vr = s.values[r];
      if (!fr || !vr) continue;
      for (let c = 0; c < fr.length; c++) {
        const f = fr[c];
        if (f != null && isFormula(f) && (vr[c] === null || vr[c] === undefined))
          pending.push({ s: si, r, c });
      }
    }
  });
  if (pending.length === 0) return { values, uncomputed };
  const copied = new Set<string>();
  const memo = new Map<string, CellValue | undefined>();
  const visiting = new Set<string>();

  const setValue = (si: number, r: number, c: number, v: CellValue) => {
    if (!copied.has(`${si}`)) {
      values[si] = values[si].slice();
      copied.add(`${si}`);
    }
    const rowKey = `${si}:${r}`;
    if (!copied.has(rowKey)) {
      values[si][r] = values[si][r].slice();
      copied.add(rowKey);
    }
    values[si][r][c] = v;
  };

  const cellFormula = (si: number, absR: number, absC: number): string | null => {
    const s = wb.sheets[si];
    const f = s.formulas?.[absR - s.origin.row]?.[absC - s.origin.col];
    return isFormula(f) ? f : null;
  };

  // Returns undefined when the cell's value cannot be known.
  const valueOf = (si: number, absR: number, absC: number): CellValue | undefined => {
    const s = wb.sheets[si];
    const r = absR - s.origin.row,
      c = absC - s.origin.col;
    if (r < 0 || c < 0 || r >= s.values.length || c >= (s.values[r]?.length ?? 0)) return null;
    const v = s.values[r][c] ?? null;
    const f = s.formulas?.[r]?.[c];
    if (v !== null || !isFormula(f)) return v;
    return evaluate(si, r, c, f);
  };

  const evaluate = (si: number, r: number, c: number, f: string): CellValue | undefined => {
    const key = `${si}:${r}:${c}`;
    if (memo.has(key)) return memo.get(key);
    if (visiting.has(key)) return undefined;
    visiting.add(key);
    let result: CellValue | undefined = undefined;
    const p: SumFormula | null = parseSumFormula(f);
    const only = p && p.terms.length === 1 && !p.usesSum && p.constant === 0 ? p.terms[0] : null;
    if (only && only.sign === 1 && only.firstRow === only.lastRow && only.firstCol === only.lastCol) {
      // A reference to one cell (=G2, ='History'!Y144) shows that cell, text included: a header, not #VALUE!.
      const target = only.sheet === null ? si : byName.get(only.sheet.toLowerCase());
      result = target === undefined ? { error: "#REF!" } : valueOf(target, only.firstRow, only.firstCol);
      if (result === null) result = 0;
    } else if (p) {
      let sum = p.constant;
      let ok = true;
      for (const t of p.terms) {
        const target = t.sheet === null ? si : byName.get(t.sheet.toLowerCase());
        if (target === undefined) {
          result = { error: "#REF!" };
          ok = false;
          break;
        }
        const single = t.firstRow === t.lastRow && t.firstCol === t.lastCol;
        for (let rr = t.firstRow; rr <= t.lastRow && ok; rr++)
          for (let cc = t.firstCol; cc <= t.lastCol && ok; cc++) {
            if (p.subtotal && isSubtotalFormula(cellFormula(target, rr, cc))) continue;
            const v = valueOf(target, rr, cc);
            if (v === undefined) ok = false;
            else if (typeof v === "number") sum += t.sign * v;
            else if (isCellError(v)) {
              result = v;
              ok = false;
            } else if (single && typeof v === "string" && v !== "" && !p.usesSum) {
              result = { error: "#VALUE!" };
              ok = false;
            }
          }
        if (!ok) break;
      }
      if (ok) result = Number(sum.toPrecision(15));
    } else {
      const q = parseSumIfs(f);
      if (q) result = sumIfs(si, q);
    }
    visiting.delete(key);
    memo.set(key, result);
    return result;
  };

  // SUMIFS over ranges of its own sheet: the cells of the sum range whose criteria cells all meet their criteria.
  const sumIfs = (si: number, q: SumIfs): CellValue | undefined => {
    const t = q.sum;
    const h = t.lastRow - t.firstRow,
      w = t.lastCol - t.firstCol;
    if ((h + 1) * (w + 1) > 100_000) return undefined;
    for (const x of q.criteria)
      if (x.range.lastRow - x.range.firstRow !== h || x.range.lastCol - x.range.firstCol !== w)
        return undefined;
    let sum = 0;
    for (let i = 0; i <= h; i++)
      for (let j = 0; j <= w; j++) {
        let all = true;
        for (const x of q.criteria) {
          const cv = valueOf(si, x.range.firstRow + i, x.range.firstCol + j);
          if (cv === undefined) return undefined;
          const met = meetsCriterion(cv, x.criterion);
          if (met === null) return undefined;
          if (!met) {
            all = false;
            break;
          }
        }
        if (!all) continue;
        const v = valueOf(si, t.firstRow + i, t.firstCol + j);
        if (v === undefined) return undefined;
        if (typeof v === "number") sum += v;
      }
    return Number(sum.toPrecision(15));
  };

  for (const { s, r, c } of pending) {
    const f = wb.sheets[s].formulas[r][c]!;
    const v = evaluate(s, r, c, f);
    if (v === undefined) uncomputed[s].push({ r, c, formula: f });
    else setValue(s, r, c, v);
  }
  return { values, uncomputed };
}
