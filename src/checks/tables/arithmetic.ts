/**
 * The arithmetic both table paths share (host-free, no allocation): the unit of a printed or stored precision,
 * the rounding allowance of a sum (n lines × ½ unit), whether a figure is a difference a − b of two others within
 * an allowance. The workbook engine (totals.ts) and the document analysis (analyse.ts) both call these, so a
 * total or a difference is judged by the same sums wherever its table came from.
 */

/** The unit of the last digit of a figure printed with `decimals` digits after the comma (a dash: none, 1). */
export function unitOf(decimals: number): number {
  return Math.pow(10, -Math.max(0, decimals));
}

/** A sum of printed figures without binary noise (0,1 + 0,2 is 0,3). */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * The rounding a total of n figures shown to `unit` may carry: n × ½ unit (at least one line's), and float noise
 * relative to the size of the sum (`magnitude`).
 */
export function sumAllowance(n: number, unit: number, magnitude: number): number {
  return Math.max(n, 1) * 0.5 * unit + 1e-9 * Math.max(1, Math.abs(magnitude));
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
