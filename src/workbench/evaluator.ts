/**
 * Formula values for the workbench's fake Excel: PLAN.* through the same evaluators Excel's custom
 * functions use (src/functions/core), HYPERLINK's friendly name; everything else keeps its cached value.
 */
import type { CellValue } from "../model/types";
import { isCellError } from "../model/types";
import { parseArea } from "../excel/a1";
import { evaluate } from "../functions/core";
import { getActivePlan } from "../functions/planStore";
import type { Lang } from "../plan/i18n";
import type { FakeWorkbookModel, FormulaEvaluator } from "./fakeExcel/model";

const CALL = /^=\s*([A-Za-z_.]+)\s*\((.*)\)\s*$/s;

function splitArgs(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let inString = false;
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inString = !inString;
    if (!inString && ch === "(") depth++;
    if (!inString && ch === ")") depth--;
    if (!inString && depth === 0 && ch === ",") {
      args.push(current);
      current = "";
    } else current += ch;
  }
  if (current.trim() !== "" || args.length) args.push(current);
  return args.map((a) => a.trim());
}

export function createEvaluator(model: () => FakeWorkbookModel, lang: () => Lang): FormulaEvaluator {
  return (formula, where) => {
    const call = CALL.exec(formula);
    if (!call) return undefined;
    const name = call[1].toUpperCase();
    const args = splitArgs(call[2]);
    const resolve = (arg: string): CellValue | undefined => {
      if (arg === "") return undefined;
      if (/^".*"$/s.test(arg)) return arg.slice(1, -1).replace(/""/g, '"');
      if (/^-?\d+(\.\d+)?$/.test(arg)) return Number(arg);
      if (/^(TRUE|FALSE)$/i.test(arg)) return /^TRUE$/i.test(arg);
      try {
        const area = parseArea(arg.replace(/\$/g, ""));
        const sheet = model().sheetByName(where.sheet);
        return sheet?.get(area.firstRow, area.firstCol)?.value ?? null;
      } catch {
        return undefined;
      }
    };
    if (name === "HYPERLINK") return resolve(args[1] ?? args[0] ?? "") ?? null;
    if (!name.startsWith("PLAN.")) return undefined;
    const values = args.map(resolve);
    const failed = values.find(isCellError);
    if (failed) return failed;
    const result = evaluate(
      name,
      values.map((v) => (v === null ? null : (v as string | number | boolean | undefined))),
      getActivePlan(),
      lang(),
    );
    if (!result.ok) return { error: result.error };
    return Array.isArray(result.value) ? (result.value[0]?.[0] ?? null) : result.value;
  };
}
