/** sum.mismatch: a total that differs from its lines by more than rounding explains; a difference column that is not the difference it names. */
import { clean } from "../../plan/numbers";
import { a1 } from "../../model/address";
import { msg } from "../../model/messages";
import { sheetTotals } from "../totals";
import type { Finding } from "../../model/types";
import type { Lang } from "../../plan/i18n";
import { round6, withinAllowance } from "../tables/arithmetic";
import { figureOf, relationAllowance, verdicts } from "../tables/analyse";
import type { DocumentFinding, EvidenceLine } from "../tables/types";
import {
  cellAddress,
  columnCaption,
  documentFinding,
  finding,
  gridColumnName,
  leafCells,
  linesSpan,
  totalName,
  type AnalysedTable,
  type Rule,
} from "./common";

export const sumMismatch: Rule = ({ models }) => {
  const out: Finding[] = [];
  for (const m of models) {
    const { cells, diffs } = sheetTotals(m);
    for (const cell of cells) {
      if (cell.status !== "mismatch") continue;
      const net = cell.detail?.net === true;
      const text = msg(net ? "sum.mismatch.net" : "sum.mismatch", {
        label: totalName(cell),
        over: linesSpan(cell),
        actual: cell.value,
        expected: cell.expected,
        diff: clean(cell.value - cell.expected),
      });
      out.push(
        finding(m, "sum.mismatch", "error", cell.r, cell.c, text, cell.expected, cell.value, {
          lines: leafCells(cell),
          sum: cell.expected,
          ...(net ? { net: "intäkter − kostnader" } : {}),
          ...(cell.formula ? { formula: cell.formula } : {}),
        }),
      );
    }
    for (const d of diffs) {
      const fake = { model: m, block: d.block } as Parameters<typeof columnCaption>[0];
      const rowLabel = (r: number) => m.rows[r].label.trim() || a1(m.oRow + r, m.oCol + d.c);
      let label: string, aName: string, bName: string;
      if (d.axis === "col") {
        const line = m.rows[d.r].label.trim();
        label = `"${columnCaption(fake, d.c)}"${line ? ` (${line})` : ""}`;
        aName = columnCaption(fake, d.a);
        bName = columnCaption(fake, d.b);
      } else {
        label = `"${rowLabel(d.r)}" (${columnCaption(fake, d.c)})`;
        aName = rowLabel(d.a);
        bName = rowLabel(d.b);
      }
      const cellA = d.axis === "col" ? cellAddress(m, d.r, d.a) : cellAddress(m, d.a, d.c);
      const cellB = d.axis === "col" ? cellAddress(m, d.r, d.b) : cellAddress(m, d.b, d.c);
      const text = msg("sum.mismatch.diff", {
        label,
        aName,
        aCell: cellA,
        bName,
        bCell: cellB,
        actual: d.value,
        expected: d.expected,
      });
      out.push(
        finding(
          m,
          "sum.mismatch",
          "error",
          d.r,
          d.c,
          text,
          d.expected,
          d.value,
          {
            difference: [cellA, cellB],
            expected: d.expected,
            ...(d.fits ? { rowsThatFit: d.fits } : {}),
          },
          d.causedBy && {
            rule: d.causedBy.rule,
            sheet: m.name,
            cell: cellAddress(m, d.causedBy.r, d.causedBy.c),
          },
        ),
      );
    }
  }
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// Document tables (report PDFs): totals against the lines the analysis settled, relation columns row by row.

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

/**
 * sum.mismatch on a document table: a total whose column does not add up to the lines its other columns agree
 * with (not where its lines hold a subtotal of others or two breakdowns of it: ambiguous, said in the facts), and
 * a relation column (Avvikelse = Budget − Utfall) that does not hold in a row; a knock-on of a wrong total in the
 * same row is info with causedBy.
 */
export function tableSumMismatch({ grid: g, facts: t }: AnalysedTable, lang: Lang): DocumentFinding[] {
  const out: DocumentFinding[] = [];
  const wrong = new Set<string>();
  const colName = (c: number) => gridColumnName(g, c);
  g.rows.forEach((r, i) => {
    const total = t.rows[i].total;
    if (t.rows[i].kind !== "total" || !total?.lines) return;
    const own = total.lines;
    const v = verdicts(g, t, i, own);
    const ok = v.filter((x) => x.ok).length;
    for (const x of v) {
      if (x.ok) continue;
      const actual = figureOf(r.cells[x.c])!;
      // The lines overshoot by exactly one of them: that line is an unlabelled subtotal of others (a parent row),
      // not a wrong total. Said as ambiguous, never as an error.
      const extra = round6(x.sum - actual);
      const parent = (k: number) => {
        const v = figureOf(g.rows[own[k]].cells[x.c]);
        if (v !== extra || extra === 0) return false;
        let sum = 0;
        for (let m = k + 1; m < own.length; m++) {
          sum = round6(sum + (figureOf(g.rows[own[m]].cells[x.c]) ?? 0));
          if (m >= k + 2 && withinAllowance(sum, v, x.tol)) return true;
        }
        return false;
      };
      // Two breakdowns of one total (by age, then by sex): a run of the lines gives it, and so does the rest.
      let run = 0;
      const twoBreakdowns = own.slice(0, -1).some((j) => {
        run = round6(run + (figureOf(g.rows[j].cells[x.c]) ?? 0));
        return (
          run !== 0 && withinAllowance(run, actual, x.tol) && withinAllowance(x.sum - run, actual, x.tol)
        );
      });
      if (twoBreakdowns) {
        t.ambiguous.push(`"${r.label}" (${colName(x.c)}): its lines hold two breakdowns of the same total`);
        continue;
      }
      if (own.some((_, k) => parent(k))) {
        t.ambiguous.push(`"${r.label}" (${colName(x.c)}): one of its lines looks like a subtotal of others`);
        continue;
      }
      const d = Math.max(0, ...[i, ...own].map((j) => g.rows[j].cells[x.c]?.decimals ?? 0));
      const lines = own
        .map((j) => ({ row: g.rows[j].label, column: colName(x.c), value: figureOf(g.rows[j].cells[x.c]) }))
        .filter((l): l is EvidenceLine => l.value !== null);
      // Evidence before verdict: a column without a header, or a total over a single printed figure, may be a
      // misreading of the layout. Said as info, not as an error.
      const weak = !g.headers[x.c] || lines.length < 2;
      if (!weak) wrong.add(`${i}|${x.c}`);
      out.push(
        documentFinding(
          weak ? "info" : "error",
          "sum.mismatch",
          msg("report.sum", {
            label: r.label,
            column: colName(x.c),
            actual,
            expected: x.sum,
            lines: lines.length,
            diff: round6(actual - x.sum),
            decimals: Math.max(0, d),
            uncertain: weak,
          }),
          x.sum,
          actual,
          r.page ?? null,
          r.label,
          colName(x.c),
          {
            table: g.title,
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
    g.rows.forEach((r, i) => {
      if (t.rows[i].kind === "ratio") return;
      const [va, vb, vc] = [figureOf(r.cells[rel.a]), figureOf(r.cells[rel.b]), figureOf(r.cells[c])];
      if (va === null || vb === null || vc === null) return;
      of++;
      const expected = round6(rel.op === "-" ? va - vb : va + vb);
      const tol = relationAllowance(r.cells[rel.a], r.cells[rel.b], r.cells[c]);
      // A row that leaves the relation unfilled (its result and an operand 0 or –) states no difference.
      if ((va === 0 || vb === 0) && vc === 0 && expected !== 0) return;
      if (withinAllowance(vc, expected, tol)) holds++;
      else bad.push({ i, expected, actual: vc, va, vb, tol });
    });
    // A row with figures in columns the relation's rows leave empty is another kind of row (a sum of more terms):
    // not judged by this relation.
    const usual = new Set<number>();
    g.rows.forEach((r, i) => {
      if (bad.some((b) => b.i === i) || t.rows[i].kind === "ratio") return;
      r.cells.forEach((cell, k) => cell.kind === "number" && cell.value !== 0 && usual.add(k));
    });
    for (const b of bad) {
      const r = g.rows[b.i];
      // A total row sums its lines; where some of them fill only some of the three columns (Koncernstödsuppdrag in
      // Totalt FoT alone, an accrual only in Utgående balans) the total's operands cannot add up to its result, and
      // its column sums say whether it is right.
      const partial = (t.rows[b.i].total?.lines ?? []).filter((j) => {
        const [va, vb, vc] = [rel.a, rel.b, c].map((k) => figureOf(g.rows[j].cells[k]));
        if (va !== null && vb !== null && vc !== null) return false;
        const expected = rel.op === "-" ? (va ?? 0) - (vb ?? 0) : (va ?? 0) + (vb ?? 0);
        return Math.abs((vc ?? 0) - expected) > 1e-9;
      });
      if (partial.length) {
        t.ambiguous.push(
          `"${r.label}" (${colName(c)}): some of its lines fill only this column, so ${colName(rel.a)} ${rel.op} ${colName(rel.b)} is not its relation`,
        );
        continue;
      }
      if (r.cells.some((cell, k) => cell.kind === "number" && cell.value !== 0 && !usual.has(k))) {
        t.ambiguous.push(
          `"${r.label}" (${colName(c)}): not of the form ${colName(rel.a)} ${rel.op} ${colName(rel.b)}`,
        );
        continue;
      }
      const d = Math.max(0, r.cells[rel.a].decimals, r.cells[rel.b].decimals, r.cells[c].decimals);
      const op = rel.op === "-" ? "−" : "+";
      const formula = `${colName(rel.a)} ${op} ${colName(rel.b)}`;
      const uncertain = !g.headers[c] || !g.headers[rel.a] || !g.headers[rel.b];
      const cause = [rel.a, rel.b].find((x) => wrong.has(`${b.i}|${x}`));
      const f = documentFinding(
        uncertain || cause !== undefined ? "info" : "error",
        "sum.mismatch",
        msg("report.diff", {
          label: r.label,
          column: colName(c),
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
        r.page ?? null,
        r.label,
        colName(c),
        {
          table: g.title,
          kind: rel.op === "-" ? "difference" : "sum-of-two",
          lines: [
            { row: r.label, column: colName(rel.a), value: b.va },
            { row: r.label, column: colName(rel.b), value: b.vb },
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
          page: r.page ?? null,
          row: r.label,
          column: colName(cause),
        };
      }
      out.push(f);
    }
  });
  return out;
}
