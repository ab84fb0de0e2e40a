/**
 * Rendering at the edge: a finding (message id + parameters) in the reader's language. The CLI, the pane and the
 * report sheet call these; rules and importers never do.
 */
import type { Message } from "../model/messages";
import type { Finding, FindingFields } from "../model/types";
import type { Lang } from "../plan/i18n";
import type { Catalogue } from "./catalogue";
import { en, META_FIELDS as EN_FIELDS, PLAN_TABLE_WORDS as EN_TABLE_WORDS } from "./en";
import { FORMATS, type NumberFormat } from "./format";
import { sv, META_FIELDS as SV_FIELDS, PLAN_TABLE_WORDS as SV_TABLE_WORDS } from "./sv";

const META_FIELDS = { sv: SV_FIELDS, en: EN_FIELDS };

export const CATALOGUES: Record<Lang, Catalogue> = { sv, en };

/** A message in a language. */
export function render(m: Message, lang: Lang): string {
  const template = CATALOGUES[lang][m.messageId] as (p: Message["params"], f: NumberFormat) => string;
  return template(m.params, FORMATS[lang]);
}

/** A finding as shown: its text in place of id and parameters, in the JSON contract's field order. */
export type ShownFinding = FindingFields & { message: string };

export function renderFinding(f: Finding, lang: Lang): ShownFinding {
  // The rest keeps the order the finding was built in: page, row, column, evidence, causedBy.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { messageId, params, rule, severity, sheet, cell, expected, actual, ...rest } = f;
  return { rule, severity, sheet, cell, message: render(f, lang), expected, actual, ...rest };
}

export function renderFindings(findings: readonly Finding[], lang: Lang): ShownFinding[] {
  return findings.map((f) => renderFinding(f, lang));
}

/** An import warning as shown: `{ code, part, item, page, message }`; a missing document field named in the language. */
interface Warning<P extends string> {
  code: string;
  part: P;
  item: string | null;
  page: number | null;
}

export function renderWarning<P extends string>(
  w: Warning<P> & Message,
  lang: Lang,
): Warning<P> & { message: string } {
  const item = w.messageId === "document.meta" ? META_FIELDS[lang][w.params.field] : w.item;
  return { code: w.code, part: w.part, item, page: w.page, message: render(w, lang) };
}

export function renderWarnings<P extends string>(warnings: readonly (Warning<P> & Message)[], lang: Lang) {
  return warnings.map((w) => renderWarning(w, lang));
}

/** The words a Plan table's import puts where the table leaves a field empty ("Okänd organisation"). */
export const PLAN_TABLE_WORDS = { sv: SV_TABLE_WORDS, en: EN_TABLE_WORDS };

export { formatNumber, FORMATS, type NumberFormat } from "./format";
export { plural, counted, type Catalogue } from "./catalogue";
