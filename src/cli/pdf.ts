/**
 * PDF text with positions (Node): pdfjs-dist's legacy build → PositionedText per page, for the host-free layout
 * model in src/plan/import/layout.ts. pdfjs-dist 5 is ESM-only; this CommonJS module loads it with a real dynamic
 * import that tsc does not rewrite into require().
 */
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { isTextless, positionedFromPdfjs, type PositionedText } from "../plan/import/layout";

export type PdfProblem = "not-pdf" | "encrypted" | "no-text" | "unreadable";

/** A PDF that cannot be imported, with a user-facing reason (Swedish and English). */
export class PdfReadError extends Error {
  constructor(
    readonly problem: PdfProblem,
    message: string,
  ) {
    super(message);
    this.name = "PdfReadError";
  }
}

const MESSAGES: Record<PdfProblem, string> = {
  "not-pdf": "filen är inte en PDF / the file is not a PDF",
  encrypted:
    "PDF:en är krypterad eller lösenordsskyddad; spara en olåst kopia / the PDF is encrypted or password-protected; save an unlocked copy",
  "no-text":
    "PDF:en innehåller ingen text (inskannad bild?); läs in en PDF med textlager / the PDF has no text (a scanned image?); use a PDF with a text layer",
  unreadable: "PDF:en kunde inte läsas / the PDF could not be read",
};

// Kept out of tsc's reach: `import()` in CommonJS output would otherwise become require(), which cannot load ESM.
const dynamicImport = new Function("specifier", "return import(specifier)") as (
  s: string,
) => Promise<unknown>;

interface PdfjsModule {
  getDocument(params: Record<string, unknown>): {
    promise: Promise<{
      numPages: number;
      getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }> }>;
      destroy(): Promise<void>;
    }>;
  };
}

async function loadPdfjs(): Promise<PdfjsModule> {
  const path = require.resolve("pdfjs-dist/legacy/build/pdf.mjs");
  return (await dynamicImport(pathToFileURL(path).href)) as PdfjsModule;
}

/** Reads every page's text items with positions. Throws PdfReadError for what cannot be imported. */
export async function extractPdfText(data: Uint8Array): Promise<PositionedText[][]> {
  if (!/^%PDF-/.test(Buffer.from(data.subarray(0, 1024)).toString("latin1").trimStart())) {
    throw new PdfReadError("not-pdf", MESSAGES["not-pdf"]);
  }
  const pdfjs = await loadPdfjs();
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data,
      verbosity: 0,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
    }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === "PasswordException") throw new PdfReadError("encrypted", MESSAGES.encrypted);
    if (name === "InvalidPDFException") throw new PdfReadError("not-pdf", MESSAGES["not-pdf"]);
    throw new PdfReadError("unreadable", `${MESSAGES.unreadable}: ${(e as Error).message}`);
  }
  try {
    const pages: PositionedText[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      pages.push(positionedFromPdfjs(p, content.items));
    }
    if (isTextless(pages)) {
      throw new PdfReadError("no-text", MESSAGES["no-text"]);
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Reads a PDF file; file-system errors become PdfReadError("unreadable") with the reason. */
export async function extractPdfFile(path: string): Promise<PositionedText[][]> {
  let data: Uint8Array;
  try {
    data = new Uint8Array(await readFile(path));
  } catch (e) {
    throw new PdfReadError(
      "unreadable",
      `${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  return extractPdfText(data);
}
