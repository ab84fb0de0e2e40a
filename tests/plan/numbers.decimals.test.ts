/**
 * formatSvNumber without fixed decimals shows "up to 3 as needed" (its contract), as the English side of the
 * check messages does (maximumFractionDigits 3): a computed figure must not print 15 digits in Swedish only.
 */
import fc from "fast-check";
import { formatSvNumber, parseSvNumber } from "../../src/plan/numbers";
import { formatNumber as num } from "../../src/i18n/format";

test("computed figures: at most 3 decimals, trailing zeros dropped", () => {
  expect(formatSvNumber(1 / 3)).toBe("0,333");
  expect(formatSvNumber((2 / 3) * 1000)).toBe("666,667");
  expect(formatSvNumber(12345.6789)).toBe("12\u00a0345,679");
  expect(formatSvNumber(12.5)).toBe("12,5");
  expect(formatSvNumber(0.1 + 0.2)).toBe("0,3");
  expect(formatSvNumber(-0.0004)).toBe("0");
  expect(formatSvNumber(-1234.5)).toBe("-1\u00a0234,5");
  expect(formatSvNumber(64.308)).toBe("64,308");
});

test("Swedish and English messages show the same digits", () => {
  fc.assert(
    fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
      const sv = num(x, "sv")
        .replace(/\u00a0/g, "")
        .replace(",", ".");
      const en = num(x, "en").replace(/,/g, "");
      expect(sv === "-0" ? "0" : sv).toBe(en === "-0" ? "0" : en);
    }),
  );
});

test("what it prints parses back to the rounded value", () => {
  fc.assert(
    fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (x) => {
      const parsed = parseSvNumber(formatSvNumber(x));
      expect(parsed).not.toBeNull();
      expect(Math.abs(parsed!.value - x)).toBeLessThanOrEqual(0.0005 + Math.abs(x) * 1e-12);
    }),
  );
});
