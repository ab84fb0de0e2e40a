/**
 * Builds the pane's functions (PaneApi) from the Excel adapter, the check engine and the plan store.
 * Glue only: every Excel call is in src/excel, every rule in src/checks.
 */
import type { Finding, WorkbookSnapshot } from "../model/types";
import type { ExcelAdapter } from "../excel";
import type { ReadNotice } from "../excel";
import { getActivePlan as getFunctionsPlan, onPlanChange, setActivePlan } from "../functions/planStore";
import { PLAN_TABLE_WORDS, render } from "../i18n";
import { LOCALES } from "../i18n/locale";
import { jsonSyntaxReason, planProblems } from "../i18n/problems";
import { embeddedPlan } from "../plan/embedded";
import type { Lang } from "../plan/i18n";
import { hasPlanContent, planLosses } from "../plan/content";
import { goalKey } from "../plan/lookup";
import { parsePlan, PlanValidationError, type Goal, type Plan } from "../plan/schema";
import type { ActivePlan, ImportOutcome, PaneApi, PlanChange, PlanSource } from "./api";
import { stringsFor } from "./strings";

export function goalArea(goal: Goal): string {
  return goal.area[goal.area.length - 1];
}

function planLabel(plan: Plan): string {
  return `${plan.organisation} – ${plan.title} ${plan.year}`;
}

/**
 * The rules run in a Web Worker where there is one (the pane stays responsive on big workbooks), else in
 * the page; either way the engine loads on first use, not with the first view (initial JS budget).
 */
async function runChecks(snapshot: WorkbookSnapshot, plan: Plan): Promise<Finding[]> {
  if (typeof Worker !== "undefined") {
    try {
      const { checkInWorker } = await import(/* webpackChunkName: "checks-worker" */ "./checksInWorker");
      return await checkInWorker(snapshot, plan);
    } catch (err) {
      console.warn("Plankoll: check worker unavailable, checking in the page", err);
    }
  }
  const { checkWorkbook } = await import(/* webpackChunkName: "checks" */ "../checks");
  return checkWorkbook(snapshot, { plan });
}

/** A failure already said in the user's words. */
class ImportMessage extends Error {}

/** The importers load on demand (lazy chunk): most sessions never import. */
async function reviewOf(
  source: string,
  run: (
    im: typeof import("../import"),
  ) => import("../import").ImportResult | Promise<import("../import").ImportResult>,
  active: Plan,
  lang: Lang,
): Promise<ImportOutcome> {
  const im = await import(/* webpackChunkName: "import" */ "../import");
  const s = stringsFor(lang);
  try {
    const result = await run(im);
    // A meeting note or an empty Plan table has no plan in it: never offer it as one (the CLI refuses too).
    if (!hasPlanContent(result.plan)) return { ok: false, message: s.importNothing(source) };
    return {
      ok: true,
      review: {
        source,
        plan: result.plan,
        counts: im.importCounts(result.plan, lang),
        warnings: result.warnings,
        findings: result.findings,
        diff: im.diffPlans(active, result.plan),
        losses: planLosses(active, result.plan),
        readTables: result.readTables ?? [],
      },
    };
  } catch (err) {
    if (err instanceof im.PdfTextError || err instanceof im.PlanSourceError)
      return { ok: false, message: s.importProblem(source, err.text[lang]) };
    if (err instanceof PlanValidationError)
      return { ok: false, message: s.planInvalid(source, planProblems(err, lang)) };
    if (err instanceof im.PlanTableError || err instanceof im.PlanJsonError)
      return { ok: false, message: s.importProblem(source, render(err.problem, lang)) };
    if (err instanceof ImportMessage) return { ok: false, message: err.message };
    console.warn("Plankoll: import failed", err);
    return { ok: false, message: s.importFailed(source) };
  }
}

/** JSON.parse, with a failure said in the user's language naming the file (the importer's words are English). */
function parseJson(
  text: string,
  name: string,
  lang: Lang,
): { ok: true; data: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, data: JSON.parse(text.replace(/^\uFEFF/, "")) };
  } catch (err) {
    return {
      ok: false,
      message: stringsFor(lang).notJson(name, jsonSyntaxReason((err as Error).message, lang)),
    };
  }
}

