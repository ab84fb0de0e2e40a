/**
 * The plan as data: a versioned JSON schema, validated at run time with zod.
 * The embedded Eskilstuna plan and every user-supplied plan file go through `parsePlan`.
 */
import { z } from "zod";

export const PLAN_SCHEMA_VERSION = 1;

/** What a goal's or indicator's figure is: percent values are stored as the document states them (3,0 % → 3). */
export const UnitKind = z.enum(["percent", "index", "count", "amount"]);
/** higher/lower = the more/less the better; min = at least the target; max = at most the target. */
export const Direction = z.enum(["higher", "lower", "min", "max"]);
export const ValueKind = z.enum(["target", "outcome"]);
export const MoneyUnit = z.enum(["kr", "tkr", "mnkr"]);

const nonEmpty = z.string().trim().min(1);
const year = z.number().int().min(1900).max(2200);
const page = z.number().int().positive();

export const PeriodValue = z.strictObject({
  /** The year the value belongs to. */
  period: year,
  kind: ValueKind,
  /** null where the document gives no figure; then `note` says why ("Fastställs senare"). */
  value: z.number().finite().nullable(),
  note: z.string().optional(),
  /** A partial period, e.g. "t o m augusti 2018". */
  asOf: z.string().optional(),
});

export const Goal = z
  .strictObject({
    id: nonEmpty,
    title: nonEmpty,
    /** Strategiskt mål › processområde (or perspective › strategiskt mål › processområde). */
    area: z.array(nonEmpty).min(1),
    unit: UnitKind,
    direction: Direction,
    values: z.array(PeriodValue),
    note: z.string().optional(),
    page: page.optional(),
  })
  .superRefine((g, ctx) => {
    const seen = new Set<string>();
    g.values.forEach((v, i) => {
      const key = `${v.period}/${v.kind}`;
      if (seen.has(key)) {
        ctx.addIssue({ code: "custom", path: ["values", i], message: `duplicate value for ${key}` });
      }
      seen.add(key);
      if (v.value === null && !v.note) {
        ctx.addIssue({
          code: "custom",
          path: ["values", i, "note"],
          message: "a missing value needs a note",
        });
      }
    });
  });

/** A styrkort (scorecard) indicator: like a goal, grouped by section (MEDARBETARE, EKONOMI). */
export const Indicator = z.strictObject({
  id: nonEmpty,
  title: nonEmpty,
  section: nonEmpty,
  unit: UnitKind,
  /** The unit as the document prints it, e.g. "tkr" or "%". */
  unitLabel: z.string().optional(),
  direction: Direction.optional(),
  values: z.array(PeriodValue),
  page: page.optional(),
});

export const MeasureKind = z.enum(["budget", "outcome", "forecast"]);

export const Measure = z.strictObject({
  id: nonEmpty,
  /** As the column header says: "Budget 2019". */
  label: nonEmpty,
  kind: MeasureKind,
  year,
  unit: MoneyUnit,
  note: z.string().optional(),
});

export const BudgetLine = z.strictObject({
  id: nonEmpty,
  label: nonEmpty,
  /** measure id → figure in that measure's unit; null where the document has none. */
  values: z.record(z.string(), z.number().finite().nullable()),
  /** Other names the line goes by ("Ekonomi och kvalitet"). */
  aliases: z.array(nonEmpty).optional(),
});

export const BudgetTable = z
  .strictObject({
    id: nonEmpty,
    title: nonEmpty,
    kind: z.enum(["operating", "investment"]),
    /** Whose table it is (KLK, KoU). */
    owner: z.string().optional(),
    /** The document's own unit statement, e.g. "Alla belopp i tkr." */
    unitNote: z.string().optional(),
    measures: z.array(Measure).min(1),
    lines: z.array(BudgetLine).min(1),
    /** The total as the document states it (not computed). */
    total: z.strictObject({
      label: nonEmpty,
      values: z.record(z.string(), z.number().finite().nullable()),
    }),
    note: z.string().optional(),
    page: page.optional(),
  })
  .superRefine((t, ctx) => {
    const ids = new Set(t.measures.map((m) => m.id));
    const check = (values: Record<string, number | null>, path: (string | number)[]) => {
      for (const key of Object.keys(values)) {
        if (!ids.has(key))
          ctx.addIssue({ code: "custom", path: [...path, key], message: `unknown measure "${key}"` });
      }
    };
    t.lines.forEach((l, i) => check(l.values, ["lines", i, "values"]));
    check(t.total.values, ["total", "values"]);
  });

export const Amount = z.strictObject({
  label: nonEmpty,
  value: z.number().finite(),
  unit: MoneyUnit,
  /** Where the plan also states this figure (a budget table cell; no line = the table's total), so checks can tie the two. */
  source: z.strictObject({ table: nonEmpty, line: nonEmpty.optional(), measure: nonEmpty }).optional(),
});

