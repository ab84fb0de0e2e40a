import fc from "fast-check";
import {
  documentFromLayout,
  joinWrappedHeaders,
  layoutRows,
  mergeWrappedCells,
  positionedFromPdfjs,
  type PositionedText,
} from "../../src/import/layout";
import { docTableGrid } from "../../src/import/docSums";
import { importDocument, importPlanFromText } from "../../src/import/text";
import { partitionNumbers, tokenizePage } from "../../src/import/tokens";
import { formatSvNumber } from "../../src/plan/numbers";

/** Items of one table row at font size 10: cells at the given x positions. */
function row(y: number, cells: [number, string][], page = 1): PositionedText[] {
  return cells.map(([x, str]) => ({ page, str, x, y, width: str.length * 5, size: 10 }));
}

describe("layout model: rows from baselines, cells from gaps", () => {
  test("items on one baseline (within half a font size) form a row, top to bottom, left to right", () => {
    const items = [
      ...row(700, [
        [300, "139 158"],
        [60, "Ledningsstaben"],
        [200, "7,2"],
        [150, "2,6"],
      ]),
      ...row(702.5, [[400, "x"]]),
      ...row(680, [[60, "HR"]]),
    ];
    const rows = layoutRows(items);
    expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["Ledningsstaben", "2,6", "7,2", "139 158", "x"],
      ["HR"],
    ]);
  });

  test("a figure touching the end of a label that ran into its column is a cell of its own", () => {
    // "…tillgång" ends at 60 + 125 = 185, "52 459" starts right there: no gap, yet a figure after a word.
    const items = row(700, [
      [60, "Varav aktivering tillgång"],
      [185, "52 459"],
      [260, "67 076"],
    ]);
    expect(layoutRows(items)[0].cells.map((c) => c.text)).toEqual([
      "Varav aktivering tillgång",
      "52 459",
      "67 076",
    ]);
    // Digits after digits or a word space still make one cell.
    expect(
      layoutRows(
        row(700, [
          [60, "Not"],
          [78, "12"],
        ]),
      )[0].cells.map((c) => c.text),
    ).toEqual(["Not 12"]);
  });

  test("a narrow gap is a word space within a cell; a wide one a cell boundary", () => {
    // "Ekonomi" ends at 60 + 35 = 95; "o" starts 2 pt later (a space), "kvalitet" likewise; "5,6" 30 pt later.
    const items = row(700, [
      [60, "Ekonomi"],
      [97, "o"],
      [104, "kvalitet"],
      [180, "5,6"],
    ]);
    expect(layoutRows(items)[0].cells.map((c) => c.text)).toEqual(["Ekonomi o kvalitet", "5,6"]);
    const doc = documentFromLayout([items]);
    expect(doc.pages[0].tokens.map((t) => [t.text, t.hard])).toEqual([
      ["Ekonomi", undefined],
      ["o", false],
      ["kvalitet", false],
      ["5,6", true],
    ]);
  });

  test("a wrapped title cell with its figures centred between the lines is rejoined before the figures", () => {
    const items = [
      ...row(700, [[60, "Nöjd medborgarindex för gator"]]),
      ...row(689, [
        [300, "58"],
        [350, "55"],
        [400, "60"],
      ]),
      ...row(678, [[60, "ska nå 60"]]),
      ...row(640, [[60, "Nästa stycke."]]),
    ];
    expect(mergeWrappedCells(layoutRows(items)).map((r) => r.cells.map((c) => c.text))).toEqual([
      ["Nöjd medborgarindex för gator"],
      ["ska nå 60", "58", "55", "60"],
      ["Nästa stycke."],
    ]);
    const tokens = documentFromLayout([items])
      .pages[0].tokens.map((t) => t.text)
      .join(" ");
    expect(tokens).toBe("Nöjd medborgarindex för gator ska nå 60 58 55 60 Nästa stycke.");
  });

  test("wrapped column headers are joined per column only before a row of figures", () => {
    const header = [
      ...row(720, [
        [150, "Budget"],
        [250, "Prognos"],
      ]),
      ...row(709, [
        [150, "2019"],
        [250, "2018"],
      ]),
    ];
    const data = row(690, [
      [60, "Parker"],
      [150, "12"],
      [250, "13"],
    ]);
    expect(
      joinWrappedHeaders(layoutRows([...header, ...data])).map((r) => r.cells.map((c) => c.text)),
    ).toEqual([
      ["Budget 2019", "Prognos 2018"],
      ["Parker", "12", "13"],
    ]);
    // Two columns of text with no figures below: left as they are.
    expect(joinWrappedHeaders(layoutRows(header)).map((r) => r.cells.map((c) => c.text))).toEqual([
      ["Budget", "Prognos"],
      ["2019", "2018"],
    ]);
  });

  test("tight table: a line exactly between two rows' figures goes to the cell it balances", () => {
    const figs = (y: number) =>
      row(y, [
        [300, "1"],
        [350, "2"],
      ]);
    // Three-line title centred on its figures, then a one-line row: "c" belongs above.
    const a = [
      ...row(700, [[60, "a"]]),
      ...row(689, [[60, "b"]]),
      ...figs(689),
      ...row(678, [[60, "c"]]),
      ...row(667, [[60, "d"]]),
      ...figs(667),
    ];
    expect(mergeWrappedCells(layoutRows(a)).map((r) => r.cells[0].text)).toEqual(["a", "b c", "d"]);
    // A one-line row, then a three-line title centred on its figures: "e" belongs below.
    const b = [
      ...row(700, [[60, "a"]]),
      ...figs(700),
      ...row(689, [[60, "e"]]),
      ...row(678, [[60, "f"]]),
      ...figs(678),
      ...row(667, [[60, "g"]]),
    ];
    expect(mergeWrappedCells(layoutRows(b)).map((r) => r.cells[0].text)).toEqual(["a", "e", "f g"]);
  });

  test("running headers and page numbers are page furniture; a table header repeated at page tops is not", () => {
    const page = (p: number, top: [number, string][]) => [
      ...row(800, [[60, "Verksamhetsplan 2020 BUF"]], p),
      ...row(770, top, p),
      ...row(
        750,
        [
          [60, `Rad ${p}`],
          [150, "1"],
          [250, "2"],
        ],
        p,
      ),
      ...row(30, [[300, `Sida ${p}`]], p),
    ];
    const header: [number, string][] = [
      [150, "Budget 2019"],
      [250, "Budget 2020"],
    ];
    const pages = [page(1, header), page(2, header)];
    const text = documentFromLayout(pages).pages.map((p) => p.tokens.map((t) => t.text).join(" "));
    expect(text).toEqual(["Budget 2019 Budget 2020 Rad 1 1 2", "Budget 2019 Budget 2020 Rad 2 1 2"]);
    // One page: no running header or footer to tell apart, nothing is dropped.
    expect(
      documentFromLayout([page(1, header)])
        .pages[0].tokens.map((t) => t.text)
        .join(" "),
    ).toBe("Verksamhetsplan 2020 BUF Budget 2019 Budget 2020 Rad 1 1 2 Sida 1");
  });

  test("justified prose (wide gaps between words) is never reordered", () => {
    const items = [
      ...row(700, [
        [60, "Förvaltningen"],
        [150, "arbetar"],
        [240, "vidare"],
      ]),
      ...row(689, [[60, "med frågan."]]),
    ];
    const tokens = documentFromLayout([items])
      .pages[0].tokens.map((t) => t.text)
      .join(" ");
    expect(tokens).toBe("Förvaltningen arbetar vidare med frågan.");
  });

  test("pdfjs items map to positions; marked-content items are dropped", () => {
    const items = [
      { str: "Totalt", transform: [12, 0, 0, 12, 58.2, 642.8], width: 28.6 },
      { type: "beginMarkedContent" },
    ];
    expect(positionedFromPdfjs(3, items)).toEqual([
      { page: 3, str: "Totalt", x: 58.2, y: 642.8, width: 28.6, size: 12 },
    ]);
  });

  test("cell gaps keep column figures apart that flattened text would join", () => {
    // "12" and "345" in separate columns: as text "12 345" reads as twelve thousand-odd.
    const items = [
      ...row(760, [[60, "Verksamhetsplan 2020 Test"]]),
      ...row(740, [[60, "Alla belopp i tkr."]]),
      ...row(720, [
        [150, "Budget 2019"],
        [250, "Budget 2020"],
        [350, "Budget 2021"],
      ]),
      ...row(700, [
        [60, "Parker"],
        [150, "12"],
        [250, "345"],
        [350, "1 000"],
      ]),
      ...row(680, [
        [60, "Gator"],
        [150, "10"],
        [250, "5"],
        [350, "2 000"],
      ]),
      ...row(660, [
        [60, "Totalt"],
        [150, "22"],
        [250, "350"],
        [350, "3 000"],
      ]),
    ];
    const r = importDocument(documentFromLayout([items]));
    expect(r.plan.budgetTables[0].lines.map((l) => Object.values(l.values))).toEqual([
      [12, 345, 1000],
      [10, 5, 2000],
    ]);
    expect(r.findings).toEqual([]);
  });
});

