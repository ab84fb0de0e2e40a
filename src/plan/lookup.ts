/**
 * Finding a goal or a budget line from what a user types: id, exact title, then Swedish word match.
 * Each plan gets one index, built on first use and cached per plan object: a sorted
 * array of title words searched by binary search for prefixes, so a lookup costs a few
 * O(log n) probes instead of a scan with edit distance. Resolved queries are cached too.
 */
import type { Lang } from "./i18n";
import { msg, type Message } from "../model/messages";
import type { Amount, BudgetLine, BudgetTable, Goal, Measure, MeasureKind, Plan, Relation } from "./schema";
import { contentWords, endSentence, foldText, stem, words } from "./text";

export type LookupResult<T> =
  { ok: true; item: T } | { ok: false; reason: "none" | "ambiguous"; message: string; candidates: T[] };

export type GoalLookup =
  { ok: true; goal: Goal } | { ok: false; reason: "none" | "ambiguous"; message: string; candidates: Goal[] };

export interface BudgetLineHit {
  table: BudgetTable;
  line: BudgetLine;
}

export type BudgetLineLookup =
  | ({ ok: true } & BudgetLineHit)
  | { ok: false; reason: "none" | "ambiguous"; message: string; candidates: BudgetLineHit[] };

/** How many candidates a message names. */
const MAX_CANDIDATES = 5;
/** Resolved queries kept per plan; cleared when full so odd inputs cannot grow memory without bound. */
const MAX_CACHED_QUERIES = 10_000;

interface Entry<T> {
  item: T;
  /** Folded content words of all names, for telling whole-word from prefix matches. */
  words: Set<string>;
  /** Every word of each name in order, for a query that is a contiguous phrase of a name. */
  phrases: string[][];
  stems: Set<string>;
  order: number;
}

/** Words of the user's query, folded and without stop words, each with its stem. */
interface QueryWord {
  word: string;
  stem: string;
}

interface Messages {
  none(query: string): string;
  closest: string;
  ambiguous(query: string): string;
  more(n: number): string;
  empty: string;
}

/**
 * The short form of an id as documents print it: "PM26-sjukfranvaro" is listed as "PM26" (also typed "pm 26"
 * or "PM 026"): letters and the number without leading zeros, "pm26". Undefined for ids of another shape.
 */
function printedId(text: string): string | undefined {
  const m = /^([a-z]+)\s*0*(\d+)(?:-|$)/.exec(foldText(text));
  return m ? `${m[1]}${m[2]}` : undefined;
}

