/**
 * Benchmark/report: the report reader on the annotated corpus documents (tests/corpus/documents/*.json, PDFs in
 * ../shared/corpus): per document the tables read of those seen, the annotated tables with a total read, recall of
 * the annotated errors and the false alarms (goal: all read, recall 100 %, no false alarm); and the time to check a
 * 40-page report through pdfjs, layout and checks (goal < 3 s).
 * `npm run bench -- documents`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkPdfFile } from "../../src/cli/commands/checkPdf";
import { extractPdfFile } from "../../src/cli/pdf";
import { checkReport } from "../../src/import/report";
import { score, type Annotation } from "../support/documentScore";
import { render } from "../../src/i18n";

const ROOT = join(__dirname, "..", "..", "..", "..");
const GOAL_MS = 3000;

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(0)} %` : "–");

export async function run(): Promise<{ name: string; lines: string[] }> {
  const lines: string[] = [];
  const dir = join(ROOT, "tests/corpus/documents");
  let all = { tables: 0, read: 0, errors: 0, caught: 0, falseAlarms: 0 };
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith(".json"))
    .sort()) {
    const annotation = JSON.parse(readFileSync(join(dir, f), "utf8")) as Annotation;
    const pdf = join(ROOT, annotation.file);
    if (!existsSync(pdf)) {
      lines.push(`${annotation.name}: ${annotation.file} not found (shared/ beside the repository?)`);
      continue;
    }
    const report = checkReport(await extractPdfFile(pdf), "sv");
    const s = score(annotation, report);
    all = {
      tables: all.tables + s.tables,
      read: all.read + s.read.length,
      errors: all.errors + s.errors,
      caught: all.caught + s.caught.length,
      falseAlarms: all.falseAlarms + s.falseAlarms.length,
    };
    lines.push(
      `${annotation.name}: tables read ${s.readAll}/${s.seen}; annotated tables with a total read ${s.read.length}/${s.tables}; ` +
        `errors caught ${s.caught.length}/${s.errors} (recall ${pct(s.caught.length, s.errors)}); false alarms ${s.falseAlarms.length}`,
    );
    for (const t of s.unread) lines.push(`    not read: p. ${t.page} ${t.total} (${t.title ?? "?"})`);
    for (const e of s.missed) lines.push(`    missed: p. ${e.page} ${e.row} | ${e.column}`);
    for (const x of s.falseAlarms) lines.push(`    false alarm: p. ${x.page} ${x.rule} ${render(x, "sv")}`);
  }
  lines.push(
    `all: annotated tables read ${all.read}/${all.tables} (${pct(all.read, all.tables)}, goal 100 %); ` +
      `recall ${all.caught}/${all.errors} (${pct(all.caught, all.errors)}, goal 100 %); false alarms ${all.falseAlarms} (goal 0)`,
  );

  // A 40-page report, checked as `plankoll check` does (pdfjs, layout, tables, checks): the 44-page årsredogörelse.
  const big = join(ROOT, "../shared/corpus/documents/goteborg-stadsrevisionen-arsredogorelse-2024.pdf");
  const heavy = join(ROOT, "../shared/corpus/pdfs/se-forsakringskassan-arsredovisning-2012.pdf");
  for (const [label, file, pages] of [
    ["44-page report (årsredogörelse 2024)", big, 44],
    ["162-page annual report, 103 tables (Försäkringskassan 2012)", heavy, 162],
  ] as const) {
    if (!existsSync(file)) continue;
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await checkPdfFile(file, "sv");
      runs.push(performance.now() - t0);
    }
    const ms = runs.sort((a, b) => a - b)[1];
    const per40 = (ms / pages) * 40;
    lines.push(
      `${label}: ${ms.toFixed(0)} ms (median of 3) → ${per40.toFixed(0)} ms per 40 pages; ratio to the 3 s goal ${(per40 / GOAL_MS).toFixed(2)} ${per40 <= GOAL_MS ? "✓" : "✗"}`,
    );
  }
  return { name: "Report PDFs: tables read, recall, false alarms, time", lines };
}
