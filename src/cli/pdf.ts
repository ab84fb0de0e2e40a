/**
 * PDF text with positions (Node): loads pdfjs-dist's legacy build and hands the document to the host-free steps
 * in src/import/pdfText.ts (the task pane does the same with the browser build). pdfjs-dist 5 is ESM-only;
 * this CommonJS module loads it with a real dynamic import that tsc does not rewrite into require().
 */
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import type { PositionedText } from "../import/layout";
import {
  looksLikePdf,
  pdfProblemOf,
  PdfTextError,
  positionedPages,
  type PdfjsLikeDocument,
} from "../import/pdfText";

/** The CLI's name for a PDF that cannot be imported (same class as the host-free one). */
export { PdfTextError as PdfReadError } from "../import/pdfText";

// Kept out of tsc's reach: `import()` in CommonJS output would otherwise become require(), which cannot load ESM.
const dynamicImport = new Function("specifier", "return import(specifier)") as (
  s: string,
) => Promise<unknown>;

interface PdfjsModule {
  getDocument(params: Record<string, unknown>): {
    promise: Promise<PdfjsLikeDocument & { destroy(): Promise<void> }>;
  };
}

async function loadPdfjs(): Promise<PdfjsModule> {
  const path = require.resolve("pdfjs-dist/legacy/build/pdf.mjs");
  return (await dynamicImport(pathToFileURL(path).href)) as PdfjsModule;
}

/** Reads every page's text items with positions. Throws PdfTextError for what cannot be imported. */
export async function extractPdfText(data: Uint8Array): Promise<PositionedText[][]> {
  if (!looksLikePdf(data)) throw new PdfTextError("not-pdf");
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
    const problem = pdfProblemOf(e);
    throw new PdfTextError(problem, problem === "unreadable" ? (e as Error).message : undefined);
  }
  try {
    return await positionedPages(doc);
  } finally {
    await doc.destroy();
  }
}

/** Reads a PDF file; file-system errors become PdfTextError("unreadable") with the reason. */
export async function extractPdfFile(path: string): Promise<PositionedText[][]> {
  let data: Uint8Array;
  try {
    data = new Uint8Array(await readFile(path));
  } catch (e) {
    throw new PdfTextError(
      "unreadable",
      `${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  return extractPdfText(data);
}
