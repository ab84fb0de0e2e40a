/**
 * `plankoll import`: in-process through main() for text, JSON and usage errors; PDFs through the built CLI
 * (bin/plankoll.js → lib/, built by `npm ci`/`npm install` via prepare; rebuilt here when older than src), since
 * Jest cannot load the ESM-only pdfjs in-process.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parsePlan } from "../../../src/plan/schema";
import { DOCUMENT_FINDING_FIELDS } from "../../support/findingFields";
import { runCli } from "../../support/cli";
import { ensureCliBuilt } from "../../support/builtCli";

const ROOT = join(__dirname, "..", "..", "..");
const SEED = join(ROOT, "tests", "fixtures", "seed", "KSKF-2018-294.txt");
const DOCS = join(ROOT, "tests", "fixtures", "documents");
const EMBEDDED_JSON = join(ROOT, "src", "plan", "data", "eskilstuna-2019.json");

const run = (args: string[]) => runCli("import", ...args);

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), "plankoll-import-"));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe("plankoll import (text and JSON, in-process)", () => {
  test("Swedish summary: counts per part, items to review with pages, the document's findings", async () => {
    const r = await run([SEED]);
    expect(r.out).toMatch(
      /Verksamhetsplan 2019 Kommunledningskontoret \(Eskilstuna kommun, KSKF\/2018:294\)/,
    );
    expect(r.out).toMatch(/Processmål\s+29/);
    expect(r.out).toMatch(/Styrkortsmått\s+5/);
    expect(r.out).toMatch(/Budgetrader\s+7/);
    expect(r.out).toMatch(/Investeringar\s+3/);
    expect(r.out).toMatch(/Åtaganden\s+33/);
    expect(r.out).toMatch(/Att granska \(12\):/);
    expect(r.out).toContain(
      's. 21 "Ekonomisk redovisning per avdelning": Kolumnen "Utfall 2017" anges i tkr',
    );
    expect(r.out).toContain('info plan.inconsistent (s. 5, rad "För sex processmål');
    // The one finding is an info (the text's "sex processmål" vs partial-year figures), so exit 0.
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
  });

  test("--lang en", async () => {
    const r = await run([SEED, "--lang", "en"]);
    expect(r.out).toMatch(/Goals\s+29/);
    expect(r.out).toMatch(/To review \(12\):/);
    expect(r.out).toContain("p. 21");
  });

  test("--format json: { plan, warnings, findings }, the plan valid", async () => {
    const r = await run([SEED, "--format", "json"]);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(["plan", "warnings", "findings"]);
    expect(parsePlan(doc.plan).goals).toHaveLength(29);
    expect(doc.warnings).toHaveLength(12);
    expect(doc.findings[0]).toEqual(
      expect.objectContaining({ rule: "plan.inconsistent", sheet: null, cell: null, page: 5 }),
    );
    expect(Object.keys(doc.findings[0])).toEqual(DOCUMENT_FINDING_FIELDS);
  });

  test("--out writes the validated plan, and nothing else in the folder", async () => {
    const out = join(tmp, "plan.json");
    const r = await run([SEED, "--out", out]);
    expect(r.out).toContain(`Planen skrevs till ${out}.`);
    const written = parsePlan(JSON.parse(readFileSync(out, "utf8")));
    expect(written.goals).toHaveLength(29);
    expect(readdirSync(tmp)).toEqual(["plan.json"]);
  });

  test("--out to a folder that does not exist: exit 2, no file", async () => {
    const out = join(tmp, "saknas", "plan.json");
    const r = await run([SEED, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/saknas/);
    expect(existsSync(out)).toBe(false);
  });

  test("a plan JSON file is imported through parsePlan and checked", async () => {
    const r = await run([EMBEDDED_JSON, "--format", "json"]);
    const doc = JSON.parse(r.out);
    expect(doc.plan.id).toBe("eskilstuna-klk-2019");
    expect(doc.warnings).toEqual([]);
  });

  test("a broken plan JSON file: exit 2 naming the problem", async () => {
    const bad = join(tmp, "bad.json");
    writeFileSync(bad, '{"schemaVersion": 1, "id": ""}');
    const r = await run([bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.json: .*id/);
    const notJson = join(tmp, "x.json");
    writeFileSync(notJson, "{ inte json");
    const r2 = await run([notJson]);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/inte giltig JSON/);
    const r3 = await run([notJson, "--lang", "en"]);
    expect(r3.code).toBe(2);
    expect(r3.err).toMatch(/^plankoll import: The file is not valid JSON: /);
  });

  test("usage errors and unreadable input: exit 2 with a message, nothing on stdout", async () => {
    for (const args of [
      [],
      [SEED, SEED],
      [SEED, "--format", "xml"],
      [SEED, "--lang", "de"],
      [SEED, "--bogus"],
    ]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/plankoll import: .+\n(Användning|Användning \/ usage)/);
      expect(r.out).toBe("");
    }
    const missing = await run([join(tmp, "finns-inte.txt")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/filen finns inte/);
    const other = await run([join(tmp, "plan.docx")]);
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/okänd filtyp/);
  });

  test("a text file that is not a PDF but named .pdf: exit 2, 'not a PDF'", async () => {
    const r = await run([join(DOCS, "not-a-pdf.pdf")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/filen är inte en PDF/);
    const en = await run([join(DOCS, "not-a-pdf.pdf"), "--lang", "en"]);
    expect(en.err).toMatch(/the file is not a PDF/);
  });
});

function cli(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "plankoll.js"), "import", ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("plankoll import FILE.pdf (built CLI)", () => {
  beforeAll(() => {
    ensureCliBuilt();
    expect(existsSync(join(ROOT, "lib", "cli", "pdf.js"))).toBe(true);
  });

  test("planted sum error: exit 1, JSON finding with page, row and column", () => {
    const r = cli([join(DOCS, "budget-sum-error.pdf"), "--format", "json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.findings).toEqual([
      expect.objectContaining({ rule: "sum.mismatch", page: 1, row: "Totalt", column: "Budget 2020" }),
    ]);
  });

  test("correct document with rounding: exit 0, 'inga fel'", () => {
    const r = cli([join(DOCS, "rounding-ok.pdf")]);
    expect(r.err).toBe("");
    expect(r.out).toContain("Dokumentets egna summor: inga fel.");
    expect(r.code).toBe(0);
  });

  test("encrypted, scanned (no text) and not-a-PDF: exit 2 with a clear message, no stack trace", () => {
    const cases: [string, RegExp][] = [
      ["encrypted.pdf", /krypterad eller lösenordsskyddad/],
      ["scanned.pdf", /ingen text \(inskannad bild\?\)/],
      ["not-a-pdf.pdf", /inte en PDF/],
    ];
    for (const [file, message] of cases) {
      const r = cli([join(DOCS, file)]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(r.out).toBe("");
    }
    expect(cli([join(DOCS, "encrypted.pdf"), "--lang", "en"]).err).toMatch(/encrypted or password-protected/);
  });

  test("--out from a PDF writes a valid plan", () => {
    const out = join(tmp, "plan.json");
    const r = cli([join(DOCS, "rounding-ok.pdf"), "--out", out]);
    expect(r.code).toBe(0);
    expect(parsePlan(JSON.parse(readFileSync(out, "utf8"))).goals).toHaveLength(3);
  });
});
