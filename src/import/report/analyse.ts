/**
 * What a report table's figures say about themselves (host-free), by arithmetic and the rounding rule (src/model/precision.ts):
 * - a total is a row labelled Summa/Totalt/Total/S:a + anything, or a row that is the sum of the rows above it in
 *   every column; its lines are settled by arithmetic among the few readings a report table allows (the rows
 *   since the previous total; that total and those rows; the open subtotals and those rows; every line above);
 *   the reading that most columns agree with is taken, and a column that disagrees with it is an error;
 * - a balance or result row (Eget kapital, Periodens resultat) and a table's last line are never taken as a total;
 * - a difference column (Budgetavvikelse = Budget − Utfall, Återstår, Resultat = Intäkter + Kostnader) is found by
 *   arithmetic over the rows, in either sign convention, and then checked row by row;
 * - rounding: n lines × ½ unit of the printed precision; counts (Antal …, whole numbers) have none.
 * Where the reading is not settled the table says so (`ambiguous`) and no error is raised on it.
 */
import type { Finding, Severity } from "../../model/types";
import type { Lang } from "../../plan/i18n";
import { msg, type Message } from "../../model/messages";
import type { ReportCell, ReportColumn, ReportRow, ReportTable } from "./types";
import { halfUnit, unitOf } from "../../model/precision";

export interface EvidenceLine {
  row: string;
  column: string;
  value: number;
}

// A type alias, not an interface, so that it is a plain JSON record as Finding's evidence is.
export type Evidence = {
  table: string;
  /** "sum" of lines, "difference"/"sum-of-two" of two cells in the row, or the same figure in "two-tables". */
  kind: "sum" | "difference" | "sum-of-two" | "two-tables" | "malformed";
  lines: EvidenceLine[];
  computed: number | null;
  tolerance: number;
  /** Why the reading is trusted (other columns agree with the same lines, how many rows hold the relation). */
  support: string;
};

/** A report table's finding: its evidence is the table's reading. */
export type DocumentFinding = Finding & { evidence?: Evidence };

const TOTAL_LABEL = /^(summa|s:a|totalt|total|totalsumma)\b/i;
const BALANCE_LABEL =
  /^(eget kapital|periodens resultat|årets resultat|resultat\b|netto|saldo|utgående|ingående|behållning|balanserat|ack(umulerat)?\b|kvar\b)/i;
const BREAKDOWN_LABEL = /^(varav|därav|-\s*varav|därutöver)\b/i;
const RATIO_LABEL = /\bper\b|genomsnitt|\bmedel(värde|tal)\b|\bsnitt\b|\bandel(en)?\b|%/i;
const COUNT_WORDS = /\b(antal|anställda|årsarbetare|personer|medarbetare|st)\b/i;
const DIFF_HEADER = /avvik|vikelse|förändring|differens|återstår|resultat|diff|kvar|netto/i;

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** The unit of a printed figure's last digit (a negative count of decimals counts as none). */
function unitAt(decimals: number): number {
  return unitOf(Math.max(0, decimals));
}

function valueOf(c: ReportCell | undefined): number | null {
  if (!c) return null;
  if (c.kind === "number" && !c.percent) return c.value;
  if (c.kind === "dash") return 0;
  return null;
}

function classifyRows(t: ReportTable): void {
  for (const r of t.rows) {
    if (r.kind === "heading") continue;
    if (TOTAL_LABEL.test(r.label)) r.kind = "total";
    else if (BREAKDOWN_LABEL.test(r.label)) r.kind = "breakdown";
    else if (BALANCE_LABEL.test(r.label)) r.kind = "balance";
    else if (RATIO_LABEL.test(r.label)) r.kind = "ratio";
    else r.kind = "line";
    if (r.kind === "total") r.total = { by: "label", lines: null };
  }
}

