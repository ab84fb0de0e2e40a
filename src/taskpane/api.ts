/**
 * What the pane's components may do: plain async functions handed in through props. The entry
 * (index.tsx, or the workbench) builds them from src/excel, src/checks and the plan store (wiring.ts);
 * the components never touch Excel or the engine themselves.
 */
import type { Finding } from "../model/types";
import type { GoalFormulaKind, ReadNotice, ReadProgress, WriteResult } from "../excel";
import type { Lang } from "../plan/i18n";
import type { ImportCount, ImportWarning, ReportTable } from "../import";
import type { PlanDiff } from "../plan/diff";
import type { PlanLoss } from "../plan/content";
import type { Goal, Plan } from "../plan/schema";

export type PlanSource = "embedded" | "file" | "import" | "workbook";

export interface ActivePlan {
  plan: Plan;
  source: PlanSource;
  /** File name for a plan file. */
  detail?: string;
}

export interface ValidationOutcome {
  findings: Finding[];
  notices: ReadNotice[];
  /** Sheet names in workbook order, for grouping. */
  sheets: string[];
}

export type PlanChange =
  | { ok: true; active: ActivePlan; stored: boolean }
  | { ok: false; reason: "invalid"; problem: string }
  | { ok: false; reason: "cancelled" };

export type InsertWhere = "new-sheet" | "selection";

/** What an import found, for the review before the plan is used (issue 6). */
export interface ImportReview {
  /** File name, or the Plan table's sheet. */
  source: string;
  plan: Plan;
  counts: ImportCount[];
  warnings: ImportWarning[];
  /** The document's own sum errors and inconsistencies. */
  findings: Finding[];
  /** Against the active plan. */
  diff: PlanDiff;
  /** Parts the imported plan has fewer of than the active one (45 åtaganden → 33): the review asks first. */
  losses: PlanLoss[];
  /** PDFs: each report table with a finding, as read (described in the pane's language when shown). */
  readTables: ReportTable[];
}

export type ImportOutcome = { ok: true; review: ImportReview } | { ok: false; message: string };

export interface PaneApi {
  initialLang: Lang;
  getActivePlan(): ActivePlan;
  onActivePlanChange(listener: (active: ActivePlan) => void): () => void;
  /** At startup: adopts the plan stored in the workbook, if any. */
  loadStoredPlan(): Promise<"none" | "loaded" | "invalid">;
  hasStoredPlan(): boolean;
  /** Parses a plan file, makes it active and stores it in the workbook. */
  usePlanFile(file: { name: string; text(): Promise<string> }, lang?: Lang): Promise<PlanChange>;
  /** Makes an already validated plan (e.g. an import) active and stores it. */
  usePlan(plan: Plan, source: PlanSource, detail?: string): Promise<PlanChange>;
  /** Back to the embedded plan (removes the stored one). */
  useEmbeddedPlan(): Promise<PlanChange>;

  /** Reads the workbook and runs the checks; the findings are language-free (ids), worded where shown. */
  validate(onProgress: (p: ReadProgress | { phase: "checking" }) => void): Promise<ValidationOutcome>;
  selectFinding(finding: Finding): Promise<WriteResult>;
  highlight(
    findings: readonly Finding[],
  ): Promise<WriteResult<{ cells: number; skippedProtected: string[] }>>;
  /** Whether the workbook holds highlights from before (to offer "Rensa markeringar" without a new check). */
  hasHighlights(): Promise<boolean>;
  clearHighlights(): Promise<WriteResult<{ cells: number; missing: number; kept: number }>>;
  writeReport(
    findings: readonly Finding[],
    lang: Lang,
    confirmed: boolean,
  ): Promise<WriteResult<{ sheet: string }>>;

  /** "Infoga formel": MALVARDE (the plan's year), UTFALL or MALUPPFYLLELSE (the year before) for the goal. */
  insertFormula(
    goal: Goal,
    kind: GoalFormulaKind,
    confirmed: boolean,
  ): Promise<WriteResult<{ address: string; formula: string }>>;
  insertGoalsTable(
    goals: readonly Goal[],
    where: InsertWhere,
    lang: Lang,
    confirmed: boolean,
  ): Promise<WriteResult<{ sheet: string; address: string }>>;
  defineShortNames(): Promise<WriteResult<{ names: string[] }>>;

  /** A PDF, a text file (one line per page) or a plan JSON file → review. */
  importFile(file: { name: string; bytes(): Promise<Uint8Array> }, lang: Lang): Promise<ImportOutcome>;
  /** The workbook's "Plan" table (or sheet) → review. */
  importFromPlanTable(lang: Lang): Promise<ImportOutcome>;
  /** Writes an empty Plan table for the plan owner to fill in. */
  createPlanTable(): Promise<WriteResult<{ sheet: string; address: string }>>;
}

/** Lets the ribbon's "Kontrollera" reach the mounted pane (it may click before the pane has rendered). */
export interface PaneController {
  validate(): Promise<void>;
  attach(handler: () => Promise<void>): () => void;
}

export function createPaneController(): PaneController {
  let handler: (() => Promise<void>) | null = null;
  let waiting: (() => void)[] = [];
  return {
    async validate() {
      if (!handler) await new Promise<void>((resolve) => waiting.push(resolve));
      await handler!();
    },
    attach(h) {
      handler = h;
      const w = waiting;
      waiting = [];
      w.forEach((resolve) => resolve());
      return () => {
        if (handler === h) handler = null;
      };
    },
  };
}
