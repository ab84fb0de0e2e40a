/** sv-SE number and unit parsing: property tests (format → parse round trips) plus the document's own spellings. */
import fc from "fast-check";
import {
  convertMoney,
  findUnitStatement,
  formatSvAmount,
  formatSvNumber,
  formatSvPercent,
  moneyFactor,
  parseSvNumber,
  parseUnitWord,
} from "../../src/plan/numbers";

const SPACES = [" ", "\u00a0", "\u202f", "\u2009"];
const MINUSES = ["-", "\u2212", "\u2013"];

/** Groups digits in threes from the right with the given separators (one per gap). */
function group(digits: string, seps: string[]): string {
  const parts: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) parts.unshift(digits.slice(Math.max(0, end - 3), end));
  return parts.map((p, i) => (i === 0 ? p : seps[(i - 1) % seps.length] + p)).join("");
}

describe("parseSvNumber: round trips", () => {
  it("reads back every integer formatSvNumber writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(parseSvNumber(formatSvNumber(n))).toEqual({ value: n, unit: undefined, decimals: 0 });
      }),
    );
  });

  it("reads back decimals with the precision they were written in", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 3 }), (k, d) => {
        const value = k / 10 ** d;
        const parsed = parseSvNumber(formatSvNumber(value, d));
        expect(parsed).not.toBeNull();
        expect(parsed!.decimals).toBe(d);
        expect(parsed!.value).toBeCloseTo(value, d + 2);
      }),
    );
  });

  it("accepts every kind of group space, mixed within one number", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: Number.MAX_SAFE_INTEGER }),
        fc.array(fc.constantFrom(...SPACES), { minLength: 1, maxLength: 5 }),
        (n, seps) => {
          expect(parseSvNumber(group(String(n), seps))?.value).toBe(n);
        },
      ),
    );
  });

  it("accepts every minus sign, with or without a space after it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.constantFrom(...MINUSES),
        fc.constantFrom("", " "),
        (n, minus, gap) => {
          expect(parseSvNumber(`${minus}${gap}${group(String(n), [" "])}`)?.value).toBe(-n);
        },
      ),
    );
  });

  it("reads formatted percents and amounts back with their unit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom("kr", "tkr", "mnkr") as fc.Arbitrary<"kr" | "tkr" | "mnkr">,
        (k, unit) => {
          expect(parseSvNumber(formatSvPercent(k / 10))).toEqual({
            value: k / 10,
            unit: "percent",
            decimals: 1,
          });
          expect(parseSvNumber(formatSvAmount(k * 1000, unit))).toEqual({
            value: k * 1000,
            unit,
            decimals: 0,
          });
        },
      ),
    );
  });

  it("never reads a string of letters as a number", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzåäö".split("")), minLength: 1 }),
        (s) => {
          expect(parseSvNumber(s)).toBeNull();
        },
      ),
    );
  });
});

describe("parseSvNumber: the document's spellings", () => {
  it.each([
    ["26 500 000", 26_500_000, undefined, 0],
    ["387,8", 387.8, undefined, 1],
    ["3,2%", 3.2, "percent", 1],
    ["95 %", 95, "percent", 0],
    ["3,0 %", 3, "percent", 1],
    ["-1 070", -1070, undefined, 0],
    ["- 6 279", -6279, undefined, 0],
    ["\u221219", -19, undefined, 0],
    ["0,800", 0.8, undefined, 3],
    ["373,1 mnkr", 373.1, "mnkr", 1],
    ["14,7 Mkr", 14.7, "mnkr", 1],
    ["387 800 tkr", 387_800, "tkr", 0],
    ["23 150 000 kr", 23_150_000, "kr", 0],
    ["26 500 000 kronor", 26_500_000, "kr", 0],
    ["0", 0, undefined, 0],
    ["0.03", 0.03, undefined, 2],
  ])("%s → %p %s (%p decimals)", (text, value, unit, decimals) => {
    expect(parseSvNumber(text)).toEqual({ value, unit, decimals });
  });

  it.each([
    "12,3,4",
    "abc",
    "1 23",
    "",
    "   ",
    "1 234.5",
    "12 3456",
    "1,2,3 kr",
    "3,2 %%",
    "--5",
    "5-",
    "1 000 000,",
  ])("rejects %p", (text) => {
    expect(parseSvNumber(text)).toBeNull();
  });

  it("never returns -0", () => {
    expect(Object.is(parseSvNumber("-0")!.value, 0)).toBe(true);
  });
});

describe("units", () => {
  it.each([
    ["mnkr", "mnkr"],
    ["Mkr", "mnkr"],
    ["miljoner kronor", "mnkr"],
    ["tkr", "tkr"],
    ["(tkr)", "tkr"],
    ["kr", "kr"],
    ["kronor", "kr"],
    ["%", "percent"],
    ["procent", "percent"],
    ["meter", undefined],
    // The common words are read without the regexes: the same answers, parentheses and case as before.
    ["mkr", "mnkr"],
    [" (mnkr) ", "mnkr"],
    ["TKR", "tkr"],
    ["tkr.", "tkr"],
    ["(%)", "percent"],
    ["(kr", "kr"],
  ])("parseUnitWord(%p) → %p", (word, unit) => {
    expect(parseUnitWord(word)).toBe(unit);
  });

  it.each([
    ["Alla belopp i tkr.", "tkr"],
    ["Belopp i mnkr", "mnkr"],
    ["Budget 2019, tkr", "tkr"],
    ["Resultat Utfall avvikelse mot budget, ack (tkr)", "tkr"],
    ["Utfall 2017", undefined],
    ["Avtalstrohet vid inköp (%)", undefined],
    ["ALLA BELOPP I KRONOR", "kr"],
    ["Budget 2019 (Mkr)", "mnkr"],
    ["Kronoberg", undefined],
  ])("findUnitStatement(%p) → %p", (text, unit) => {
    expect(findUnitStatement(text)).toBe(unit);
  });

  it("converts kr, tkr and mnkr exactly (387 800 tkr = 387,8 mnkr, 26,5 mnkr = 26 500 000 kr)", () => {
    expect(convertMoney(387_800, "tkr", "mnkr")).toBe(387.8);
    expect(convertMoney(26.5, "mnkr", "kr")).toBe(26_500_000);
    expect(convertMoney(64_308, "tkr", "mnkr")).toBe(64.308);
    expect(moneyFactor("tkr", "mnkr")).toBe(0.001);
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (n) => {
        expect(convertMoney(convertMoney(n, "kr", "mnkr"), "mnkr", "kr")).toBe(n);
      }),
    );
  });
});

describe("formatting", () => {
  it("writes sv-SE: no-break-space groups, decimal comma, % with a space", () => {
    expect(formatSvNumber(387_800)).toBe("387\u00a0800");
    expect(formatSvNumber(-6279)).toBe("-6\u00a0279");
    expect(formatSvNumber(387.8, 1)).toBe("387,8");
    expect(formatSvPercent(3)).toBe("3,0\u00a0%");
    expect(formatSvAmount(26_500_000, "kr")).toBe("26\u00a0500\u00a0000\u00a0kr");
    expect(formatSvNumber(-0.04, 1)).toBe("0,0");
  });
});
