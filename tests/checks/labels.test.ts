import { isTotalLabel, normalizeLabel } from "../../src/checks/labels";

describe("normalizeLabel", () => {
  it.each([
    ["Lokaler", "lokaler"],
    ["", ""],
    [" Summa", "summa"],
    ["Summa ", "summa"],
    ["Summa  kostnader", "summa kostnader"],
    ["Summa\tkostnader", "summa kostnader"],
    ["Summa\nkostnader", "summa kostnader"],
    ["Summa\u00a0kostnader", "summa kostnader"],
    ["Material och tjänster", "material och tjänster"],
  ])("normalizeLabel(%p) → %p", (text, norm) => {
    expect(normalizeLabel(text)).toBe(norm);
  });
});

describe("isTotalLabel", () => {
  it.each([
    ["summa", true],
    ["totalt", true],
    ["grand total", true],
    ["s:a totalt", true],
    ["helår", true],
    ["delsumma personal", true],
    ["total sjukfrånvaro", false],
    ["lokaler", false],
    ["budget 2019", false],
    ["", false],
  ])("isTotalLabel(%p) → %p", (norm, total) => {
    expect(isTotalLabel(norm)).toBe(total);
  });
});
