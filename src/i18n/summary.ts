/**
 * A readable summary of a plan (what `plankoll plan` prints, and what the task pane can show): goals by area with
 * their three values, the styrkort, the budget tables with each measure's unit, relations and facts.
 * Pure and host-free; Swedish by default, English headings with `lang = "en"`.
 */
import type { Lang } from "../plan/i18n";
import { clean, formatSvNumber } from "../plan/numbers";
import type { BudgetTable, Goal, Indicator, Plan, PeriodValue, Relation } from "../plan/schema";
import { decimalsOf } from "../model/precision";

const T = {
  document: { sv: "Dokument", en: "Document" },
  goals: { sv: "Processmål", en: "Process goals" },
  target: { sv: "Mål", en: "Target" },
  outcome: { sv: "Utfall", en: "Outcome" },
  scorecard: { sv: "Styrkort", en: "Scorecard" },
  page: { sv: "s.", en: "p." },
  relations: { sv: "Samband i texten", en: "Relations stated in the text" },
  facts: { sv: "Uppgifter", en: "Facts" },
  commitments: { sv: "Åtaganden", en: "Commitments" },
  annualPlan: { sv: "från årsplanen", en: "from the annual plan" },
  own: { sv: "egna", en: "own" },
  other: { sv: "övriga", en: "other" },
  counts: { sv: "Innehåll", en: "Contents" },
  // [one, many]
  goalsWord: { sv: ["processmål", "processmål"], en: ["process goal", "process goals"] },
  indicatorsWord: {
    sv: ["styrkortsmått", "styrkortsmått"],
    en: ["scorecard indicator", "scorecard indicators"],
  },
  tablesWord: { sv: ["budgettabell", "budgettabeller"], en: ["budget table", "budget tables"] },
  relationsWord: { sv: ["samband", "samband"], en: ["relation", "relations"] },
  commitmentsWord: { sv: ["åtagande", "åtaganden"], en: ["commitment", "commitments"] },
  factsWord: { sv: ["uppgift", "uppgifter"], en: ["fact", "facts"] },
  direction: {
    sv: {
      higher: "högre är bättre",
      lower: "lägre är bättre",
      min: "minst målvärdet",
      max: "högst målvärdet",
    },
    en: {
      higher: "higher is better",
      lower: "lower is better",
      min: "at least the target",
      max: "at most the target",
    },
  },
} as const;

/** Digits after the point of a stored figure. */
const figureDecimals = (value: number) => decimalsOf(value, "figure");

function precision(values: readonly (number | null | undefined)[]): number {
  return values.reduce<number>((d, v) => (typeof v === "number" ? Math.max(d, figureDecimals(v)) : d), 0);
}

