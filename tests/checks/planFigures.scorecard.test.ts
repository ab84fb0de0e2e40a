/** Styrkort (scorecard) indicators compared with the plan like goals: per period and kind, percent and tkr. */
import { checkWorkbook } from "../../src/checks";
import { embeddedPlan } from "../../src/plan/embedded";
import { book, sheet, type CellSpec } from "./helpers";
import { renderFindings } from "../../src/i18n";

const pct = (v: number): CellSpec => ({ v, fmt: "0.0%" });

const run = (rows: CellSpec[][]) =>
  renderFindings(checkWorkbook(book(sheet("Styrkort", rows)), { plan: embeddedPlan }), "sv");

/** The findings as the engine gives them: message id and parameters. */
const raw = (rows: CellSpec[][]) => checkWorkbook(book(sheet("Styrkort", rows)), { plan: embeddedPlan });

const cells = (rows: CellSpec[][]) => run(rows).map((f) => `${f.rule} ${f.cell} ${f.severity}`);

/** The styrkort as the plan prints it (page 6), with edits. */
function scorecard(edit?: (rows: CellSpec[][]) => void): CellSpec[][] {
  const rows: CellSpec[][] = [
    ["Styrkort Konsult och uppdrag"],
    ["Indikator", "Utfall t o m augusti 2018", "Mål 2019"],
    ["MEDARBETARE"],
    ["Hållbart medarbetarengagemang (HME), index", "Ännu inte kommunicerat", 85],
    ["Total sjukfrånvaro, %", pct(0.032), pct(0.03)],
    ["EKONOMI"],
    ["Resultat Utfall avvikelse mot budget, ack (tkr)", 25_328, 0],
    ["Resultat Prognos helår mot budget helår (tkr)", 15_000, 0],
    ["Avtalstrohet vid inköp (%)", 95, 75],
  ];
  edit?.(rows);
  return rows;
}

test("the styrkort as in the plan gives nothing", () => {
  expect(cells(scorecard())).toEqual([]);
});

test("an outcome or a target that differs from the plan is plan.mismatch, percent cells and plain ones", () => {
  const rows = scorecard((r) => {
    r[4][1] = pct(0.041); // sjukfrånvaro 4,1 % where the plan says 3,2 %
    r[8][2] = 70; // avtalstrohet target 70 where the plan says 75
    r[3][2] = 83; // HME target 83 where the styrkort says 85
  });
  expect(cells(rows)).toEqual(["plan.mismatch C4 error", "plan.mismatch B5 error", "plan.mismatch C9 error"]);
  const sick = raw(rows).find((f) => f.cell === "B5")!;
  expect(sick).toMatchObject({ messageId: "plan.mismatch", params: { actual: 0.041, percent: true } });
  expect(sick.expected).toBeCloseTo(0.032, 10);
});

test("a tkr indicator written in kr is plan.unit; in another tkr figure plan.mismatch with the unit", () => {
  const rows = scorecard((r) => {
    r[7][1] = 15_000_000;
    r[6][1] = 24_100;
  });
  expect(cells(rows)).toEqual(["plan.mismatch B7 error", "plan.unit B8 error"]);
  const found = run(rows);
  expect(raw(rows)[0]).toMatchObject({
    messageId: "plan.mismatch",
    params: { expected: 25_328, unit: "tkr" },
  });
  expect(found[1].expected).toBe(15_000);
});

test("a table stated in mnkr holds the tkr indicator as 15: fine; as 15 000: plan.unit", () => {
  const inMnkr = (v: number) =>
    scorecard((r) => {
      r[0][0] = "Styrkort – belopp i mnkr";
      r[6][0] = "Resultat Utfall avvikelse mot budget, ack";
      r[6][1] = { v: 25.328, fmt: "0.000" };
      r[7][0] = "Resultat Prognos helår mot budget helår";
      r[7][1] = v;
    });
  expect(cells(inMnkr(15))).toEqual([]);
  expect(cells(inMnkr(15_000))).toEqual(["plan.unit B8 error"]);
});

test("a department's own sjukfrånvaro list (no indicator titles) is not compared", () => {
  expect(
    cells([
      ["Sjukfrånvaro per enhet"],
      ["Enhet", "Utfall 2018", "Mål 2019"],
      ["Ekonomi", pct(0.045), pct(0.04)],
      ["HR", pct(0.021), pct(0.03)],
    ]),
  ).toEqual([]);
});
