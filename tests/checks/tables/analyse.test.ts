/**
 * The one table analysis on neutral grids (no PDF, no workbook): which rows are totals of which lines (by label
 * or by arithmetic), which columns are differences, counts without rounding allowance, balance rows never taken
 * as totals; and the document findings the rule modules make of those facts.
 */
import { analyseGrid, ARITHMETIC_TOTALS_MAX_ROWS } from "../../../src/checks/tables/analyse";
import { differenceAllowance, isDifference, printedUnit } from "../../../src/checks/tables/arithmetic";
import type { GridCell, TableGrid } from "../../../src/checks/tables/types";
import { tableSumMismatch } from "../../../src/checks/rules/sumMismatch";
import { tableMalformed } from "../../../src/checks/rules/cellNumberAsText";
import { tablesInconsistent } from "../../../src/checks/rules/planInconsistent";

/** "1 234,5" → a printed figure with its decimals; "–" a dash; "-7 73" malformed; "" empty. */
function cell(text: string): GridCell {
  if (text === "") return { text, kind: "empty", value: null, decimals: 0 };
  if (text === "–") return { text, kind: "dash", value: 0, decimals: -1 };
  if (!/^-?\d{1,3}( \d{3})*(,\d+)?$/.test(text)) return { text, kind: "malformed", value: null, decimals: 0 };
  const [whole, dec = ""] = text.split(",");
  const value = Number(`${whole.replace(/ /g, "")}.${dec || "0"}`);
  return { text, kind: "number", value, decimals: dec.length };
}

function grid(
  headers: string[],
  rows: (string | string[])[],
  title = "Tabell 1",
  labelHeader = "",
): TableGrid {
  return {
    title,
    labelHeader,
    unit: null,
    headers,
    rows: rows.map((r) => {
      const [label, ...figures] = Array.isArray(r) ? r : [r];
      return {
        label,
        heading: !Array.isArray(r),
        page: 3,
        cells: headers.map((_, i) => cell(figures[i] ?? "")),
      };
    }),
  };
}

const analysed = (g: TableGrid) => ({ grid: g, facts: analyseGrid(g) });
const headers2 = ["Budget 2024", "Utfall 2024"];

describe("shared arithmetic", () => {
  it("the unit of a printed precision; a dash's (−1 decimals) is a whole unit", () => {
    expect(printedUnit(2)).toBe(0.01);
    expect(printedUnit(0)).toBe(1);
    expect(printedUnit(-1)).toBe(1);
  });
  it("a difference within 1½ unit holds, beyond it does not", () => {
    expect(isDifference(10, 25, 15, differenceAllowance(1, 10))).toBe(true);
    expect(isDifference(11.5, 25, 15, differenceAllowance(1, 10))).toBe(true);
    expect(isDifference(12, 25, 15, differenceAllowance(1, 10))).toBe(false);
  });
});

describe("totals", () => {
  const headers = ["Budget 2024", "Utfall 2024"];
  it("a total by its label prefix sums the lines since the previous total; a wrong column is a finding", () => {
    const g = grid(headers, [
      ["Personal", "100", "90"],
      ["Lokaler", "50", "55"],
      ["Summa kostnader", "150", "148"],
    ]);
    const t = analysed(g);
    expect(t.facts.rows[2]).toEqual({ kind: "total", total: { by: "label", lines: [0, 1] } });
    const findings = tableSumMismatch(t, "sv");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "sum.mismatch",
      severity: "error",
      page: 3,
      row: "Summa kostnader",
      column: "Utfall 2024",
      expected: 145,
      actual: 148,
      evidence: { kind: "sum", computed: 145, tolerance: 1 },
    });
  });

  it("a total within n × ½ unit of the printed precision is rounding, not an error", () => {
    const g = grid(headers, [
      ["Personal", "10,4", "9,4"],
      ["Lokaler", "5,4", "5,4"],
      ["Övrigt", "2,4", "2,4"],
      ["Totalt", "18,3", "17,2"],
    ]);
    const t = analysed(g);
    expect(t.facts.rows[3].total?.lines).toEqual([0, 1, 2]);
    expect(tableSumMismatch(t, "sv")).toEqual([]);
  });

  it("counts (Antal …, whole numbers) have no rounding allowance", () => {
    const g = grid(
      ["2023", "2024"],
      [
        ["Kvinnor", "120", "130"],
        ["Män", "80", "70"],
        ["Totalt", "200", "201"],
      ],
      "Antal anställda",
    );
    const t = analysed(g);
    expect(t.facts.columns.map((c) => c.count)).toEqual([true, true]);
    const findings = tableSumMismatch(t, "en");
    expect(findings.map((f) => [f.column, f.expected, f.actual])).toEqual([["2024", 200, 201]]);
    expect(findings[0].evidence?.tolerance).toBe(0);
  });

  it("an unlabelled row that is the sum of the rows above in every column is a total by arithmetic", () => {
    const g = grid(headers, [
      ["Personal", "100", "90"],
      ["Lokaler", "50", "55"],
      ["", "150", "145"],
    ]);
    expect(analysed(g).facts.rows[2]).toEqual({ kind: "total", total: { by: "arithmetic", lines: [0, 1] } });
  });

  it("a balance row (Eget kapital) and a table's last line are never taken as a total on their own", () => {
    const g = grid(headers, [
      ["Tillgångar", "100", "90"],
      ["Skulder", "50", "55"],
      ["Eget kapital", "40", "30"],
    ]);
    const t = analysed(g);
    expect(t.facts.rows.map((r) => r.kind)).toEqual(["line", "line", "balance"]);
    expect(tableSumMismatch(t, "sv")).toEqual([]);
  });
});

