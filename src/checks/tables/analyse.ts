/**
 * One table analysis (host-free): what a table's figures say about themselves, by arithmetic and the rounding rule,
 * over a neutral grid (labels, figures with their decimals, headers) whatever the table came from:
 * - a total is a row labelled Summa/Totalt/Total/S:a + anything, or a row that is the sum of the rows above it in
 *   every column; its lines are settled by arithmetic among the few readings a table allows (the rows since the
 *   previous total; that total and those rows; the open subtotals and those rows; every line above); the reading
 *   that most columns agree with is taken, and a column that disagrees with it is for the rules to report;
 * - a balance or result row (Eget kapital, Periodens resultat) and a table's last line are never taken as a total;
 * - a difference column (Budgetavvikelse = Budget − Utfall, Återstår, Resultat = Intäkter + Kostnader) is found by
 *   arithmetic over the rows, in either sign convention;
 * - rounding: n lines × ½ unit of the printed precision; counts (Antal …, whole numbers) have none.
 * Where the reading is not settled the facts say so (`ambiguous`). The findings are the rules' (src/checks/rules).
 */
import { printedHalfUnit, printedUnit, round6, withinAllowance } from "./arithmetic";
import type { ColumnFacts, GridCell, RowFacts, TableFacts, TableGrid } from "./types";

const BALANCE_LABEL =
  /^(eget kapital|periodens resultat|årets resultat|resultat\b|netto|saldo|utgående|ingående|behållning|balanserat|ack(umulerat)?\b|kvar\b)/i;
const BREAKDOWN_LABEL = /^(varav|därav|-\s*varav|därutöver)\b/i;
// "per" before a figure is a date ("Upplupna kostnader per 2007-06-30"), not a ratio ("Kostnad per elev").
const RATIO_LABEL = /\bper\b(?!\s*\d)|genomsnitt|\bmedel(värde|tal)\b|\bsnitt\b|\bandel(en)?\b|%/i;
const COUNT_WORDS = /\b(antal|anställda|årsarbetare|personer|medarbetare|st)\b/i;
/** Headers that name a difference or a result: such a column is the result of its relation. */
export const DIFF_HEADER = /avvik|vikelse|förändring|differens|återstår|resultat|diff|kvar|netto/i;

/**
 * A total by its label: Summa/Totalt/Total/S:a/Totalsumma + anything ("Summa pågående projekt", "Total
 * förvaltning och förändringsinitiativ"); the lines it sums are then for the arithmetic to settle. Narrower than a
 * workbook's (labels.ts): "Delsumma" and "Helår" rows of report tables are left to the arithmetic (a Delsumma of
 * a maturity table sums no run of the rows above it).
 */
export function isTotalRowLabel(label: string): boolean {
  return /^(summa|s:a|totalt|total|totalsumma)\b/i.test(label);
}

/** A cell's figure for sums: a number that is no percentage, or a dash (0); null otherwise. */
export function figureOf(c: GridCell | undefined): number | null {
  if (!c) return null;
  if (c.kind === "number" && !c.percent) return c.value;
  if (c.kind === "dash") return 0;
  return null;
}

function classifyRows(g: TableGrid): RowFacts[] {
  return g.rows.map((r): RowFacts => {
    if (r.heading) return { kind: "heading" };
    if (isTotalRowLabel(r.label)) return { kind: "total", total: { by: "label", lines: null } };
    if (BREAKDOWN_LABEL.test(r.label)) return { kind: "breakdown" };
    if (BALANCE_LABEL.test(r.label)) return { kind: "balance" };
    if (RATIO_LABEL.test(r.label)) return { kind: "ratio" };
    return { kind: "line" };
  });
}

