/**
 * The report reader's rules on small laid-out tables (positioned text as pdfjs gives it, no PDF needed): what must
 * and must not be flagged when a table's lines hold two breakdowns, a column has no header, a label is a number.
 */
import type { PositionedText } from "../../../src/import/layout";
import { checkReport } from "../../../src/import/report";
import { render } from "../../../src/i18n";

/** One page: each row a label at x 60 and figures right-aligned at 200, 260, …; rows 16 pt apart. */
function page(rows: (string | string[])[], header?: string[]): PositionedText[][] {
  const items: PositionedText[] = [];
  let y = 700;
  const put = (str: string, x: number, right = false) =>
    items.push({ page: 1, str, x: right ? x - str.length * 5 : x, y, width: str.length * 5, size: 10 });
  put("Tabell 1. Exempel", 60);
  y -= 24;
  if (header) {
    header.forEach((h, i) => put(h, 200 + 60 * i, true));
    y -= 16;
  }
  for (const r of rows) {
    const [label, ...figures] = Array.isArray(r) ? r : [r];
    put(label, 60);
    figures.forEach((f, i) => put(f, 200 + 60 * i, true));
    y -= 16;
  }
  return [items];
}

const serious = (pages: PositionedText[][]) =>
  checkReport(pages, "sv").findings.filter((f) => f.severity !== "info");

describe("two breakdowns of one total (by age, then by sex)", () => {
  const rows = (total: string) => [
    ["Under 18 år", "3 290", "640"],
    ["18-64 år", "14 980", "2 676"],
    ["Över 64 år", "289", "33"],
    ["Män", "14 136", "1 750"],
    ["Kvinnor", "4 423", "1 599"],
    ["Totalt", total, "3 349"],
  ];
  test("must not: each breakdown adds up to the total", () => {
    expect(serious(page(rows("18 559"), ["Irak", "Somalia"]))).toEqual([]);
  });
  test("a total neither breakdown gives: no reading of the lines holds, and the table says so (no guess)", () => {
    const r = checkReport(page(rows("18 659"), ["Irak", "Somalia"]), "sv");
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(r.tables[0].ambiguous.join(" ")).toMatch(/Totalt/);
  });
});

describe("evidence before verdict", () => {
  const rows = [
    ["Löner", "120", "130"],
    ["Hyror", "40", "45"],
    ["Summa", "170", "175"],
  ];
  test("must: a wrong total under a header is an error", () => {
    expect(serious(page(rows, ["2024", "2025"]))).toEqual([
      expect.objectContaining({ row: "Summa", column: "2024", expected: 160, actual: 170 }),
    ]);
  });
  test("must not: the same table without column headers is info (an uncertain reading)", () => {
    const all = checkReport(page(rows), "sv").findings;
    expect(all.map((f) => f.severity)).toEqual(["info"]);
    expect(render(all[0], "sv")).toMatch(/osäker läsning/);
  });
});

describe("numbers as row names", () => {
  test("must not: '1', '2', '3–5' in the label column make no column; the counts add up", () => {
    const pages = page(
      [
        ["1", "126", "130"],
        ["2", "38", "43"],
        ["3–5", "86", "94"],
        [">5", "90", "114"],
        ["Totalt", "340", "381"],
      ],
      ["Kvinnor", "Män"],
    );
    const r = checkReport(pages, "sv");
    expect(r.tables[0].columns.map((c) => c.header)).toEqual(["Kvinnor", "Män"]);
    expect(r.tables[0].rows.map((x) => x.label)).toEqual(["1", "2", "3-5", ">5", "Totalt"]);
    expect(r.findings).toEqual([]);
  });
});

describe("figures printed into one another (overprinted or touching text)", () => {
  const table = (cell: string) =>
    page(
      [
        ["Anslag A", "10 000", "4 000", "6 000"],
        ["Anslag B", "20 000", cell, "8 000"],
        ["Summa", "30 000", "16 000", "14 000"],
      ],
      ["Tilldelat", "Utgifter", "Utgående"],
    );

  test("must not: '9 0009 000' (9 000 twice) is no malformed-number warning but an info on that row", () => {
    const report = checkReport(table("9 0009 000"), "sv");
    expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
    const info = report.findings.find((f) => f.rule === "cell.number-as-text");
    expect(info?.severity).toBe("info");
    expect(info && render(info, "sv")).toContain("9 000 / 9 000");
  });

  test("must not: two different figures touching ('12 0008 000') are an info too", () => {
    const info = checkReport(table("12 0008 000"), "sv").findings.find(
      (f) => f.rule === "cell.number-as-text",
    );
    expect(info?.severity).toBe("info");
    expect(info && render(info, "sv")).toContain("12 000 / 8 000");
  });

  test("must: a digit lost ('12 00') stays a malformed-number warning", () => {
    const f = checkReport(table("12 00"), "sv").findings.find((x) => x.rule === "cell.number-as-text");
    expect(f?.severity).toBe("warning");
  });
});

