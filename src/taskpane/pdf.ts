/**
 * PDF text with positions in the browser (lazy chunk: only the import view loads it). pdfjs-dist's
 * browser build with its worker emitted by webpack as an asset; the host-free steps do the rest.
 */
import { looksLikePdf, pdfProblemOf, PdfTextError, positionedPages } from "../import";
import type { PositionedText } from "../import";

export async function readPdfPages(data: Uint8Array): Promise<PositionedText[][]> {
  if (!looksLikePdf(data)) throw new PdfTextError("not-pdf");
  const pdfjs = await import(/* webpackChunkName: "pdfjs" */ "pdfjs-dist");
  // webpack turns `new URL(…, import.meta.url)` into the emitted worker file's URL.
  // @ts-expect-error -- import.meta is ESM-only; webpack bundles this (module esnext), Jest never loads it.
  const workerUrl = new URL("pdfjs-dist/build/pdf.worker.min.mjs", import.meta.url);
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl.toString();
  let doc;
  try {
    doc = await pdfjs.getDocument({ data, isEvalSupported: false }).promise;
  } catch (err) {
    throw new PdfTextError(pdfProblemOf(err));
  }
  try {
    return await positionedPages(doc);
  } finally {
    void doc.destroy();
  }
}