/** A number as the user's language writes it; sv-SE uses no-break-space groups and a decimal comma. */
export function formatNumber(value: number, lang: Lang, decimals?: number): string {
  if (lang === "sv") return formatSvNumber(value, decimals);
  const d = decimals ?? Math.min(figureDecimals(value), 3);
  return clean(value).toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** A goal's or indicator's figure with its unit: "3,0 %", "85", "25 328 tkr"; "–" where the plan has none. */
export function formatFigure(
  value: number | null,
  unit: string | undefined,
  lang: Lang,
  decimals?: number,
): string {
  if (value === null) return "–";
  const n = formatNumber(value, lang, decimals);
  return unit ? `${n}\u00a0${unit}` : n;
}

function pick(
  values: readonly PeriodValue[],
  period: number,
  kind: PeriodValue["kind"],
): PeriodValue | undefined {
  return values.find((v) => v.period === period && v.kind === kind);
}

/** The value columns a set of goals has, in order: 2018 target, 2018 outcome, 2019 target. */
function goalColumns(goals: readonly Goal[]): { period: number; kind: PeriodValue["kind"]; asOf?: string }[] {
  const seen = new Map<string, { period: number; kind: PeriodValue["kind"]; asOf?: string }>();
  for (const g of goals)
    for (const v of g.values) {
      const key = `${v.period}/${v.kind}`;
      if (!seen.has(key)) seen.set(key, { period: v.period, kind: v.kind, asOf: v.asOf });
    }
  return [...seen.values()].sort((a, b) => a.period - b.period || (a.kind === "target" ? -1 : 1));
}

function goalUnit(goal: Goal | Indicator): string | undefined {
  if (goal.unit === "percent") return "%";
  if ("unitLabel" in goal && goal.unitLabel && goal.unitLabel !== "index" && goal.unitLabel !== "%")
    return goal.unitLabel;
  return undefined;
}

const MONTHS = {
  sv: [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

/**
 * The date an outcome is given for, as the document words it ("t o m augusti 2018", till och med = through);
 * in English the usual Swedish form is translated, anything else is kept as written (it is the document's).
 */
export function asOfText(asOf: string, lang: Lang): string {
  if (lang === "sv") return asOf;
  const m = /^(?:t\.?\s*o\.?\s*m\.?|till och med)\s+(\p{L}+)\s+(\d{4})$/iu.exec(asOf.trim());
  const month = m ? MONTHS.sv.indexOf(m[1].toLowerCase()) : -1;
  return m && month >= 0 ? `through ${MONTHS.en[month]} ${m[2]}` : asOf;
}

function columnHeader(c: { period: number; kind: PeriodValue["kind"]; asOf?: string }, lang: Lang): string {
  const word = c.kind === "target" ? T.target[lang] : T.outcome[lang];
  return c.asOf ? `${word} ${asOfText(c.asOf, lang)}` : `${word} ${c.period}`;
}

function renderGoals(plan: Plan, lang: Lang): string[] {
  const goals = plan.goals;
  if (goals.length === 0) return [`${T.goals[lang]} (0)`];
  const cols = goalColumns(goals);
  const cells = goals.map((g) => {
    const d = precision(g.values.map((v) => v.value));
    return cols.map((c) =>
      formatFigure(pick(g.values, c.period, c.kind)?.value ?? null, goalUnit(g), lang, d),
    );
  });
  const widths = cols.map((_, i) => Math.max(4, ...cells.map((r) => r[i].length)));
  const out = [`${T.goals[lang]} (${goals.length}) – ${cols.map((c) => columnHeader(c, lang)).join(" | ")}`];
  let area = "";
  goals.forEach((g, gi) => {
    const path = g.area.join(" › ");
    if (path !== area) {
      out.push("", path);
      area = path;
    }
    const values = cells[gi].map((c, i) => c.padStart(widths[i])).join(" | ");
    const dir = g.direction === "min" || g.direction === "max" ? ` (${T.direction[lang][g.direction]})` : "";
    out.push(`  ${values}   ${g.title}${dir}  [${g.id}]`);
    const notes = [...new Set(g.values.filter((v) => v.value === null && v.note).map((v) => v.note!))];
    for (const n of notes) out.push(`  ${" ".repeat(values.length)}   – ${n}`);
  });
  return out;
}

function renderScorecard(plan: Plan, lang: Lang): string[] {
  if (plan.scorecard.length === 0) return [];
  const out = ["", T.scorecard[lang]];
  let section = "";
  for (const ind of plan.scorecard) {
    if (ind.section !== section) out.push(ind.section);
    section = ind.section;
    const d = precision(ind.values.map((v) => v.value));
    const parts = ind.values.map((v) => {
      const head =
        v.kind === "target"
          ? `${T.target[lang]} ${v.period}`
          : `${T.outcome[lang]} ${v.asOf ? asOfText(v.asOf, lang) : v.period}`;
      const note = v.note ? ` (${v.note})` : "";
      return `${head}: ${formatFigure(v.value, goalUnit(ind), lang, d)}${note}`;
    });
    out.push(`  ${ind.title}`, ...parts.map((p) => `      ${p}`));
  }
  return out;
}

function renderTable(table: BudgetTable, lang: Lang): string[] {
  const head = `${table.title}${table.owner ? ` (${table.owner})` : ""}${table.page ? `, ${T.page[lang]} ${table.page}` : ""}`;
  const out = ["", table.unitNote ? `${head} – ${table.unitNote}` : head];
  const rows = [
    ...table.lines.map((l) => ({ label: l.label, values: l.values })),
    { label: table.total.label, values: table.total.values },
  ];
  const decimals = table.measures.map((m) => precision(rows.map((r) => r.values[m.id])));
  const cells = rows.map((r) =>
    table.measures.map((m, i) => {
      const v = r.values[m.id];
      return v === null || v === undefined ? "–" : formatNumber(v, lang, decimals[i]);
    }),
  );
  const widths = table.measures.map((m, i) =>
    Math.max(m.label.length, m.unit.length, ...cells.map((c) => c[i].length)),
  );
  const line = (parts: string[]) => "  " + parts.map((p, i) => p.padStart(widths[i])).join("  ");
  out.push(line(table.measures.map((m) => m.label)), line(table.measures.map((m) => m.unit)));
  rows.forEach((r, ri) => out.push(`${line(cells[ri])}   ${r.label}`));
  // Measures sharing one note (Utfall 2017 and Prognos 2018 in mnkr) get it once.
  const notes = new Map<string, string[]>();
  for (const m of table.measures) if (m.note) notes.set(m.note, [...(notes.get(m.note) ?? []), m.label]);
  for (const [note, labels] of notes) out.push(`  * ${labels.join(", ")}: ${note}`);
  return out;
}

function renderRelation(r: Relation, lang: Lang): string {
  const amount = (a: { label: string; value: number; unit: string }) =>
    `${a.label} ${formatNumber(a.value, lang)}\u00a0${a.unit}`;
  const terms = r.terms.map(amount).join(" + ");
  return `  ${amount(r.total)} = ${terms}${r.page ? ` (${T.page[lang]} ${r.page})` : ""}`;
}

function renderCommitments(plan: Plan, lang: Lang): string[] {
  if (plan.commitments.length === 0) return [];
  const owners = [...new Set(plan.commitments.map((c) => c.owner ?? "–"))];
  const parts = owners.map((o) => {
    const mine = plan.commitments.filter((c) => (c.owner ?? "–") === o);
    const annual = mine.filter((c) => c.origin === "annualPlan").length;
    const own = mine.filter((c) => c.origin === "own").length;
    const other = mine.length - annual - own;
    const split = [
      annual ? `${annual} ${T.annualPlan[lang]}` : "",
      own ? `${own} ${T.own[lang]}` : "",
      other ? `${other} ${T.other[lang]}` : "",
    ].filter(Boolean);
    return `${o}: ${mine.length}${split.length ? ` (${split.join(", ")})` : ""}`;
  });
  return ["", `${T.commitments[lang]}: ${plan.commitments.length} – ${parts.join("; ")}`];
}

const count = (n: number, [one, many]: readonly [string, string]) => `${n} ${n === 1 ? one : many}`;

/** The whole summary as lines of text. */
export function planSummary(plan: Plan, lang: Lang = "sv"): string {
  const doc = plan.document;
  const out = [
    `${plan.organisation} – ${plan.body}, ${plan.unit}`,
    `${plan.title} (${plan.year})`,
    `${T.document[lang]}: ${doc.reference}${doc.date ? `, ${doc.date}` : ""} – ${doc.title}`,
    "",
    `${T.counts[lang]}: ${[
      count(plan.goals.length, T.goalsWord[lang]),
      count(plan.scorecard.length, T.indicatorsWord[lang]),
      count(plan.budgetTables.length, T.tablesWord[lang]),
      count(plan.relations.length, T.relationsWord[lang]),
      count(plan.commitments.length, T.commitmentsWord[lang]),
      count(plan.facts.length, T.factsWord[lang]),
    ].join(", ")}`,
    "",
    ...renderGoals(plan, lang),
    ...renderScorecard(plan, lang),
    ...plan.budgetTables.flatMap((t) => renderTable(t, lang)),
  ];
  if (plan.relations.length)
    out.push("", T.relations[lang], ...plan.relations.map((r) => renderRelation(r, lang)));
  out.push(...renderCommitments(plan, lang));
  if (plan.facts.length) {
    out.push("", T.facts[lang]);
    for (const f of plan.facts) {
      const unit = f.unit ? ` ${f.unit}` : "";
      const meta = [f.owner, f.period, f.page ? `${T.page[lang]} ${f.page}` : ""].filter(Boolean).join(", ");
      out.push(
        `  ${f.label}: ${formatNumber(f.value, lang)}${unit}${meta ? ` (${meta})` : ""}${f.note ? ` – ${f.note}` : ""}`,
      );
    }
  }
  return out.join("\n") + "\n";
}
