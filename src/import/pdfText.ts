/**
 * PDF reading steps that do not depend on the host (host-free: pdfjs itself is loaded by the caller — Node in
 * src/cli/pdf.ts, the browser build in the task pane — and passed in as a loaded document):
 * is it a PDF at all, the positioned text of every page, and what a pdfjs failure means for the user.
 */
import type { Text } from "../plan/i18n";
import { isTextless, positionedFromPdfjs, type PositionedText } from "./layout";

export type PdfProblem = "not-pdf" | "encrypted" | "no-text" | "unreadable";

export const PDF_PROBLEM_MESSAGES: Record<PdfProblem, Text> = {
  "not-pdf": { sv: "filen är inte en PDF", en: "the file is not a PDF" },
  encrypted: {
    sv: "PDF:en är krypterad eller lösenordsskyddad; spara en olåst kopia",
    en: "the PDF is encrypted or password-protected; save an unlocked copy",
  },
  "no-text": {
    sv: "PDF:en innehåller ingen text (inskannad bild?); läs in en PDF med textlager",
    en: "the PDF has no text (a scanned image?); use a PDF with a text layer",
  },
  unreadable: { sv: "PDF:en kunde inte läsas", en: "the PDF could not be read" },
};

/** A PDF starts with "%PDF-" (within its first KB, after any junk some producers prepend). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Array.from(bytes.subarray(0, 1024), (b) => String.fromCharCode(b)).join("");
  return head.includes("%PDF-");
}

/** What a pdfjs getDocument failure means: PasswordException → encrypted, InvalidPDFException → not a PDF. */
export function pdfProblemOf(error: unknown): PdfProblem {
  const name = (error as { name?: string } | null)?.name;
  if (name === "PasswordException") return "encrypted";
  if (name === "InvalidPDFException") return "not-pdf";
  return "unreadable";
}

/** The part of a pdfjs PDFDocumentProxy the import needs. */
export interface PdfjsLikeDocument {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: readonly unknown[] }> }>;
}

/** Every page's text items with positions; throws `{ problem: "no-text" }` as PdfTextError for an image-only PDF. */
export async function positionedPages(doc: PdfjsLikeDocument): Promise<PositionedText[][]> {
  const pages: PositionedText[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(positionedFromPdfjs(p, content.items));
  }
  if (isTextless(pages)) throw new PdfTextError("no-text");
  return pages;
}

/** A PDF that cannot be imported; `message` is bilingual, `text` per language. */
export class PdfTextError extends Error {
  readonly text: Text;
  constructor(
    readonly problem: PdfProblem,
    detail?: string,
  ) {
    const t = PDF_PROBLEM_MESSAGES[problem];
    super(`${t.sv} / ${t.en}${detail ? `: ${detail}` : ""}`);
    this.name = "PdfTextError";
    this.text = detail ? { sv: `${t.sv}: ${detail}`, en: `${t.en}: ${detail}` } : t;
  }
}
