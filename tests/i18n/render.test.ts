/**
 * render and renderFindings (src/i18n): the words of a finding in each language, from its message id and
 * parameters. The rule tests assert ids and parameters; what those read as is tested here.
 */
import { checkPlan } from "../../src/checks/planConsistency";
import { render, renderFindings } from "../../src/i18n";
import { msg } from "../../src/model/messages";
import { embeddedPlan } from "../../src/plan/embedded";

test("a percent figure against the plan reads with one decimal in both languages, as the plan prints it", () => {
  const m = msg("plan.mismatch", {
    what: "Målvärde 2019 – Den totala sjukfrånvaron hos medarbetarna uppgår 2019 till max 5,9 procent",
    actual: 0.035,
    expected: 0.03,
    percent: true,
    unit: null,
    source: "PM26-sjukfranvaro",
  });
  expect(render(m, "sv")).toContain("är 3,5\u00a0% men planen anger 3,0\u00a0%");
  expect(render(m, "en")).toContain("is 3.5\u00a0% but the plan states 3.0\u00a0%");
});

test("a plan figure in English says what the plan states", () => {
  const m = msg("plan.mismatch", {
    what: "Målvärde 2019 – Nöjd politikerindex förbättras till 72",
    actual: 70,
    expected: 72,
    percent: false,
    unit: null,
    source: "PM01-nojd-politikerindex",
  });
  expect(render(m, "en")).toMatch(/but the plan states 72/);
});

test("a net row says intäkter − kostnader in Swedish and income − costs in English", () => {
  const m = msg("sum.mismatch.net", {
    label: '"Nettokostnad" (Utfall)',
    over: "C4:C9",
    actual: -5_140,
    expected: -5_410,
    diff: 270,
  });
  expect(render(m, "sv")).toMatch(
    /^Nettot "Nettokostnad" \(Utfall\) är -5\s140 men intäkter − kostnader i C4:C9 blir -5\s410/,
  );
  expect(render(m, "en")).toMatch(/income − costs/);
});

test("a range gap names the lines left out: 'leaves out D10', or 'före intervallet' for lines above the range", () => {
  const peers = msg("sum.range-gap", {
    formula: "=SUM(D4:D9)",
    lines: ["D10 (Miljö o samhällsbyggnad)"],
    more: 0,
    why: "peers",
    peers: ["B11", "C11", "E11"],
    morePeers: true,
    expected: 96_949,
    actual: 87_250,
  });
  expect(render(peers, "en")).toMatch(/leaves out D10/);
  const before = msg("sum.range-gap", {
    formula: "=SUM(B4:B8)",
    lines: ["B2 (Barstolar)", "B3 (Kameratillbehör)"],
    more: 0,
    why: "before",
    peers: [],
    morePeers: false,
    expected: 26_252,
    actual: 23_450,
  });
  expect(render(before, "sv")).toContain("före intervallet");
});

test("counts: '8 formler', and a column's '5 av 7'", () => {
  const many = msg("cell.uncomputed.many", { count: 8, formula: "=VLOOKUP(A2,X!A:B,2,0)" });
  expect(render(many, "sv")).toMatch(/^8 formler/);
  const column = msg("plan.mismatch.column", {
    what: "Budget 2019",
    source: "Ekonomisk redovisning per avdelning",
    differing: 5,
    count: 7,
    cells: [
      { cell: "B4", value: 140_158, expected: 139_158 },
      { cell: "B5", value: 53_501, expected: 52_501 },
      { cell: "B6", value: 65_308, expected: 64_308 },
      { cell: "B8", value: 41_524, expected: 40_524 },
    ],
    more: 1,
    percent: false,
  });
  expect(render(column, "sv")).toContain("5 av 7");
});

test("figures in the user's units: a styrkort's percents and tkr", () => {
  const sick = msg("plan.mismatch", {
    what: "Utfall t o m augusti 2018 – Total sjukfrånvaro, %",
    actual: 0.041,
    expected: 0.032,
    percent: true,
    unit: null,
    source: "SK-sjukfranvaro",
  });
  expect(render(sick, "sv")).toMatch(/3,2\s%/);
  expect(render(sick, "sv")).toMatch(/4,1\s%/);
  const tkr = msg("plan.mismatch", {
    what: "Utfall t o m augusti 2018 – Resultat Utfall avvikelse mot budget, ack (tkr)",
    actual: 24_100,
    expected: 25_328,
    percent: false,
    unit: "tkr",
    source: "SK-resultat-utfall",
  });
  expect(render(tkr, "sv")).toMatch(/25\s328\stkr/);
});

describe("the plan's own findings", () => {
  const [sv] = renderFindings(checkPlan(embeddedPlan), "sv");
  const [en] = renderFindings(checkPlan(embeddedPlan), "en");

  it("say the counts in Swedish", () => {
    expect(sv.message).toContain("20 av 26 bedömbara mål");
    expect(sv.message).toContain("t o m augusti 2018");
    expect(sv.message).toContain("3 mål saknar värden");
    expect(sv.message).toContain("Exakt 6 mål har redan nått målvärdet");
  });

  it("speaks English when asked", () => {
    expect(en.message).toMatch(
      /^The document says 6 process goals have not yet reached their 2019 target, but 20 of 26/,
    );
  });

  it("says the partial period in the reader's language", () => {
    expect(en.message).toContain("(through August 2018)");
    expect(en.message).not.toContain("t o m");
  });
});
