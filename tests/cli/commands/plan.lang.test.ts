/** `plankoll plan` in English and with bad arguments: our own words English with --lang en, Swedish otherwise. */
import { asOfText } from "../../../src/i18n/summary";
import { runCli } from "../../support/cli";

const run = (...argv: string[]) => runCli("plan", ...argv);

const SWEDISH =
  /[åäöÅÄÖ]|\b(och|eller|fil|ange|okänd|okänt|Användning|flagga|saknar|språk|argument \/|t o m)\b/;

test("the outcome's date is English: 't o m augusti 2018' reads 'through August 2018'", async () => {
  const { code, out } = await run("--lang", "en");
  expect(code).toBe(0);
  expect(out).toContain("Process goals (29) – Target 2018 | Outcome through August 2018 | Target 2019");
  expect(out).toContain("      Outcome through August 2018: 3.2\u00a0%");
  expect(out).not.toContain("t o m augusti");
  const sv = await run();
  expect(sv.out).toContain("Processmål (29) – Mål 2018 | Utfall t o m augusti 2018 | Mål 2019");
});

test("asOfText: Swedish as written; English for the forms plans use, anything else as written", () => {
  expect(asOfText("t o m augusti 2018", "sv")).toBe("t o m augusti 2018");
  expect(asOfText("t o m augusti 2018", "en")).toBe("through August 2018");
  expect(asOfText("t.o.m. december 2019", "en")).toBe("through December 2019");
  expect(asOfText("till och med mars 2020", "en")).toBe("through March 2020");
  expect(asOfText("tom juni 2021", "en")).toBe("through June 2021");
  expect(asOfText("senaste mätningen", "en")).toBe("senaste mätningen");
});

test("one finding is 'finding', not 'findings'", async () => {
  const { out } = await run("--check", "--lang", "en");
  expect(out).toContain("Plan check: 1 finding (1 info)");
  expect((await run("--check")).out).toContain("Kontroll av planen: 1 fynd (1 info)");
});

describe("--lang en: usage and argument errors all English", () => {
  test.each([
    [["--help", "--lang", "en"], 0],
    [["--bogus", "--lang", "en"], 2],
    [["extra", "--lang", "en"], 2],
    [["--plan", "--lang=en"], 2],
    [["--plan", "", "--lang", "en"], 2],
    [["--format", "xml", "--lang", "en"], 2],
    [["--check=yes", "--lang", "en"], 2],
  ])("%j", async (argv, code) => {
    const r = await run(...(argv as string[]));
    expect(r.code).toBe(code);
    const text = r.out + r.err;
    expect(text).toContain("Usage: plankoll plan");
    expect(text).not.toMatch(SWEDISH);
    expect(text).not.toMatch(/This command does not take|To specify a positional/);
  });

  test("Swedish runs explain bad arguments in Swedish", async () => {
    const r = await run("extra");
    expect(r.err).toContain('plankoll plan: oväntat argument "extra"\n');
    const flag = await run("--check=ja");
    expect(flag.err).toContain("--check tar inget värde");
  });
});
