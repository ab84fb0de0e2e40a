/**
 * The state the recognisers share while reading one document: the token stream of the whole document
 * (pages joined, printed page numbers removed) and the warnings said so far.
 */
import { msg, type MessageId, type MessageParams } from "../model/messages";
import type { DocumentText, ImportWarning, PlanPart, Token } from "./types";

export class ImportContext {
  readonly tokens: Token[];
  readonly warnings: ImportWarning[] = [];

  constructor(doc: DocumentText) {
    // A loop, not flatMap: a text file is one page per line, and flatMap over 100 000s of pages is slow.
    this.tokens = [];
    for (const p of stripPageNumbers(doc)) for (const t of p.tokens) this.tokens.push(t);
  }

  warn<K extends MessageId>(
    code: K,
    part: PlanPart,
    item: string | null,
    page: number | null,
    params: MessageParams[K],
    /** Token index the warning is about, to list it in reading order within its page. */
    at?: number,
  ): void {
    const warning: ImportWarning = { code, part, item, page, ...msg(code, params) };
    this.warnings.push(warning);
    this.places.set(warning, at ?? -1);
  }

  /**
   * The warnings in reading order: by page (document-wide ones first), then by place on the page (page-wide ones
   * first), else in the order said. The recognisers run one after another, so the order said is not the page's.
   */
  ordered(): ImportWarning[] {
    const key = (w: ImportWarning) => [w.page ?? 0, this.places.get(w) ?? -1];
    // Array.prototype.sort is stable: equal keys keep the order said.
    return [...this.warnings].sort((a, b) => {
      const [pa, ia] = key(a);
      const [pb, ib] = key(b);
      return pa - pb || ia - ib;
    });
  }

  private readonly places = new Map<ImportWarning, number>();

  pageAt(i: number): number {
    return this.tokens[Math.min(i, this.tokens.length - 1)]?.page ?? 1;
  }
}

/**
 * Removes the printed page number that ends a page ("… tillgänglighet 3"), so it is not read as a goal's value.
 * A trailing integer counts as a page number when a neighbouring page ends with the next or previous one.
 */
function stripPageNumbers(doc: DocumentText): DocumentText["pages"] {
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
