/** The `plankoll` dispatcher in-process: version, help, languages, unknown commands, exit codes. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli as run } from "../support/cli";

const pkg = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as { version: string };

/** Words that give Swedish text away in what should be all English. */
const SWEDISH = /[åäöÅÄÖ]|\b(och|eller|fil|filer|ange|okänd|okänt|kommando|Användning|flagga|saknar|språk)\b/;

describe("--version", () => {
  test.each([["--version"], ["-v"], ["version"], ["--lang", "en", "--version"]])(
    "%s prints the package version on stdout, exit 0",
    async (...argv) => {
      expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(await run(...argv)).toEqual({ code: 0, out: `${pkg.version}\n`, err: "" });
    },
  );
});

describe("help", () => {
  test("no arguments: the usage on stderr, exit 2, nothing on stdout", async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/plankoll check/);
    expect(r.err).toMatch(/plankoll --version/);
  });

  test("--help, -h and help: the usage on stdout, exit 0", async () => {
    for (const argv of [["--help"], ["-h"], ["help"]]) {
      const r = await run(...argv);
      expect(r).toMatchObject({ code: 0, err: "" });
      for (const cmd of ["check", "fn", "plan", "import"]) expect(r.out).toContain(`plankoll ${cmd}`);
    }
  });

  test("help COMMAND and --help COMMAND show that command's usage", async () => {
    for (const cmd of ["check", "fn", "plan", "import"]) {
      for (const argv of [
        ["help", cmd],
        ["--help", cmd],
      ]) {
        const r = await run(...argv);
        expect(r.code).toBe(0);
        expect(r.err).toBe("");
        expect(r.out).toMatch(new RegExp(`plankoll ${cmd} `));
        expect(r.out).not.toMatch(
          /plankoll (check|fn|plan|import) .*\n.*plankoll (check|fn|plan|import) [A-Z[]/,
        );
      }
    }
  });

  test("help for an unknown command is a usage error", async () => {
    const r = await run("help", "kolla");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain('okänt kommando "kolla"');
  });

  test("--lang en: every word of the usage is English", async () => {
    for (const argv of [
      ["--help", "--lang", "en"],
      ["--lang", "en", "--help"],
      ["--lang=en", "help"],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Usage:/);
      expect(r.out).not.toMatch(SWEDISH);
    }
    const none = await run("--lang", "en");
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^Usage:/);
    expect(none.err).not.toMatch(SWEDISH);
  });

  test("help COMMAND --lang en: the command's usage in English", async () => {
    for (const cmd of ["check", "fn", "plan", "import"]) {
      const r = await run("help", cmd, "--lang", "en");
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Usage: plankoll ${cmd} `));
    }
  });

  test("--lang en before the command reaches the command", async () => {
    const r = await run("--lang", "en", "help", "check");
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(SWEDISH);
    const fn = await run("--lang", "en", "fn", "TARGET", "Förtätning");
    expect(fn.code).toBe(1);
    expect(fn.err).toMatch(/has no target for 2019/);
  });
});

describe("unknown commands and options", () => {
  test.each(["kolla", "constructor", "toString", "__proto__", "hasOwnProperty"])(
    "%s is an unknown command: message and usage on stderr, exit 2, no crash",
    async (name) => {
      const r = await run(name, "x");
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toContain(`okänt kommando "${name}"`);
    },
  );

  test("an unknown command in English", async () => {
    const r = await run("kolla", "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "kolla"');
    expect(r.err).not.toMatch(SWEDISH);
  });

  test("an unknown option before the command", async () => {
    const r = await run("--verbose", "check", "a.xlsx");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("okänd flagga --verbose");
  });

  test("command names are not case-sensitive (CHECK as typed with caps lock)", async () => {
    const r = await run("PLAN", "--format", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).goals).toHaveLength(29);
  });
});
