import fc from "fast-check";
import { parseSvNumberWord, svNumberWord } from "../../src/import/numberWords";
import { importPlanFromText } from "../../src/import/text";

describe("Swedish number words (counts the text claims)", () => {
  test("property: number → words → number for 0–199", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 199 }), (n) => {
        expect(parseSvNumberWord(svNumberWord(n))).toBe(n);
      }),
    );
  });

  test.each([
    ["tolv", 12],
    ["tretton", 13],
    ["arton", 18],
    ["tjugo", 20],
    ["Tjugonio", 29],
    ["tjugoett", 21],
    ["trettiofem", 35],
    ["fyrtio", 40],
    ["nittionio", 99],
    ["hundra", 100],
    ["etthundra", 100],
    ["hundraett", 101],
    ["etthundrafemtiosex", 156],
  ])("%s → %d", (word, n) => {
    expect(parseSvNumberWord(word)).toBe(n);
  });

  test.each([
    "tiotre",
    "tjugotio",
    "hundrahundra",
    "femtonhundra",
    "tjugonioo",
    "trettiotolv",
    "processmål",
    "",
  ])("%s is no number word", (word) => {
    expect(parseSvNumberWord(word)).toBeNull();
  });

  test("svNumberWord refuses what it cannot say", () => {
    expect(() => svNumberWord(200)).toThrow(RangeError);
    expect(() => svNumberWord(-1)).toThrow(RangeError);
    expect(() => svNumberWord(2.5)).toThrow(RangeError);
  });

  test("a count in words is read as the text's claim; 'noll' and ordinal words are not", () => {
    const facts = (text: string) => importPlanFromText(text).plan.facts.map((f) => [f.counts, f.value]);
    expect(facts("På förvaltningen finns tjugonio processmål för perioden 2016-2019.")).toEqual([
      ["goals", 29],
    ]);
    expect(facts("Förvaltningen har noll processmål kvar.")).toEqual([]);
    expect(facts("Det tjugonionde processmålet utgår.")).toEqual([]);
  });
});
