/**
 * `plankoll check` as a finance office runs it over a folder of incoming workbooks: patterns the shell did not
 * expand (cmd.exe, PowerShell, a bash glob without matches), the same file twice, Excel's lock files, folders,
 * names with spaces and åäö, English throughout with --lang en, and JSON that stays one document on stdout.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expandFileArgs } from "../../../src/cli/commands/check";
import { runCli as run } from "../../support/cli";

const EXAMPLE = join(__dirname, "../../../examples/budget-2019.xlsx");
const CLEAN = join(__dirname, "../../fixtures/workbooks/plan.mismatch/not-plan-table-as-printed.xlsx");

const SWEDISH =
  /[åäöÅÄÖ]|\b(och|eller|fil|filer|ange|okänd|okänt|Användning|flagga|saknar|språk|inga|kan inte)\b/;

const root = mkdtempSync(join(tmpdir(), "plankoll-inkommet-"));
const inkommet = join(root, "Inkommet (2019) [v1]");
beforeAll(() => {
  mkdirSync(join(inkommet, "arkiv"), { recursive: true });
  copyFileSync(CLEAN, join(inkommet, "Avd 2 Vård & omsorg.xlsx"));
  copyFileSync(CLEAN, join(inkommet, "Avd 10 Näringsliv.xlsx"));
  copyFileSync(EXAMPLE, join(inkommet, "Avd 1 HR.xlsx"));
  writeFileSync(join(inkommet, "läsmig.txt"), "inte en arbetsbok\n");
  // What Excel leaves beside an open workbook: 165 bytes, the user's name.
  writeFileSync(
    join(inkommet, "~$d 1 HR.xlsx"),
    Buffer.concat([Buffer.from([5]), Buffer.from("Kalle Ekonom".padEnd(164))]),
  );
});

describe("file arguments", () => {
  test("a pattern the shell passed through is expanded, in Swedish name order (2 before 10), folders left out", async () => {
    const files = await expandFileArgs([join(inkommet, "*.xlsx")], "sv");
    expect(files.map((f) => f.file)).toEqual(
      [
        join(inkommet, "~$d 1 HR.xlsx"),
        join(inkommet, "Avd 1 HR.xlsx"),
        join(inkommet, "Avd 2 Vård & omsorg.xlsx"),
        join(inkommet, "Avd 10 Näringsliv.xlsx"),
      ].sort(new Intl.Collator("sv", { numeric: true }).compare),
    );
    expect(files.every((f) => f.error === undefined)).toBe(true);
  });

  test("brackets and parentheses in the folder's name are literal; * matches any case on Windows", async () => {
    expect((await expandFileArgs([join(inkommet, "Avd ?0 *.xlsx")], "sv")).map((f) => f.file)).toEqual([
      join(inkommet, "Avd 10 Näringsliv.xlsx"),
    ]);
    expect(await expandFileArgs([join(inkommet, "*.XLSX")], "sv", "linux")).toEqual([
      { file: join(inkommet, "*.XLSX"), error: "inga filer matchar mönstret" },
    ]);
    expect(
      (await expandFileArgs([join(inkommet, "avd 1 *.XLSX")], "sv", "win32")).map((f) => f.file),
    ).toEqual([join(inkommet, "Avd 1 HR.xlsx")]);
  });

  test("a Windows pattern with backslashes (cmd.exe: inkommet\\*.xlsx)", async () => {
    const files = await expandFileArgs([`${inkommet}\\Avd 1 *.xlsx`], "sv", "win32");
    expect(files).toEqual([{ file: join(inkommet, "Avd 1 HR.xlsx") }]);
  });

  test("the same file named twice (or by a pattern and by name) is checked once", async () => {
    const a = join(inkommet, "Avd 1 HR.xlsx");
    const files = await expandFileArgs(
      [a, join(inkommet, ".", "Avd 1 HR.xlsx"), join(inkommet, "Avd 1 *.xlsx")],
      "sv",
    );
    expect(files).toEqual([{ file: a }]);
  });

  test("an existing file whose name holds * or ? is not treated as a pattern", async () => {
    const odd = join(root, "vad?.xlsx");
    copyFileSync(CLEAN, odd);
    expect(await expandFileArgs([odd], "sv")).toEqual([{ file: odd }]);
  });
});

describe("plankoll check over a folder", () => {
  test("unexpanded pattern: every workbook checked, the lock file skipped with a note on stderr", async () => {
    const r = await run("check", join(inkommet, "*.xlsx"));
    expect(r.code).toBe(1);
    expect(r.out).toContain("Avd 1 HR.xlsx: 4 fel, 2 varningar, 1 info");
    expect(r.out).toContain("Avd 2 Vård & omsorg.xlsx: inga fel eller varningar");
    expect(r.out).toContain("Avd 10 Näringsliv.xlsx: inga fel eller varningar");
    expect(r.out).not.toContain("~$");
    expect(r.out).toContain("Kontrollerade 3 filer: 4 fel, 2 varningar, 1 info.");
    expect(r.err).toBe(
      `plankoll check: hoppar över ${join(inkommet, "~$d 1 HR.xlsx")}: Excels låsfil medan ${join(inkommet, "d 1 HR.xlsx")} är öppen\n`,
    );
  });

  test("a pattern that matched nothing is reported like an unreadable file (exit 2), the rest still checked", async () => {
    const r = await run("check", join(inkommet, "Avd 2*.xlsx"), join(inkommet, "*.xls"), "--format", "json");
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out);
    expect(doc.files.map((f: { file: string; error: unknown }) => [f.file, f.error])).toEqual([
      [join(inkommet, "Avd 2 Vård & omsorg.xlsx"), null],
      [join(inkommet, "*.xls"), { code: "no-match", message: "inga filer matchar mönstret" }],
    ]);
  });

  test("a folder is unreadable with a hint naming its workbooks", async () => {
    const r = await run("check", join(inkommet, "arkiv"), "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      `is a directory, not a file; name the workbooks in it, e.g. "${join(inkommet, "arkiv", "*.xlsx")}"`,
    );
  });

  test("only lock files: nothing to check is a usage error", async () => {
    const r = await run("check", join(inkommet, "~$d 1 HR.xlsx"));
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("inga arbetsböcker att kontrollera");
  });

  test("--format json with unreadable files among good ones: one valid document, nothing else on stdout", async () => {
    const r = await run(
      "check",
      join(inkommet, "*.xlsx"),
      join(inkommet, "läsmig.txt"),
      join(inkommet, "arkiv"),
      join(root, "saknas.xlsx"),
      join(root, "*.xlsm"),
      "--format",
      "json",
      "--lang",
      "en",
    );
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(["files"]);
    expect(doc.files).toHaveLength(7);
    expect(doc.files.filter((f: { error: unknown }) => f.error !== null)).toHaveLength(4);
    for (const f of doc.files) expect(Object.keys(f)).toEqual(["file", "findings", "error"]);
    expect(r.err).toMatch(/^plankoll check: skipping .*~\$d 1 HR\.xlsx: Excel's lock file/);
    expect(r.err).toContain(`${join(root, "saknas.xlsx")}: cannot be read – file not found`);
  });
});

describe("--lang en: every word English", () => {
  test.each([
    [["check", "--lang", "en"]],
    [["check", CLEAN, "--bogus", "--lang", "en"]],
    [["check", CLEAN, "--plan", "--lang=en"]],
    [["check", CLEAN, "--format", "xml", "--lang", "en"]],
    [["check", "--help", "--lang", "en"]],
    [["check", CLEAN, "--plan", "", "--lang", "en"]],
  ])("%j", async (argv) => {
    const r = await run(...argv);
    const text = r.err + r.out;
    expect(text).toMatch(/Usage: plankoll check/);
    expect(text).not.toMatch(SWEDISH);
  });

  test("report, unreadable reasons and the summary", async () => {
    const r = await run(
      "check",
      join(inkommet, "*.xlsx"),
      join(root, "saknas.xlsx"),
      join(root, "*.xlsm"),
      "--lang",
      "en",
    );
    expect(r.code).toBe(2);
    // Sheet names and the workbook's own labels (Näringsliv, Helår …) are data; everything else must be English.
    const ours = r.out
      .split("\n")
      .filter((l) => !/^ {2}/.test(l))
      .join("\n")
      .replaceAll(inkommet, "DIR")
      .replace(/Avd \d+ [^:]+\.xlsx/g, "FILE");
    expect(ours).not.toMatch(SWEDISH);
    expect(r.err).not.toMatch(SWEDISH);
    expect(r.err).toContain("saknas.xlsx: cannot be read – file not found");
    expect(r.err).toContain("*.xlsm: cannot be read – no files match the pattern");
    expect(r.out).toContain("Checked 3 files: 4 errors, 2 warnings, 1 info; 2 files could not be read.");
  });
});

describe("Swedish messages for bad arguments (not Node's English)", () => {
  test.each([
    [["check", CLEAN, "--bogus"], "okänd flagga --bogus"],
    [["check", CLEAN, "--plan"], "--plan saknar värde"],
    [["check", CLEAN, "--plan", ""], "--plan behöver ett filnamn"],
    [["check", CLEAN, ""], "ett tomt filnamn"],
    [["check", CLEAN, "--format", "xml"], 'okänt format / unknown format "xml" (text|json)'],
    [["check", CLEAN, "--lang", "fi"], 'okänt språk / unknown language "fi" (sv|en)'],
  ])("%j", async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(`plankoll check: ${message}\n`);
    expect(r.err).not.toMatch(/Unknown option|argument missing|positional/);
  });

  test("a plan file that breaks the schema lists every problem, as plankoll plan does", async () => {
    const bad = join(root, "plan.json");
    writeFileSync(bad, JSON.stringify({ a: 1 }));
    const r = await run("check", CLEAN, "--plan", bad);
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toMatch(/följer inte planformatet: .* \(och \d+ fel till\)$/);
    expect(r.err).toMatch(/\n {2}- goals: /);
  });
});