describe("a table longer than a report's (a plan import's thousands of rows)", () => {
  it("its labelled totals are still checked; no unlabelled row is weighed as a sum of all rows above", () => {
    const lines = Array.from({ length: ARITHMETIC_TOTALS_MAX_ROWS }, (_, i) => [`Rad ${i + 1}`, "1", "2"]);
    const g = grid(headers2, [
      ["A", "1", "1"],
      ["B", "1", "1"],
      ["", "2", "2"],
      ...lines,
      ["Summa", "1 504", "1 004"],
    ]);
    const t = analysed(g);
    expect(t.facts.rows[2].kind).toBe("line");
    expect(tableSumMismatch(t, "sv").map((f) => [f.row, f.column, f.expected, f.actual])).toEqual([
      ["Summa", "Budget 2024", 504, 1504],
    ]);
  });
});

describe("difference columns", () => {
  const headers = ["Budget", "Utfall", "Budgetavvikelse"];
  const rows = [
    ["Förskola", "500", "480", "20"],
    ["Grundskola", "900", "950", "-50"],
    ["Gymnasium", "300", "290", "10"],
  ];
  it("found by arithmetic and checked row by row: the wrong row is the finding", () => {
    const g = grid(headers, [...rows, ["Fritids", "200", "150", "40"]]);
    const t = analysed(g);
    expect(t.facts.columns[2].relation).toEqual({ a: 0, b: 1, op: "-" });
    const findings = tableSumMismatch(t, "sv");
    expect(findings.map((f) => [f.row, f.column, f.expected, f.actual, f.evidence?.kind])).toEqual([
      ["Fritids", "Budgetavvikelse", 50, 40, "difference"],
    ]);
  });

  it("a difference wrong only because its operand (a wrong total) is wrong is info, caused by that total", () => {
    const g = grid(headers, [...rows, ["Summa", "1 700", "1 730", "-20"]]);
    const findings = tableSumMismatch(analysed(g), "sv");
    const total = findings.find((f) => f.column === "Utfall");
    const diff = findings.find((f) => f.column === "Budgetavvikelse");
    expect(total).toMatchObject({ severity: "error", expected: 1720, actual: 1730 });
    expect(diff).toMatchObject({ severity: "info", causedBy: { row: "Summa", column: "Utfall" } });
  });

  it("a column that holds no relation in most rows is none", () => {
    const g = grid(headers, [
      ["Förskola", "500", "480", "7"],
      ["Grundskola", "900", "950", "12"],
      ["Gymnasium", "300", "290", "3"],
    ]);
    expect(analysed(g).facts.columns[2].relation).toBeUndefined();
  });
});

