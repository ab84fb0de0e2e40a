/**
 * The active plan that the PLAN functions read. The task pane sets it (setActivePlan) when the user
 * loads or imports another plan; the functions read it on every call (getActivePlan).
 *
 * Recalculation contract: the PLAN functions are not volatile (their cached values must survive a
 * workbook opened without the add-in), so Excel does not recalculate them by itself when the plan
 * changes. Whoever owns Excel calls (src/excel, wired by the task pane) subscribes with
 * `onPlanChange(() => Excel.run(ctx => { ctx.workbook.application.calculate(Excel.CalculationType.full);
 * return ctx.sync(); }))`: a full calculation marks every cell dirty, custom functions included.
 *
 * The state lives on globalThis, not in module variables: in the shared runtime the task pane bundle
 * and the functions bundle are separate webpack entries, each with its own copy of this module, but
 * they run in one JavaScript context, so a global is what they really share.
 */
import { embeddedPlan } from "../plan/embedded";
import type { Plan } from "../plan/schema";

export type PlanListener = (plan: Plan) => void | Promise<void>;

interface StoreState {
  plan: Plan;
  listeners: Set<PlanListener>;
}

const KEY = "__plankollPlanStore";

function state(): StoreState {
  const g = globalThis as unknown as Record<string, StoreState | undefined>;
  let s = g[KEY];
  if (!s) {
    s = { plan: embeddedPlan, listeners: new Set() };
    g[KEY] = s;
  }
  return s;
}

/** The plan the functions evaluate against: the embedded Eskilstuna 2019 plan until another is set. */
export function getActivePlan(): Plan {
  return state().plan;
}

/**
 * Makes `plan` the active plan and tells every listener (which should recalculate the workbook).
 * Setting the same plan object again notifies nobody. A listener that throws does not stop the others.
 */
export function setActivePlan(plan: Plan): void {
  const s = state();
  if (s.plan === plan) return;
  s.plan = plan;
  for (const listener of [...s.listeners]) {
    // A failing listener (say, a recalculation Excel refused) must not keep the others from running;
    // listeners report their own errors to the user.
    try {
      const pending = listener(plan);
      if (pending) pending.catch(() => undefined);
    } catch {
      /* see above */
    }
  }
}

/** Calls `listener` after each change of the active plan; returns the function that unsubscribes. */
export function onPlanChange(listener: PlanListener): () => void {
  const s = state();
  s.listeners.add(listener);
  return () => void s.listeners.delete(listener);
}
