/**
 * The plan's own consistency (`plankoll plan --check`, the import review): does the document agree with itself?
 * Budget-table totals against their lines, stated relations (driftram = årsplan + budgetregleringsposter),
 * relation terms against the table figures they quote, and the counts the text claims ("29 processmål").
 * Findings are document findings: sheet/cell null, page/row/column set.
 */
import { clean, convertMoney, moneyFactor } from "../plan/numbers";
import type { Amount, BudgetTable, Fact, Goal, Plan, Relation } from "../plan/schema";
import { msg, type FigureParam, type Message } from "../model/messages";
import type { Finding, RuleId, Severity } from "../model/types";
import { decimalsOf, halfUnit, roundingTolerance, unitOf } from "../model/precision";

/** Digits after the decimal point of a stored figure (28.0 is stored as 28: the column's other figures say 1). */
const figureDecimals = (value: number) => decimalsOf(value, "figure");

/** The precision a set of figures is given in: the most decimals any of them shows. */
export function precisionOf(values: readonly number[]): number {
  return values.reduce((d, v) => Math.max(d, figureDecimals(v)), 0);
}

function finding(
  rule: RuleId,
  severity: Severity,
  text: Message,
  expected: number | string | null,
  actual: number | string | null,
  page: number | null | undefined,
  row: string | null,
  column: string | null,
): Finding {
  return {
    rule,
    severity,
    sheet: null,
    cell: null,
    ...text,
    expected,
    actual,
    page: page ?? null,
    row,
    column,
  };
}

function checkTable(table: BudgetTable): Finding[] {
  const out: Finding[] = [];
  for (const m of table.measures) {
    const stated = table.total.values[m.id];
    if (stated === null || stated === undefined) continue;
    const lines = table.lines.map((l) => l.values[m.id]).filter((v): v is number => typeof v === "number");
    if (lines.length === 0) continue;
    const sum = clean(lines.reduce((s, v) => s + v, 0));
    const decimals = precisionOf([...lines, stated]);
    const tolerance = clean(roundingTolerance(lines.length, unitOf(decimals)));
    const diff = clean(stated - sum);
    // A hair over the tolerance is binary noise, not a finding.
    if (Math.abs(diff) <= tolerance + 1e-9) continue;
    const message = msg("table.total", {
      table: table.title,
      page: table.page ?? null,
      total: table.total.label,
      measure: m.label,
      actual: { value: stated, decimals, unit: m.unit },
      expected: { value: sum, decimals, unit: m.unit },
      diff: { value: diff, decimals, unit: m.unit },
      tolerance: { value: tolerance, unit: m.unit },
    });
    out.push(finding("sum.mismatch", "error", message, sum, stated, table.page, table.total.label, m.label));
  }
  return out;
}

function describeTerms(terms: readonly Amount[]): FigureParam[] {
  return terms.map((t) => ({ value: t.value, decimals: figureDecimals(t.value), unit: t.unit }));
}

function checkRelation(plan: Plan, r: Relation): Finding[] {
  const out: Finding[] = [];
  const unit = r.total.unit;
  const sum = clean(r.terms.reduce((s, t) => s + convertMoney(t.value, t.unit, unit), 0));
  // Each term may be rounded by half a unit of its own precision; expressed in the total's unit.
  const tolerance = r.terms.reduce(
    (s, t) => s + halfUnit(figureDecimals(t.value)) * moneyFactor(t.unit, unit),
    0,
  );
  const diff = clean(r.total.value - sum);
  const decimals = Math.max(figureDecimals(r.total.value), figureDecimals(sum));
  if (Math.abs(diff) > tolerance + 1e-9) {
    const message = msg("relation.sum", {
      description: r.description,
      terms: describeTerms(r.terms),
      expected: { value: sum, decimals, unit },
      actual: { value: r.total.value, decimals, unit },
      diff: { value: diff, decimals, unit },
    });
    out.push(finding("plan.inconsistent", "error", message, sum, r.total.value, r.page, r.total.label, null));
  }
  for (const t of r.terms) {
    if (!t.source) continue;
    const { table: tableId, line: lineId, measure: measureId } = t.source;
    const table = plan.budgetTables.find((b) => b.id === tableId);
    const measure = table?.measures.find((m) => m.id === measureId);
    const values = lineId ? table?.lines.find((l) => l.id === lineId)?.values : table?.total.values;
    const value = values?.[measureId];
    const ref = `${tableId}${lineId ? `/${lineId}` : ""}/${measureId}`;
    if (!table || !measure || value === undefined) {
      const message = msg("relation.source.missing", {
        description: r.description,
        term: t.label,
        ref,
      });
      out.push(finding("plan.inconsistent", "warning", message, ref, null, r.page, t.label, null));
      continue;
    }
    if (value === null) continue;
    const inTermUnit = convertMoney(value, measure.unit, t.unit);
    // The term may quote the table in a coarser unit (387,8 mnkr for 387 800 tkr): half a unit of its precision.
    if (Math.abs(inTermUnit - t.value) <= halfUnit(figureDecimals(t.value)) + 1e-9) continue;
    const message = msg("relation.source", {
      description: r.description,
      term: t.label,
      table: table.title,
      actual: { value: t.value, unit: t.unit },
      expected: { value: inTermUnit, unit: t.unit },
    });
    out.push(
      finding("plan.inconsistent", "error", message, inTermUnit, t.value, r.page, t.label, measure.label),
    );
  }
  return out;
}

