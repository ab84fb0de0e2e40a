/** Cell-level facts shared by the model and the formula evaluator: formulas and error values from any host. */
import { isCellError } from "../model/types";

/** Error values as Office.js reports them in `values` ("#N/A" as text) are error values too. */
export const ERROR_TEXTS = new Set([
  "#N/A",
  "#REF!",
  "#DIV/0!",
  "#VALUE!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
]);

export function errorOf(v: unknown): string | null {
  if (typeof v === "string") return v.charCodeAt(0) === 35 && ERROR_TEXTS.has(v) ? v : null;
  return isCellError(v) ? v.error : null;
}

/** A formula text; hosts that put values in `formulas` for plain cells (Office.js) give no formula. */
export function isFormula(f: unknown): f is string {
  return typeof f === "string" && f.charCodeAt(0) === 61;
}
