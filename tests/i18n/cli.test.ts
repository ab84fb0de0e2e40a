/**
 * The command line's catalogue: `--lang` values it accepts, counts in the language's number format, page numbers
 * left plain, and the two languages saying the same thing.
 */
import { CLI_TEXTS, isLang } from "../../src/i18n/cli";

const NB = "\u00a0";

test("a --lang value is sv or en, nothing else a lookup would also find", () => {
  expect(isLang("sv")).toBe(true);
  expect(isLang("en")).toBe(true);
  for (const v of ["SV", "de", "", "constructor", "toString", undefined, null, 1])
    expect(isLang(v)).toBe(false);
});

test("table counts use the language's thousands separator; page numbers stay plain", () => {
  expect(CLI_TEXTS.sv.tablesRead(1234, 2000)).toBe(`  1${NB}234 av 2${NB}000 tabeller lästa`);
  expect(CLI_TEXTS.en.tablesRead(1234, 2000)).toBe("  1,234 of 2,000 tables read");
  expect(CLI_TEXTS.sv.tablesReadIn("r.pdf", 3, 4, 1200)).toBe("r.pdf: 3 av 4 tabeller lästa på s. 1200");
  expect(CLI_TEXTS.en.tablesReadIn("r.pdf", 3, 4, undefined)).toBe("r.pdf: 3 of 4 tables read");
  expect(CLI_TEXTS.sv.page(1200)).toBe("s. 1200");
  expect(CLI_TEXTS.en.page(1200)).toBe("p. 1200");
});

test("English says 'argument' for one and 'arguments' for more; Swedish has one word", () => {
  const p = { name: "X", range: "1", given: 0, signature: "X(a)" };
  expect(CLI_TEXTS.en.argCount({ ...p, max: 1 })).toBe("X takes 1 argument, got 0: X(a)");
  expect(CLI_TEXTS.en.argCount({ ...p, max: 2 })).toBe("X takes 1 arguments, got 0: X(a)");
  expect(CLI_TEXTS.sv.argCount({ ...p, max: 2 })).toBe("X tar 1 argument, fick 0: X(a)");
});

test("both languages word every text, and differently where the words differ", () => {
  const keys = Object.keys(CLI_TEXTS.sv).sort();
  expect(Object.keys(CLI_TEXTS.en).sort()).toEqual(keys);
  expect(CLI_TEXTS.sv.unknownOption("--x")).toBe("okänd flagga --x");
  expect(CLI_TEXTS.en.unknownOption("--x")).toBe("unknown option --x");
});