function classifyColumns(g: TableGrid): ColumnFacts[] {
  const countTable =
    COUNT_WORDS.test(`${g.title} ${g.labelHeader}`) &&
    !/\b(tkr|mnkr|kr|belopp)\b/i.test(g.title + g.labelHeader);
  return g.headers.map((header, c): ColumnFacts => {
    const col: ColumnFacts = { count: false, percent: false };
    const cells = g.rows.map((r) => r.cells[c]).filter((x) => x && x.kind === "number");
    // Shares, averages and per-unit figures (Andel, Genomsnittlig vistelsetid, kr per invånare) do not add up.
    col.percent =
      /%|\bandel(en)?\b|genomsnitt|\bmedel(värde|tal)?\b|\bper\b|snitt/i.test(header) ||
      (cells.length > 0 && cells.filter((x) => x.percent).length * 2 >= cells.length);
    if (/^(not|noter|not nr|nr)$/i.test(header.trim())) {
      col.reference = true;
      col.percent = true; // never summed, never an operand
    }
    // Codes (inkomsttitel 2511, 2394 9): figures of four or more digits never grouped as sv-SE amounts are, and
    // "figures" whose first group is longer than three digits: identifiers, never summed nor warned about.
    const all = g.rows
      .map((r) => r.cells[c])
      .filter((x) => x && (x.kind === "number" || x.kind === "malformed"));
    // So is a column of nothing but "malformed figures" (anslag 11 1, 11 2, 12 1): a lost digit strikes one figure
    // of a column, not every one.
    const codes =
      cells.length > 0 &&
      all.every((x) => /^\d{4,}(?: \d{1,3})?$/.test(x.text)) &&
      cells.every((x) => /^\d{4,}$/.test(x.text));
    if (codes || (cells.length === 0 && all.length >= 2)) {
      col.reference = true;
      col.percent = true;
    }
    const whole = cells.length > 0 && cells.every((x) => x.decimals === 0);
    col.count = whole && (countTable || COUNT_WORDS.test(header));
    return col;
  });
}

/** n lines × ½ unit of the printed precision, n counting the lines with a figure in the column; counts: none. */
export function tolerance(
  g: TableGrid,
  f: TableFacts,
  c: number,
  rows: readonly number[],
  total: number,
): number {
  if (f.columns[c].count) return 0;
  let d = 0;
  for (const i of [...rows, total]) d = Math.max(d, g.rows[i].cells[c]?.decimals ?? 0);
  // Each line carries ½ unit of its own printed precision: "-66" beside "-0,5" may be off by 0,5, not by 0,05.
  const halves = rows
    .filter((i) => g.rows[i].cells[c]?.kind === "number")
    .map((i) => printedHalfUnit(g.rows[i].cells[c].decimals));
  // A total over one printed figure still carries two roundings (the figure's and its own).
  while (halves.length < 2) halves.push(printedHalfUnit(d));
  return round6(halves.reduce((a, b) => a + b, 0));
}

export interface ColumnVerdict {
  c: number;
  ok: boolean;
  sum: number;
  tol: number;
}

/** Sums the candidate lines in every summable column where the total and all lines have figures. */
export function verdicts(
  g: TableGrid,
  f: TableFacts,
  total: number,
  lines: readonly number[],
): ColumnVerdict[] {
  const out: ColumnVerdict[] = [];
  f.columns.forEach((col, c) => {
    if (col.percent) return;
    const tv = figureOf(g.rows[total].cells[c]);
    if (tv === null) return;
    let sum = 0;
    let usable = 0;
    for (const i of lines) {
      const cell = g.rows[i].cells[c];
      const v = figureOf(cell);
      if (v === null) {
        // A malformed figure leaves the column unsummable; a word ("Ej aktuellt") is no figure, like a blank.
        if (cell && cell.kind === "malformed") return;
        continue;
      }
      sum += v;
      usable++;
    }
    if (!usable) return;
    sum = round6(sum);
    const tol = tolerance(g, f, c, lines, total);
    out.push({ c, ok: withinAllowance(tv, sum, tol), sum, tol });
  });
  return out;
}

/** Tables of more rows than this have their totals found by label only (see findTotals). */
export const ARITHMETIC_TOTALS_MAX_ROWS = 500;

