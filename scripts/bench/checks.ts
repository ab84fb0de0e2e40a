/**
 * Check engine benchmarks (issues 9 and 13 goals):
 *  1. engine throughput on an in-memory snapshot of 1 M cells, ordinary sheets and many tiny tables — goal
 *     ≥ 5 M cells/s each;
 *  2. peak RSS of each 1 M-cell engine case, each in a process of its own (snapshot included) — goal ≤ 400 MB;
 *  3. `plankoll check` on a generated 50-sheet workbook vs a bare ExcelJS read of the same file, same run —
 *     goal ≤ 0.8×.
 * The 5 M-cell cases (must complete without running out of memory) are `npm run bench -- checks5m`.
 * Run through `npm run bench -- checks` (the driver compiles scripts/bench with tsc).
 */
import ExcelJS from "exceljs";
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkWorkbook } from "../../src/checks";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/model/types";
import { checkFile } from "../../src/cli/commands/check";
import { embeddedPlan } from "../../src/plan/embedded";
import { median } from "../support/timing";
import { DEPARTMENTS } from "../support/workbooks";

/** A realistic budget sheet: title, header, blocks of lines each closed by a SUM row; values cached. */
export function budgetSheet(name: string, rows: number, cols: number, seed: number): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  const push = (v: CellValue[], f?: (string | null)[], n?: (string | null)[]) => {
    values.push(v);
    formulas.push(f ?? new Array(cols).fill(null));
    numberFormats.push(n ?? new Array(cols).fill(null));
  };
  const empty = () => new Array<CellValue>(cols).fill(null);
  const title = empty();
  title[0] = `${name} – alla belopp i tkr`;
  push(title);
  const header = empty();
  header[0] = "Post";
  for (let c = 1; c < cols; c++) header[c] = c % 2 ? `Budget ${2018 + (c % 3)}` : `Utfall ${2016 + (c % 3)}`;
  push(header);
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return (x % 90_000) + 1_000;
  };
  let start = values.length;
  while (values.length < rows) {
    if (values.length - start === 20) {
      const v = empty();
      const f = new Array<string | null>(cols).fill(null);
      const n = new Array<string | null>(cols).fill(null);
      v[0] = "Summa";
      for (let c = 1; c < cols; c++) {
        let s = 0;
        for (let r = start; r < values.length; r++) s += values[r][c] as number;
        v[c] = s;
        const col = String.fromCharCode(65 + c);
        f[c] = `=SUM(${col}${start + 1}:${col}${values.length})`;
        n[c] = "#,##0";
      }
      push(v, f, n);
      const blank = empty();
      push(blank);
      start = values.length;
      continue;
    }
    const v = empty();
    const n = new Array<string | null>(cols).fill("#,##0");
    v[0] = `${DEPARTMENTS[values.length % DEPARTMENTS.length]} konto ${values.length}`;
    n[0] = null;
    for (let c = 1; c < cols; c++) v[c] = next();
    push(v, undefined, n);
  }
  const lastCol = String.fromCharCode(64 + cols);
  return {
    name,
    address: `A1:${lastCol}${values.length}`,
    origin: { row: 0, col: 0 },
    values,
    formulas,
    numberFormats,
  };
}

const POSTS = [
  "Personal",
  "Lokaler",
  "Material och tjänster",
  "Köpt verksamhet",
  "Övriga kostnader",
  "Intäkter",
];

/**
 * Many tiny tables (a follow-up per unit, the same few labels and headers over and over): title, header, four
 * cost lines and a Summa, then a blank row. Plan lookups are asked per distinct text only.
 */
