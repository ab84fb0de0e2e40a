/**
 * Benchmark: plan import. A plan owner imports a plan once a year, but the review must feel immediate, and the
 * recognisers must stay linear as documents grow. Goals: the seed text (30 pages) ≤ 100 ms; the seed PDF through
 * pdfjs, layout and recognisers ≤ 3 s; a document with the goal chapter 20 times (296 pages, 580 goals) ≤ 3 s;
 * 8 MB of text without a full stop (one 1.7-million-word "sentence", QA's hang) ≤ 2 s.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractPdfFile } from "../../src/cli/pdf";
import { documentFromLayout } from "../../src/import/layout";
import { importDocument, importPlanFromText } from "../../src/import/text";
import { timeEach } from "../support/timing";

const ROOT = join(__dirname, "..", "..", "..", "..");

export async function run(): Promise<{ name: string; lines: string[] }> {
  const seed = readFileSync(join(ROOT, "tests/fixtures/seed/KSKF-2018-294.txt"), "utf8");
  const textMs = timeEach(20, () => importPlanFromText(seed));
  const goals = importPlanFromText(seed).plan.goals.length;

  const pdfStart = performance.now();
  const pages = await extractPdfFile(join(ROOT, "tests/fixtures/documents/seed.pdf"));
  const extractMs = performance.now() - pdfStart;
  const layoutMs = timeEach(5, () => importDocument(documentFromLayout(pages)));
  const pdfMs = extractMs + layoutMs;

  // 20 copies of the goal chapter pages (7–20) inside the seed: the goal and åtagande recognisers' scaling.
  const lines = seed.replace(/\n$/, "").split("\n");
  const big = [
    ...lines.slice(0, 6),
    ...Array.from({ length: 20 }, () => lines.slice(6, 20)).flat(),
    ...lines.slice(20),
  ];
  const bigText = big.join("\n");
  const bigMs = timeEach(2, () => importPlanFromText(bigText));
  const bigGoals = importPlanFromText(bigText).plan.goals.length;

  // 240 000 lines without a full stop: every number once rescanned its whole sentence (16 000 lines took 5.4 s).
  const longText = "rad med lite text och talet 12 345\n".repeat(240000);
  const longMs = timeEach(2, () => importPlanFromText(longText));
  const halfMs = timeEach(2, () => importPlanFromText(longText.slice(0, longText.length / 2)));

  // The same with an amount per line: stated sums once re-joined the sentence per amount.
  const amountText = "rad med kostnad 12 kr och 3 processmål\n".repeat(200000);
  const amountMs = timeEach(2, () => importPlanFromText(amountText));

  // One table of 100 000 rows with one label: each row's id once rescanned rad-2, rad-3, … (quadratic).
  const rowsText = "Utfall 2017 Budget 2019 Rad 1 2\n".repeat(100000);
  const rowsMs = timeEach(2, () => importPlanFromText(rowsText));

  const ms = (x: number) => x.toFixed(1);
  const ratio = (x: number, goal: number) => (x / goal).toFixed(3);
  return {
    name: "import (plan from documents)",
    lines: [
      `seed text → plan (${goals} goals): ${ms(textMs)} ms (goal ≤ 100 ms, ratio ${ratio(textMs, 100)})`,
      `seed PDF → plan: ${ms(pdfMs)} ms = pdfjs ${ms(extractMs)} ms + layout/recognisers ${ms(layoutMs)} ms (goal ≤ 3000 ms, ratio ${ratio(pdfMs, 3000)})`,
      `${big.length} pages, ${bigGoals} goals → plan: ${ms(bigMs)} ms (goal ≤ 3000 ms, ratio ${ratio(bigMs, 3000)}); per page ${ms(bigMs / big.length)} ms vs seed ${ms(textMs / lines.length)} ms`,
      `${(longText.length / 1e6).toFixed(1)} MB text without full stops → plan: ${ms(longMs)} ms (goal ≤ 2000 ms, ratio ${ratio(longMs, 2000)}); half of it ${ms(halfMs)} ms (doubling ratio ${(longMs / halfMs).toFixed(2)}, linear ≈ 2)`,
      `${(amountText.length / 1e6).toFixed(1)} MB text without full stops, an amount per line → plan: ${ms(amountMs)} ms (goal ≤ 2000 ms, ratio ${ratio(amountMs, 2000)})`,
      `one table of 100 000 rows with the same label (${(rowsText.length / 1e6).toFixed(1)} MB) → plan: ${ms(rowsMs)} ms (goal ≤ 2000 ms, ratio ${ratio(rowsMs, 2000)})`,
    ],
  };
}
