/**
 * The measuring instrument for issue 9: runs the check engine exactly as `plankoll check` does (the CLI's
 * `checkFile`: ExcelJS reader → checkWorkbook with the embedded plan) over every `.xlsx` of the shared corpus,
 * and scores its error/warning findings against the hand annotations in tests/corpus/annotations/*.json
 * (format: tests/corpus/README.md). Used by tests/corpus/precision*.test.ts and `npm run bench -- precision`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { type Area, parseRange } from "../../src/model/address";
import type { Finding } from "../../src/model/types";
import { RULE_IDS } from "../../src/model/types";
import { checkFile } from "../../src/cli/commands/check";
import { embeddedPlan } from "../../src/plan/embedded";
import { render } from "../../src/i18n";

/** The repository root: the nearest folder above this file with the project's package.json (works from build/ too). */
function findRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "plankoll") return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

export const REPO_ROOT = findRoot();
/** The shared corpus beside the repository (CI clones the repo with shared/ next to it). */
export const CORPUS_DIR = resolve(REPO_ROOT, process.env.PLANKOLL_CORPUS ?? "../shared/corpus/workbooks");
export const ANNOTATIONS_DIR = join(REPO_ROOT, "tests/corpus/annotations");

// ---------------------------------------------------------------------------------------------- annotations

const ruleId = z.enum(RULE_IDS);
const area = z.string().refine((s) => parseRange(s) !== null, { message: "not an A1 cell or range" });

const entrySchema = z
  .object({
    sheet: z.string().min(1),
    cell: area
      .refine((s) => !s.includes(":"), { message: "`cell` is one cell; use `range` for an area" })
      .optional(),
    range: area.optional(),
    verdict: z.enum(["ok", "problem", "unsure"]),
    rules: z.array(ruleId).min(1).optional(),
    reason: z.string().trim().min(8, { message: "give a one-line reason a reviewer can check" }),
  })
  .strict()
  .refine((e) => (e.cell === undefined) !== (e.range === undefined), {
    message: "exactly one of `cell` and `range`",
  })
  .refine((e) => e.verdict !== "problem" || (e.rules?.length ?? 0) > 0, {
    message: "a `problem` lists the `rules` that name it correctly",
  })
  .refine((e) => e.verdict === "problem" || e.rules === undefined, {
    message: "`rules` belongs to `problem` entries only",
  });

const fileSchema = z
  .object({
    file: z.string().regex(/\.xlsx$/, { message: "the corpus workbook's .xlsx file name" }),
    complete: z.array(z.string().min(1)),
    cells: z.array(entrySchema),
  })
  .strict();

export type AnnotationEntry = z.infer<typeof entrySchema>;
export type Verdict = AnnotationEntry["verdict"];

export interface Annotation extends AnnotationEntry {
  /** The annotation file (base name) and the entry's index there, for messages. */
  source: string;
  index: number;
  /** The entry's area, 0-based inclusive. */
  bounds: Area;
}

export interface WorkbookAnnotations {
  file: string;
  complete: string[];
  cells: Annotation[];
}

export interface LoadedAnnotations {
  /** By workbook file name; several annotation files may name the same workbook (their entries are merged). */
  byFile: Map<string, WorkbookAnnotations>;
  /** Every problem with a file or an entry: "annotations/x.json cells[3] (Sheet!B7): …". Empty when all are well-formed. */
  errors: string[];
}

function where(
  source: string,
  index: number,
  e: { sheet?: unknown; cell?: unknown; range?: unknown },
): string {
  const at = typeof e.sheet === "string" ? ` (${e.sheet}!${String(e.cell ?? e.range ?? "?")})` : "";
  return `annotations/${source} cells[${index}]${at}`;
}

