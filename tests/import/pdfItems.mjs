// Test helper: prints a PDF's text items with positions as JSON (the same mapping as src/cli/pdf.ts), so Jest tests
// can run the host-free layout model and importer in-process on real PDFs (Jest cannot import ESM-only pdfjs).
import { readFileSync } from "node:fs";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";

const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await pdfjs.getDocument({ data, verbosity: 0, isEvalSupported: false, disableFontFace: true })
  .promise;
const pages = [];
for (let p = 1; p <= doc.numPages; p++) {
  const content = await (await doc.getPage(p)).getTextContent();
  pages.push(
    content.items
      .filter((it) => typeof it.str === "string")
      .map((it) => ({
        page: p,
        str: it.str,
        x: it.transform[4],
        y: it.transform[5],
        width: it.width,
        size: Math.hypot(it.transform[2], it.transform[3]) || 10,
      })),
  );
}
await doc.destroy();
process.stdout.write(JSON.stringify(pages));
