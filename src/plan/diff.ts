/**
 * What changed between two plans (host-free), for the review step before an imported plan replaces the active one:
 * goals added, removed or changed (targets, outcomes, unit, direction, area, title), indicators likewise, budget
 * figures changed, lines and tables added or removed, åtaganden added or removed.
 *
 * Goals and indicators are matched by id, then by title (case and diacritics ignored), then by the best word
 * overlap (≥ 60 % of content words: a retitled goal, "… till 72" → "… till 74"); budget lines by label or alias,
 * tables by title, measures by label or by kind and year.
 */
import type { BudgetTable, Goal, Indicator, PeriodValue, Plan } from "./schema";
import { contentWords, foldText } from "./text";

export interface ValueChange {
  period: number;
  kind: PeriodValue["kind"];
  old: number | null;
  new: number | null;
}

export interface ItemChange<T> {
  old: T;
  new: T;
  /** The old title when it changed. */
  retitled: boolean;
  values: ValueChange[];
  /** Other fields that changed: "unit", "direction", "area", "section". */
  fields: string[];
}

export interface BudgetChange {
  table: string;
  line: string;
  measure: string;
  old: number | null;
  new: number | null;
}

export interface PlanDiff {
  meta: { field: string; old: string | number; new: string | number }[];
  goals: { added: Goal[]; removed: Goal[]; changed: ItemChange<Goal>[] };
  indicators: { added: Indicator[]; removed: Indicator[]; changed: ItemChange<Indicator>[] };
  budget: {
    tablesAdded: string[];
    tablesRemoved: string[];
    linesAdded: { table: string; line: string }[];
    linesRemoved: { table: string; line: string }[];
    changed: BudgetChange[];
  };
  commitments: { added: string[]; removed: string[] };
  /** Targets whose value changed, a shortcut for the review's headline. */
  targetsChanged: number;
  /** True when nothing differs. */
  same: boolean;
}

function overlap(a: string, b: string): number {
  const wa = new Set(contentWords(a));
  const wb = new Set(contentWords(b));
  if (!wa.size || !wb.size) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / Math.max(wa.size, wb.size);
}

/** Pairs old and new items: by id, by folded title, then by best word overlap ≥ 0.6. */
function pair<T extends { id: string; title: string }>(
  olds: readonly T[],
  news: readonly T[],
): {
  pairs: [T, T][];
  added: T[];
  removed: T[];
} {
  const left = new Set(olds);
  const right = new Set(news);
  const pairs: [T, T][] = [];
  const take = (o: T, n: T) => {
    pairs.push([o, n]);
    left.delete(o);
    right.delete(n);
  };
  for (const n of news) {
    const o = [...left].find((x) => x.id === n.id && overlap(x.title, n.title) >= 0.6);
    if (o) take(o, n);
  }
  for (const n of [...right]) {
    const o = [...left].find((x) => foldText(x.title) === foldText(n.title));
    if (o) take(o, n);
  }
  for (const n of [...right]) {
    let best: T | undefined;
    let score = 0.6;
    for (const o of left) {
      const s = overlap(o.title, n.title);
      if (s >= score) {
        best = o;
        score = s;
      }
    }
    if (best) take(best, n);
  }
  return { pairs, added: [...right], removed: [...left] };
}

function valueChanges(olds: readonly PeriodValue[], news: readonly PeriodValue[]): ValueChange[] {
  const key = (v: PeriodValue) => `${v.period}/${v.kind}`;
  const keys = [...new Set([...olds.map(key), ...news.map(key)])];
  const out: ValueChange[] = [];
  for (const k of keys) {
    const o = olds.find((v) => key(v) === k);
    const n = news.find((v) => key(v) === k);
    const ov = o ? o.value : null;
    const nv = n ? n.value : null;
    if (ov !== nv || !o !== !n) {
      const [period, kind] = k.split("/");
      out.push({ period: Number(period), kind: kind as PeriodValue["kind"], old: ov, new: nv });
    }
  }
  return out.sort((a, b) => a.period - b.period || a.kind.localeCompare(b.kind));
}

function changesOf<T extends Goal | Indicator>(pairs: [T, T][], fields: (keyof T)[]): ItemChange<T>[] {
  const out: ItemChange<T>[] = [];
  for (const [o, n] of pairs) {
    const values = valueChanges(o.values, n.values);
    const changed = fields.filter((f) => JSON.stringify(o[f]) !== JSON.stringify(n[f])).map(String);
    const retitled = o.title !== n.title;
    if (values.length || changed.length || retitled)
      out.push({ old: o, new: n, retitled, values, fields: changed });
  }
  return out;
}

function lineKey(label: string): string {
  return foldText(label).replace(/\bo\b/g, "och");
}