/** Reads and validates every tests/corpus/annotations/*.json. Never throws for bad content: see `errors`. */
export function loadAnnotations(dir: string = ANNOTATIONS_DIR): LoadedAnnotations {
  const byFile = new Map<string, WorkbookAnnotations>();
  const errors: string[] = [];
  const names = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
  for (const source of names.sort()) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, source), "utf8"));
    } catch (e) {
      errors.push(`annotations/${source}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    const top = fileSchema.safeParse(raw);
    if (!top.success) {
      for (const issue of top.error.issues) {
        const [key, index] = issue.path;
        const cells = (raw as { cells?: unknown[] })?.cells;
        if (key === "cells" && typeof index === "number" && Array.isArray(cells))
          errors.push(`${where(source, index, (cells[index] ?? {}) as object)}: ${issue.message}`);
        else errors.push(`annotations/${source} ${issue.path.join(".") || "(top)"}: ${issue.message}`);
      }
      continue;
    }
    const data = top.data;
    const book = byFile.get(data.file) ?? { file: data.file, complete: [], cells: [] };
    byFile.set(data.file, book);
    for (const s of data.complete) if (!book.complete.includes(s)) book.complete.push(s);
    data.cells.forEach((e, index) => {
      const bounds = parseRange((e.cell ?? e.range) as string);
      if (bounds) book.cells.push({ ...e, source, index, bounds });
    });
  }
  // Overlapping entries with different verdicts: the smaller area decides, so only equal areas conflict.
  for (const book of byFile.values()) {
    const seen = new Map<string, Annotation>();
    for (const a of book.cells) {
      const key = `${a.sheet}\u0000${a.bounds.firstRow},${a.bounds.firstCol},${a.bounds.lastRow},${a.bounds.lastCol}`;
      const prev = seen.get(key);
      if (prev && (prev.verdict !== a.verdict || String(prev.rules) !== String(a.rules)))
        errors.push(
          `${where(a.source, a.index, a)}: contradicts ${where(prev.source, prev.index, prev)} on the same area`,
        );
      else if (!prev) seen.set(key, a);
    }
  }
  return { byFile, errors };
}

const areaSize = (a: Annotation) =>
  (a.bounds.lastRow - a.bounds.firstRow + 1) * (a.bounds.lastCol - a.bounds.firstCol + 1);

/** The annotation that judges (sheet, cell): of those covering it, the one with the smallest area (a `cell` beats a `range`). */
export function annotationAt(
  book: WorkbookAnnotations | undefined,
  sheet: string,
  cell: string,
): Annotation | null {
  if (!book) return null;
  const p = parseRange(cell);
  if (!p) return null;
  let best: Annotation | null = null;
  for (const a of book.cells) {
    if (a.sheet !== sheet) continue;
    const b = a.bounds;
    if (
      p.firstRow < b.firstRow ||
      p.firstRow > b.lastRow ||
      p.firstCol < b.firstCol ||
      p.firstCol > b.lastCol
    )
      continue;
    if (!best || areaSize(a) < areaSize(best)) best = a;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------- engine

export interface CorpusFinding {
  file: string;
  sheet: string;
  cell: string;
  rule: Finding["rule"];
  severity: "error" | "warning";
  message: string;
  /** Set by an engine that links knock-on findings to their cause: counted once, left out of precision. */
  causedBy?: unknown;
}

export interface EngineRun {
  /** Workbook file names checked, in order. */
  files: string[];
  /** Error/warning findings with a sheet and a cell (info findings are never judged). */
  findings: CorpusFinding[];
  /** Workbooks the CLI could not read: file → reason. */
  unreadable: Record<string, string>;
}

/** The corpus workbooks (.xlsx only: for .xls originals the LibreOffice-converted .xlsx stands beside them). */
export function corpusFiles(dir: string = CORPUS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith(".xlsx") && !f.startsWith("~$"))
    .sort();
}

/** Runs `plankoll check`'s own per-file function over every corpus workbook. */
export async function runEngine(dir: string = CORPUS_DIR): Promise<EngineRun> {
  const files = corpusFiles(dir);
  const findings: CorpusFinding[] = [];
  const unreadable: Record<string, string> = {};
  for (const file of files) {
    const result = await checkFile(join(dir, file), embeddedPlan, "sv");
    if (result.error !== null) unreadable[file] = result.error.message;
    for (const f of result.findings) {
      if (f.severity === "info" || f.sheet === null || f.cell === null) continue;
      const causedBy = (f as Finding & { causedBy?: unknown }).causedBy;
      findings.push({
        file,
        sheet: f.sheet,
        cell: f.cell,
        rule: f.rule,
        severity: f.severity,
        message: render(f, "sv"),
        ...(causedBy !== undefined && causedBy !== null ? { causedBy } : {}),
      });
    }
  }
  return { files, findings, unreadable };
}

// ---------------------------------------------------------------------------------------------- scoring

export type Judgement = "tp" | "fp" | "unsure" | "unjudged";

export interface JudgedFinding extends CorpusFinding {
  judgement: Judgement;
  /** The deciding annotation's reason, when there is one. */
  reason?: string;
}

export interface RuleScore {
  /** Error/warning findings without causedBy. */
  findings: number;
  tp: number;
  fp: number;
  unsure: number;
  unjudged: number;
  /** Knock-on findings (causedBy set), not counted above. */
  causedBy: number;
  /** tp / (tp + fp); null when nothing is judged. */
  precision: number | null;
}

export interface MissedProblem {
  file: string;
  sheet: string;
  area: string;
  rules: string[];
  reason: string;
}

export interface Score {
  perRule: Record<string, RuleScore>;
  overall: RuleScore;
  recall: { problems: number; found: number; recall: number | null; missed: MissedProblem[] };
  judged: JudgedFinding[];
  unjudged: JudgedFinding[];
  falsePositives: JudgedFinding[];
}

function emptyScore(): RuleScore {
  return { findings: 0, tp: 0, fp: 0, unsure: 0, unjudged: 0, causedBy: 0, precision: null };
}

/** Judges one finding by the annotation covering its cell (see the annotation format). */
export function judge(f: CorpusFinding, book: WorkbookAnnotations | undefined): JudgedFinding {
  const a = annotationAt(book, f.sheet, f.cell);
  if (!a) return { ...f, judgement: "unjudged" };
  const judgement: Judgement =
    a.verdict === "unsure" ? "unsure" : a.verdict === "problem" && a.rules?.includes(f.rule) ? "tp" : "fp";
  return { ...f, judgement, reason: a.reason };
}

/** Scores findings against annotations: precision per rule and overall, recall over `problem` annotations. */
export function scoreFindings(findings: readonly CorpusFinding[], annotations: LoadedAnnotations): Score {
  const perRule: Record<string, RuleScore> = {};
  const overall = emptyScore();
  const judged: JudgedFinding[] = [];
  for (const f of findings) {
    const s = (perRule[f.rule] ??= emptyScore());
    if (f.causedBy !== undefined) {
      s.causedBy++;
      overall.causedBy++;
      continue;
    }
    const j = judge(f, annotations.byFile.get(f.file));
    judged.push(j);
    for (const t of [s, overall]) {
      t.findings++;
      t[j.judgement]++;
    }
  }
  for (const t of [...Object.values(perRule), overall])
    t.precision = t.tp + t.fp > 0 ? t.tp / (t.tp + t.fp) : null;

  // Recall: every problem annotation needs an error/warning finding with a listed rule in its area
  // (knock-on findings count here: the problem is reported).
  const missed: MissedProblem[] = [];
  let problems = 0;
  for (const book of annotations.byFile.values()) {
    for (const a of book.cells) {
      if (a.verdict !== "problem") continue;
      problems++;
      const hit = findings.some((f) => {
        if (f.file !== book.file || f.sheet !== a.sheet || !a.rules?.includes(f.rule)) return false;
        const p = parseRange(f.cell);
        return (
          !!p &&
          p.firstRow >= a.bounds.firstRow &&
          p.firstRow <= a.bounds.lastRow &&
          p.firstCol >= a.bounds.firstCol &&
          p.firstCol <= a.bounds.lastCol
        );
      });
      if (!hit)
        missed.push({
          file: book.file,
          sheet: a.sheet,
          area: (a.cell ?? a.range) as string,
          rules: a.rules ?? [],
          reason: a.reason,
        });
    }
  }
  return {
    perRule,
    overall,
    recall: {
      problems,
      found: problems - missed.length,
      recall: problems ? (problems - missed.length) / problems : null,
      missed,
    },
    judged,
    unjudged: judged.filter((j) => j.judgement === "unjudged"),
    falsePositives: judged.filter((j) => j.judgement === "fp"),
  };
}

/** The issue-9 goals. */
export const GOALS = { precision: 0.9, recall: 0.9, minFindingsForRuleGoal: 10 } as const;

/** Runs the engine over the corpus and scores it. Throws when annotations are malformed (the test names them). */
export async function scoreCorpus(): Promise<Score & { run: EngineRun; annotations: LoadedAnnotations }> {
  const annotations = loadAnnotations();
  if (annotations.errors.length) throw new Error(`malformed annotations:\n${annotations.errors.join("\n")}`);
  const run = await runEngine();
  return { ...scoreFindings(run.findings, annotations), run, annotations };
}

// ---------------------------------------------------------------------------------------------- report

const pct = (x: number | null) => (x === null ? "   –  " : `${(x * 100).toFixed(1).padStart(5)} %`);
const ratio = (x: number | null, goal: number) => (x === null ? "–" : (x / goal).toFixed(2));

/** The figures as lines, for the bench and for test messages. */
export function formatScore(score: Score, options: { list?: boolean } = {}): string[] {
  const lines: string[] = [];
  lines.push(
    "rule                   findings    TP    FP unsure unjudged causedBy  precision  ratio to goal 0.9",
  );
  const row = (name: string, s: RuleScore, goal: boolean) =>
    `${name.padEnd(22)} ${String(s.findings).padStart(8)} ${String(s.tp).padStart(5)} ${String(s.fp).padStart(5)} ${String(s.unsure).padStart(6)} ${String(s.unjudged).padStart(8)} ${String(s.causedBy).padStart(8)}  ${pct(s.precision)}  ${goal ? ratio(s.precision, GOALS.precision) : "(under 10 findings: no goal)"}`;
  for (const rule of Object.keys(score.perRule).sort())
    lines.push(row(rule, score.perRule[rule], score.perRule[rule].findings >= GOALS.minFindingsForRuleGoal));
  lines.push(row("overall", score.overall, true));
  const r = score.recall;
  lines.push(
    `recall: ${r.found}/${r.problems} problem annotations found = ${pct(r.recall).trim()}, ratio to goal 0.9: ${ratio(r.recall, GOALS.recall)}`,
  );
  lines.push(`unjudged findings: ${score.unjudged.length} (goal 0)`);
  if (options.list) {
    const show = (f: JudgedFinding) =>
      `  ${f.file} | ${f.sheet}!${f.cell} | ${f.rule} ${f.severity} | ${f.message}${f.reason ? ` || annotation: ${f.reason}` : ""}`;
    lines.push(`false alarms (${score.falsePositives.length}):`, ...score.falsePositives.map(show));
    lines.push(`unjudged (${score.unjudged.length}):`, ...score.unjudged.map(show));
    lines.push(
      `missed problems (${r.missed.length}):`,
      ...r.missed.map((m) => `  ${m.file} | ${m.sheet}!${m.area} | ${m.rules.join(",")} | ${m.reason}`),
    );
  } else
    lines.push(
      "(list false alarms, unjudged findings and missed problems: `npm run bench -- precision --list` or PRECISION_LIST=1)",
    );
  return lines;
}