function classifyColumns(t: ReportTable): void {
  const countTable =
    COUNT_WORDS.test(`${t.title} ${t.labelHeader}`) &&
    !/\b(tkr|mnkr|kr|belopp)\b/i.test(t.title + t.labelHeader);
  t.columns.forEach((col, c) => {
    const cells = t.rows.map((r) => r.cells[c]).filter((x) => x && x.kind === "number");
    // Shares, averages and per-unit figures (Andel, Genomsnittlig vistelsetid, kr per invånare) do not add up.
    col.percent =
      /%|\bandel(en)?\b|genomsnitt|\bmedel(värde|tal)?\b|\bper\b|snitt/i.test(col.header) ||
      (cells.length > 0 && cells.filter((x) => x.percent).length * 2 >= cells.length);
    if (/^(not|noter|not nr|nr)$/i.test(col.header.trim())) {
      col.reference = true;
      col.percent = true; // never summed, never an operand
    }
    // Codes (inkomsttitel 2511, 2394 9): figures of four or more digits never grouped as sv-SE amounts are, and
    // "figures" whose first group is longer than three digits: identifiers, never summed nor warned about.
    const all = t.rows
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
    col.count = whole && (countTable || COUNT_WORDS.test(col.header));
  });
}

/** n lines × ½ unit of the printed precision, n counting the lines with a figure in the column; counts: none. */
function tolerance(t: ReportTable, c: number, rows: readonly number[], total: number): number {
  if (t.columns[c].count) return 0;
  let d = 0;
  for (const i of [...rows, total]) d = Math.max(d, t.rows[i].cells[c]?.decimals ?? 0);
  // Each line carries ½ unit of its own printed precision: "-66" beside "-0,5" may be off by 0,5, not by 0,05.
  const halves = rows
    .filter((i) => t.rows[i].cells[c]?.kind === "number")
    .map((i) => halfUnit(Math.max(0, t.rows[i].cells[c].decimals)));
  // A total over one printed figure still carries two roundings (the figure's and its own).
  while (halves.length < 2) halves.push(halfUnit(Math.max(0, d)));
  return round(halves.reduce((a, b) => a + b, 0));
}

interface ColumnVerdict {
  c: number;
  ok: boolean;
  sum: number;
  tol: number;
}

/** Sums the candidate lines in every summable column where the total and all lines have figures. */
function verdicts(t: ReportTable, total: number, lines: readonly number[]): ColumnVerdict[] {
  const out: ColumnVerdict[] = [];
  t.columns.forEach((col, c) => {
    if (col.percent) return;
    const tv = valueOf(t.rows[total].cells[c]);
    if (tv === null) return;
    let sum = 0;
    let usable = 0;
    for (const i of lines) {
      const v = valueOf(t.rows[i].cells[c]);
      const cell = t.rows[i].cells[c];
      if (v === null) {
        // A malformed figure leaves the column unsummable; a word ("Ej aktuellt") is no figure, like a blank.
        if (cell && cell.kind === "malformed") return;
        continue;
      }
      sum += v;
      usable++;
    }
    if (!usable) return;
    sum = round(sum);
    const tol = tolerance(t, c, lines, total);
    out.push({ c, ok: Math.abs(tv - sum) <= tol + 1e-9, sum, tol });
  });
  return out;
}

function findTotals(t: ReportTable): void {
  const totals: number[] = [];
  const consumed = new Set<number>();
  const isLine = (i: number) => t.rows[i].kind === "line";
  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows[i];
    const labelled = r.kind === "total";
    // A balance row (Resultat) is never taken as a total on its label; it is one only when it adds up everywhere.
    const candidateKinds = labelled || r.kind === "line" || r.kind === "balance";
    if (!candidateKinds) continue;
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
      if (t.rows[j].kind === "heading" && j > lastTotal + 1 && isLine(j + 1)) {
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
      const v = verdicts(t, i, lines);
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
        for (const x of best.lines) if (t.rows[x].kind === "total") consumed.add(x);
      } else if (
        best &&
        candidates.length === 1 &&
        best.v.length === 1 &&
        best.lines.filter((j) => valueOf(t.rows[j].cells[best!.v[0].c]) !== null).length >= 2
      ) {
        // One column, and the lines are all the rows above: the label is the evidence, as in a workbook.
        r.total = { by: "label", lines: best.lines };
      } else {
        r.total = { by: "label", lines: null };
        if (best && best.v.length)
          t.ambiguous.push(
            `"${r.label}": ${best.ok ? `only ${best.ok} of ${best.v.length} columns agree` : "no column agrees"} with any reading of its lines`,
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
        for (const x of best.lines) if (t.rows[x].kind === "total") consumed.add(x);
      }
    }
  }
}

