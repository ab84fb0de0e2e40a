/**
 * The check engine: a WorkbookSnapshot (+ the plan) → Finding[]. Host-free and pure; the CLI (ExcelJS) and the
 * task pane (Office.js) both call checkWorkbook with their own snapshot.
 */
import type { Plan } from "../plan/schema";
import type { Finding, RuleId, WorkbookSnapshot } from "../model/types";
import { parseA1 } from "../model/address";
import { computeMissing } from "./compute";
import { analyseSheet, ownSheet } from "./model";
import type { Rule } from "./rules/common";
import { sumMismatch } from "./rules/sumMismatch";
import { sumRangeGap } from "./rules/sumRangeGap";
import { sumDoubleCount } from "./rules/sumDoubleCount";
import { sumHardcoded } from "./rules/sumHardcoded";
import { planMismatch } from "./rules/planMismatch";
import { planUnit } from "./rules/planUnit";
import { cellNumberAsText } from "./rules/cellNumberAsText";
import { cellError } from "./rules/cellError";

export interface CheckOptions {
  /** The plan to compare figures with; without it the plan.* rules do not run. */
  plan?: Plan;
  /** Only these rules (default: all workbook rules). */
  rules?: readonly RuleId[];
}

/** The workbook rules, in report order. plan.inconsistent is about plans, not workbooks (see planConsistency.ts). */
export const WORKBOOK_RULES: Partial<Record<RuleId, Rule>> = {
  "sum.mismatch": sumMismatch,
  "sum.range-gap": sumRangeGap,
  "sum.double-count": sumDoubleCount,
  "sum.hardcoded": sumHardcoded,
  "plan.mismatch": planMismatch,
  "plan.unit": planUnit,
  "cell.number-as-text": cellNumberAsText,
  "cell.error": cellError,
};

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Checks a workbook snapshot; findings sorted by sheet order, then row, then column. */
export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions = {}): Finding[] {
  const wanted = options.rules ? new Set(options.rules) : null;
  const rules = (Object.entries(WORKBOOK_RULES) as [RuleId, Rule][]).filter(
    ([id]) => !wanted || wanted.has(id),
  );
  // Sheet by sheet (each rule decides per model, from that model alone): a sheet's models, totals and plan
  // figures are garbage before the next sheet's are built, so memory holds one sheet's working data, not the
  // workbook's. Findings are kept per rule, so the order below is rule by rule, sheet by sheet, as if each rule
  // had run over the whole workbook.
  // The host's sheets in the engine's own object shape (see ownSheet): one map for every sheet of every file.
  const sheets = snapshot.sheets.map((s) =>
    ownSheet(s, s.origin ?? { row: 0, col: 0 }, s.values, s.formulas, s.numberFormats),
  );
  const { values, uncomputed } = computeMissing({ name: snapshot.name, sheets });
  const perRule: Finding[][] = rules.map(() => []);
  sheets.forEach((sheet, index) => {
    const ctx = {
      models: analyseSheet(sheet, index, values[index], uncomputed[index]),
      plan: options.plan,
    };
    rules.forEach(([, rule], k) => {
      for (const f of rule(ctx)) perRule[k].push(f);
    });
  });
  const all = perRule.flat();
  // One finding per rule and cell (a cell can be both a row and a column total).
  const seen = new Set<string>();
  const out = all.filter((f) => {
    const key = `${f.rule}\u0000${f.sheet}\u0000${f.cell}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const sheetOrder = new Map(snapshot.sheets.map((s, i) => [s.name, i]));
  const pos = new Map(out.map((f) => [f, f.cell ? parseA1(f.cell) : null]));
  return out.sort((a, b) => {
    const s = (sheetOrder.get(a.sheet ?? "") ?? 0) - (sheetOrder.get(b.sheet ?? "") ?? 0);
    if (s) return s;
    const pa = pos.get(a),
      pb = pos.get(b);
    const r = (pa?.row ?? 0) - (pb?.row ?? 0);
    if (r) return r;
    const c = (pa?.col ?? 0) - (pb?.col ?? 0);
    if (c) return c;
    return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  });
}

export type { Finding, RuleId, WorkbookSnapshot } from "../model/types";