/** `needle` (two words or more) occurs as consecutive words of `hay`. */
function hasPhrase(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length < 2) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export class TextIndex<T> {
  private readonly entries: Entry<T>[] = [];
  private readonly byId = new Map<string, T>();
  /** Printed ids ("pm26") that name exactly one item; null where two items share one. */
  private readonly byPrintedId = new Map<string, T | null>();
  private readonly byName = new Map<string, Entry<T>[]>();
  /** Sorted distinct words of all names, with the entries each occurs in. */
  private tokens: string[] = [];
  private postings: number[][] = [];
  private readonly cache = new Map<string, LookupResult<T>>();

  constructor(
    items: readonly T[],
    id: (item: T) => string,
    names: (item: T) => string[],
    private readonly label: (item: T) => string,
    private readonly messages: Record<Lang, Messages>,
    /** Narrows several equally good matches to the one meant, where the items say so (a total over its terms). */
    private readonly narrow: (items: T[]) => T[] = (items) => items,
    /** Abbreviations the documents use (folded "hme" → "Hållbart medarbetarengagemang"), read as what they stand for. */
    private readonly abbreviations: ReadonlyMap<string, string> = new Map(),
  ) {
    const postings = new Map<string, number[]>();
    items.forEach((item, order) => {
      const itemNames = names(item);
      const itemWords = new Set(itemNames.flatMap(contentWords));
      const entry: Entry<T> = {
        item,
        words: itemWords,
        phrases: itemNames.map(words),
        stems: new Set([...itemWords].map(stem)),
        order,
      };
      this.entries.push(entry);
      for (const name of itemNames) {
        const key = foldText(name);
        const list = this.byName.get(key);
        if (!list) this.byName.set(key, [entry]);
        else if (!list.includes(entry)) list.push(entry);
      }
      const key = foldText(id(item));
      if (!this.byId.has(key)) this.byId.set(key, item);
      const printed = printedId(key);
      if (printed !== undefined) this.byPrintedId.set(printed, this.byPrintedId.has(printed) ? null : item);
      for (const w of itemWords) {
        const list = postings.get(w);
        if (!list) postings.set(w, [order]);
        else if (list[list.length - 1] !== order) list.push(order);
      }
    });
    this.tokens = [...postings.keys()].sort();
    this.postings = this.tokens.map((t) => postings.get(t)!);
  }

  /** Entry numbers having a word that starts with `prefix`: binary search to the first, then walk. */
  private withPrefix(prefix: string, into: Set<number>): void {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.tokens[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.tokens.length && this.tokens[i].startsWith(prefix); i++) {
      for (const n of this.postings[i]) into.add(n);
    }
  }

  private matching(q: QueryWord): Set<number> {
    const found = new Set<number>();
    this.withPrefix(q.word, found);
    if (q.stem !== q.word) this.withPrefix(q.stem, found);
    return found;
  }

  /** Every entry whose names contain all content words of `query` (prefix match), in plan order. */
  matchAll(query: string): T[] {
    const qWords = [...new Set(contentWords(query))].map((w) => ({ word: w, stem: stem(w) }));
    if (qWords.length === 0) return this.entries.map((e) => e.item);
    const sets = qWords.map((q) => this.matching(q));
    return this.entries.filter((_, n) => sets.every((s) => s.has(n))).map((e) => e.item);
  }

  /** `shown` is the query as messages echo it (a number typed in a cell: "3,5" in Swedish), if not `query`. */
  find(query: string, lang: Lang = "sv", shown: string = query): LookupResult<T> {
    const key = `${lang}\u0000${query}\u0000${shown}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const result = this.resolve(query, lang, shown);
    if (this.cache.size >= MAX_CACHED_QUERIES) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }

  /** The query with each abbreviation no name has (HME) replaced by what it stands for. */
  private expand(query: string): string {
    if (this.abbreviations.size === 0) return query;
    return query.replace(/[\p{L}\p{N}]+/gu, (w) => {
      const folded = foldText(w);
      const long = this.abbreviations.get(folded);
      return long !== undefined && this.matching({ word: folded, stem: folded }).size === 0 ? long : w;
    });
  }

  private resolve(typed: string, lang: Lang, shown: string): LookupResult<T> {
    const m = this.messages[lang];
    const folded = foldText(typed);
    if (!folded) return { ok: false, reason: "none", message: m.empty, candidates: [] };

    const byId = this.byId.get(folded);
    if (byId !== undefined) return { ok: true, item: byId };
    const printed = printedId(folded);
    const byPrinted =
      printed !== undefined && /^[a-z]+\s*\d+$/.test(folded) ? this.byPrintedId.get(printed) : undefined;
    if (byPrinted) return { ok: true, item: byPrinted };
    const query = this.expand(typed);

    const exact = this.byName.get(foldText(query));
    if (exact) {
      const distinct = this.narrow([...new Set(exact.map((e) => e.item))]);
      if (distinct.length === 1) return { ok: true, item: distinct[0] };
      return this.ambiguous(shown, distinct, m);
    }

    const qWords: QueryWord[] = [...new Set(contentWords(query))].map((w) => ({ word: w, stem: stem(w) }));
    if (qWords.length === 0) {
      // Only stop words ("och"): fall back to the raw words so "HR"-like short names still work.
      const raw = words(query);
      if (raw.length === 0) return { ok: false, reason: "none", message: m.empty, candidates: [] };
      qWords.push(...raw.map((w) => ({ word: w, stem: w })));
    }

    const sets = qWords.map((q) => this.matching(q));
    let hits: number[] = [...sets[0]];
    for (let i = 1; i < sets.length && hits.length > 0; i++) hits = hits.filter((n) => sets[i].has(n));

    if (hits.length === 1) return { ok: true, item: this.entries[hits[0]].item };
    if (hits.length > 1) {
      // A query that is a run of consecutive words of a name ("idéer/förbättringsförslag uppgå") means that
      // name over others that only have its words as prefixes ("… förbättringsförslag till", "uppgår").
      const phrase = words(query);
      const inOrder = hits.filter((n) => this.entries[n].phrases.some((p) => hasPhrase(p, phrase)));
      if (inOrder.length > 0) hits = inOrder;
      if (hits.length === 1) return { ok: true, item: this.entries[hits[0]].item };
      // Prefer the entries matching more query words whole ("sjukfrånvaron" = "sjukfrånvaron"), not just as a prefix.
      const score = (n: number) => {
        const e = this.entries[n];
        return qWords.filter((q) => e.words.has(q.word) || e.stems.has(q.stem)).length;
      };
      const scored = hits.map((n) => ({ n, s: score(n) }));
      const best = Math.max(...scored.map((x) => x.s));
      const top = this.narrow(
        scored
          .filter((x) => x.s === best)
          .map((x) => x.n)
          .sort((a, b) => a - b)
          .map((n) => this.entries[n].item),
      );
      if (top.length === 1) return { ok: true, item: top[0] };
      return this.ambiguous(shown, top, m);
    }

    // No entry has every word: name those with most words in common as the closest.
    const counts = new Map<number, number>();
    for (const s of sets) for (const n of s) counts.set(n, (counts.get(n) ?? 0) + 1);
    const close = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_CANDIDATES)
      .map(([n]) => this.entries[n].item);
    const message =
      m.none(shown) +
      (close.length ? ` ${endSentence(`${m.closest} ${close.map((c) => this.label(c)).join("; ")}`)}` : "");
    return { ok: false, reason: "none", message, candidates: close };
  }

  private ambiguous(query: string, items: T[], m: Messages): LookupResult<T> {
    const shown = items.slice(0, MAX_CANDIDATES);
    const rest = items.length - shown.length;
    const listed = shown.map((c) => this.label(c)).join("; ");
    const message = endSentence(`${m.ambiguous(query)} ${listed}${rest > 0 ? m.more(rest) : ""}`);
    return { ok: false, reason: "ambiguous", message, candidates: shown };
  }
}

const GOAL_MESSAGES: Record<Lang, Messages> = {
  sv: {
    none: (q) => `Inget mål matchar "${q}".`,
    closest: "Närmast:",
    ambiguous: (q) => `Flera mål matchar "${q}":`,
    more: (n) => ` (och ${n} till)`,
    empty: "Ange ett mål: id, titel eller ord ur titeln.",
  },
  en: {
    none: (q) => `No goal matches "${q}".`,
    closest: "Closest:",
    ambiguous: (q) => `Several goals match "${q}":`,
    more: (n) => ` (and ${n} more)`,
    empty: "Give a goal: its id, title or words from the title.",
  },
};

const LINE_MESSAGES: Record<Lang, Messages> = {
  sv: {
    none: (q) => `Ingen budgetpost matchar "${q}".`,
    closest: "Närmast:",
    ambiguous: (q) => `Flera budgetposter matchar "${q}":`,
    more: (n) => ` (och ${n} till)`,
    empty: "Ange en budgetpost: id eller namn.",
  },
  en: {
    none: (q) => `No budget line matches "${q}".`,
    closest: "Closest:",
    ambiguous: (q) => `Several budget lines match "${q}":`,
    more: (n) => ` (and ${n} more)`,
    empty: "Give a budget line: its id or name.",
  },
};

const goalIndexes = new WeakMap<Plan, TextIndex<Goal>>();
const lineIndexes = new WeakMap<Plan, TextIndex<BudgetLineHit>>();

/**
 * Abbreviations the plan defines in its own text, "Hållbart medarbetarengagemang (HME)": folded "hme" → the
 * words before the parenthesis back to the one starting with its first letter (at most four words).
 */
function planAbbreviations(plan: Plan): Map<string, string> {
  const texts = [
    ...plan.goals.flatMap((g) => [g.title, g.note ?? ""]),
    ...plan.scorecard.map((s) => s.title),
    ...plan.commitments.map((c) => c.text),
  ];
  const out = new Map<string, string>();
  for (const text of texts) {
    for (const m of text.matchAll(/\(([A-ZÅÄÖ]{2,6})\)/g)) {
      const before = text.slice(0, m.index).trim().split(/\s+/).slice(-4);
      const first = foldText(m[1])[0];
      const start = before.map((w) => foldText(w)[0]).lastIndexOf(first);
      const key = foldText(m[1]);
      if (start >= 0 && !out.has(key)) out.set(key, before.slice(start).join(" "));
    }
  }
  return out;
}

/** The goal index of a plan, built once per plan object. */
export function goalIndex(plan: Plan): TextIndex<Goal> {
  let index = goalIndexes.get(plan);
  if (!index) {
    index = new TextIndex(
      plan.goals,
      (g) => g.id,
      (g) => [g.title],
      (g) => g.title,
      GOAL_MESSAGES,
      undefined,
      planAbbreviations(plan),
    );
    goalIndexes.set(plan, index);
  }
  return index;
}

/** Finds a goal by id (any case), exact title, or Swedish words of its title. */
export function findGoal(plan: Plan, query: string, lang: Lang = "sv", shown?: string): GoalLookup {
  const r = goalIndex(plan).find(query, lang, shown);
  return r.ok ? { ok: true, goal: r.item } : r;
}

const areaIndexes = new WeakMap<Plan, TextIndex<Goal>>();

/** The goals whose area path (strategiskt mål › processområde) has every word of `query`; all goals for "". */
export function goalsInArea(plan: Plan, query: string): Goal[] {
  let index = areaIndexes.get(plan);
  if (!index) {
    index = new TextIndex(
      plan.goals,
      (g) => g.id,
      (g) => g.area,
      (g) => g.title,
      GOAL_MESSAGES,
    );
    areaIndexes.set(plan, index);
  }
  return index.matchAll(query);
}

/** Every budget line of every table, plus each table's stated total as a line of its own. */
function budgetLines(plan: Plan): BudgetLineHit[] {
  const out: BudgetLineHit[] = [];
  for (const table of plan.budgetTables) {
    for (const line of table.lines) out.push({ table, line });
    out.push({
      table,
      line: { id: `${table.id}.total`, label: table.total.label, values: table.total.values },
    });
  }
  return out;
}

/** The budget-line index of a plan, built once per plan object. */
export function budgetLineIndex(plan: Plan): TextIndex<BudgetLineHit> {
  let index = lineIndexes.get(plan);
  if (!index) {
    const multi = plan.budgetTables.length > 1;
    index = new TextIndex(
      budgetLines(plan),
      (h) => h.line.id,
      (h) => [h.line.label, ...(h.line.aliases ?? [])],
      (h) => (multi ? `${h.line.label} (${h.table.title})` : h.line.label),
      LINE_MESSAGES,
    );
    lineIndexes.set(plan, index);
  }
  return index;
}

/** Finds a budget line (or a table's total) by id, label, alias or words of them, across all tables. */
export function findBudgetLine(
  plan: Plan,
  query: string,
  lang: Lang = "sv",
  shown?: string,
): BudgetLineLookup {
  const r = budgetLineIndex(plan).find(query, lang, shown);
  return r.ok ? { ok: true, table: r.item.table, line: r.item.line } : r;
}

/**
 * A figure BUDGET can return: a table's line or total, or an amount a relation states in words
 * ("Driftram 2019 = driftram i Årsplan 2019 + budgetregleringsposter"). A relation's amount is held as a
 * one-cell table: the plan year's Budget, in the amount's own unit (387,8 mnkr stays 387.8 unless the
 * caller converts), because a relation states one figure and no year of its own.
 */
export interface BudgetFigure extends BudgetLineHit {
  /** Where the figure is a relation's amount: that relation (the first, for a total several state). */
  relation?: Relation;
}

export type BudgetFigureLookup =
  | ({ ok: true } & BudgetFigure)
  | { ok: false; reason: "none" | "ambiguous"; message: string; candidates: BudgetFigure[] };

const figureIndexes = new WeakMap<Plan, TextIndex<BudgetFigure>>();

function amountFigure(plan: Plan, relation: Relation, amount: Amount, id: string): BudgetFigure {
  // Not "budget": findMeasure takes a measure's id as a direct hit, whatever the year asked.
  const measureId = `budget-${plan.year}`;
  const measure: Measure = {
    id: measureId,
    label: `Budget ${plan.year}`,
    kind: "budget",
    year: plan.year,
    unit: amount.unit,
  };
  const line: BudgetLine = { id, label: amount.label, values: { [measureId]: amount.value } };
  // A container only: `kind` is not read for relation figures.
  const table: BudgetTable = {
    id,
    title: relation.description,
    kind: "operating",
    measures: [measure],
    lines: [line],
    total: { label: amount.label, values: { [measureId]: amount.value } },
  };
  return { table, line, relation };
}

const inKr = (a: Amount) => Math.round(a.value * { kr: 1, tkr: 1e3, mnkr: 1e6 }[a.unit]);

/**
 * The figure index of a plan: every table line and total (a total also under its table's title:
 * "Investeringsbudget konsult och uppdrag 2019" means its Summa), then the relations' amounts. A term the
 * plan ties to a table cell (`source`) is that cell: its label becomes one more name of the cell. Totals
 * several relations state alike (label and amount) are one figure. Where a query matches a relation's
 * total and some of its terms equally ("Driftram": Driftram 2019 and Driftram i Årsplan 2019), the total
 * is meant: the terms are its parts.
 */
function budgetFigureIndex(plan: Plan): TextIndex<BudgetFigure> {
  let index = figureIndexes.get(plan);
  if (index) return index;
  const figures: BudgetFigure[] = budgetLines(plan);
  const names = new Map<BudgetFigure, string[]>(
    figures.map((f) => [f, [f.line.label, ...(f.line.aliases ?? [])]]),
  );
  for (const f of figures) if (f.line.id === `${f.table.id}.total`) names.get(f)!.push(f.table.title);
  const amountOf = new Map<BudgetFigure, Amount>();
  const termOf = new Map<BudgetFigure, Set<Relation>>();
  const totalOf = new Map<BudgetFigure, Set<Relation>>();
  const add = (map: Map<BudgetFigure, Set<Relation>>, f: BudgetFigure, r: Relation) => {
    const set = map.get(f);
    if (set) set.add(r);
    else map.set(f, new Set([r]));
  };
  const cell = (source: NonNullable<Amount["source"]>) =>
    figures.find(
      (f) =>
        !f.relation && f.table.id === source.table && f.line.id === (source.line ?? `${source.table}.total`),
    );
  for (const relation of plan.relations) {
    relation.terms.forEach((term, i) => {
      const tied = term.source && cell(term.source);
      if (tied) {
        names.get(tied)!.push(term.label);
        add(termOf, tied, relation);
        return;
      }
      const f = amountFigure(plan, relation, term, `${relation.id}.term${i + 1}`);
      figures.push(f);
      names.set(f, [term.label]);
      amountOf.set(f, term);
      add(termOf, f, relation);
    });
    const total = relation.total;
    const same = [...totalOf.keys()].find((f) => {
      const stated = amountOf.get(f)!;
      return foldText(stated.label) === foldText(total.label) && inKr(stated) === inKr(total);
    });
    if (same) {
      add(totalOf, same, relation);
      continue;
    }
    const f = amountFigure(plan, relation, total, `${relation.id}.total`);
    figures.push(f);
    names.set(f, [total.label]);
    amountOf.set(f, total);
    add(totalOf, f, relation);
  }
  const narrow = (items: BudgetFigure[]) => {
    const totals = new Set(items.flatMap((f) => [...(totalOf.get(f) ?? [])]));
    const left = items.filter((f) => ![...(termOf.get(f) ?? [])].some((r) => totals.has(r)));
    return left.length > 0 ? left : items;
  };
  const multi = plan.budgetTables.length > 1;
  index = new TextIndex(
    figures,
    (f) => f.line.id,
    (f) => names.get(f)!,
    (f) => (multi && !f.relation ? `${f.line.label} (${f.table.title})` : f.line.label),
    LINE_MESSAGES,
    narrow,
  );
  figureIndexes.set(plan, index);
  return index;
}

/** Finds what BUDGET returns for `query`: a table line or total, or a relation's amount (see budgetFigureIndex). */
export function findBudgetFigure(
  plan: Plan,
  query: string,
  lang: Lang = "sv",
  shown?: string,
): BudgetFigureLookup {
  const r = budgetFigureIndex(plan).find(query, lang, shown);
  return r.ok ? { ok: true, ...r.item } : r;
}

export type MeasureLookup =
  | { ok: true; measure: Measure }
  /** unknown: the word names no kind of measure (#VALUE!); missing: the table has no such column (#N/A). */
  | { ok: false; reason: "unknown" | "missing"; problem: Message };

const MEASURE_WORDS: Record<string, MeasureKind> = {
  budget: "budget",
  utfall: "outcome",
  outcome: "outcome",
  actual: "outcome",
  prognos: "forecast",
  forecast: "forecast",
};

/** Finds a table's measure (column) from a word (Budget/Utfall/Prognos, or the measure's id or label) and a year. */
export function findMeasure(
  table: BudgetTable,
  measureWord: string,
  year: number,
  shown: string = measureWord,
): MeasureLookup {
  const folded = foldText(measureWord);
  const direct = table.measures.find((m) => foldText(m.id) === folded || foldText(m.label) === folded);
  if (direct) return { ok: true, measure: direct };
  const kind = MEASURE_WORDS[folded];
  if (!kind) return { ok: false, reason: "unknown", problem: msg("lookup.measure.unknown", { shown }) };
  const measure = table.measures.find((m) => m.kind === kind && m.year === year);
  if (measure) return { ok: true, measure };
  return {
    ok: false,
    reason: "missing",
    problem: msg("lookup.measure.missing", {
      table: table.title,
      kind,
      year,
      available: table.measures.map((m) => m.label).join(", "),
    }),
  };
}

/**
 * What a formula should name a goal by so it survives next year's rewording of the title: the id as the plan
 * prints it ("PM26"), else the full id, else the title — the first that finds exactly this goal.
 */
export function goalKey(plan: Plan, goal: Goal): string {
  const printed = goal.id.split("-")[0];
  for (const key of [printed, goal.id, goal.title]) {
    const r = findGoal(plan, key);
    if (r.ok && r.goal === goal) return key;
  }
  return goal.id;
}
