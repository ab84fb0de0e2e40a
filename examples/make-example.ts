/**
 * Generates examples/budget-2019.xlsx: a department's follow-up workbook modelled on Kommunledningskontoret's
 * verksamhetsplan 2019 (Ekonomisk redovisning per avdelning, processmål, investeringsbudget, driftram), with a few
 * planted errors for the README's quickstart (`npx plankoll check examples/budget-2019.xlsx`):
 *
 *   Budget per avdelning!D8  plan.unit            Näringsliv typed in mnkr (40,5) in the tkr column (plan: 40 524 tkr)
 *   Kvartal!D11              sum.range-gap        Summa Kv3 =SUM(D4:D9) leaves out Miljö o samhällsbyggnad
 *   Kvartal!F6               sum.hardcoded        HR's Helår typed over (64 308) where the other rows are formulas
 *   Personal!B11             sum.mismatch         the exported Summa is 1 000 tkr more than its lines
 *   Processmål!D8            plan.mismatch        sjukfrånvaro target 2019 3,5 % (plan: 3,0 %)
 *   Processmål!C9            cell.number-as-text  avtalstrohet outcome "95 %" stored as text
 *
 * and, as info (not errors): Personal!B11 sum.hardcoded — the Personal sheet is an export of values.
 *
 * Run from the repository root:
 *   npx tsc --outDir build/example --module commonjs --target es2022 --esModuleInterop --skipLibCheck \
 *     --resolveJsonModule examples/make-example.ts && node build/example/examples/make-example.js
 */
import { resolve } from "node:path";
import {
  fmt,
  pct,
  PLAN_DEPARTMENTS as DEPARTMENTS,
  recalc,
  writeWorkbook,
  type Cell,
  type SheetSpec,
} from "../tests/support/workbookBuilder";

const f = (formula: string, fmt?: string): Cell => ({ f: formula, fmt });
type Grid = Cell[][];

function budgetSheet(): SheetSpec {
  const rows: Grid = [
    ["Ekonomisk redovisning per avdelning"],
    ["Alla belopp i tkr."],
    ["Avdelning", "Utfall 2017", "Prognos 2018", "Budget 2019"],
    ...DEPARTMENTS.map(([name, u, p, b]) => [
      name,
      fmt(u, "0.0"),
      fmt(p, "0.0"),
      // Planted: Näringsliv typed in mnkr.
      name === "Näringsliv" ? fmt(40.5, "#,##0") : fmt(b, "#,##0"),
    ]),
    ["Totalt", f("SUM(B4:B10)", "0.0"), f("SUM(C4:C10)", "0.0"), f("SUM(D4:D10)", "#,##0")],
    [],
    ["Antal årsarbetare", null, null, 90],
    ["Utfall 2017 och Prognos 2018: kvar av budgeterad driftram vid årets slut, mnkr."],
  ];
  return { name: "Budget per avdelning", rows: recalc(rows) };
}

function quarterSheet(): SheetSpec {
  const rows: Grid = [
    ["Budget 2019 per kvartal och avdelning"],
    ["Belopp i tkr"],
    ["Avdelning", "Kv1", "Kv2", "Kv3", "Kv4", "Helår"],
  ];
  DEPARTMENTS.forEach(([name, , , b], i) => {
    const q = Math.floor(b / 4);
    const r = rows.length + 1;
    rows.push([
      name,
      fmt(q, "#,##0"),
      fmt(q, "#,##0"),
      fmt(q, "#,##0"),
      fmt(b - 3 * q, "#,##0"),
      // Planted: HR's Helår typed over the formula (the value is right today).
      name === "HR" ? fmt(b, "#,##0") : f(`SUM(B${r}:E${r})`, "#,##0"),
    ]);
    void i;
  });
  rows.push([
    "Summa",
    f("SUM(B4:B10)", "#,##0"),
    f("SUM(C4:C10)", "#,##0"),
    // Planted: the Kv3 sum leaves out the last department.
    f("SUM(D4:D9)", "#,##0"),
    f("SUM(E4:E10)", "#,##0"),
    f("SUM(F4:F10)", "#,##0"),
  ]);
  return { name: "Kvartal", rows: recalc(rows) };
}