export function createPaneApi(excel: ExcelAdapter, initialLang: Lang): PaneApi {
  let active: ActivePlan = { plan: getFunctionsPlan(), source: "embedded" };
  let storedPlan = false;
  /** "Använd korta namn" was used in this session: formulas are written as =MALVARDE(…). */
  let shortNames = false;
  const listeners = new Set<(a: ActivePlan) => void>();

  // The PLAN functions are not volatile: when the plan changes, Excel must recalculate them.
  onPlanChange(() => excel.recalculate().catch(() => undefined));

  const activate = (plan: Plan, source: PlanSource, detail?: string) => {
    active = { plan, source, detail };
    setActivePlan(plan);
    for (const l of listeners) l(active);
  };

  const adopt = async (plan: Plan, source: PlanSource, detail?: string): Promise<PlanChange> => {
    activate(plan, source, detail);
    const stored = await excel.storePlan(plan);
    storedPlan = stored.ok;
    return { ok: true, active, stored: stored.ok };
  };

  return {
    initialLang,
    getActivePlan: () => active,
    onActivePlanChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    hasStoredPlan: () => storedPlan,

    async loadStoredPlan() {
      let data: unknown;
      try {
        data = await excel.readStoredPlan();
      } catch {
        return "invalid";
      }
      if (data === null) return "none";
      try {
        const plan = parsePlan(data);
        storedPlan = true;
        activate(plan, "workbook");
        return "loaded";
      } catch {
        return "invalid";
      }
    },

    async usePlanFile(file, lang = initialLang) {
      const s = stringsFor(lang);
      const parsed = parseJson(await file.text(), file.name, lang);
      if (!parsed.ok) return { ok: false, reason: "invalid", problem: parsed.message };
      let plan: Plan;
      try {
        plan = parsePlan(parsed.data);
      } catch (err) {
        const problem =
          err instanceof PlanValidationError
            ? s.planInvalid(file.name, planProblems(err, lang))
            : String(err);
        return { ok: false, reason: "invalid", problem };
      }
      if (!hasPlanContent(plan)) return { ok: false, reason: "invalid", problem: s.importNothing(file.name) };
      return adopt(plan, "file", file.name);
    },

    usePlan: (plan, source, detail) => adopt(plan, source, detail),

    async useEmbeddedPlan() {
      activate(embeddedPlan, "embedded");
      const removed = await excel.removeStoredPlan();
      if (removed.ok) storedPlan = false;
      return { ok: true, active, stored: false };
    },

    async validate(onProgress) {
      const read = await excel.readWorkbook(onProgress);
      onProgress({ phase: "checking" });
      // Let the pane paint "Kontrollerar …" before the (synchronous) rules run.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const findings = await runChecks(read.snapshot, active.plan);
      return {
        findings,
        notices: read.notices as ReadNotice[],
        sheets: read.snapshot.sheets.map((s) => s.name),
      };
    },

    async selectFinding(finding) {
      if (!finding.sheet || !finding.cell) return { ok: false, reason: "nothing" };
      return excel.selectCell(finding.sheet, finding.cell.split(":")[0]);
    },

    highlight: (findings) => excel.highlight(findings),
    clearHighlights: () => excel.clearHighlights(),
    hasHighlights: () => excel.hasHighlights().catch(() => false),

    writeReport(findings, lang, confirmed) {
      const s = stringsFor(lang);
      const when = new Date().toLocaleString(LOCALES[lang].dates);
      return excel.writeReport(
        findings,
        {
          title: s.reportTitle,
          subtitle: s.reportSubtitle(planLabel(active.plan), when),
          columns: s.reportColumns,
          severity: s.severity,
          none: s.reportNone,
          message: s.message,
        },
        confirmed,
      );
    },

    insertFormula(goal, kind, confirmed) {
      const year = kind === "target" ? active.plan.year : active.plan.year - 1;
      return excel.insertGoalFormula(
        { key: goalKey(active.plan, goal), unit: goal.unit },
        { year, kind, short: shortNames, confirmed },
      );
    },

    insertGoalsTable(goals, where, lang, confirmed) {
      const s = stringsFor(lang);
      const year = active.plan.year;
      const rows = goals.map((g) => ({ area: goalArea(g), title: g.title, unit: g.unit }));
      // An outcome for part of the year ("t o m augusti 2018") says so in its header, and "Uppfyllt?" says it
      // compares that part-year outcome with the target.
      const asOf = goals
        .flatMap((g) => g.values)
        .find((v) => v.kind === "outcome" && v.period === year - 1 && v.asOf)?.asOf;
      const columns = s.goalsTableColumns(year);
      if (asOf) {
        columns[3] = s.goalsTableOutcome(asOf);
        columns[5] = s.goalsTableMetPartial(asOf);
      }
      return excel.insertGoalsTable(rows, year, { sheetName: s.goalsTableSheet, columns }, where, confirmed);
    },

    async defineShortNames() {
      const result = await excel.defineShortNames();
      // Defined now, or already there: "Infoga formel" writes the short names from here on.
      if (result.ok || result.reason === "names-exist") shortNames = true;
      return result;
    },

    async importFile(file, lang) {
      const bytes = await file.bytes();
      return reviewOf(
        file.name,
        async (im) => {
          // The bytes decide, as in the CLI's import; a .pdf that is not a PDF says so, not read as text.
          const kind = im.planSource(bytes, file.name);
          if ("problem" in kind) throw im.planSourceError(kind);
          if (kind.kind === "pdf") {
            const { readPdfPages } = await import(/* webpackChunkName: "pdf" */ "./pdf");
            const pages = await readPdfPages(bytes);
            const result = im.importDocument(im.documentFromLayout(pages, file.name), {
              lang,
              source: file.name,
            });
            return im.withReport(result, im.checkReport(pages, lang));
          }
          if (kind.kind === "json") {
            const parsed = parseJson(kind.text, file.name, lang);
            if (!parsed.ok) throw new ImportMessage(parsed.message);
            return im.importPlanJson(kind.text);
          }
          return im.importPlanFromText(kind.text, { lang, source: file.name });
        },
        active.plan,
        lang,
      );
    },

    async importFromPlanTable(lang) {
      const read = await excel.readPlanTable();
      if (!read.ok) return { ok: false, message: stringsFor(lang).noPlanTable };
      return reviewOf(
        read.sheet.name,
        (im) => im.importPlanTable(read.sheet, { words: PLAN_TABLE_WORDS[lang] }),
        active.plan,
        lang,
      );
    },

    async createPlanTable() {
      const { planTableTemplate } = await import(/* webpackChunkName: "import" */ "../import");
      return excel.createPlanTable(planTableTemplate());
    },
  };
}
