/**
 * The catalogues and the one number formatter: a finding worded from its id and parameters in either language,
 * numbers formatted by the language (not by the rule), and the pane and the CLI writing a number the same way.
 */
import fc from "fast-check";
import { formatCount } from "../../src/cli/report";
import { CATALOGUES, FORMATS, formatNumber, render, renderFinding } from "../../src/i18n";
import { msg, type MessageId } from "../../src/model/messages";
import type { Finding } from "../../src/model/types";
import { stringsFor } from "../../src/taskpane/strings";

const NB = "\u00a0";

test("one id, two languages, the numbers formatted by each", () => {
  const m = msg("sum.mismatch", {
    label: '"Totalt"',
    over: "B2:B6",
    actual: 387800,
    expected: 387750.5,
    diff: 49.5,
  });
  expect(render(m, "sv")).toBe(
    `Summan "Totalt" är 387${NB}800 men raderna B2:B6 summerar till 387${NB}750,5 (skillnad 49,5).`,
  );
  expect(render(m, "en")).toBe(
    'The total "Totalt" is 387,800 but the lines B2:B6 add up to 387,750.5 (difference 49.5).',
  );
});

test("plural by count, not by a mini-syntax in the string", () => {
  const row = (found: number, expected: number) => msg("indicator.values", { found, expected });
  expect(render(row(1, 2), "en")).toMatch(/^The scorecard row has 1 number for 2 columns;/);
  expect(render(row(2, 1), "en")).toMatch(/^The scorecard row has 2 numbers for 1 column;/);
  expect(render(row(1, 1), "sv")).toMatch(/^Styrkortsraden har 1 tal för 1 kolumn;/);
});

test("both catalogues word every id (the typecheck says so; this says no template returns nothing)", () => {
  const ids = Object.keys(CATALOGUES.sv) as MessageId[];
  expect(Object.keys(CATALOGUES.en).sort()).toEqual([...ids].sort());
  expect(ids.length).toBeGreaterThan(40);
});

test("a shown finding keeps the JSON contract's order: message after cell, the id and parameters left out", () => {
  const f: Finding = {
    rule: "cell.error",
    severity: "error",
    sheet: "Budget",
    cell: "B5",
    ...msg("cell.error", { error: "#REF!", inTotal: true }),
    expected: null,
    actual: "#REF!",
    evidence: { error: "#REF!" },
  };
  const shown = renderFinding(f, "en");
  expect(Object.keys(shown)).toEqual([
    "rule",
    "severity",
    "sheet",
    "cell",
    "message",
    "expected",
    "actual",
    "evidence",
  ]);
  expect(shown.message).toBe("The error value #REF! stands where a figure is expected in a total row.");
});

test("the pane and the CLI write a number the same way in each language", () => {
  for (const lang of ["sv", "en"] as const) {
    const pane = stringsFor(lang);
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (n) => {
        expect(pane.num(n)).toBe(formatNumber(n, lang));
        expect(formatCount(n, lang)).toBe(formatNumber(n, lang));
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        expect(pane.num(x)).toBe(formatNumber(x, lang));
      }),
    );
  }
  expect(formatNumber(-1622, "sv")).toBe(`-1${NB}622`);
  expect(formatNumber(-1622, "en")).toBe("-1,622");
});

test("the pane and the findings write a percentage the same way in each language", () => {
  for (const lang of ["sv", "en"] as const) {
    const pane = stringsFor(lang);
    fc.assert(
      fc.property(
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        (x, d) => {
          expect(pane.percent(x, d)).toBe(FORMATS[lang].percent(x, d));
        },
      ),
    );
  }
  expect(FORMATS.sv.percent(3)).toBe(`3,0${NB}%`);
  expect(FORMATS.en.percent(3)).toBe(`3.0${NB}%`);
});
