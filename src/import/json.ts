/**
 * Plan import from a plan JSON file (host-free): the file's text → parsePlan, plus the plan's own consistency
 * findings, in the same ImportResult shape as the document importers so the review step treats all alike.
 */
import { checkPlan } from "../checks/planConsistency";
import type { Lang } from "../plan/i18n";
import { parsePlan } from "../plan/schema";
import type { ImportResult } from "./types";

export class PlanJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanJsonError";
  }
}

/** Parses and validates a plan file's content. Throws PlanJsonError (bad JSON) or PlanValidationError (bad plan). */
export function importPlanJson(text: string, lang: Lang = "sv"): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new PlanJsonError(
      lang === "sv"
        ? `Filen är inte giltig JSON: ${(e as Error).message}`
        : `The file is not valid JSON: ${(e as Error).message}`,
    );
  }
  const plan = parsePlan(data);
  return { plan, warnings: [], findings: checkPlan(plan), tables: [] };
}
