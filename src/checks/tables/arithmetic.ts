/**
 * The arithmetic of table figures both paths share (host-free, no allocation), on top of the one rounding rule
 * (src/model/precision: n lines × ½ unit): the unit of a printed precision, whether a figure is the difference
 * a − b of two others within an allowance. The workbook engine (totals.ts) and the table analysis (analyse.ts)
 * both call these, so a difference is judged by the same sums wherever its table came from.
 */
import { halfUnit, unitOf } from "../../model/precision";

/** The unit of the last digit of a figure printed with `decimals` digits after the comma (a dash, −1: none). */
export function printedUnit(decimals: number): number {
  return unitOf(Math.max(0, decimals));
}

/** What one printed figure may have been rounded by: ½ unit of its own last digit (a dash: of a whole unit). */
export function printedHalfUnit(decimals: number): number {
  return halfUnit(Math.max(0, decimals));
}

/** A sum of printed figures without binary noise (0,1 + 0,2 is 0,3). */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * A difference of two figures shown to `unit`, itself shown to `unit`: each of the three may be off by ½ unit,
 * so 1½ unit (and float noise relative to `magnitude`).
 */
export function differenceAllowance(unit: number, magnitude: number): number {
  return 1.5 * unit + 1e-9 * Math.max(1, Math.abs(magnitude));
}

/** Whether `result` is `a − b` within `allowance`. */
export function isDifference(result: number, a: number, b: number, allowance: number): boolean {
  return Math.abs(result - (a - b)) <= allowance;
}

/** Whether `actual` is `computed` within `allowance` (and float noise). */
export function withinAllowance(actual: number, computed: number, allowance: number): boolean {
  return Math.abs(actual - computed) <= allowance + 1e-9;
}
