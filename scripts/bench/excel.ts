/**
 * Benchmark: the Excel adapter's round trips and payloads against the fake host (counts, not wall time:
 * on Excel on the web every sync is a network round trip, so syncs are what the user waits for).
 * - read S sheets: syncs for S = 1, 10, 50 (goal: the same small number, ≤ 3);
 * - a 200 000-cell sheet: syncs and the largest response, against Excel on the web's 5 MB limit;
 * - highlight N cells: syncs for N = 10 and 1 000 (goal: independent of N).
 */
import type { Finding, SheetSnapshot } from "../../src/model/types";
import { highlightFindings, readSnapshot } from "../../src/excel";
import { createFakeExcel, FakeWorkbookModel } from "../../src/workbench/fakeExcel";
import { sampleWorkbook } from "../../src/workbench/sample";

const LIMIT = 5 * 1024 * 1024;

async function readSyncs(sheets: number): Promise<number> {
  const budget = sampleWorkbook().sheets[0];
  const many: SheetSnapshot[] = Array.from({ length: sheets }, (_, i) => ({
    ...budget,
    name: `Avdelning ${i + 1}`,
  }));
  const fake = createFakeExcel({ sheets: many });
  await readSnapshot(fake.context(), { supports: fake.supports });
  return fake.model.syncCount;
}

async function bigSheet(): Promise<{ syncs: number; maxBytes: number; ms: number }> {
  const model = new FakeWorkbookModel();
  const sheet = model.addSheet("Huvudbok");
  for (let r = 0; r < 20_000; r++)
    for (let c = 0; c < 10; c++) sheet.cell(r, c).value = c ? r * c : `Konto ${r}`;
  const fake = createFakeExcel(model);
  const t0 = performance.now();
  await readSnapshot(fake.context(), { supports: fake.supports });
  return {
    syncs: model.syncCount,
    maxBytes: Math.max(...model.syncLog.map((s) => s.responseBytes)),
    ms: performance.now() - t0,
  };
}

async function highlightSyncs(cells: number): Promise<number> {
  const model = new FakeWorkbookModel();
  const sheet = model.addSheet("Blad1");
  for (let r = 0; r < cells; r++) sheet.cell(r, 0).value = r;
  const fake = createFakeExcel(model);
  const findings: Finding[] = Array.from({ length: cells }, (_, r) => ({
    rule: "sum.mismatch",
    severity: "error",
    sheet: "Blad1",
    cell: `A${r + 1}`,
    messageId: "cell.error",
    params: { error: "#N/A", inTotal: false },
    expected: null,
    actual: null,
  }));
  await highlightFindings(fake.context(), findings);
  return model.syncCount;
}

export async function run(): Promise<{ name: string; lines: string[] }> {
  const [s1, s10, s50] = [await readSyncs(1), await readSyncs(10), await readSyncs(50)];
  const big = await bigSheet();
  const [h10, h1000] = [await highlightSyncs(10), await highlightSyncs(1000)];
  const mb = (b: number) => (b / 1024 / 1024).toFixed(2);
  return {
    name: "Excel adapter: syncs and payload (fake host)",
    lines: [
      `read 1 / 10 / 50 sheets: ${s1} / ${s10} / ${s50} syncs (ratio 50:1 = ${(s50 / s1).toFixed(2)}; goal 1.00, ≤ 3 syncs) ${s50 === s1 && s50 <= 3 ? "✓" : "✗"}`,
      `200 000-cell sheet: ${big.syncs} syncs, largest response ${mb(big.maxBytes)} MB of ${mb(LIMIT)} MB (ratio ${(big.maxBytes / LIMIT).toFixed(2)}) ${big.maxBytes < LIMIT ? "✓" : "✗"}; ${big.ms.toFixed(0)} ms in the fake`,
      `highlight 10 / 1 000 cells: ${h10} / ${h1000} syncs (ratio ${(h1000 / h10).toFixed(2)}; goal 1.00) ${h10 === h1000 ? "✓" : "✗"}`,
    ],
  };
}