describe("a column of codes (inkomsttitel 2511, 2394 9) is no figure column", () => {
  const rows = [
    ["Avgifter", "2511", "79 022"],
    ["Inkomster", "2394 9", "2"],
    ["Särskild avgift", "2714 09", "510"],
    ["Summa", "", "79 534"],
  ];
  test("must not: the codes are not warned about as malformed figures, and the amounts add up", () => {
    expect(serious(page(rows, ["Titel", "Belopp"]))).toEqual([]);
  });
  test("must: a wrong total beside the codes is still an error", () => {
    const wrong = rows.map((r) => (r[0] === "Summa" ? ["Summa", "", "79 634"] : r));
    const f = serious(page(wrong, ["Titel", "Belopp"]));
    expect(f.map((x) => [x.rule, x.severity, x.column])).toEqual([["sum.mismatch", "error", "Belopp"]]);
  });
});

describe("a relation between columns found by arithmetic alone needs figures that are no small coincidence", () => {
  const rows = (last: string[]) => [
    ["Schweiz", "1", "1", "2", "4"],
    ["Ryssland", "2", "1", "3", "6"],
    ["Brasilien", "1", "2", "3", "6"],
    ["Vitryssland", "2", "2", "4", "8"],
    last,
  ];
  test("must not: counts of 1 and 2 where C = A + B in four rows make no relation; the fifth row is no error", () => {
    expect(serious(page(rows(["Övriga", "3", "3", "11", "17"]), ["H1", "H2", "H3", "Totalt"]))).toEqual([]);
  });
  test("must: with sizeable figures the same relation is found and its broken row is an error", () => {
    const big = rows(["Övriga", "30", "30", "110", "170"]).map(([l, ...v]) => [
      l,
      ...v.map((x) => String(Number(x) * 10)),
    ]);
    const f = serious(page(big, ["H1", "H2", "H3", "Totalt"]));
    expect(f.map((x) => [x.rule, x.row])).toContainEqual(["sum.mismatch", "Övriga"]);
  });
});

describe("a footnote mark set apart, a section number whose dots were lost, a column of appropriation codes", () => {
  test("must not: '1 314 308 *' is the figure 1 314 308 with a note; the total adds up", () => {
    const rows = [
      ["A", "1 000 000"],
      ["B", "314 308 *"],
      ["Totalt", "1 314 308"],
    ];
    const report = checkReport(page(rows, ["2008"]), "sv");
    expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(report.tables[0].rows[1].cells[0]).toMatchObject({ kind: "number", value: 314308, note: "*" });
  });
  test("must not: '9 2 4' (section 9.2.4) is no malformed figure", () => {
    const rows = [
      ["A", "100", "9 2 4"],
      ["B", "200", ""],
      ["Summa", "300", ""],
    ];
    expect(serious(page(rows, ["2015", ""]))).toEqual([]);
  });
  test("must not: anslag '11 1', '11 2', '12 1' in a column of their own are codes, not malformed figures", () => {
    const rows = [
      ["Garantipension", "11 1", "793 925"],
      ["Efterlevande", "11 1", "622 995"],
      ["Förvaltning", "11 2", "16 033"],
      ["Summa", "", "1 432 953"],
    ];
    expect(serious(page(rows, ["Anslag", "Beviljad kredit"]))).toEqual([]);
  });
  test("must: one '-7 73' among well-formed figures is still a malformed-number warning", () => {
    const rows = [
      ["A", "-7 73"],
      ["B", "1 200"],
      ["C", "900"],
      ["Summa", "2 873"],
    ];
    expect(serious(page(rows, ["2015"])).map((f) => [f.rule, f.severity])).toContainEqual([
      "cell.number-as-text",
      "warning",
    ]);
  });
});

