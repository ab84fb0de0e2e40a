/**
 * A long text without full stops is one huge "sentence" for the recognisers. QA: importing 32 000 such lines took
 * 28 s and 8 MB never finished, because each number re-joined and rescanned its whole sentence. The import must
 * still read what the text says; its speed is measured in scripts/bench/import.ts, not here.
 */
import { importPlanFromText } from "../../src/import/text";
import { recogniseFacts } from "../../src/import/prose";
import { ImportContext } from "../../src/import/context";
import type { DocumentText } from "../../src/import/types";

const FILLER = "rad med lite text och talet 12 345\n";

describe("long text without full stops", () => {
  test("30 000 lines of numbers with no claim: no facts, no goals", () => {
    const r = importPlanFromText(FILLER.repeat(30000));
    expect(r.plan.facts).toEqual([]);
    expect(r.plan.goals).toEqual([]);
  });

  test("claims inside a 30 000-line sentence are still read, with their cues", () => {
    const text =
      FILLER.repeat(15000) +
      "av 29 processmål har sex processmål inte uppnått\n" +
      FILLER.repeat(15000) +
      "Förvaltningen har 16 åtaganden varav egna åtaganden 4 stycken\n";
    const facts = importPlanFromText(text).plan.facts;
    expect(facts.map((f) => [f.value, f.counts])).toEqual([
      [29, "goalsNotReached"],
      [6, "goalsNotReached"],
      [4, "ownCommitments"],
    ]);
    // "16 åtaganden" is no count of all åtaganden: the sentence talks about egna åtaganden after it.
    expect(facts[0].label.startsWith("rad med lite text")).toBe(true);
    expect(facts[0].label.endsWith("4 stycken")).toBe(true);
  });

  test("30 000 lines with an amount each in one sentence: read, no relation made up", () => {
    // Stated sums looked at the whole sentence once per amount (quadratic); the result must not change.
    const r = importPlanFromText("rad med kostnad 12 kr och 3 processmål\n".repeat(30000));
    expect(r.plan.facts.map((f) => [f.value, f.counts])).toEqual([[3, "goals"]]);
    expect(r.plan.relations).toEqual([]);
  });

  test("a table of 20 000 rows with one label: every row read, ids rad, rad-2, … in order", () => {
    // Each repeated label once scanned rad-2, rad-3, … from the start for a free id (quadratic).
    const r = importPlanFromText("Utfall 2017 Budget 2019 Rad 1 2\n".repeat(20000));
    expect(r.plan.budgetTables).toHaveLength(1);
    const ids = r.plan.budgetTables[0].lines.map((l) => l.id);
    // The last row is read as the total (no "Totalt" row), so 19 999 lines.
    expect(ids).toHaveLength(19999);
    expect(ids.slice(0, 3)).toEqual(["rad", "rad-2", "rad-3"]);
    expect(ids[ids.length - 1]).toBe("rad-19999");
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("a claim after a table cell starts after the cell; cues before the cell do not count", () => {
    const doc: DocumentText = {
      pages: [
        {
          page: 1,
          tokens: [
            ..."egna åtaganden inte uppnått".split(" ").map((text) => ({ text, page: 1 })),
            // A figure cell of a table the sentence runs through.
            { text: "12", page: 1, hard: true },
            ..."Totalt 16 åtaganden och 29 processmål.".split(" ").map((text) => ({ text, page: 1 })),
          ],
        },
      ],
    };
    const facts = recogniseFacts(new ImportContext(doc), undefined);
    expect(facts.map((f) => [f.label, f.value, f.counts])).toEqual([
      ["Totalt 16 åtaganden och 29 processmål", 16, "commitments"],
      ["Totalt 16 åtaganden och 29 processmål", 29, "goals"],
    ]);
  });
});