function diffBudget(olds: readonly BudgetTable[], news: readonly BudgetTable[]): PlanDiff["budget"] {
  const out: PlanDiff["budget"] = {
    tablesAdded: [],
    tablesRemoved: [],
    linesAdded: [],
    linesRemoved: [],
    changed: [],
  };
  const used = new Set<BudgetTable>();
  for (const n of news) {
    const o =
      olds.find((t) => !used.has(t) && foldText(t.title) === foldText(n.title)) ??
      olds.find((t) => !used.has(t) && t.id === n.id);
    if (!o) {
      out.tablesAdded.push(n.title);
      continue;
    }
    used.add(o);
    const measurePairs = n.measures
      .map((nm) => {
        const om =
          o.measures.find((m) => foldText(m.label) === foldText(nm.label)) ??
          o.measures.find((m) => m.kind === nm.kind && m.year === nm.year);
        return om ? ([om, nm] as const) : null;
      })
      .filter((x): x is NonNullable<typeof x> => x !== null);
    const rows = (t: BudgetTable) => [
      ...t.lines,
      { id: "__total", label: t.total.label, values: t.total.values, aliases: [] as string[] },
    ];
    const oldRows = rows(o);
    for (const nl of rows(n)) {
      const names = [nl.label, ...(nl.aliases ?? [])].map(lineKey);
      const ol =
        nl.id === "__total"
          ? oldRows.find((r) => r.id === "__total")
          : oldRows.find(
              (r) =>
                r.id !== "__total" &&
                [r.label, ...(r.aliases ?? [])].map(lineKey).some((k) => names.includes(k)),
            );
      if (!ol) {
        out.linesAdded.push({ table: n.title, line: nl.label });
        continue;
      }
      oldRows.splice(oldRows.indexOf(ol), 1);
      for (const [om, nm] of measurePairs) {
        const ov = ol.values[om.id] ?? null;
        const nv = nl.values[nm.id] ?? null;
        // Compared in the new measure's unit, so a unit fix alone (2,6 tkr → 2,6 mnkr) shows as its own change.
        if (ov !== nv || om.unit !== nm.unit)
          out.changed.push({ table: n.title, line: nl.label, measure: nm.label, old: ov, new: nv });
      }
    }
    for (const r of oldRows) out.linesRemoved.push({ table: n.title, line: r.label });
  }
  for (const o of olds) if (!used.has(o)) out.tablesRemoved.push(o.title);
  return out;
}

export function diffPlans(oldPlan: Plan, newPlan: Plan): PlanDiff {
  const meta: PlanDiff["meta"] = [];
  for (const f of ["organisation", "body", "unit", "title", "year"] as const)
    if (oldPlan[f] !== newPlan[f]) meta.push({ field: f, old: oldPlan[f], new: newPlan[f] });
  if (oldPlan.document.reference !== newPlan.document.reference)
    meta.push({
      field: "document.reference",
      old: oldPlan.document.reference,
      new: newPlan.document.reference,
    });

  // Goals and indicators alike: paired by id/title, changes listed in the new plan's order.
  const items = <T extends Goal | Indicator>(olds: readonly T[], news: readonly T[], fields: (keyof T)[]) => {
    const p = pair(olds, news);
    p.pairs.sort((a, b) => news.indexOf(a[1]) - news.indexOf(b[1]));
    return { added: p.added, removed: p.removed, changed: changesOf(p.pairs, fields) };
  };
  const goals = items(oldPlan.goals, newPlan.goals, ["unit", "direction", "area"]);
  const indicators = items(oldPlan.scorecard, newPlan.scorecard, ["unit", "direction", "section"]);
  const budget = diffBudget(oldPlan.budgetTables, newPlan.budgetTables);
  const ct = (p: Plan) => new Set(p.commitments.map((c) => foldText(c.text)));
  const oldC = ct(oldPlan);
  const newC = ct(newPlan);
  const commitments = {
    added: newPlan.commitments.filter((c) => !oldC.has(foldText(c.text))).map((c) => c.text),
    removed: oldPlan.commitments.filter((c) => !newC.has(foldText(c.text))).map((c) => c.text),
  };
  const targetsChanged = goals.changed.reduce(
    (n, c) => n + c.values.filter((v) => v.kind === "target").length,
    0,
  );
  const same =
    !meta.length &&
    !goals.added.length &&
    !goals.removed.length &&
    !goals.changed.length &&
    !indicators.added.length &&
    !indicators.removed.length &&
    !indicators.changed.length &&
    !budget.tablesAdded.length &&
    !budget.tablesRemoved.length &&
    !budget.linesAdded.length &&
    !budget.linesRemoved.length &&
    !budget.changed.length &&
    !commitments.added.length &&
    !commitments.removed.length;
  return { meta, goals, indicators, budget, commitments, targetsChanged, same };
}
