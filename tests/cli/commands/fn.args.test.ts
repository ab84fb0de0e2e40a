/** `plankoll fn` with odd arguments: counts, empty strings, sv-SE numbers, names in any case, English throughout. */
import { signature } from "../../../src/cli/commands/fn";
import { resolveFunction } from "../../../src/functions/core";
import { runCli } from "../../support/cli";

async function fn(...argv: string[]) {
  const { code, out, err } = await runCli("fn", ...argv);
  return { code, stdout: out, stderr: err };
}

const SWEDISH =
  /[åäöÅÄÖ]|\b(och|eller|ange|okänd|okänt|Användning|flagga|saknar|språk|tar|fick|argumentet)\b/i;

describe("argument counts: Excel refuses such a formula, so it is a usage error (exit 2), not an error value", () => {
  test("no arguments where one is required", async () => {
    expect(await fn("MALVARDE")).toEqual({
      code: 2,
      stdout: "",
      stderr: "plankoll fn: MALVARDE tar 1–2 argument, fick 0: MALVARDE(mål; [år])\n",
    });
  });

  test("too many", async () => {
    expect(await fn("MALVARDE", "Total sjukfrånvaro", "2019", "1", "2", "3")).toEqual({
      code: 2,
      stdout: "",
      stderr: "plankoll fn: MALVARDE tar 1–2 argument, fick 5: MALVARDE(mål; [år])\n",
    });
    expect(await fn("goal", "a", "b", "--lang", "en")).toEqual({
      code: 2,
      stdout: "",
      stderr: "plankoll fn: GOAL takes 1 argument, got 2: GOAL(search)\n",
    });
  });

  test("MALLISTA takes none", async () => {
    expect((await fn("MALLISTA")).code).toBe(0);
  });

  test("an empty string is a given (empty) argument: #VALUE! on stdout, the reason on stderr, exit 1", async () => {
    expect(await fn("MALVARDE", "")).toEqual({
      code: 1,
      stdout: "#VALUE!\n",
      stderr: "Argumentet mål saknas.\n",
    });
    expect(await fn("GOAL", "", "--lang", "en")).toEqual({
      code: 1,
      stdout: "#VALUE!\n",
      stderr: "The argument search is missing.\n",
    });
  });

  test("signatures as Excel writes them in each language", () => {
    expect(signature(resolveFunction("BUDGET")!, "sv")).toBe("BUDGET(post; [år]; [mått]; [enhet])");
    expect(signature(resolveFunction("UTFALL")!, "en")).toBe("OUTCOME(goal, [year])");
  });
});

describe("names and numbers", () => {
  test("lower-case and English names", async () => {
    for (const name of ["malvarde", "Malvarde", "target", "TARGET"])
      expect((await fn(name, "Total sjukfrånvaro", "2019")).stdout).toBe("0.03\n");
  });

  test('sv-SE numbers: a year written "2 019", a value "3,2 %" or "0,029"', async () => {
    expect(await fn("MALVARDE", "Total sjukfrånvaro", "2 019")).toEqual({
      code: 0,
      stdout: "0.03\n",
      stderr: "",
    });
    expect((await fn("MALUPPFYLLELSE", "Total sjukfrånvaro", "0,029")).stdout).toBe("TRUE\n");
    expect((await fn("AVVIKELSE", "Total sjukfrånvaro", "3,2 %")).stdout).toBe("-0.002\n");
    expect((await fn("BUDGET", "HR", "2019", "Budget", "tkr")).stdout).toBe("64308\n");
  });

  test('a number in the wrong place is echoed as the user wrote it: "3,5", or 3.5 with --lang en', async () => {
    expect(await fn("BUDGET", "HR", "2019", "Budget", "3,5")).toEqual({
      code: 1,
      stdout: "#VALUE!\n",
      stderr: 'Okänd enhet "3,5": ange kr, tkr eller mnkr.\n',
    });
    expect((await fn("BUDGET", "HR", "2019", "Budget", "3,5", "--lang", "en")).stderr).toBe(
      'Unknown unit "3.5": use kr, tkr or mnkr.\n',
    );
  });

  test("a negative number is an argument, not a flag", async () => {
    const r = await fn("AVVIKELSE", "Total sjukfrånvaro", "-1");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });
});

describe("--lang en: every word English, wherever the flag stands", () => {
  test.each([
    [["--bogus", "MALVARDE", "x", "--lang", "en"]],
    [["MALVARDE", "x", "--plan", "", "--lang", "en"]],
    [["--lang", "en", "MALVARDE", "x", "--plan"]],
    [["--lang", "en"]],
    [["SUMMA", "1", "--lang", "en"]],
    [["--help", "--lang", "en"]],
  ])("%j", async (argv) => {
    const r = await fn(...argv);
    expect(r.stdout + r.stderr).toMatch(/Usage: plankoll fn/);
    // Quoted examples are goal titles from the (Swedish) plan: data, not our words.
    expect((r.stdout + r.stderr).replace(/"[^"]*"/g, "")).not.toMatch(SWEDISH);
  });

  test("the Swedish run keeps Swedish messages", async () => {
    const r = await fn("MALVARDE", "x", "--bogus");
    expect(r.stderr).toMatch(/^plankoll fn: okänd flagga --bogus\nAnvändning: plankoll fn/);
    const empty = await fn("MALVARDE", "x", "--plan", "");
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^plankoll fn: --plan behöver ett filnamn\n/);
  });
});

test("--plan with a file that breaks the schema lists every problem, as plan and check do", async () => {
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const bad = join(mkdtempSync(join(tmpdir(), "plankoll-fn-plan-")), "plan.json");
  writeFileSync(bad, JSON.stringify({ a: 1 }));
  const r = await fn("MALVARDE", "x", "--plan", bad, "--lang", "en");
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.split("\n")[0]).toMatch(/does not follow the plan format: .* \(and \d+ more\)$/);
  expect(r.stderr).toMatch(/\n {2}- goals: /);
});
