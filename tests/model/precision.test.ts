/** The rounding rule and the decimals of stored numbers: one definition (src/model/precision.ts) for all layers. */
import fc from "fast-check";
import { clean, decimalsOf, halfUnit, roundingTolerance, unitOf } from "../../src/model/precision";

describe("decimals of a stored number", () => {
  it.each([
    [28, 0],
    [2.6, 1],
    [0.8, 1],
    [64.308, 3],
    [-6279, 0],
    [-2.25, 2],
    [0.1 + 0.2, 1],
  ])("%p has %p decimals in every reading", (v, d) => {
    expect([decimalsOf(v, "cell"), decimalsOf(v, "figure"), decimalsOf(v, "printed")]).toEqual([d, d, d]);
  });

  it("keeps each reading's edge cases: exponents, digits past 12 significant, past 6 decimals", () => {
    // A tiny cell value counts its digits; a plan figure written with an exponent counts none; a printed
    // figure is rounded to 6 decimals first.
    expect([decimalsOf(1e-7, "cell"), decimalsOf(1e-7, "figure"), decimalsOf(1e-7, "printed")]).toEqual([
      7, 0, 0,
    ]);
    expect([decimalsOf(2.5e-8, "cell"), decimalsOf(2.5e-8, "figure")]).toEqual([9, 0]);
    const long = 123456789.123456;
    expect([decimalsOf(long, "cell"), decimalsOf(long, "figure"), decimalsOf(long, "printed")]).toEqual([
      3, 6, 6,
    ]);
    expect([decimalsOf(1.0000000001, "cell"), decimalsOf(1.0000000001, "printed")]).toEqual([10, 0]);
  });
});

describe("the rounding rule: n lines × ½ unit of the printed precision", () => {
  it("is n × ½ unit", () => {
    expect(roundingTolerance(12, unitOf(0))).toBe(6);
    expect(clean(roundingTolerance(7, unitOf(1)))).toBe(0.35);
    expect(roundingTolerance(1, 1000)).toBe(500);
    expect(halfUnit(2)).toBe(0.005);
  });

  // The call sites once wrote 10 ** -d, Math.pow(10, -d), 0.5 * n * u, n * 0.5 * u, u / 2 and (a + b) / 2;
  // these prove the one definition gives the same doubles, so no tolerance moved by a bit.
  it("gives exactly the doubles of the inline spellings it replaced", () => {
    for (let d = -12; d <= 30; d++) {
      expect(unitOf(d)).toBe(10 ** -d);
      expect(halfUnit(d)).toBe(0.5 * 10 ** -d);
      expect(halfUnit(d)).toBe(unitOf(d) / 2);
    }
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: 1e-12, max: 1e12, noNaN: true }),
        fc.double({ min: 1e-12, max: 1e12, noNaN: true }),
        (n, u, v) =>
          roundingTolerance(n, u) === 0.5 * n * u &&
          roundingTolerance(n, u) === n * 0.5 * u &&
          roundingTolerance(1, u) === 0.5 * u &&
          (u + v) / 2 === u / 2 + v / 2,
      ),
    );
  });
});