describe("two tables side by side (a balance sheet's two halves)", () => {
  /** Left labels at x 60 with figures at 200, 260; right labels at 300 with figures at 480, 540. */
  function twoPanels(rows: [string, string, string, string, string, string][]): PositionedText[][] {
    const items: PositionedText[] = [];
    let y = 700;
    const put = (str: string, x: number, right = false) =>
      items.push({ page: 1, str, x: right ? x - str.length * 5 : x, y, width: str.length * 5, size: 10 });
    put("Balansräkning", 60);
    y -= 24;
    [
      ["2012", 200],
      ["2011", 260],
      ["2012", 480],
      ["2011", 540],
    ].forEach(([h, x]) => put(h as string, x as number, true));
    y -= 16;
    for (const [l, a, b, r, c, d] of rows) {
      put(l, 60);
      put(a, 200, true);
      put(b, 260, true);
      put(r, 300);
      put(c, 480, true);
      put(d, 540, true);
      y -= 16;
    }
    return [items];
  }
  const rows: [string, string, string, string, string, string][] = [
    ["Balanserade utgifter", "1 306", "1 409", "Statskapital", "102 678", "102 848"],
    ["Rättigheter", "7", "101", "Balanserad förändring", "6 022", "6 022"],
    ["Summa immateriella", "1 313", "1 510", "Kapitalförändring", "-7 466", "-6 475"],
    ["Förbättringsutgifter", "236", "233", "Summa myndighetskapital", "101 234", "102 395"],
  ];
  test("must not: each half is a table of its own, the right half's figures never summed into the left's totals", () => {
    const report = checkReport(twoPanels(rows), "sv");
    expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(
      report.tables.map((t) => [t.title, t.columns.map((c) => c.header), t.rows.map((r) => r.label)]),
    ).toEqual([
      ["Balansräkning", ["2012", "2011"], rows.map((r) => r[0])],
      ["Balansräkning", ["2012", "2011"], rows.map((r) => r[3])],
    ]);
    expect(report.tables.flatMap((t) => t.ambiguous)).toEqual([]);
  });
  test("must: a wrong total in the right half is an error on the right half's row and column", () => {
    const wrong = rows.map((r) =>
      r[3] === "Summa myndighetskapital" ? ([...r.slice(0, 4), "101 999", r[5]] as typeof r) : r,
    );
    const report = checkReport(twoPanels(wrong), "sv");
    const f = report.findings.filter((x) => x.severity === "error");
    expect(f.map((x) => [x.row, x.column, x.expected, x.actual])).toEqual([
      ["Summa myndighetskapital", "2012", 101234, 101999],
    ]);
  });
  test("must: a wrong total in the left half is still an error", () => {
    const wrong = rows.map((r) =>
      r[0] === "Summa immateriella" ? ([...r.slice(0, 1), "1 400", ...r.slice(2)] as typeof r) : r,
    );
    const f = checkReport(twoPanels(wrong), "sv").findings.filter((x) => x.severity === "error");
    expect(f.map((x) => [x.row, x.column])).toEqual([["Summa immateriella", "2012"]]);
  });
});

describe("rounding with mixed printed precision (-66 beside -0,5)", () => {
  test("must not: -66 + -0,5 printed as -66,1 is within the rounding of -66 (½ unit of each line's precision)", () => {
    expect(
      serious(
        page(
          [
            ["A", "-66"],
            ["B", "-0,5"],
            ["Totalt", "-66,1"],
          ],
          ["Intäkter"],
        ),
      ),
    ).toEqual([]);
  });
  test("must: -66 + -0,5 printed as -67,5 is off by more than that rounding", () => {
    const f = serious(
      page(
        [
          ["A", "-66"],
          ["B", "-0,5"],
          ["Totalt", "-67,5"],
        ],
        ["Intäkter"],
      ),
    );
    expect(f.map((x) => [x.rule, x.severity])).toEqual([["sum.mismatch", "error"]]);
  });
});

