/**
 * The state the recognisers share while reading one document: the token stream of the whole document
 * (pages joined, printed page numbers removed), the language, and the warnings said so far.
 */
import type { Lang } from "../i18n";
import { importText, type MessageCode } from "./messages";
import type { DocumentText, ImportWarning, PlanPart, Token } from "./types";

export class ImportContext {
  readonly tokens: Token[];
  readonly warnings: ImportWarning[] = [];

  constructor(
    doc: DocumentText,
    readonly lang: Lang,
  ) {
    // A loop, not flatMap: a text file is one page per line, and flatMap over 100 000s of pages is slow.
    this.tokens = [];
    for (const p of stripPageNumbers(doc)) for (const t of p.tokens) this.tokens.push(t);
  }

  warn(
    code: MessageCode,
    part: PlanPart,
    item: string | null,
    page: number | null,
    params: Record<string, string | number> = {},
  ): void {
    this.warnings.push({ code, part, item, page, message: importText(this.lang, code, params) });
  }

  pageAt(i: number): number {
    return this.tokens[Math.min(i, this.tokens.length - 1)]?.page ?? 1;
  }
}

/**
 * Removes the printed page number that ends a page ("… tillgänglighet 3"), so it is not read as a goal's value.
 * A trailing integer counts as a page number when a neighbouring page ends with the next or previous one.
 */
export function stripPageNumbers(doc: DocumentText): DocumentText["pages"] {
  const trailing = doc.pages.map((p) => {
    const last = p.tokens[p.tokens.length - 1]?.text;
    return last !== undefined && /^\d{1,3}$/.test(last) ? Number(last) : null;
  });
  return doc.pages.map((p, i) => {
    const n = trailing[i];
    const consistent = n !== null && (trailing[i - 1] === n - 1 || trailing[i + 1] === n + 1);
    return consistent ? { page: p.page, tokens: p.tokens.slice(0, -1) } : p;
  });
}

/** Whether a token ends a sentence ("i.", "3,4.", "försörjning."); abbreviations such as "t o m" do not. */
export function endsSentence(text: string): boolean {
  return /[.!?]$/.test(text) && !/^(bl|t|ex|m|fr|o|ca|st|resp|inkl|exkl|dvs|osv|s)\.$/i.test(text);
}