function findTotals(g: TableGrid, f: TableFacts): void {
  const totals: number[] = [];
  const consumed = new Set<number>();
  const isLine = (i: number) => f.rows[i].kind === "line";
  for (let i = 0; i < g.rows.length; i++) {
    const r = f.rows[i];
    const labelled = r.kind === "total";
    // A balance row (Resultat) is never taken as a total on its label; it is one only when it adds up everywhere.
    const candidateKinds = labelled || r.kind === "line" || r.kind === "balance";
    if (!candidateKinds) continue;
    // Every row of a table weighed as the sum of the rows above it is quadratic: beyond a report table's size (a
    // plan import's 20 000-row table) only labelled totals are sought.
    if (!labelled && g.rows.length > ARITHMETIC_TOTALS_MAX_ROWS) continue;
    const lastTotal = totals.length ? totals[totals.length - 1] : -1;
    const since: number[] = [];
    for (let j = lastTotal + 1; j < i; j++) if (isLine(j)) since.push(j);
    const open = totals.filter((x) => !consumed.has(x));
    const all: number[] = [];
    for (let j = 0; j < i; j++) if (isLine(j)) all.push(j);
    const candidates: number[][] = [];
    const add = (c: number[]) => {
      if (c.length >= (labelled ? 1 : 2) && !candidates.some((x) => x.join() === c.join()))
        candidates.push(c);
    };
    add(since);
    // A heading between the previous total and this one (INVESTERINGAR after KASSAFLÖDE FRÅN DRIFT) may open this
    // total's block: the lines under it are a reading too.
    let heading = -1;
    for (let j = i - 1; j > lastTotal; j--)
      if (f.rows[j].kind === "heading" && j > lastTotal + 1 && isLine(j + 1)) {
        heading = j;
        break;
      }
    if (heading >= 0) add(since.filter((j) => j > heading));
    if (lastTotal >= 0) add([lastTotal, ...since].sort((a, b) => a - b));
    if (open.length > 1) add([...open, ...since].sort((a, b) => a - b));
    add(all);
    let best: { lines: number[]; v: ColumnVerdict[]; ok: number } | null = null;
    for (const lines of candidates) {
      if (lines.length < 2) continue; // one line "adds up" to anything equal to it: no evidence
      const v = verdicts(g, f, i, lines);
      // A column agrees in earnest only when it has figures to add (not a column of zeros).
      const ok = v.filter((x) => x.ok && x.sum !== 0).length;
      // As many columns for it, fewer against it: the better reading.
      const against = (w: ColumnVerdict[]) => w.filter((x) => !x.ok).length;
      if (!best || ok > best.ok || (ok === best.ok && ok > 0 && against(v) < against(best.v)))
        best = { lines, v, ok };
    }
    if (labelled) {
      const bad = best ? best.v.filter((x) => !x.ok).length : 0;
      // The plain reading (the lines since the previous total) stands on a tie of columns; any other reading (the
      // previous total among its lines, every line above) needs more columns for it than against it.
      const plain = best !== null && best.lines.join() === since.join();
      if (best && best.ok > 0 && (plain ? best.ok >= bad : best.ok > bad)) {
        r.total = { by: "label", lines: best.lines };
        for (const x of best.lines) if (f.rows[x].kind === "total") consumed.add(x);
      } else if (
        best &&
        candidates.length === 1 &&
        best.v.length === 1 &&
        best.lines.filter((j) => figureOf(g.rows[j].cells[best!.v[0].c]) !== null).length >= 2
      ) {
        // One column, and the lines are all the rows above: the label is the evidence, as in a workbook.
        r.total = { by: "label", lines: best.lines };
      } else {
        r.total = { by: "label", lines: null };
        if (best && best.v.length)
          f.ambiguous.push(
            `"${g.rows[i].label}": ${best.ok ? `only ${best.ok} of ${best.v.length} columns agree` : "no column agrees"} with any reading of its lines`,
          );
      }
      totals.push(i);
    } else if (best && best.v.length >= 2 && best.ok >= 2 && best.v.every((x) => x.ok) && i >= 2) {
      // An unlabelled row that is the sum of the rows above it in every column (not trivially zero).
      const nonZero = best.v.some((x) => Math.abs(x.sum) > 0);
      if (nonZero) {
        if (r.kind === "line") r.kind = "total";
        r.total = { by: "arithmetic", lines: best.lines };
        totals.push(i);
        for (const x of best.lines) if (f.rows[x].kind === "total") consumed.add(x);
      }
    }
  }
}

