/**
 * The corpus annotations (tests/corpus/annotations/*.json) are well-formed and point at cells that exist, and the
 * scorer judges findings the way tests/corpus/README.md says. The goals themselves are in precision.goals.test.ts.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseRange } from "../../src/model/address";
import { readWorkbookFile } from "../../src/cli/xlsx";
import {
  CORPUS_DIR,
  REPO_ROOT,
  corpusFiles,
  judge,
  loadAnnotations,
  scoreFindings,
  type CorpusFinding,
} from "./score";

const corpusPresent = corpusFiles().length > 0;

describe("corpus annotations", () => {
  const loaded = loadAnnotations();

  test("every annotation file and entry is well-formed", () => {
    expect(loaded.errors).toEqual([]);
    expect(loaded.byFile.size).toBeGreaterThan(0);
  });

  (corpusPresent ? test : test.skip)(
    "every annotated workbook, sheet, and cell or range exists (a typo is caught)",
    async () => {
      const problems: string[] = [];
      for (const book of loaded.byFile.values()) {
        const path = join(CORPUS_DIR, book.file);
        if (!existsSync(path)) {
          problems.push(`${book.file}: no such workbook in ${CORPUS_DIR}`);
          continue;
        }
        const snapshot = await readWorkbookFile(path);
        const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
        for (const s of book.complete)
          if (!sheets.has(s)) problems.push(`${book.file}: complete names no sheet "${s}"`);
        for (const a of book.cells) {
          const at = `annotations/${a.source} cells[${a.index}] (${a.sheet}!${a.cell ?? a.range})`;
          const sheet = sheets.get(a.sheet);
          if (!sheet) {
            problems.push(`${at}: ${book.file} has no sheet "${a.sheet}"`);
            continue;
          }
          const used = parseRange(sheet.address);
          const b = a.bounds;
          if (
            !used ||
            b.firstRow < used.firstRow ||
            b.firstCol < used.firstCol ||
            b.lastRow > used.lastRow ||
            b.lastCol > used.lastCol
          )
            problems.push(`${at}: outside the sheet's used range ${sheet.address || "(empty)"}`);
        }
      }
      expect(problems).toEqual([]);
    },
    120_000,
  );
});

test("every finding of the baseline sample (tests/corpus/baseline-sample.json) is judged", () => {
  const loaded = loadAnnotations();
  const sample = JSON.parse(readFileSync(join(REPO_ROOT, "tests/corpus/baseline-sample.json"), "utf8")) as {
    findings: CorpusFinding[];
  };
  expect(sample.findings.length).toBeGreaterThanOrEqual(150);
  const unjudged = sample.findings
    .filter((f) => judge(f, loaded.byFile.get(f.file)).judgement === "unjudged")
    .map((f) => `${f.file} ${f.sheet}!${f.cell} ${f.rule}`);
  expect(unjudged).toEqual([]);
});

describe("scorer", () => {
  const dir = mkdtempSync(join(tmpdir(), "plankoll-annot-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, body: unknown) => writeFileSync(join(dir, name), JSON.stringify(body));

  test("a malformed entry is named by file, index and cell", () => {
    write("bad.json", {
      file: "x.xlsx",
      complete: [],
      cells: [
        { sheet: "S", cell: "B2", verdict: "ok", reason: "a SUM of its block" },
        { sheet: "S", cell: "B2:B4", verdict: "problem", reason: "cell holds a range and no rules" },
        { sheet: "S", range: "ZZZZ9", verdict: "maybe", reason: "bad" },
      ],
    });
    const { errors } = loadAnnotations(dir);
    expect(errors.some((e) => e.startsWith("annotations/bad.json cells[1] (S!B2:B4)"))).toBe(true);
    expect(errors.some((e) => e.includes("cells[1]") && e.includes("rules"))).toBe(true);
    expect(errors.some((e) => e.startsWith("annotations/bad.json cells[2]") && e.includes("A1"))).toBe(true);
    expect(errors.some((e) => e.includes("cells[0]"))).toBe(false);
    rmSync(join(dir, "bad.json"));
  });

  test("TP, FP, unsure, unjudged, causedBy and recall", () => {
    write("book.json", {
      file: "book.xlsx",
      complete: ["S"],
      cells: [
        { sheet: "S", range: "B10:F10", verdict: "ok", reason: "subtotals of their own blocks" },
        {
          sheet: "S",
          cell: "D10",
          verdict: "problem",
          rules: ["sum.range-gap"],
          reason: "misses row 6 the peers include",
        },
        { sheet: "S", cell: "H3", verdict: "unsure", reason: "cannot tell from the workbook" },
        {
          sheet: "S",
          cell: "J20",
          verdict: "problem",
          rules: ["sum.hardcoded"],
          reason: "typed total among formulas",
        },
      ],
    });
    const f = (
      cell: string,
      rule: CorpusFinding["rule"],
      extra: Partial<CorpusFinding> = {},
    ): CorpusFinding => ({
      file: "book.xlsx",
      sheet: "S",
      cell,
      rule,
      severity: "error",
      message: "m",
      ...extra,
    });
    const score = scoreFindings(
      [
        f("B10", "sum.mismatch"), // ok range → FP
        f("D10", "sum.range-gap"), // the smaller (cell) annotation wins → TP
        f("D10", "sum.mismatch"), // problem but another rule → FP
        f("H3", "sum.mismatch"), // unsure
        f("A1", "cell.error"), // no annotation → unjudged
        f("C10", "sum.mismatch", { causedBy: "D10" }), // knock-on: counted apart
      ],
      loadAnnotations(dir),
    );
    expect(score.perRule["sum.mismatch"]).toMatchObject({
      findings: 3,
      tp: 0,
      fp: 2,
      unsure: 1,
      causedBy: 1,
      precision: 0,
    });
    expect(score.perRule["sum.range-gap"]).toMatchObject({ findings: 1, tp: 1, fp: 0, precision: 1 });
    expect(score.overall).toMatchObject({ findings: 5, tp: 1, fp: 2, unsure: 1, unjudged: 1, causedBy: 1 });
    expect(score.overall.precision).toBeCloseTo(1 / 3);
    expect(score.unjudged.map((u) => u.cell)).toEqual(["A1"]);
    expect(score.recall).toMatchObject({ problems: 2, found: 1 });
    expect(score.recall.missed.map((m) => m.area)).toEqual(["J20"]);
  });

  test("two entries on the same area with different verdicts are a contradiction", () => {
    write("twice.json", {
      file: "t.xlsx",
      complete: [],
      cells: [
        { sheet: "S", cell: "B2", verdict: "ok", reason: "a SUM of its block" },
        { sheet: "S", cell: "B2", verdict: "unsure", reason: "said twice, differently" },
      ],
    });
    expect(loadAnnotations(dir).errors.some((e) => e.includes("contradicts"))).toBe(true);
  });
});