export function tinyTablesSheet(name: string, rows: number, cols: number, seed: number): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  const push = (v: CellValue[], f?: (string | null)[]) => {
    values.push(v);
    formulas.push(f ?? new Array(cols).fill(null));
    numberFormats.push(new Array(cols).fill(null));
  };
  const empty = () => new Array<CellValue>(cols).fill(null);
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return (x % 9_000) + 100;
  };
  let unit = 0;
  while (values.length + 7 <= rows) {
    const title = empty();
    title[0] = `Enhet ${++unit} – uppföljning, tkr`;
    push(title);
    const header = empty();
    header[0] = "Avdelning";
    for (let c = 1; c < cols; c++)
      header[c] = c % 2 ? `Budget ${2018 + (c % 3)}` : `Utfall ${2016 + (c % 3)}`;
    push(header);
    const start = values.length;
    for (let i = 0; i < 4; i++) {
      const v = empty();
      v[0] = POSTS[(unit + i) % POSTS.length];
      for (let c = 1; c < cols; c++) v[c] = next();
      push(v);
    }
    const sum = empty();
    const f = new Array<string | null>(cols).fill(null);
    sum[0] = "Summa";
    for (let c = 1; c < cols; c++) {
      let s = 0;
      for (let r = start; r < values.length; r++) s += values[r][c] as number;
      sum[c] = s;
      const col = String.fromCharCode(65 + c);
      f[c] = `=SUM(${col}${start + 1}:${col}${values.length})`;
    }
    push(sum, f);
    push(empty());
  }
  const lastCol = String.fromCharCode(64 + cols);
  return {
    name,
    address: `A1:${lastCol}${values.length}`,
    origin: { row: 0, col: 0 },
    values,
    formulas,
    numberFormats,
  };
}

function snapshotOf(sheets: number, rows: number, cols: number): WorkbookSnapshot {
  const out: SheetSnapshot[] = [];
  for (let s = 0; s < sheets; s++) out.push(budgetSheet(`Blad ${s + 1}`, rows, cols, s + 1));
  return { name: "bench", sheets: out };
}

function tinySnapshotOf(sheets: number, rows: number, cols: number): WorkbookSnapshot {
  const out: SheetSnapshot[] = [];
  for (let s = 0; s < sheets; s++) out.push(tinyTablesSheet(`Enheter ${s + 1}`, rows, cols, s + 1));
  return { name: "tiny", sheets: out };
}

function cellCount(wb: WorkbookSnapshot): number {
  let n = 0;
  for (const s of wb.sheets) for (const r of s.values) n += r.length;
  return n;
}

async function writeXlsx(wb: WorkbookSnapshot, file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const s of wb.sheets) {
    const ws = book.addWorksheet(s.name);
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        const f = s.formulas[r][c];
        cell.value = f ? { formula: f.slice(1), result: v as number } : (v as ExcelJS.CellValue);
        const fmt = s.numberFormats[r][c];
        if (fmt) cell.numFmt = fmt;
      }),
    );
  }
  await book.xlsx.writeFile(file);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** One engine case's figures, measured in a process of its own (so its peak RSS is its own). */
export interface EngineFigures {
  cells: number;
  /** The median of the timed runs, and each timed run in the order run. */
  ms: number;
  runs: number[];
  findings: number;
  /** Peak RSS of the whole process (the snapshot included) and RSS right after building the snapshot. */
  peakRss: number;
  snapshotRss: number;
}

export type EngineCase = "ordinary" | "tiny";

/** Runs in the child: builds the snapshot (sheets × 5 000 rows × 10 columns), warms up, times `runs` checks. */
function engineCase(kind: EngineCase, sheets: number, runs: number): EngineFigures {
  const book = kind === "tiny" ? tinySnapshotOf(sheets, 5_000, 10) : snapshotOf(sheets, 5_000, 10);
  const cells = cellCount(book);
  const snapshotRss = process.memoryUsage().rss;
  const times: number[] = [];
  let findings = 0;
  // A warm-up first (JIT, plan indexes) where there are timed runs to follow; a single run is timed cold.
  if (runs > 1) checkWorkbook(book, { plan: embeddedPlan });
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    findings = checkWorkbook(book, { plan: embeddedPlan }).length;
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return {
    cells,
    ms: median(times),
    runs: times,
    findings,
    peakRss: process.resourceUsage().maxRSS * 1024,
    snapshotRss,
  };
}

/** Runs one engine case in a child process of this compiled file and returns its figures. */
export function engineInChild(kind: EngineCase, sheets: number, runs: number): Promise<EngineFigures> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ["--engine-case", kind, String(sheets), String(runs)], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let got: EngineFigures | null = null;
    child.on("message", (m) => (got = m as EngineFigures));
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      got ? resolve(got) : reject(new Error(`engine case ${kind} died (${signal ?? `exit ${code}`})`)),
    );
  });
}

