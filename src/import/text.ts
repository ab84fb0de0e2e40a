/**
 * Plan import from a document's text (host-free). The seed format is one line per page with tables flattened;
 * a PDF's text layer arrives as the same DocumentText (with layout gaps marked), so both go through the same
 * recognisers: goals and åtaganden, styrkort, budget tables and amount lists, stated sums, counts.
 *
 * Defaulting rules, where a document does not say (each is also a per-item warning where it matters):
 * - goal value columns without a header: målvärde year−1, utfall (t o m <month> year−1, as the styrkort header
 *   says), målvärde year;
 * - goal unit: percent when a value or the title has %/procent; count when the title says "antal" or a value
 *   exceeds 100; index otherwise (warned unless the title says index/nöjd/engagemang…);
 * - goal direction: max for "max/högst", min for "minst", lower for "minska/sänka/lägre/färre", else higher;
 * - a budget table without a unit statement is in tkr; a column ≈ 1/1000 of the others with decimals is mnkr.
 */
import { parsePlan, type Plan } from "../plan/schema";
import { ImportContext } from "./context";
import { checkDocument } from "./docSums";
import { recogniseGoals } from "./goals";
import { recogniseFacts, recogniseMeta, recogniseRelations, recogniseScorecard } from "./prose";
import { recogniseTables } from "./tables";
import { documentFromPageLines } from "./tokens";
import type { DocumentText, ImportOptions, ImportResult } from "./types";

/** Imports a plan from a DocumentText (pages of tokens). Never throws on odd content: it warns instead. */
export function importDocument(doc: DocumentText, options: ImportOptions = {}): ImportResult {
  const ctx = new ImportContext(doc);
  if (ctx.tokens.length === 0) ctx.warn("document.no-text", "document", null, null, {});
  const meta = recogniseMeta(ctx, options.source ?? doc.source);
  const { short, owners, ...planMeta } = meta;
  const { goals, commitments } = recogniseGoals(ctx, meta.year, short);
  const { budgetTables, tables } = recogniseTables(ctx, short);
  // A table titled with another förvaltning's name is theirs ("Investeringsbudget konsult och uppdrag 2019" → KoU).
  for (const t of budgetTables) {
    const other = owners.find((o) => t.title.toLowerCase().includes(o.name));
    if (other) t.owner = other.short;
  }
  const scorecard = recogniseScorecard(ctx, meta.year);
  const relations = recogniseRelations(ctx, budgetTables);
  const facts = recogniseFacts(ctx, short);
  const plan: Plan = parsePlan({
    ...planMeta,
    goals,
    scorecard,
    budgetTables,
    relations,
    commitments,
    facts,
  });
  const findings = checkDocument(plan, tables, options.lang);
  return { plan, warnings: ctx.ordered(), findings, tables };
}

/** Imports from the seed text format: one line per page. */
export function importPlanFromText(text: string, options: ImportOptions = {}): ImportResult {
  return importDocument(documentFromPageLines(text, options.source), options);
}