/** The allowance of a per-row relation: one unit of the finest precision its three cells are printed in. */
export function relationAllowance(a: GridCell, b: GridCell, c: GridCell): number {
  return printedUnit(Math.max(a.decimals, b.decimals, c.decimals));
}

/** Per-row relations between columns, found by arithmetic: c = a − b, b − a or a + b in most rows. */
function findRelations(g: TableGrid, f: TableFacts): void {
  const n = f.columns.length;
  if (n < 3) return;
  // Averages and shares hold no sums or differences of their columns.
  const rows = g.rows.filter((_, i) => f.rows[i].kind !== "heading" && f.rows[i].kind !== "ratio");
  const used = new Set<number>();
  const found: { c: number; a: number; b: number; op: "-" | "+"; holds: number; of: number }[] = [];
  for (let c = 0; c < n; c++) {
    if (f.columns[c].percent) continue;
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++) {
        if (a === c || b === c || a === b || f.columns[a].percent || f.columns[b].percent) continue;
        for (const op of ["-", "+"] as const) {
          if (op === "+" && b < a) continue;
          let holds = 0;
          let of = 0;
          let nonTrivial = 0;
          let sizeable = 0;
          for (const r of rows) {
            const [va, vb, vc] = [figureOf(r.cells[a]), figureOf(r.cells[b]), figureOf(r.cells[c])];
            if (va === null || vb === null || vc === null) continue;
            of++;
            const expected = op === "-" ? va - vb : va + vb;
            if (withinAllowance(vc, expected, relationAllowance(r.cells[a], r.cells[b], r.cells[c]))) {
              holds++;
              if (vc !== 0 && va !== 0 && vb !== 0) nonTrivial++;
              if (vc !== 0 && va !== 0 && vb !== 0 && Math.min(Math.abs(va), Math.abs(vb)) >= 10) sizeable++;
            }
          }
          const named = DIFF_HEADER.test(g.headers[c]);
          const enough = named ? holds >= 2 && holds * 2 >= of : holds >= 3 && holds >= 0.7 * of;
          // Found by arithmetic alone, a relation needs rows where it holds in figures that are no small
          // coincidence: 1 + 1 = 2 among counts of a cross-table says nothing.
          const evidence = named ? nonTrivial >= 2 : sizeable >= 3;
          if (enough && nonTrivial >= 2 && evidence) found.push({ c, a, b, op, holds, of });
        }
      }
  }
  // One relation per triple of columns: c = a − b and a = c + b are the same fact. The result is the column whose
  // header names a difference (Avvikelse, Resultat, Förändring), else the rightmost of the three.
  const preferred = (x: (typeof found)[number]) => (DIFF_HEADER.test(g.headers[x.c]) ? 1000 : 0) + x.c;
  const byTriple = new Map<string, (typeof found)[number]>();
  for (const x of found) {
    const k = [x.a, x.b, x.c].sort((p, q) => p - q).join();
    const cur = byTriple.get(k);
    if (!cur || preferred(x) > preferred(cur) || (preferred(x) === preferred(cur) && x.holds > cur.holds))
      byTriple.set(k, x);
  }
  const chosen = [...byTriple.values()].sort((x, y) => y.holds / y.of - x.holds / x.of || y.holds - x.holds);
  for (const x of chosen) {
    if (used.has(x.c)) continue;
    f.columns[x.c].relation = { a: x.a, b: x.b, op: x.op };
    used.add(x.c);
  }
}

/**
 * Classifies rows and columns and settles totals and relations. `ambiguous` starts with what the reader already
 * could not settle (it is the list the facts keep adding to).
 */
export function analyseGrid(g: TableGrid, ambiguous: string[] = []): TableFacts {
  const facts: TableFacts = { rows: classifyRows(g), columns: classifyColumns(g), ambiguous };
  findTotals(g, facts);
  findRelations(g, facts);
  return facts;
}
