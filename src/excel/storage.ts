/**
 * The active plan stored in the workbook (custom XML part, namespace urn:plankoll:plan), so the PLAN
 * functions give the same answers when the workbook is opened on another machine.
 */
import { failed, type WriteResult } from "./results";
import { queueReplaceJsonPart, readJsonPart } from "./xml";

const PLAN_NS = "urn:plankoll:plan";

/** Replaces the stored plan. Syncs: 2. */
export async function storePlan(context: Excel.RequestContext, plan: unknown): Promise<WriteResult> {
  try {
    const parts = context.workbook.customXmlParts.getByNamespace(PLAN_NS);
    parts.load("items/id");
    await context.sync();
    queueReplaceJsonPart(context, parts.items, PLAN_NS, "plan", plan);
    await context.sync();
    return { ok: true };
  } catch (err) {
    return failed(err);
  }
}

/** The stored plan's JSON (unvalidated: the caller runs parsePlan), or null when none is stored. */
export async function readStoredPlan(context: Excel.RequestContext): Promise<unknown | null> {
  return readJsonPart(context, PLAN_NS);
}

/** Removes the stored plan (back to the embedded default). Syncs: 2. */
export async function removeStoredPlan(context: Excel.RequestContext): Promise<WriteResult> {
  try {
    const parts = context.workbook.customXmlParts.getByNamespace(PLAN_NS);
    parts.load("items/id");
    await context.sync();
    if (parts.items.length === 0) return { ok: false, reason: "nothing" };
    queueReplaceJsonPart(context, parts.items, PLAN_NS, "plan", null);
    await context.sync();
    return { ok: true };
  } catch (err) {
    return failed(err);
  }
}
