/**
 * The rounding rule and the precision of figures, one definition for the engine, the plan and the importers.
 *
 * A total of printed figures is not wrong while |total − Σ lines| ≤ n × ½ unit of the printed precision: each
 * of its n lines may have been rounded by up to half a unit of its last shown digit.
 */

/** Rounds away binary noise at 15 significant digits (64308 / 1000 → 64.308, not 64.30799999). */
export function clean(value: number): number {
  return Number(value.toPrecision(15));
}

/** The unit of the last digit at `decimals` decimals: 0.1 for 1, 1 for 0, 1000 for −3. */
export function unitOf(decimals: number): number {
  return Math.pow(10, -decimals);
}

/** What one figure printed at `decimals` decimals may have been rounded by: ½ unit of its last digit. */
export function halfUnit(decimals: number): number {
  return 0.5 * unitOf(decimals);
}

/** The rounding rule: how far a total of `lineCount` lines, each printed to `unit`, may be off their sum. */
export function roundingTolerance(lineCount: number, unit: number): number {
  return lineCount * 0.5 * unit;
}

/**
 * How a stored number is read for its decimals; the readings differ only in edge cases, and each caller keeps
 * the one its figures were always read with:
 * - "cell": a workbook cell's value, which carries arithmetic noise, at 12 significant digits; a tiny value
 *   String() writes with an exponent counts its digits (1e-7 → 7).
 * - "figure": a plan's figure, cleaned at 15 significant digits; a value written with an exponent counts 0.
 * - "printed": a figure read from a printed report (or a sum of such), rounded to 6 decimals first.
 */
export type DecimalsReading = "cell" | "figure" | "printed";

/** Digits after the decimal point of a stored number as written (2.6 → 1, 28.0 stored as 28 → 0). */
export function decimalsOf(value: number, reading: DecimalsReading): number {
  if (reading === "cell") {
    if (Number.isInteger(value)) return 0;
    const s = String(Number(value.toPrecision(12)));
    const e = s.indexOf("e-");
    if (e >= 0) return Number(s.slice(e + 2)) + Math.max(0, s.indexOf(".") >= 0 ? e - s.indexOf(".") - 1 : 0);
    const dot = s.indexOf(".");
    return dot < 0 ? 0 : s.length - dot - 1;
  }
  const s = String(reading === "figure" ? clean(Math.abs(value)) : Math.round(value * 1e6) / 1e6);
  if (reading === "figure" && /e/i.test(s)) return 0;
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}
