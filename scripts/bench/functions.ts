/**
 * Benchmark: 10 000 MALVARDE evaluations over mixed keys (ids, exact titles, fuzzy words, misses) on the
 * embedded plan, through the same `evaluate` as Excel and `plankoll fn`. Goal: ≤ 50 ms in total.
 * Each run starts from a fresh copy of the plan, so building the goal index is part of the figure; the
 * median of five runs is the figure, the first run (cold JIT) is shown too. A second series makes every
 * key new (no query cache) to show the index itself is fast.
 */
import { evaluate } from "../../src/functions/core";
import { embeddedPlan } from "../../src/plan/embedded";
import type { Plan } from "../../src/plan/schema";
import { median } from "../support/timing";

const CALLS = 10_000;
const GOAL_MS = 50;

/** A few words of each title that pick it out (the same kind of key a user types). */
const FUZZY = [
  "Nöjd politikerindex",
  "trygghet",
  "möjligheten till inflytande",
  "delaktighetsindex",
  "Föreningar förtroende",
  "bredband",
  "Förtätning",
  "större händelser",
  "500 företag",
  "arbetstillfällen",
  "företagsklimat",
  "SBA-undersökning",
  "Handelsindex",
  "förnybara bränslen",
  "jämställdhetsperspektiv",
  "antalet idéer",
  "miljöcertifierad arbetsplats",
  "förverkligade idéer",
  "kommunkoncernen sköter",
  "internportalen",
  "svar e-post",
  "kontakt med handläggare",
  "gott bemötande",
  "lätt att hitta",
  "medarbetarengagemang",
  "Total sjukfrånvaro",
  "födda utanför Norden",
  "stolta över",
  "avtalstrohet",
];
const MISSES = ["cykelbanor", "budgetdisciplin", "sjukfrånvaro cykel", "Andelen medarbetare", "xyz", "2019"];

function keys(plan: Plan): string[] {
  const ids = plan.goals.map((g) => g.id);
  const titles = plan.goals.map((g) => g.title);
  return [...ids, ...titles, ...FUZZY, ...MISSES];
}

function time(plan: Plan, queries: (i: number) => string): { ms: number; ok: number; errors: number } {
  let ok = 0;
  let errors = 0;
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) {
    const r = evaluate("MALVARDE", [queries(i), 2019], plan, "sv");
    if (r.ok) ok++;
    else errors++;
  }
  return { ms: performance.now() - start, ok, errors };
}

const RUNS = 5;

/** `RUNS` runs, each on a fresh copy of the plan (index built anew); the first one also pays for JIT warm-up. */
function series(queries: (plan: Plan) => (i: number) => string) {
  const runs = Array.from({ length: RUNS }, () => {
    const plan = structuredClone(embeddedPlan);
    return time(plan, queries(plan));
  });
  return { first: runs[0], median: median(runs.map((r) => r.ms)), ok: runs[0].ok, errors: runs[0].errors };
}

export async function run(): Promise<{ name: string; lines: string[] }> {
  const mixed = series((plan) => {
    const k = keys(plan);
    return (i) => k[i % k.length];
  });
  // Every query distinct (trailing spaces vary), so each one goes through the index, not the query cache.
  const fuzzy = [...FUZZY, ...MISSES];
  const uncached = series(() => (i) => fuzzy[i % fuzzy.length] + " ".repeat(Math.floor(i / fuzzy.length)));

  const perCall = (ms: number) => ((ms * 1000) / CALLS).toFixed(2);
  const ratio = (ms: number) => (ms / GOAL_MS).toFixed(3);
  const line = (label: string, s: ReturnType<typeof series>) =>
    `${label}: median of ${RUNS} ${s.median.toFixed(1)} ms total, ${perCall(s.median)} µs/call, ` +
    `${ratio(s.median)} × the ${GOAL_MS} ms goal; first (cold) run ${s.first.ms.toFixed(1)} ms, ` +
    `${ratio(s.first.ms)} × goal (${s.ok} values, ${s.errors} #N/A per run)`;
  return {
    name: "functions: 10 000 × MALVARDE",
    lines: [
      line(
        `mixed keys (${keys(embeddedPlan).length} distinct: ids, titles, fuzzy words, misses; index built per run)`,
        mixed,
      ),
      line("every key new (no query cache; fuzzy words and misses)", uncached),
    ],
  };
}