function personnelSheet(): SheetSpec {
  const costs = [61_200, 33_900, 41_750, 14_300, 22_650, 18_400, 27_800];
  const sum = costs.reduce((s, x) => s + x, 0);
  const rows: Grid = [
    ["Personalkostnader 2019 per avdelning (export från lönesystemet)"],
    ["Belopp i tkr"],
    ["Avdelning", "Personalkostnad 2019", "Årsarbetare"],
    ...DEPARTMENTS.map(([name], i) => [name, fmt(costs[i], "#,##0"), [22, 14, 16, 6, 9, 8, 15][i]]),
    // Planted: the exported Summa is 1 000 tkr more than its lines.
    ["Summa", fmt(sum + 1_000, "#,##0"), 90],
  ];
  return { name: "Personal", rows };
}

function goalsSheet(): SheetSpec {
  const rows: Grid = [
    ["Uppföljning processmål 2019 – Kommunledningskontoret"],
    ["Processmål", "Målvärde 2018", "Utfall t o m augusti 2018", "Målvärde 2019"],
    ["Nöjd politikerindex förbättras till 72", 71, 83, 72],
    ["Invånare som är nöjda med möjligheten till inflytande", 43, 41, 45],
    ["2019 skapas 500 företag per år", 500, 281, 500],
    ["Förtätning av staden enligt utbyggnadsstrategin", 600, 299, "Fastställs senare"],
    ["Hållbart medarbetarengagemang ska uppgå till 83 2019", 84, 79.8, 85],
    // Planted: target 2019 is 3,0 % in the plan.
    [
      "Den totala sjukfrånvaron hos medarbetarna uppgår 2019 till max 5,9 procent",
      pct(0.03),
      pct(0.032),
      pct(0.035),
    ],
    // Planted: the outcome typed as text.
    ["2019 uppgår avtalstroheten till minst 75 %", pct(0.75), "95 %", pct(0.75)],
    ["2019 får 95 % svar på e-post inom 2 dagar", pct(0.93), pct(0.92), pct(0.95)],
    ["Andelen medarbetare födda utanför Norden ska öka", pct(0.06), pct(0.03), pct(0.08)],
  ];
  return { name: "Processmål", rows };
}

function investmentSheet(): SheetSpec {
  const rows: Grid = [
    ["Investeringsbudget konsult och uppdrag 2019"],
    ["Belopp i kr"],
    ["Investering", "Budget 2019"],
    [
      "Infrastruktur IT efter styrning från kommunledningskontoret, samt övriga immateriella tillgångar IT",
      fmt(23_150_000, "#,##0"),
    ],
    [
      "Immateriella tillgångar, investeringar ingående i projekt beställda av kommunledningskontoret",
      fmt(1_000_000, "#,##0"),
    ],
    ["Inventarier och övriga immateriella tillgångar Konsult och uppdrag", fmt(2_350_000, "#,##0")],
    ["Summa", f("SUM(B4:B6)", "#,##0")],
  ];
  return { name: "Investeringar", rows: recalc(rows) };
}

function frameSheet(): SheetSpec {
  const rows: Grid = [
    ["Driftram kommunstyrelsen 2019"],
    ["Belopp i mnkr"],
    ["Post", "Belopp"],
    ["Driftram i Årsplan 2019", fmt(373.1, "0.0")],
    ["Budgetregleringsposter", fmt(14.7, "0.0")],
    ["Totalt driftram", f("SUM(B4:B5)", "0.0")],
  ];
  return { name: "Driftram", rows: recalc(rows) };
}

async function main(): Promise<void> {
  const file = resolve("examples/budget-2019.xlsx");
  await writeWorkbook(
    [budgetSheet(), quarterSheet(), personnelSheet(), goalsSheet(), investmentSheet(), frameSheet()],
    file,
  );
  console.log(`wrote ${file}`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
