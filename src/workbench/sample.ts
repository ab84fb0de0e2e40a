/**
 * The workbench's sample workbook: a department's budget follow-up modelled on the plan's
 * "Ekonomisk redovisning per avdelning" (tkr), with planted problems the checks must find:
 * a SUM that leaves out the last line, a total typed over, a budget line that differs from the plan,
 * a number stored as text and a #DIV/0!. The investment sheet is clean.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../model/types";
import { formatArea } from "../model/address";

type Input = CellValue | { f: string; v: CellValue };

function sheet(name: string, rows: Input[][], formats: Record<number, string> = {}): SheetSnapshot {
  const width = Math.max(...rows.map((r) => r.length));
  const pad = <T>(row: T[], fill: T) => [...row, ...Array(width - row.length).fill(fill)];
  return {
    name,
    address: formatArea({ firstRow: 0, firstCol: 0, lastRow: rows.length - 1, lastCol: width - 1 }),
    origin: { row: 0, col: 0 },
    values: rows.map((r) =>
      pad(
        r.map((c) => (c !== null && typeof c === "object" && "f" in c ? c.v : c)),
        null,
      ),
    ),
    formulas: rows.map((r) =>
      pad(
        r.map((c) => (c !== null && typeof c === "object" && "f" in c ? c.f : null)),
        null,
      ),
    ),
    numberFormats: rows.map((r) =>
      pad(
        r.map((c, j) =>
          typeof c === "number" || (c !== null && typeof c === "object" && "f" in c)
            ? (formats[j] ?? null)
            : null,
        ),
        null,
      ),
    ),
  };
}

const lines: [string, number, number][] = [
  ["Ledningsstaben", 139158, 138400],
  ["Ekonomi o kvalitet", 52501, 51900],
  ["HR", 64380, 64100], // planted: the plan says 64 308
  ["Välfärd", 21140, 21500],
  ["Näringsliv", 40524, 40100],
  ["Kommunikation o delaktighet", 31373, 31200],
  ["Miljö o samhällsbyggnad", 38796, 39050],
];

function budgetSheet(): SheetSnapshot {
  const rows: Input[][] = [
    ["Ekonomisk redovisning per avdelning 2019"],
    ["Alla belopp i tkr"],
    [],
    ["Avdelning", "Budget 2019", "Prognos 2019", "Avvikelse"],
  ];
  lines.forEach(([label, budget, forecast], i) => {
    const r = 5 + i;
    rows.push([label, budget, forecast, { f: `=C${r}-B${r}`, v: forecast - budget }]);
  });
  // Planted: "Ekonomi o kvalitet" prognos typed as text.
  rows[5][2] = "51 900";
  const budgetAll = lines.reduce((a, l) => a + l[1], 0);
  const forecastAll = lines.reduce((a, l) => a + l[2], 0);
  const last = 4 + lines.length;
  const sumRow = last + 1;
  rows.push([
    "Totalt",
    // Planted: the SUM leaves out the last department.
    { f: `=SUM(B5:B${last - 1})`, v: budgetAll - lines[lines.length - 1][1] },
    // Planted: the total typed over (a transposition of the true sum).
    forecastAll + 90,
    { f: `=C${sumRow}-B${sumRow}`, v: forecastAll + 90 - (budgetAll - lines[lines.length - 1][1]) },
  ]);
  rows.push([]);
  rows.push(["Avvikelse i procent", { f: `=D${sumRow}/B${sumRow}`, v: 0.00123 }]);
  rows.push(["Kostnad per årsarbetare", { f: "=B12/0", v: { error: "#DIV/0!" } }]);
  const result = sheet("Budget 2019", rows, { 1: "# ##0", 2: "# ##0", 3: "# ##0" });
  result.numberFormats[sumRow + 1][1] = "0.0%";
  return result;
}

function investmentSheet(): SheetSnapshot {
  return sheet(
    "Investeringar",
    [
      ["Investeringsbudget Konsult och uppdrag 2019"],
      ["Post", "Belopp (kr)"],
      ["Infrastruktur IT", 23150000],
      ["Immateriella tillgångar i projekt", 1000000],
      ["Inventarier", 2350000],
      ["Summa", { f: "=SUM(B3:B5)", v: 26500000 }],
    ],
    { 1: "# ##0" },
  );
}

function goalsSheet(): SheetSnapshot {
  const result = sheet(
    "Nyckeltal",
    [
      ["Nyckeltal", "Utfall 2018"],
      ["Total sjukfrånvaro", 0.032],
      ["Hållbart medarbetarengagemang", 83],
    ],
    { 1: "0.0%" },
  );
  result.numberFormats[2][1] = "0";
  return result;
}

export function sampleWorkbook(): WorkbookSnapshot {
  return { name: "Uppföljning KLK 2019.xlsx", sheets: [budgetSheet(), goalsSheet(), investmentSheet()] };
}
