/**
 * Plan import from a plan JSON file (host-free): the file's text → parsePlan, plus the plan's own consistency
 * findings, in the same ImportResult shape as the document importers so the review step treats all alike.
 */
import { checkPlan } from "../checks/planConsistency";
import { msg, type Message } from "../model/messages";
import { parsePlan } from "../plan/schema";
import type { ImportResult } from "./types";

/** A file that is not JSON: the problem as a message id (JSON.parse's reason as given), worded where it is shown. */
export class PlanJsonError extends Error {
  constructor(readonly problem: Message) {
    super(problem.messageId);
    this.name = "PlanJsonError";
  }
}

/** Parses and validates a plan file's content. Throws PlanJsonError (bad JSON) or PlanValidationError (bad plan). */
export function importPlanJson(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new PlanJsonError(msg("json.invalid", { reason: (e as Error).message }));
  }
  const plan = parsePlan(data);
  return { plan, warnings: [], findings: checkPlan(plan), tables: [] };
}