/** Whether a value reaches a target, honouring the goal's direction (max/lower: at most; min/higher: at least). */
export function reaches(goal: Goal, value: number, target: number): boolean {
  return goal.direction === "max" || goal.direction === "lower" ? value <= target : value >= target;
}

/** The latest outcome before `year` and the target for `year`; null parts where the plan has none. */
export function progressOf(
  goal: Goal,
  year: number,
): { outcome: number | null; asOf?: string; outcomeYear: number | null; target: number | null } {
  const target = goal.values.find((v) => v.kind === "target" && v.period === year)?.value ?? null;
  const outcomes = goal.values
    .filter((v) => v.kind === "outcome" && v.period < year && v.value !== null)
    .sort((a, b) => b.period - a.period);
  const o = outcomes[0];
  return { outcome: o?.value ?? null, asOf: o?.asOf, outcomeYear: o?.period ?? null, target };
}

function checkCount(plan: Plan, fact: Fact): Finding[] {
  const stated = fact.value;
  const label = fact.label;
  switch (fact.counts) {
    case "goals": {
      const found = plan.goals.length;
      if (found === stated) return [];
      const message = msg("count.goals", { actual: stated, expected: found });
      return [finding("plan.inconsistent", "error", message, found, stated, fact.page, label, null)];
    }
    case "commitments":
    case "ownCommitments": {
      const own = fact.counts === "ownCommitments";
      const listed = plan.commitments.filter((c) => !fact.owner || c.owner === fact.owner);
      // A plan file that lists no commitments at all cannot contradict a count; only a listed set can.
      if (listed.length === 0) return [];
      const found = listed.filter((c) => (own ? c.origin === "own" : c.origin !== "own")).length;
      if (found === stated) return [];
      const message = msg("count.commitments", { actual: stated, expected: found, what: fact.counts });
      return [finding("plan.inconsistent", "warning", message, found, stated, fact.page, label, null)];
    }
    case "goalsNotReached": {
      let notReached = 0;
      let reached = 0;
      let unassessable = 0;
      let asOf: string | undefined;
      let outcomeYear: number | null = null;
      for (const g of plan.goals) {
        const p = progressOf(g, plan.year);
        if (p.outcome === null || p.target === null) {
          unassessable++;
          continue;
        }
        asOf ??= p.asOf;
        outcomeYear ??= p.outcomeYear;
        if (reaches(g, p.outcome, p.target)) reached++;
        else notReached++;
      }
      if (notReached === stated) return [];
      const message = msg("count.notReached", {
        actual: stated,
        expected: notReached,
        assessable: notReached + reached,
        unassessable,
        year: plan.year,
        outcomeYear: outcomeYear ?? plan.year - 1,
        asOf: asOf ?? null,
        reached: reached === stated ? reached : null,
      });
      // Never an error: the text may count differently. With partial-year outcomes ("t o m augusti") the
      // figures cannot contradict a full-year claim, so it is only worth knowing (info); else a warning.
      const severity = asOf ? "info" : "warning";
      return [finding("plan.inconsistent", severity, message, notReached, stated, fact.page, label, null)];
    }
    default:
      return [];
  }
}

function checkDuplicateIds(
  ids: readonly string[],
  what: "goals" | "indicators" | "lines" | "tables",
): Finding[] {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n > 1)
    .map(([id, count]) =>
      finding(
        "plan.inconsistent",
        "error",
        msg("duplicate.id", { id, count, what }),
        null,
        id,
        null,
        id,
        null,
      ),
    );
}

/** The plan's own inconsistencies, in document order: tables, relations, counts, duplicate ids. */
export function checkPlan(plan: Plan): Finding[] {
  return [
    ...plan.budgetTables.flatMap((t) => checkTable(t)),
    ...plan.relations.flatMap((r) => checkRelation(plan, r)),
    ...plan.facts.flatMap((f) => checkCount(plan, f)),
    ...checkDuplicateIds(
      plan.goals.map((g) => g.id),
      "goals",
    ),
    ...checkDuplicateIds(
      plan.scorecard.map((i) => i.id),
      "indicators",
    ),
    ...checkDuplicateIds(
      plan.budgetTables.map((t) => t.id),
      "tables",
    ),
    ...plan.budgetTables.flatMap((t) =>
      checkDuplicateIds(
        t.lines.map((l) => l.id),
        "lines",
      ),
    ),
  ];
}