describe("malformed figures and figures two tables state", () => {
  it("a malformed figure is a warning and leaves its column unsummed", () => {
    const g = grid(
      ["2024"],
      [
        ["Personal", "-7 73"],
        ["Lokaler", "50"],
        ["Summa", "120"],
      ],
    );
    const t = analysed(g);
    expect(tableSumMismatch(t, "sv")).toEqual([]);
    expect(tableMalformed(t)).toMatchObject([
      { rule: "cell.number-as-text", severity: "warning", row: "Personal", actual: "-7 73" },
    ]);
  });

  it("a summary's line named as another table's title is compared with that table's grand total", () => {
    const summary = grid(
      ["Utfall"],
      [
        ["Verksamhetens kostnader", "1 200"],
        ["Intäkter", "300"],
        ["Summa", "1 500"],
      ],
      "Sammanfattning",
    );
    const appendix = grid(
      ["Utfall"],
      [
        ["A", "700"],
        ["B", "510"],
        ["Summa totalt", "1 210"],
      ],
      "Verksamhetens kostnader",
    );
    const findings = tablesInconsistent([analysed(summary), analysed(appendix)], "sv");
    expect(findings).toMatchObject([{ rule: "plan.inconsistent", expected: 1210, actual: 1200 }]);
    const same = grid(
      ["Utfall"],
      [
        ["A", "700"],
        ["B", "500"],
        ["Summa totalt", "1 200"],
      ],
      "Verksamhetens kostnader",
    );
    expect(tablesInconsistent([analysed(summary), analysed(same)], "sv")).toEqual([]);
  });

  it("a figure stated with the other sign (costs negative in the statement, positive in its note) is a sign convention", () => {
    const statement = grid(
      ["Utfall"],
      [
        ["Verksamhetens kostnader", "-1 210"],
        ["Intäkter", "300"],
        ["Summa", "-910"],
      ],
      "Sammanfattning",
    );
    const note = grid(
      ["Utfall"],
      [
        ["A", "700"],
        ["B", "510"],
        ["Summa totalt", "1 210"],
      ],
      "Verksamhetens kostnader",
    );
    expect(tablesInconsistent([analysed(statement), analysed(note)], "sv")).toEqual([]);
    // …but another figure with the other sign is still two figures.
    const other = grid(
      ["Utfall"],
      [
        ["Verksamhetens kostnader", "-1 200"],
        ["Intäkter", "300"],
        ["Summa", "-900"],
      ],
      "Sammanfattning",
    );
    expect(tablesInconsistent([analysed(other), analysed(note)], "sv")).toMatchObject([
      { rule: "plan.inconsistent", expected: 1210, actual: -1200 },
    ]);
  });
});

describe("rows that are not ratios, lines that fill only some columns", () => {
  it('"per" before a date is not a ratio: the line counts in the total', () => {
    const g = grid(headers2, [
      ["Personal", "100", "90"],
      ["Upplupna kostnader per 2007-06-30", "20", "25"],
      ["Summa", "120", "115"],
    ]);
    const t = analysed(g);
    expect(t.facts.rows[1].kind).toBe("line");
    expect(tableSumMismatch(t, "sv")).toEqual([]);
    const ratio = grid(headers2, [
      ["Personal", "100", "90"],
      ["Kostnad per elev", "20", "25"],
      ["Summa", "100", "90"],
    ]);
    expect(analysed(ratio).facts.rows[1].kind).toBe("ratio");
  });

  it("a total whose lines fill only the result's operand (an accrual only in Utgående balans) is not judged by the relation", () => {
    const headers = ["Ingående balans", "Årets förändring", "Utgående balans"];
    const g = grid(headers, [
      ["Amortering", "238 283", "24 672", "262 955"],
      ["Avskrivningar", "-249 790", "-23 533", "-273 323"],
      ["Periodiseringar", "-567 899", "39 581", "-528 318"],
      ["Övrigt", "-513", "-1 103", "-1 616"],
      ["Upplupna kostnader från Integrationsverket", "", "", "-33 145"],
      ["Summa", "-579 919", "39 617", "-573 447"],
    ]);
    const findings = tableSumMismatch(analysed(g), "sv").filter((f) => f.severity !== "info");
    expect(findings).toEqual([]);
    // The same table with a wrong line difference is still found at that line.
    const wrong = grid(headers, [
      ["Amortering", "238 283", "24 672", "262 955"],
      ["Avskrivningar", "-249 790", "-23 533", "-273 000"],
      ["Periodiseringar", "-567 899", "39 581", "-528 318"],
      ["Övrigt", "-513", "-1 103", "-1 616"],
      ["Summa", "-579 919", "39 617", "-539 979"],
    ]);
    expect(
      tableSumMismatch(analysed(wrong), "sv")
        .filter((f) => f.severity === "error")
        .map((f) => f.row),
    ).toContain("Avskrivningar");
  });
});