/** A sum the document states in words: total = Σ terms (driftram = årsplan + budgetregleringsposter). */
export const Relation = z.strictObject({
  id: nonEmpty,
  description: nonEmpty,
  terms: z.array(Amount).min(1),
  total: Amount,
  page: page.optional(),
});

/** Åtagande: a commitment, with the bodies responsible for it. */
export const Commitment = z.strictObject({
  id: nonEmpty,
  text: nonEmpty,
  responsible: z.array(nonEmpty),
  area: z.array(nonEmpty),
  /** Whose plan lists it (KLK, KoU). */
  owner: z.string().optional(),
  /** annualPlan = from the kommun's Årsplan (shared with other nämnder); own = the förvaltning's own. */
  origin: z.enum(["annualPlan", "own"]).optional(),
  page: page.optional(),
});

/** A stated fact (staffing, counts such as "29 processmål"). `counts` names what it counts, for cross-checks. */
export const Fact = z.strictObject({
  id: nonEmpty,
  label: nonEmpty,
  value: z.number().finite(),
  unit: z.string().optional(),
  period: z.string().optional(),
  counts: z.enum(["goals", "goalsNotReached", "commitments", "ownCommitments"]).optional(),
  /** Whose figure it is (KLK, KoU); counts of commitments only count that owner's. */
  owner: z.string().optional(),
  page: page.optional(),
  note: z.string().optional(),
});

export const Plan = z.strictObject({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  id: nonEmpty,
  organisation: nonEmpty,
  /** Nämnd: Kommunstyrelsen. */
  body: nonEmpty,
  /** Förvaltning: Kommunledningskontoret (KLK). */
  unit: nonEmpty,
  title: nonEmpty,
  year,
  document: z.strictObject({
    reference: nonEmpty,
    title: nonEmpty,
    date: z.string().optional(),
    source: z.string().optional(),
  }),
  goals: z.array(Goal),
  scorecard: z.array(Indicator),
  budgetTables: z.array(BudgetTable),
  relations: z.array(Relation),
  commitments: z.array(Commitment),
  facts: z.array(Fact),
});

export type UnitKind = z.infer<typeof UnitKind>;
export type Direction = z.infer<typeof Direction>;
export type ValueKind = z.infer<typeof ValueKind>;
export type MoneyUnit = z.infer<typeof MoneyUnit>;
export type PeriodValue = z.infer<typeof PeriodValue>;
export type Goal = z.infer<typeof Goal>;
export type Indicator = z.infer<typeof Indicator>;
export type MeasureKind = z.infer<typeof MeasureKind>;
export type Measure = z.infer<typeof Measure>;
export type BudgetLine = z.infer<typeof BudgetLine>;
export type BudgetTable = z.infer<typeof BudgetTable>;
export type Amount = z.infer<typeof Amount>;
export type Relation = z.infer<typeof Relation>;
export type Commitment = z.infer<typeof Commitment>;
export type Fact = z.infer<typeof Fact>;
export type Plan = z.infer<typeof Plan>;

/** One schema problem, as much of zod's issue as the words need, with what the file has at the path. */
export interface PlanIssue {
  /** "goals[3].id"; "(plan)" for the whole file. */
  path: string;
  code: string;
  expected?: string;
  /** typeof what the file has there ("undefined" when the field is missing). */
  received: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  values?: readonly unknown[];
  keys?: readonly string[];
  /** zod's (or our schema's own) English message, used where no better words exist. */
  message: string;
}

export class PlanValidationError extends Error {
  constructor(
    message: string,
    /** One line per problem: "goals[3].values[0].value: expected number, received string". */
    readonly problems: string[],
    /** The same problems as data, for words in the user's language (planProblems in src/i18n). */
    readonly issues: PlanIssue[] = [],
  ) {
    super(message);
    this.name = "PlanValidationError";
  }
}

/** What the data has at a path: "undefined" where the field is missing, "array", "null" or typeof. */
function receivedAt(data: unknown, path: readonly PropertyKey[]): string {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== "object") return "undefined";
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || "(plan)";
}

/** Validates unknown data as a plan; throws PlanValidationError naming each bad field. */
export function parsePlan(data: unknown): Plan {
  const result = Plan.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
  const issues: PlanIssue[] = result.error.issues.map((i) => {
    const x = i as typeof i & Partial<Omit<PlanIssue, "path" | "received">>;
    return {
      path: formatPath(i.path),
      code: i.code,
      expected: typeof x.expected === "string" ? x.expected : undefined,
      received: receivedAt(data, i.path),
      minimum: x.minimum,
      maximum: x.maximum,
      origin: x.origin,
      values: x.values,
      keys: x.keys,
      message: i.message,
    };
  });
  throw new PlanValidationError(`Ogiltig plan / invalid plan: ${problems[0]}`, problems, issues);
}
