/** Net rows: intäkter − kostnader with costs written as positive figures (Nettokostnad, Resultat, Netto). */
import { checkWorkbook } from "../../src/checks";
import { embeddedPlan } from "../../src/plan/embedded";
import { book, sheet, type CellSpec } from "./helpers";
import { renderFindings } from "../../src/i18n";

const run = (rows: CellSpec[][]) =>
  renderFindings(checkWorkbook(book(sheet("Drift", rows)), { plan: embeddedPlan }), "sv");
/** The findings as the engine gives them: message id and parameters. */
const raw = (rows: CellSpec[][]) => checkWorkbook(book(sheet("Drift", rows)), { plan: embeddedPlan });
const serious = (rows: CellSpec[][]) =>
  run(rows)
    .filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.cell} ${f.severity}`);

/** Driftredovisning with typed totals; `net` is the last row's label and figures. */
const drift = (net: CellSpec[]): CellSpec[][] => [
  ["Driftredovisning 2019, tkr"],
  ["", "Budget", "Utfall", "Avvikelse"],
  ["Intäkter"],
  ["Avgifter", 4_200, 4_350, 150],
  ["Bidrag", 1_800, 1_790, -10],
  ["Summa intäkter", 6_000, 6_140, 140],
  ["Kostnader"],
  ["Personal", 9_100, 9_240, -140],
  ["Lokaler", 2_300, 2_310, -10],
  ["Summa kostnader", 11_400, 11_550, -150],
  net,
];

test("a net row that is not intäkter − kostnader is a sum.mismatch that says so", () => {
  // Utfall: 6 140 − 11 550 = −5 410, not −5 140.
  const rows = drift(["Nettokostnad", -5_400, -5_140, -10]);
  // D11 (Avvikelse −10) no longer is C11 − B11 either: the wrong net shows there too.
  expect(serious(rows)).toEqual(["sum.mismatch C11 error", "sum.mismatch D11 error"]);
  const f = run(rows).find((x) => x.rule === "sum.mismatch")!;
  expect(f.expected).toBe(-5_410);
  expect(raw(rows).find((x) => x.rule === "sum.mismatch")).toMatchObject({
    messageId: "sum.mismatch.net",
    params: { label: '"Nettokostnad" (Utfall)', over: "C4:C9", actual: -5_140, expected: -5_410 },
  });
  // Written as a positive net cost (kostnader − intäkter), the wrong one is found the same way.
  const positive = drift(["Nettokostnad", 5_400, 5_140, -10]);
  expect(serious(positive)).toEqual(["sum.mismatch C11 error", "sum.mismatch D11 error"]);
  expect(run(positive).find((x) => x.rule === "sum.mismatch")!.expected).toBe(5_410);
});

test("a bare Summa / Totalt under intäkter and kostnader is checked as their difference", () => {
  expect(serious(drift(["Totalt", -5_400, -5_410, -10]))).toEqual([]);
  expect(serious(drift(["Summa", -5_400, -5_410, -10]))).toEqual([]);
  expect(serious(drift(["Totalt", -5_400, -5_510, -10]))).toEqual([
    "sum.mismatch C11 error",
    "sum.mismatch D11 error",
  ]);
  // Costs typed negative: the plain sum, as before.
  const negative = drift(["Resultat", -5_400, -5_410, -10]).map((r, i) =>
    i >= 7 && i <= 9 ? r.map((x) => (typeof x === "number" && i < 10 ? -x : x)) : r,
  );
  expect(serious(negative)).toEqual([]);
});

test("a wrong Avvikelse is still found in a table whose deviations run either way round", () => {
  const rows = drift(["Nettokostnad", -5_400, -5_410, -10]);
  rows[7][3] = -410; // Personal: 9 100 vs 9 240 is 140 either way round
  // …and Summa kostnader's Avvikelse no longer adds up its lines.
  expect(serious(rows)).toEqual(["sum.mismatch D8 error", "sum.mismatch D10 error"]);
});

test("'Resultat' outside an intäkter/kostnader table is a line, not a total", () => {
  expect(
    serious([
      ["Nöjdhet", "2018", "2019"],
      ["Mål", 80, 82],
      ["Resultat", 78, 84],
      ["Antal svar", 310, 295],
    ]),
  ).toEqual([]);
  expect(
    serious([
      ["Post", "Budget", "Utfall"],
      ["Personalkostnader", 900, 950],
      ["Lokalkostnader", 200, 190],
      ["Resultat", 1_000, 1_000],
    ]),
  ).toEqual([]);
});
