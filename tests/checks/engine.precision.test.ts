/**
 * Precision: clean, realistic layouts a finance office uses must give no error or warning.
 * (Each sheet here is a pattern that a naive "sum the column above" check gets wrong.)
 */
import { checkWorkbook } from "../../src/checks";
import { embeddedPlan } from "../../src/plan/embedded";
import { book, sheet, type CellSpec } from "./helpers";
import { render } from "../../src/i18n";

const serious = (rows: CellSpec[][], name = "Blad1") =>
  checkWorkbook(book(sheet(name, rows)), { plan: embeddedPlan })
    .filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.cell}: ${render(f, "sv")}`);

const f = (formula: string, v: number, fmt?: string): CellSpec => ({ f: formula, v, fmt });

test("account codes left of the labels", () => {
  expect(
    serious([
      ["Konto", "Benämning", "Budget 2019"],
      [4010, "Material", 1_200],
      [5410, "Inventarier", 800],
      [7010, "Löner", 9_400],
      [null, "Summa", f("SUM(C2:C4)", 11_400)],
    ]),
  ).toEqual([]);
});

test("years as row labels, a Förändring and a Förändring % column", () => {
  expect(
    serious([
      ["År", "Intäkter", "Kostnader", "Förändring", "Förändring %"],
      [2017, 1_000, 900, 100, { v: 0.111, fmt: "0.0%" }],
      [2018, 1_100, 950, 150, { v: 0.158, fmt: "0.0%" }],
      [2019, 1_200, 1_010, 190, { v: 0.188, fmt: "0.0%" }],
      ["Totalt", f("SUM(B2:B4)", 3_300), f("SUM(C2:C4)", 2_860), f("SUM(D2:D4)", 440), null],
    ]),
  ).toEqual([]);
});

test("months with a Totalt and a Snitt column", () => {
  const months = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"];
  const row = (label: string, base: number, r: number): CellSpec[] => {
    const vals = months.map((_, i) => base + i * 3);
    const sum = vals.reduce((a, b) => a + b, 0);
    return [label, ...vals, f(`SUM(B${r}:M${r})`, sum), { v: sum / 12, fmt: "#,##0" }];
  };
  expect(
    serious([
      ["Kostnader per månad 2019, tkr"],
      ["Post", ...months, "Totalt", "Snitt"],
      row("Personal", 800, 3),
      row("Lokaler", 200, 4),
    ]),
  ).toEqual([]);
});

test("two tables on one sheet, a total above its breakdown, negatives with a two-part format", () => {
  const neg = "#,##0;-#,##0";
  expect(
    serious([
      ["Tabell 1: Driftbudget (tkr)"],
      ["Verksamhet", "Budget"],
      ["Bibliotek", { v: -14_300, fmt: neg }],
      ["Fritid", { v: -8_800, fmt: neg }],
      ["Summa", { f: "SUM(B3:B4)", v: -23_100, fmt: neg }],
      [],
      ["Tabell 2: Fördelning av Totalt"],
      ["Totalt", 5_000],
      ["Skolor", 3_000],
      ["Förskolor", 2_000],
    ]),
  ).toEqual([]);
});

test("a summary sheet of links, and a satisfaction index whose Total is an average", () => {
  const summary = sheet("Sammanställning", [
    ["Avdelning", "Budget 2019"],
    ["Staben", { f: "Staben!B10", v: 12_000 }],
    ["Ekonomi", { f: "Ekonomi!B12", v: 8_000 }],
    ["Summa", { f: "SUM(B2:B3)", v: 20_000 }],
  ]);
  const index = sheet("NMI", [
    ["Nöjd medborgarindex", "2018", "2019"],
    ["Bibliotek", 72, 74],
    ["Simhallen", 65, 61],
    ["Total", 69, 68],
  ]);
  const all = checkWorkbook(book(summary, index), { plan: embeddedPlan }).filter(
    (x) => x.severity !== "info",
  );
  expect(all).toEqual([]);
});

test("varav rows left out by the formula, Antal årsarbetare and Genomsnitt below the total", () => {
  expect(
    serious([
      ["Personalkostnader (tkr)"],
      ["Enhet", "Budget 2019"],
      ["Administration", 8_400],
      ["varav OB", 300],
      ["Drift", 21_700],
      ["Summa", f("B3+B5", 30_100)],
      ["Antal årsarbetare", 52],
      ["Genomsnitt per årsarbetare", 579],
    ]),
  ).toEqual([]);
});

test("the plan's own budget table with an Avvikelse column and mnkr in a tkr sheet", () => {
  expect(
    serious([
      ["Ekonomisk redovisning per avdelning"],
      ["Alla belopp i tkr."],
      ["Avdelning", "Utfall 2017", "Prognos 2018", "Budget 2019", "Budget 2018", "Förändring"],
      ["Ledningsstaben", 2.6, 7.2, 139_158, 135_000, 4_158],
      ["Ekonomi o kvalitet", 5.6, 1.0, 52_501, 51_000, 1_501],
      ["HR", 0.4, 0.6, 64_308, 63_000, 1_308],
      ["Välfärd", 1.8, 0.5, 21_140, 21_000, 140],
      ["Näringsliv", 6.6, 3.7, 40_524, 40_000, 524],
      ["Kommunikation o delaktighet", 0, 0, 31_373, 31_000, 373],
      ["Miljö o samhällsbyggnad", 11.0, 2.0, 38_796, 38_000, 796],
      ["Totalt", 28.0, 15.0, 387_800, 379_000, 8_800],
    ]),
  ).toEqual([]);
});

test("a budget line that happens to name a goal, and a department breakdown under the plan's own header", () => {
  expect(
    serious([
      ["Investeringar (tkr)"],
      ["Projekt", "Budget 2018", "Utfall 2018"],
      ["Bredband", 1_500, 1_250],
      ["Skolor", 12_000, 11_800],
      ["Vägar", 4_000, 4_100],
      ["Summa", f("SUM(B3:B5)", 17_500), f("SUM(C3:C5)", 17_150)],
    ]),
  ).toEqual([]);
  expect(
    serious([
      ["Personalbudget per avdelning (tkr)"],
      ["Avdelning", "Budget 2019"],
      ["Ledningsstaben", 61_200],
      ["Ekonomi o kvalitet", 33_900],
      ["HR", 41_750],
      ["Välfärd", 14_300],
      ["Summa", f("SUM(B3:B6)", 151_150)],
    ]),
  ).toEqual([]);
});

test("an income statement whose result builds on the net cost row", () => {
  expect(
    serious([
      ["Resultaträkning (tkr)"],
      ["Post", "Budget 2019"],
      ["Verksamhetens intäkter", 1_000],
      ["Verksamhetens kostnader", -900],
      ["Avskrivningar", -50],
      ["Verksamhetens nettokostnad", f("SUM(B3:B5)", 50)],
      ["Finansiella intäkter", 5],
      ["Finansiella kostnader", -2],
      ["Resultat efter finansiella poster", f("B6+B7+B8", 53)],
    ]),
  ).toEqual([]);
});

test("quantity × price = Totalt is no sum across the row", () => {
  expect(
    serious([
      ["Inköp 2019"],
      ["Vara", "Antal", "à-pris (kr)", "Totalt (kr)"],
      ["Skrivbord", 10, 2_500, 25_000],
      ["Stolar", 20, 1_200, 24_000],
      ["Summa", null, null, 49_000],
    ]),
  ).toEqual([]);
});

test("a budget 'i löpande priser' is still summed across its quarters", () => {
  const s = [
    ["Budget 2019 i löpande priser, tkr"],
    ["Post", "Kv1 löpande priser", "Kv2 löpande priser", "Helår"],
    ["Personal", 100, 100, 250],
  ];
  expect(checkWorkbook(book(sheet("T", s)), { rules: ["sum.mismatch"] }).map((f) => f.cell)).toEqual(["D3"]);
});

test("totals above their lines (Summa first, then the breakdown)", () => {
  const rows = (kost: number): CellSpec[][] => [
    ["Budget 2019 (tkr)"],
    ["Post", "Budget"],
    ["Totalt", 17_400],
    ["Summa intäkter", 6_000],
    ["Avgifter", 4_200],
    ["Bidrag", 1_800],
    ["Summa kostnader", kost],
    ["Personal", 9_100],
    ["Lokaler", 2_300],
  ];
  expect(serious(rows(11_400))).toEqual([]);
  expect(serious(rows(11_900)).map((x) => x.slice(0, 16))).toEqual(["sum.mismatch B7:"]);
});

test("a monthly follow-up: Budget, Utfall, Avvikelse, Förbrukat %, Prognos helår, notes, varav and staffing rows", () => {
  const depts: [string, number, number][] = [
    ["Ledningsstaben", 92_772, 88_410],
    ["Ekonomi o kvalitet", 35_001, 35_920],
    ["HR", 42_872, 41_005],
    ["Välfärd", 14_093, 13_880],
  ];
  const rows: CellSpec[][] = [
    ["Månadsuppföljning augusti 2019 – Kommunledningskontoret"],
    ["Alla belopp i tkr"],
    [],
    [
      "Avdelning",
      "Budget t o m aug",
      "Utfall t o m aug",
      "Avvikelse",
      "Förbrukat %",
      "Prognos helår",
      "Kommentar",
    ],
  ];
  depts.forEach(([name, b, u], i) => {
    const r = rows.length + 1;
    rows.push([
      name,
      b,
      u,
      { f: `B${r}-C${r}`, v: b - u },
      { f: `C${r}/B${r}`, v: u / b, fmt: "0.0%" },
      Math.round(b * 1.5),
      i === 1 ? "Konsultkostnader högre än planerat" : null,
    ]);
    if (i === 0)
      rows.push([
        "  varav politisk verksamhet",
        12_000,
        11_200,
        800,
        { v: 11_200 / 12_000, fmt: "0.0%" },
        18_000,
        null,
      ]);
  });
  const first = 5,
    last = rows.length;
  const sumOf = (col: string) => ({
    f: `${col}${first}+${col}${first + 2}+${col}${first + 3}+${col}${first + 4}`,
  });
  const total = (col: string, i: number) => {
    const v = depts.reduce(
      (s, d) => s + (i === 1 ? d[1] : i === 2 ? d[2] : i === 3 ? d[1] - d[2] : Math.round(d[1] * 1.5)),
      0,
    );
    return { ...sumOf(col), v };
  };
  rows.push([
    "Summa",
    total("B", 1),
    total("C", 2),
    total("D", 3),
    { f: `C${last + 1}/B${last + 1}`, v: 0.97, fmt: "0.0%" },
    total("F", 4),
    null,
  ]);
  rows.push([]);
  rows.push(["Antal årsarbetare", 90, 88, 2, null, 90, null]);
  expect(serious(rows, "Augusti")).toEqual([]);
});

test("a goal row whose values all say 'Fastställs senare' is no header for the rows below", () => {
  expect(
    serious([
      ["Processmål", "Målvärde 2018", "Utfall 2018", "Målvärde 2019"],
      [
        "Öka förmågan att hantera större händelser/kriser",
        "Fastställs senare",
        "Fastställs senare",
        "Fastställs senare",
      ],
      ["Nöjd politikerindex förbättras till 72", 71, 83, 72],
      ["Invånare som är nöjda med möjligheten till inflytande", 43, 41, 45],
    ]),
  ).toEqual([]);
});

test("a kommun Driftredovisning: costs as positive figures, Nettokostnad = intäkter − kostnader, Avvikelse good-is-positive", () => {
  // Avvikelse = Utfall − Budget for intäkter, Budget − Utfall for kostnader (positive = better than budget).
  const rows = (net: string): CellSpec[][] => [
    ["Driftredovisning 2019, tkr"],
    ["", "Budget", "Utfall", "Avvikelse"],
    ["Intäkter"],
    ["Avgifter och taxor", 4_200, 4_350, 150],
    ["Bidrag", 1_800, 1_790, -10],
    ["Försäljning", 650, 700, 50],
    ["Summa intäkter", f("SUM(B4:B6)", 6_650), f("SUM(C4:C6)", 6_840), f("SUM(D4:D6)", 190)],
    [],
    ["Kostnader"],
    ["Personalkostnader", 9_100, 9_240, -140],
    ["Lokalkostnader", 2_300, 2_310, -10],
    ["Övriga kostnader", 1_250, 1_100, 150],
    ["Summa kostnader", f("SUM(B10:B12)", 12_650), f("SUM(C10:C12)", 12_650), f("SUM(D10:D12)", 0)],
    [],
    [net, -6_000, -5_810, 190],
  ];
  // Totals typed throughout (an export from the ledger): one info for the table at most.
  const typed = (net: string) =>
    rows(net).map((r) =>
      r.map((x) => (typeof x === "object" && x !== null && "f" in x ? (x.v as number) : x)),
    );
  for (const net of ["Nettokostnad", "Resultat", "Netto", "Summa netto", "Totalt"])
    expect(serious(typed(net))).toEqual([]);
  // Formulas throughout, the net row too.
  const formulas = rows("Resultat");
  formulas[14] = ["Resultat", f("B7-B13", -6_000), f("C7-C13", -5_810), f("D7+D13", 190)];
  expect(serious(formulas)).toEqual([]);
});

test("a Driftredovisning with Nettokostnad as a positive figure (kostnader − intäkter) and Budget − Utfall throughout", () => {
  expect(
    serious([
      ["Driftredovisning per verksamhet (tkr)"],
      ["Verksamhet", "Budget 2019", "Utfall 2019", "Avvikelse"],
      ["Intäkter"],
      ["Taxor", 1_000, 1_100, -100],
      ["Bidrag", 500, 450, 50],
      ["Summa intäkter", 1_500, 1_550, -50],
      ["Kostnader"],
      ["Personal", 7_000, 7_100, -100],
      ["Lokaler", 1_000, 980, 20],
      ["Summa kostnader", 8_000, 8_080, -80],
      ["Nettokostnad", 6_500, 6_530, -30],
    ]),
  ).toEqual([]);
});
