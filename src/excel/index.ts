/**
 * src/excel — the only code that calls Excel.run / Office.* (the task pane's functions come from here).
 *
 * REQUIREMENTS (for manifest.xml, helper ADDIN-BUILD):
 *   <Requirements><Sets DefaultMinVersion="1.1"><Set Name="ExcelApi" MinVersion="1.9"/></Sets></Requirements>
 *   ExcelApi 1.9 is the lowest set the adapter needs:
 *     - Range.getCellProperties + RangeFill.pattern/patternColor (1.9): record a cell's fill exactly,
 *       including "no fill", so "Rensa markeringar" restores it;
 *     - Range.getRowProperties/getColumnProperties (1.9): hidden rows in one call per sheet;
 *     - getUsedRangeOrNullObject, names.add (1.4), customXmlParts (1.5),
 *       suspendApiCalculationUntilNextSync (1.6), getActiveCell/getAbsoluteResizedRange (1.7).
 *   Guarded with Office.context.requirements.isSetSupported, degrading with a message:
 *     - ExcelApi 1.13 Range.getMergedAreasOrNullObject (merged areas in the snapshot);
 *     - LAMBDA names ("Använd korta namn"): no requirement set exists; Excel's refusal is reported.
 *
 * Syncs per operation (independent of the number of sheets and cells, except row chunks of very large
 * sheets): read 3, highlight 2–4, clear 3–4, report 2, goals table 2, formula 2, select 2,
 * Plan table read 2 / create 2.
 */
import type { Finding } from "../model/types";
import { clearHighlights, hasHighlights, highlightFindings } from "./highlight";
import { readSnapshot, type ReadOptions, type ReadResult } from "./read";
import { officeSupports, type Supports } from "./requirements";
import { type ReportLabels, writeReport } from "./report";
import {
  type GoalRow,
  type GoalsTableLabels,
  type GoalFormulaKind,
  type GoalUnit,
  insertGoalFormula,
  insertGoalsTable,
} from "./goals";
import { readStoredPlan, removeStoredPlan, storePlan } from "./storage";
import { defineShortNames } from "./names";
import { recalculate, selectCell } from "./select";
import { createPlanTable, readPlanTable } from "./planTable";

export type { ReadResult, ReadNotice, ReadProgress } from "./read";
export type { WriteResult, Failure } from "./results";
export type { ReportLabels } from "./report";
export type { GoalFormulaKind, GoalRow, GoalsTableLabels, GoalUnit } from "./goals";
export {
  readSnapshot,
  highlightFindings,
  clearHighlights,
  hasHighlights,
  writeReport,
  insertGoalsTable,
  insertGoalFormula,
  storePlan,
  readStoredPlan,
  removeStoredPlan,
  defineShortNames,
  selectCell,
  recalculate,
  readPlanTable,
  createPlanTable,
};

/** Excel.run's shape: a batch function given a fresh request context. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The runner of the real host. */
const officeRunner: ExcelRunner = (batch) => Excel.run(batch);

/** Every Excel operation the pane uses, each one Excel.run batch. */
export function createExcelAdapter(run: ExcelRunner = officeRunner, supports: Supports = officeSupports) {
  return {
    readWorkbook: (onProgress?: ReadOptions["onProgress"]): Promise<ReadResult> =>
      run((ctx) => readSnapshot(ctx, { supports, onProgress })),
    selectCell: (sheet: string, cell: string) => run((ctx) => selectCell(ctx, sheet, cell)),
    highlight: (findings: readonly Finding[]) => run((ctx) => highlightFindings(ctx, findings)),
    clearHighlights: () => run((ctx) => clearHighlights(ctx)),
    hasHighlights: () => run((ctx) => hasHighlights(ctx)),
    writeReport: (findings: readonly Finding[], labels: ReportLabels, confirmed = false) =>
      run((ctx) => writeReport(ctx, findings, labels, { confirmed })),
    insertGoalsTable: (
      rows: readonly GoalRow[],
      year: number,
      labels: GoalsTableLabels,
      where: "new-sheet" | "selection",
      confirmed = false,
    ) => run((ctx) => insertGoalsTable(ctx, rows, year, labels, { where, confirmed })),
    insertGoalFormula: (
      goal: { key: string; unit: GoalUnit },
      options: { year: number; kind?: GoalFormulaKind; short?: boolean; confirmed?: boolean },
    ) => run((ctx) => insertGoalFormula(ctx, goal, options)),
    storePlan: (plan: unknown) => run((ctx) => storePlan(ctx, plan)),
    readStoredPlan: () => run((ctx) => readStoredPlan(ctx)),
    removeStoredPlan: () => run((ctx) => removeStoredPlan(ctx)),
    defineShortNames: () => run((ctx) => defineShortNames(ctx)),
    recalculate: () => run((ctx) => recalculate(ctx)),
    readPlanTable: () => run((ctx) => readPlanTable(ctx)),
    createPlanTable: (rows: readonly (readonly (string | number | null)[])[]) =>
      run((ctx) => createPlanTable(ctx, rows)),
  };
}

export type ExcelAdapter = ReturnType<typeof createExcelAdapter>;