if (require.main === module && process.argv[2] === "--engine-case") {
  const [kind, sheets, runs] = process.argv.slice(3);
  process.send!(engineCase(kind as EngineCase, Number(sheets), Number(runs)));
}

/** "… = 3.10 M cells/s (goal ≥ 5 M cells/s: ratio 0.62×, NOT met)" and the peak RSS against its goal. */
export function engineLines(label: string, f: EngineFigures, rssGoalMb: number | null): string[] {
  const rate = f.cells / (f.ms / 1000);
  const lines = [
    `${label}: ${f.cells.toLocaleString("sv-SE")} cells in ${f.ms.toFixed(0)} ms = ${(rate / 1e6).toFixed(2)} M cells/s ` +
      `(goal ≥ 5 M cells/s: ratio ${(rate / 5e6).toFixed(2)}×${rate >= 5e6 ? ", met" : ", NOT met"}); ${f.findings} findings` +
      (f.runs.length > 1 ? `; median of runs ${f.runs.map((t) => t.toFixed(0)).join(" ")} ms` : ""),
  ];
  const rss = `${label}: peak RSS ${mb(f.peakRss)} (snapshot alone ${mb(f.snapshotRss)})`;
  if (rssGoalMb === null) lines.push(`${rss}; completed`);
  else {
    const ratio = f.peakRss / (rssGoalMb * 1024 * 1024);
    lines.push(
      `${rss} (goal ≤ ${rssGoalMb} MB: ratio ${ratio.toFixed(2)}×${ratio <= 1 ? ", met" : ", NOT met"})`,
    );
  }
  return lines;
}

export async function run(): Promise<{ name: string; lines: string[] }> {
  const lines: string[] = [];
  let peakHeap = 0;
  const sample = () => {
    const h = process.memoryUsage().heapUsed;
    if (h > peakHeap) peakHeap = h;
  };

  // 1–2. Engine throughput (median of five timed runs after a warm-up: the runs of one process differ by up to a
  // half on this shared machine, so three were too few to give the same median twice) and peak RSS, 1 M cells
  // per case: 20 ordinary budget sheets, and 20 sheets of many tiny tables (≈ 14 000 tables of four lines; plan
  // lookups per distinct text only). Each case in a fresh process: maxRSS only grows, so a shared one would mix
  // the cases.
  lines.push(...engineLines("engine", await engineInChild("ordinary", 20, 5), 400));
  lines.push(...engineLines("engine, many tiny tables", await engineInChild("tiny", 20, 5), 400));

  // 3. plankoll check vs a bare ExcelJS read of the same 50-sheet file.
  const dir = mkdtempSync(join(tmpdir(), "plankoll-bench-"));
  try {
    const file = join(dir, "50-blad.xlsx");
    const wb50 = snapshotOf(50, 400, 8);
    await writeXlsx(wb50, file);
    const bare: number[] = [];
    const check: number[] = [];
    // Alternating runs, best of 5 each: the machine is shared, and the best run is the one least disturbed.
    for (let i = 0; i < 5; i++) {
      let t0 = process.hrtime.bigint();
      await new ExcelJS.Workbook().xlsx.readFile(file);
      bare.push(Number(process.hrtime.bigint() - t0) / 1e6);
      sample();
      t0 = process.hrtime.bigint();
      const result = await checkFile(file, embeddedPlan, "sv");
      check.push(Number(process.hrtime.bigint() - t0) / 1e6);
      sample();
      if (result.error) throw new Error(result.error.message);
    }
    const b = Math.min(...bare),
      c = Math.min(...check);
    const ratio = c / b;
    lines.push(
      `plankoll check, 50 sheets (${cellCount(wb50).toLocaleString("sv-SE")} cells, best of 5): ${c.toFixed(0)} ms vs bare ExcelJS read ${b.toFixed(0)} ms ` +
        `= ${ratio.toFixed(2)}× (goal ≤ 0.8×${ratio <= 0.8 ? ", met" : ", NOT met"})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const maxRss = process.resourceUsage().maxRSS * 1024;
  lines.push(
    `plankoll check case: peak RSS of the bench process ${mb(maxRss)}, peak heap used ${mb(peakHeap)}`,
  );
  return { name: "checks (engine + plankoll check)", lines };
}