describe("a footnote reference alone in a cell, and a total whose lines fill only the result column", () => {
  test("must not: '1)' in every row (no figure given, see note 1) is no figure and no sum", () => {
    const rows = [
      ["Armé", "1)", "5 883"],
      ["Marin", "1)", "803"],
      ["Flyg", "1)", "271"],
      ["Totalt", "1)", "6 957"],
    ];
    expect(serious(page(rows, ["2008", "2007"]))).toEqual([]);
  });
  const fot = (total: string) => [
    ["Modellering", "19 418", "10 869", "30 287"],
    ["Ledning", "60 989", "18 755", "79 744"],
    ["Flygteknik", "19 511", "124 476", "143 987"],
    ["Studier", "", "", "35 081"],
    ["Totalt", "99 918", "154 100", total],
  ];
  test("must not: Totalt FoT = Forskning + Teknik fails on the Totalt row only because Studier fills Totalt FoT alone", () => {
    expect(serious(page(fot("289 099"), ["Forskning", "Teknik", "Totalt FoT"]))).toEqual([]);
  });
  test("must: the same total wrong in its column is still an error", () => {
    const f = serious(page(fot("289 999"), ["Forskning", "Teknik", "Totalt FoT"]));
    expect(f.map((x) => [x.row, x.column])).toContainEqual(["Totalt", "Totalt FoT"]);
  });
});

describe("a label wrapped over several lines with its figures on the last one", () => {
  test("must: 'Upplupna kost-' / 'nader till' / 'leverantörer' is one row's label, not the end of the row above", () => {
    const items: PositionedText[] = [];
    let y = 700;
    const put = (str: string, x: number, right = false) =>
      items.push({ page: 1, str, x: right ? x - str.length * 5 : x, y, width: str.length * 5, size: 10 });
    put("Tabell 1. Exempel", 60);
    y -= 24;
    put("Ingående", 200, true);
    put("Utgående", 260, true);
    y -= 16;
    const lines: [string, string, string][] = [
      ["Amortering", "238", "262"],
      ["Övrigt", "-513", "-616"],
      ["Upplupna kost-", "", ""],
      ["nader till", "", ""],
      ["leverantörer", "", "-145"],
      ["Summa", "-275", "-499"],
    ];
    for (const [label, a, b] of lines) {
      put(label, 60);
      if (a) put(a, 200, true);
      if (b) put(b, 260, true);
      y -= 12;
    }
    const t = checkReport([items], "sv").tables[0];
    expect(t.rows.map((r) => r.label)).toEqual([
      "Amortering",
      "Övrigt",
      "Upplupna kost- nader till leverantörer",
      "Summa",
    ]);
  });
});

describe("an inkomsttitel table: codes before the labels, a figure centred beside a two-line label", () => {
  /** Codes at x 60, labels at 120, amounts right-aligned at 460; a "1)" in small type above the first row. */
  function titles(summa: string): PositionedText[][] {
    const items: PositionedText[] = [];
    const put = (str: string, x: number, y: number, right = false, size = 8) =>
      items.push({ page: 1, str, x: right ? x - str.length * 4 : x, y, width: str.length * 4, size });
    put("Redovisning mot inkomsttitel", 52, 668);
    put("Inkomsttitel (belopp i tkr)", 52, 656);
    put("Inkomster", 460, 656, true);
    put("1)", 254, 634, false, 5.3);
    put("2511", 60, 631);
    put("Expeditions- och ansökningsavgifter", 120, 631);
    put("79 022", 460, 631, true);
    put("6911", 60, 619);
    put("Övriga bidrag från EU, undertitel 02", 120, 619);
    put("31 729", 460, 613, true);
    put("europeiska flyktingfonden", 120, 608);
    put("3312", 60, 595);
    put("Övriga inkomster av försåld egendom", 120, 595);
    put("243", 460, 595, true);
    put("SUMMA", 52, 578);
    put(summa, 460, 578, true);
    return [items];
  }
  test("must not: the codes name the rows (no second table beside them), the centred 31 729 is its row's", () => {
    const report = checkReport(titles("110 994"), "sv");
    expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
    const [t] = report.tables;
    expect([t.title, t.labelHeader, t.columns.map((c) => c.header), t.ambiguous]).toEqual([
      "Redovisning mot inkomsttitel",
      "Inkomsttitel (belopp i tkr)",
      ["Inkomster"],
      [],
    ]);
    expect(t.rows.map((r) => [r.label, r.cells[0].text])).toEqual([
      ["2511 Expeditions- och ansökningsavgifter", "79 022"],
      ["6911 Övriga bidrag från EU, undertitel 02 europeiska flyktingfonden", "31 729"],
      ["3312 Övriga inkomster av försåld egendom", "243"],
      ["SUMMA", "110 994"],
    ]);
  });
  test("must: a wrong SUMMA is an error over all three lines", () => {
    const f = checkReport(titles("111 994"), "sv").findings.filter((x) => x.severity === "error");
    expect(f.map((x) => [x.row, x.column, x.expected])).toEqual([["SUMMA", "Inkomster", 110994]]);
  });
});