describe("Swedish number words", () => {
  test("a row's number words split into the column count: thousands groups joined only where they fit", () => {
    const t = tokenizePage("2,6 7,2 139 158", 1);
    expect(partitionNumbers(t, 0, t.length, 3).map((p) => p.map((n) => n.value))).toEqual([
      [2.6, 7.2, 139158],
    ]);
    const u = tokenizePage("0 0 31 373", 1);
    expect(partitionNumbers(u, 0, u.length, 3).map((p) => p.map((n) => n.value))).toEqual([[0, 0, 31373]]);
    // Genuinely ambiguous: both readings are returned (the importer then warns).
    const v = tokenizePage("12 345 678", 1);
    expect(partitionNumbers(v, 0, v.length, 2).map((p) => p.map((n) => n.value))).toEqual([
      [12, 345678],
      [12345, 678],
    ]);
  });

  test("property: sv-SE formatted amounts with decimals in every column partition back to themselves", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -9_999_999, max: 9_999_999 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 2 }),
        (ints, decimals) => {
          const values = ints.map((i) => i / 10 ** decimals);
          const text = values.map((v) => formatSvNumber(v, decimals)).join(" ");
          const t = tokenizePage(text, 1);
          const parts = partitionNumbers(t, 0, t.length, values.length);
          // Decimals end every number, so exactly one reading exists.
          expect(parts).toHaveLength(1);
          expect(parts[0].map((n) => n.value)).toEqual(values.map((v) => Number(v.toFixed(decimals))));
        },
      ),
    );
  });
});

