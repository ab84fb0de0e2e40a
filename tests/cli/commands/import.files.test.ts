/**
 * `plankoll import` on odd files and odd --out targets: one clear line, exit 2, never a stack trace, never a
 * partial or empty plan written; --lang en English throughout.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { outError } from "../../../src/cli/commands/import";
import { runCli } from "../../support/cli";

const SEED = join(__dirname, "..", "..", "fixtures", "seed", "KSKF-2018-294.txt");

const run = (...argv: string[]) => runCli("import", ...argv);

const SWEDISH =
  /[åäöÅÄÖ]|\b(och|eller|fil|ange|okänd|okänt|Användning|flagga|saknar|språk|mappen|finns inte)\b/;

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), "plankoll-import-odd-"));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

describe("inputs that hold no plan", () => {
  test.each([
    ["tom.txt", "", /: filen är tom\n$/],
    ["blank.txt", " \n\n\t\n", /: filen är tom\n$/],
    ["bom.txt", "\uFEFF\n", /: filen är tom\n$/],
    ["tom.json", "", /: filen är tom\n$/],
    ["brev.txt", "Hej!\nTack för senast. Vi ses på mötet i morgon.\n", /inga planuppgifter hittades/],
  ])("%s: exit 2, nothing on stdout, --out not written", async (name, content, message) => {
    const out = join(tmp, "plan.json");
    const r = await run(file(name, content), "--out", out);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^plankoll import: /);
    expect(r.err).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  test("a long text without a plan is refused the same way, without a stack trace; --format json still prints the document (plan null)", async () => {
    const big = file("stor.txt", "rad med lite text och talet 12 345\n".repeat(2_000));
    const r = await run(big, "--format", "json");
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as { plan: unknown; findings: unknown[]; warnings: unknown[] };
    expect(doc.plan).toBeNull();
    expect(Array.isArray(doc.findings)).toBe(true);
    expect(r.err).toContain("inga planuppgifter hittades");
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe("files of the wrong kind or place", () => {
  test("a .docx: which types work and what to do", async () => {
    const r = await run(file("plan.docx", "PK\u0003\u0004 inte riktigt"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /okänd filtyp "\.docx": ange en PDF, en textfil \(\.txt\) eller en plan i JSON; spara Word-dokument som PDF först/,
    );
    const en = await run(join(tmp, "plan.docx"), "--lang", "en");
    expect(en.err).toMatch(/unknown file type "\.docx": .*save Word documents as PDF first/);
    expect(en.err).not.toMatch(SWEDISH);
  });

  test("a missing PDF says 'file not found', not a system code", async () => {
    const r = await run(join(tmp, "saknas.pdf"));
    expect(r).toEqual({
      code: 2,
      out: "",
      err: `plankoll import: ${join(tmp, "saknas.pdf")}: filen finns inte\n`,
    });
    const en = await run(join(tmp, "saknas.pdf"), "--lang", "en");
    expect(en.err).toBe(`plankoll import: ${join(tmp, "saknas.pdf")}: file not found\n`);
  });

  test("a folder as input", async () => {
    mkdirSync(join(tmp, "plan.txt"));
    const r = await run(join(tmp, "plan.txt"), "--lang", "en");
    expect(r).toEqual({
      code: 2,
      out: "",
      err: `plankoll import: ${join(tmp, "plan.txt")}: is a folder, not a file\n`,
    });
  });

  test("a binary file named .txt", async () => {
    const r = await run(
      file("bild.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])),
      "--lang",
      "en",
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain("not a text file");
    expect(r.err).not.toMatch(SWEDISH);
  });
});

describe("--out", () => {
  test("into a folder that does not exist: names the folder, no temporary file name, nothing written", async () => {
    const out = join(tmp, "saknas", "plan.json");
    const r = await run(SEED, "--out", out);
    expect(r).toEqual({
      code: 2,
      out: "",
      err: `plankoll import: ${out}: mappen ${join(tmp, "saknas")} finns inte\n`,
    });
    expect(readdirSync(tmp)).toEqual([]);
  });

  test("onto a folder: asks for a file name, leaves no temporary file behind", async () => {
    mkdirSync(join(tmp, "planer"));
    const r = await run(SEED, "--out", join(tmp, "planer"), "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `plankoll import: ${join(tmp, "planer")}: is a folder; give a file name, e.g. plan.json\n`,
    );
    expect(readdirSync(tmp)).toEqual(["planer"]);
    expect(readdirSync(join(tmp, "planer"))).toEqual([]);
  });

  test("below a file (not a folder)", async () => {
    const f = file("x.txt", "x");
    const r = await run(SEED, "--out", join(f, "plan.json"), "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toBe(`plankoll import: ${join(f, "plan.json")}: the folder ${f} does not exist\n`);
  });

  test("an empty --out is a usage error", async () => {
    const r = await run(SEED, "--out", "");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^plankoll import: --out behöver ett filnamn\n/);
  });

  test("read-only places, in both languages (errno as the OS reports it)", () => {
    const e = (code: string) => Object.assign(new Error(`${code}: open '/x/.plan.json.1a2b.tmp'`), { code });
    expect(outError("/srv/plan.json", e("EACCES"), "sv")).toBe(
      "/srv/plan.json: kan inte skriva i /srv (skrivskyddat eller saknar behörighet)",
    );
    expect(outError("/srv/plan.json", e("EROFS"), "en")).toBe(
      "/srv/plan.json: cannot write in /srv (read-only or no permission)",
    );
    expect(outError("/srv/plan.json", e("EPERM"), "en")).not.toContain(".tmp");
    expect(outError("/srv/plan.json", e("ENOSPC"), "en")).toBe(
      "/srv/plan.json: could not be written (ENOSPC)",
    );
  });
});

describe("--lang en: usage and argument errors all English", () => {
  test.each([
    [["--lang", "en"]],
    [[SEED, SEED, "--lang", "en"]],
    [[SEED, "--bogus", "--lang", "en"]],
    [[SEED, "--format", "xml", "--lang", "en"]],
    [[SEED, "--out", "--lang=en"]],
    [["--help", "--lang", "en"]],
  ])("%j", async (argv) => {
    const r = await run(...argv);
    expect(r.out + r.err).toMatch(/Usage: plankoll import/);
    expect(r.out + r.err).not.toMatch(SWEDISH);
  });
});