/** Per-row relations between columns, found by arithmetic: c = a − b, b − a or a + b in most rows. */
function findRelations(t: ReportTable): void {
  const n = t.columns.length;
  if (n < 3) return;
  // Averages and shares hold no sums or differences of their columns.
  const rows = t.rows.filter((r) => r.kind !== "heading" && r.kind !== "ratio");
  const used = new Set<number>();
  const found: { c: number; a: number; b: number; op: "-" | "+"; holds: number; of: number }[] = [];
  for (let c = 0; c < n; c++) {
    if (t.columns[c].percent) continue;
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++) {
        if (a === c || b === c || a === b || t.columns[a].percent || t.columns[b].percent) continue;
        for (const op of ["-", "+"] as const) {
          if (op === "+" && b < a) continue;
          let holds = 0;
          let of = 0;
          let nonTrivial = 0;
          let sizeable = 0;
          for (const r of rows) {
            const [va, vb, vc] = [valueOf(r.cells[a]), valueOf(r.cells[b]), valueOf(r.cells[c])];
            if (va === null || vb === null || vc === null) continue;
            of++;
            const d = Math.max(r.cells[a].decimals, r.cells[b].decimals, r.cells[c].decimals, 0);
            const expected = op === "-" ? va - vb : va + vb;
            if (Math.abs(vc - expected) <= unitAt(d) + 1e-9) {
              holds++;
              if (vc !== 0 && va !== 0 && vb !== 0) nonTrivial++;
              if (vc !== 0 && va !== 0 && vb !== 0 && Math.min(Math.abs(va), Math.abs(vb)) >= 10) sizeable++;
            }
          }
          const named = DIFF_HEADER.test(t.columns[c].header);
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
  const preferred = (f: (typeof found)[number]) => (DIFF_HEADER.test(t.columns[f.c].header) ? 1000 : 0) + f.c;
  const byTriple = new Map<string, (typeof found)[number]>();
  for (const f of found) {
    const k = [f.a, f.b, f.c].sort((x, y) => x - y).join();
    const cur = byTriple.get(k);
    if (!cur || preferred(f) > preferred(cur) || (preferred(f) === preferred(cur) && f.holds > cur.holds))
      byTriple.set(k, f);
  }
  const chosen = [...byTriple.values()].sort((x, y) => y.holds / y.of - x.holds / x.of || y.holds - x.holds);
  for (const f of chosen) {
    if (used.has(f.c)) continue;
    t.columns[f.c].relation = { a: f.a, b: f.b, op: f.op };
    used.add(f.c);
  }
}

/** Classifies rows and columns and settles totals and relations (mutates the table's reading). */
export function analyseTable(t: ReportTable): void {
  classifyRows(t);
  classifyColumns(t);
  findTotals(t);
  findRelations(t);
}

/** Why a reading is trusted, in the evidence (plain text in the run's language). */
const SUPPORT = {
  sum: {
    sv: (ok: number, all: number) =>
      ok > 0
        ? `${ok} av radens ${all} kolumner stämmer med samma rader`
        : "summaraden har bara dessa rader ovanför sig",
    en: (ok: number, all: number) =>
      ok > 0
        ? `${ok} of the row's ${all} columns agree with the same lines`
        : "the total has only these lines above it",
  },
  relation: {
    sv: (holds: number, of: number) => `sambandet gäller på ${holds} av tabellens ${of} rader`,
    en: (holds: number, of: number) => `the relation holds on ${holds} of the table's ${of} rows`,
  },
};

function colName(t: ReportTable, c: number): string {
  return t.columns[c].header || `${c + 1}`;
}

function doc(
  severity: Severity,
  rule: Finding["rule"],
  text: Message,
  expected: number | null,
  actual: number | string | null,
  page: number,
  row: string,
  column: string,
  evidence: Evidence,
): DocumentFinding {
  return { rule, severity, sheet: null, cell: null, ...text, expected, actual, page, row, column, evidence };
}

/** The table's own findings: totals against their lines, relation columns row by row, malformed figures. */
export function tableFindings(t: ReportTable, lang: Lang): DocumentFinding[] {
  const out: DocumentFinding[] = [];
  const wrong = new Set<string>();
  t.rows.forEach((r, i) => {
    if (r.kind !== "total" || !r.total?.lines) return;
    const v = verdicts(t, i, r.total.lines);
    const ok = v.filter((x) => x.ok).length;
    for (const x of v) {
      if (x.ok) continue;
      const actual = valueOf(r.cells[x.c])!;
      // The lines overshoot by exactly one of them: that line is an unlabelled subtotal of others (a parent row),
      // not a wrong total. Said as ambiguous, never as an error.
      const extra = round(x.sum - actual);
      const own = r.total.lines;
      const parent = (k: number) => {
        const v = valueOf(t.rows[own[k]].cells[x.c]);
        if (v !== extra || extra === 0) return false;
        let sum = 0;
        for (let m = k + 1; m < own.length; m++) {
          sum = round(sum + (valueOf(t.rows[own[m]].cells[x.c]) ?? 0));
          if (m >= k + 2 && Math.abs(sum - v) <= x.tol + 1e-9) return true;
        }
        return false;
      };
      // Two breakdowns of one total (by age, then by sex): a run of the lines gives it, and so does the rest.
      let run = 0;
      const twoBreakdowns = own.slice(0, -1).some((j) => {
        run = round(run + (valueOf(t.rows[j].cells[x.c]) ?? 0));
        return (
          run !== 0 &&
          Math.abs(run - actual) <= x.tol + 1e-9 &&
          Math.abs(x.sum - run - actual) <= x.tol + 1e-9
        );
      });
      if (twoBreakdowns) {
        t.ambiguous.push(
          `"${r.label}" (${colName(t, x.c)}): its lines hold two breakdowns of the same total`,
        );
        continue;
      }
      if (own.some((_, k) => parent(k))) {
        t.ambiguous.push(
          `"${r.label}" (${colName(t, x.c)}): one of its lines looks like a subtotal of others`,
        );
        continue;
      }
      const d = Math.max(0, ...[i, ...r.total.lines].map((j) => t.rows[j].cells[x.c]?.decimals ?? 0));
      const lines = r.total.lines
        .map((j) => ({ row: t.rows[j].label, column: colName(t, x.c), value: valueOf(t.rows[j].cells[x.c]) }))
        .filter((l): l is EvidenceLine => l.value !== null);
      // Evidence before verdict: a column without a header, or a total over a single printed figure, may be a
      // misreading of the layout. Said as info, not as an error.
      const weak = !t.columns[x.c].header || lines.length < 2;
      if (!weak) wrong.add(`${i}|${x.c}`);
      out.push(
        doc(
          weak ? "info" : "error",
          "sum.mismatch",
          msg("report.sum", {
            label: r.label,
            column: colName(t, x.c),
            actual,
            expected: x.sum,
            lines: lines.length,
            diff: round(actual - x.sum),
            decimals: Math.max(0, d),
            uncertain: weak,
          }),
          x.sum,
          actual,
          r.page,
          r.label,
          colName(t, x.c),
          {
            table: t.title,
            kind: "sum",
            lines,
            computed: x.sum,
            tolerance: x.tol,
            support: SUPPORT.sum[lang](ok, v.length),
          },
        ),
      );
    }
  });
  t.columns.forEach((col, c) => {
    const rel = col.relation;
    if (!rel) return;
    let holds = 0;
    let of = 0;
    const bad: { i: number; expected: number; actual: number; va: number; vb: number; tol: number }[] = [];
    t.rows.forEach((r, i) => {
      if (r.kind === "ratio") return;
      const [va, vb, vc] = [valueOf(r.cells[rel.a]), valueOf(r.cells[rel.b]), valueOf(r.cells[c])];
      if (va === null || vb === null || vc === null) return;
      of++;
      const d = Math.max(r.cells[rel.a].decimals, r.cells[rel.b].decimals, r.cells[c].decimals, 0);
      const expected = round(rel.op === "-" ? va - vb : va + vb);
      const tol = unitAt(d);
      // A row that leaves the relation unfilled (its result and an operand 0 or –) states no difference.
      if ((va === 0 || vb === 0) && vc === 0 && expected !== 0) return;
      if (Math.abs(vc - expected) <= tol + 1e-9) holds++;
      else bad.push({ i, expected, actual: vc, va, vb, tol });
    });
    // A row with figures in columns the relation's rows leave empty is another kind of row (a sum of more terms):
    // not judged by this relation.
    const usual = new Set<number>();
    t.rows.forEach((r, i) => {
      if (bad.some((b) => b.i === i) || r.kind === "ratio") return;
      r.cells.forEach((cell, k) => cell.kind === "number" && cell.value !== 0 && usual.add(k));
    });
    for (const b of bad) {
      const r = t.rows[b.i];
      // A total row sums its lines; where some of them fill only the result column (Koncernstödsuppdrag in Totalt
      // FoT alone) the total's operands cannot add up to its result, and its column sums say whether it is right.
      const partial = (r.total?.lines ?? []).filter((j) => {
        const [va, vb, vc] = [rel.a, rel.b, c].map((k) => valueOf(t.rows[j].cells[k]));
        if (vc === null) return false;
        const expected = rel.op === "-" ? (va ?? 0) - (vb ?? 0) : (va ?? 0) + (vb ?? 0);
        return (va === null || vb === null) && Math.abs(vc - expected) > 1e-9;
      });
      if (partial.length) {
        t.ambiguous.push(
          `"${r.label}" (${colName(t, c)}): some of its lines fill only this column, so ${colName(t, rel.a)} ${rel.op} ${colName(t, rel.b)} is not its relation`,
        );
        continue;
      }
      if (r.cells.some((cell, k) => cell.kind === "number" && cell.value !== 0 && !usual.has(k))) {
        t.ambiguous.push(
          `"${r.label}" (${colName(t, c)}): not of the form ${colName(t, rel.a)} ${rel.op} ${colName(t, rel.b)}`,
        );
        continue;
      }
      const d = Math.max(0, r.cells[rel.a].decimals, r.cells[rel.b].decimals, r.cells[c].decimals);
      const op = rel.op === "-" ? "−" : "+";
      const formula = `${colName(t, rel.a)} ${op} ${colName(t, rel.b)}`;
      const uncertain = !col.header || !t.columns[rel.a].header || !t.columns[rel.b].header;
      const cause = [rel.a, rel.b].find((x) => wrong.has(`${b.i}|${x}`));
      const f = doc(
        uncertain || cause !== undefined ? "info" : "error",
        "sum.mismatch",
        msg("report.diff", {
          label: r.label,
          column: colName(t, c),
          actual: b.actual,
          formula,
          op,
          a: b.va,
          b: b.vb,
          expected: b.expected,
          decimals: d,
          uncertain,
          caused: cause !== undefined,
        }),
        b.expected,
        b.actual,
        r.page,
        r.label,
        colName(t, c),
        {
          table: t.title,
          kind: rel.op === "-" ? "difference" : "sum-of-two",
          lines: [
            { row: r.label, column: colName(t, rel.a), value: b.va },
            { row: r.label, column: colName(t, rel.b), value: b.vb },
          ],
          computed: b.expected,
          tolerance: b.tol,
          support: SUPPORT.relation[lang](holds, of),
        },
      );
      if (cause !== undefined) {
        f.causedBy = {
          rule: "sum.mismatch",
          sheet: null,
          cell: null,
          page: r.page,
          row: r.label,
          column: colName(t, cause),
        };
      }
      out.push(f);
    }
  });
  t.rows.forEach((r) =>
    r.cells.forEach((cell, c) => {
      if (cell.kind !== "malformed" || t.columns[c].reference) return;
      out.push(
        doc(
          cell.glued ? "info" : "warning",
          "cell.number-as-text",
          cell.glued
            ? msg("report.glued", {
                text: cell.text,
                label: r.label,
                column: colName(t, c),
                parts: cell.glued,
              })
            : msg("report.malformed", { text: cell.text, label: r.label, column: colName(t, c) }),
          null,
          cell.text,
          r.page,
          r.label,
          colName(t, c),
          {
            table: t.title,
            kind: "malformed",
            lines: [],
            computed: null,
            tolerance: 0,
            support: "",
          },
        ),
      );
    }),
  );
  return out;
}

export type { ReportColumn, ReportRow };