describe("document tables as grids for the shared table analysis", () => {
  test("labels, figures with their printed decimals, headers; a blank is empty, a word no figure; each row's page", () => {
    const grid = docTableGrid({
      id: "t",
      title: "Ekonomisk redovisning per avdelning",
      page: 21,
      headers: ["Utfall 2017", "Budget 2019"],
      units: ["mnkr", "tkr"],
      rows: [
        {
          label: "HR",
          cells: [
            { text: "0,4", value: 0.4, decimals: 1 },
            { text: "64 308", value: 64308, decimals: 0 },
          ],
        },
        {
          label: "Totalt",
          page: 22,
          cells: [
            { text: "28,0", value: 28, decimals: 1 },
            { text: "Ej aktuellt", value: null, decimals: 0 },
          ],
        },
        { label: "Övrigt", cells: [{ text: "", value: null, decimals: 0 }] },
      ],
    });
    expect(grid).toEqual({
      title: "Ekonomisk redovisning per avdelning",
      labelHeader: "",
      unit: null,
      headers: ["Utfall 2017", "Budget 2019"],
      rows: [
        {
          label: "HR",
          heading: false,
          page: 21,
          cells: [
            { text: "0,4", kind: "number", value: 0.4, decimals: 1 },
            { text: "64 308", kind: "number", value: 64308, decimals: 0 },
          ],
        },
        {
          label: "Totalt",
          heading: false,
          page: 22,
          cells: [
            { text: "28,0", kind: "number", value: 28, decimals: 1 },
            { text: "Ej aktuellt", kind: "text", value: null, decimals: 0 },
          ],
        },
        {
          label: "Övrigt",
          heading: false,
          page: 21,
          cells: [{ text: "", kind: "empty", value: null, decimals: 0 }],
        },
      ],
    });
  });
});

describe("odd input never throws: a valid (empty) plan and warnings", () => {
  test.each([
    ["empty", ""],
    ["no plan in it", "Hej och välkommen\nInget att se här 12 13 14"],
    ["numbers only", "1 2 3 4 5 6 7 8 9\n10 11 12"],
  ])("%s", (_name, text) => {
    const r = importPlanFromText(text);
    expect(r.plan.goals).toEqual([]);
    expect(r.warnings.length).toBeGreaterThan(0);
  });

  test("property: any text imports to a plan that passes parsePlan (importDocument validates)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 200 }), { maxLength: 5 }), (pages) => {
        expect(() => importPlanFromText(pages.join("\n"))).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
