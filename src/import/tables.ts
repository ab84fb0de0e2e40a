/**
 * Budget tables and amount lists from a flattened document.
 *
 * Budget table: a header of measure columns ("Utfall 2017 Prognos 2018 Budget 2019"), then rows of a label and one
 * figure per column, up to the total row (Totalt/Summa/Total/S:a). Swedish thousands groups make "139 158" two
 * words, so each row's number words are partitioned into exactly as many numbers as there are columns; more than
 * one reading is said as a warning. The unit comes from the statement before the table ("Alla belopp i tkr");
 * a column whose figures carry decimals and are about a thousandth of the others is read as mnkr (and said so).
 *
 * Amount list: lines "label 23 150 000 kr" ending with "Summa 26 500 000 kr" (an investment list).
 */
import { findUnitStatement } from "../plan/numbers";
import type { BudgetLine, BudgetTable, Measure, MeasureKind, MoneyUnit } from "../plan/schema";
import { endsSentence, type ImportContext } from "./context";
import {
  amountEndingAt,
  isNumberWord,
  joinTokens,
  numberRunEnd,
  partitionNumbers,
  pieceAt,
  type NumberToken,
} from "./tokens";
import type { DocCell, DocRow, DocTable, Token } from "./types";

const MEASURE_WORDS: Record<string, MeasureKind> = {
  utfall: "outcome",
  bokslut: "outcome",
  prognos: "forecast",
  budget: "budget",
  plan: "budget",
  ram: "budget",
};
const TOTAL_LABEL = /^(totalt|summa|total|s:a|summa totalt|totalsumma|hela förvaltningen)$/i;

export interface TablesResult {
  budgetTables: BudgetTable[];
  tables: DocTable[];
}

interface HeaderColumn {
  label: string;
  kind: MeasureKind;
  year: number;
}

function headerAt(tokens: readonly Token[], i: number): { columns: HeaderColumn[]; end: number } | null {
  const columns: HeaderColumn[] = [];
  let j = i;
  while (j + 1 < tokens.length) {
    const kind = MEASURE_WORDS[tokens[j].text.toLowerCase()];
    const y = tokens[j + 1].text;
    if (!kind || !/^(19|20|21)\d{2}$/.test(y)) break;
    columns.push({ label: `${tokens[j].text} ${y}`, kind, year: Number(y) });
    j += 2;
  }
  return columns.length >= 2 ? { columns, end: j } : null;
}

/**
 * Whether tokens[j] (a number) is still part of the row label that starts at `start`: in a PDF, a number in the
 * label's own cell ("Skolenhet 10") has no cell gap before it while the row's figures further on do.
 */
function inLabelCell(tokens: readonly Token[], start: number, j: number): boolean {
  if (tokens[j].hard !== false || tokens[j].row === undefined) return false;
  for (let k = start; k < j; k++) if (tokens[k].row !== tokens[j].row || tokens[k].hard) return false;
  for (let k = j + 1; k < tokens.length && tokens[k].row === tokens[j].row; k++)
    if (tokens[k].hard) return true;
  return false;
}

function slug(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "tabell"
  );
}

/**
 * Unique ids: the base, else base-2, base-3, … The next suffix to try is kept per base, so many rows with one
 * label ("Rad") cost linear time, not a rescan from -2 each; the ids are the same as scanning from -2.
 */
function idMaker(): (base: string) => string {
  const used = new Set<string>();
  const next = new Map<string, number>();
  return (base) => {
    let id = base;
    let k = next.get(base) ?? 2;
    if (used.has(id)) for (id = `${base}-${k}`; used.has(id); id = `${base}-${++k}`);
    if (id !== base) next.set(base, k + 1);
    used.add(id);
    return id;
  };
}

function cell(n: NumberToken | null): DocCell {
  return n ? { text: n.text, value: n.value, decimals: n.decimals } : { text: "", value: null, decimals: 0 };
}

/** Title before a table: the words since the previous sentence end (at most 10), or a generic name. */
function titleBefore(tokens: readonly Token[], end: number): { title: string; start: number } {
  let s = end;
  // A title is on the table's page: it never reaches back over a page break.
  const page = tokens[Math.min(end, tokens.length - 1)]?.page;
  while (
    s > 0 &&
    end - s < 10 &&
    !endsSentence(tokens[s - 1].text) &&
    !/^\d/.test(tokens[s - 1].text) &&
    tokens[s - 1].page === page
  )
    s--;
  const title = joinTokens(tokens, s, end).trim();
  return { title, start: s };
}

export function recogniseTables(ctx: ImportContext, owner: string | undefined): TablesResult {
  const tokens = ctx.tokens;
  const budgetTables: BudgetTable[] = [];
  const tables: DocTable[] = [];
  const uniqueId = idMaker();

  for (let i = 0; i < tokens.length; i++) {
    const header = headerAt(tokens, i);
    if (!header) continue;
    const n = header.columns.length;
    // Unit statement and title just before the header.
    let unitStart = i;
    let unitNote: string | undefined;
    let unit: MoneyUnit | undefined;
    for (let k = Math.max(0, i - 8); k < i; k++) {
      const phrase = joinTokens(tokens, k, i);
      const u = /belopp/i.test(tokens[k].text) ? findUnitStatement(phrase) : undefined;
      if (u) {
        unit = u;
        let s = k;
        while (s > 0 && /^(alla|samtliga)$/i.test(tokens[s - 1].text)) s--;
        unitStart = s;
        unitNote = joinTokens(tokens, s, i);
        break;
      }
    }
    const { title: rawTitle } = titleBefore(tokens, unitStart);
    const title = rawTitle || "Tabell";
    const page = tokens[i].page;

    // Rows.
    const rows: { label: string; numbers: NumberToken[]; page: number }[] = [];
    let j = header.end;
    let total: (typeof rows)[number] | null = null;
    while (j < tokens.length) {
      // A table continued on the next page may repeat its header there: skip it, the rows go on.
      const again = headerAt(tokens, j);
      if (
        again &&
        again.columns.map((c) => c.label).join("|") === header.columns.map((c) => c.label).join("|")
      ) {
        j = again.end;
        continue;
      }
      const labelStart = j;
      while (
        j < tokens.length &&
        (!pieceAt(tokens, j) || inLabelCell(tokens, labelStart, j)) &&
        j - labelStart < 8
      )
        j++;
      if (j === labelStart || !pieceAt(tokens, j)) break;
      const label = joinTokens(tokens, labelStart, j);
      const runEnd = numberRunEnd(tokens, j);
      // A following row's label may start with a number; only take as many words as partition into n numbers.
      let parts: NumberToken[][] = [];
      let end = runEnd;
      for (; end > j; end--) {
        parts = partitionNumbers(tokens, j, end, n);
        if (parts.length) break;
      }
      if (!parts.length) break;
      if (parts.length > 1)
        ctx.warn(
          "budget.ambiguous-row",
          "budget",
          label,
          tokens[j].page,
          {
            row: label,
            readings: parts.map((p) => p.map((x) => x.text).join(" | ")).join("; "),
          },
          labelStart,
        );
      const row = { label, numbers: parts[0], page: tokens[labelStart].page };
      rows.push(row);
      j = end;
      if (TOTAL_LABEL.test(label)) {
        total = row;
        break;
      }
    }
    if (rows.length < 2) continue;
    if (!total) {
      total = rows[rows.length - 1];
      ctx.warn("budget.no-total", "budget", title, page, { table: title, row: total.label }, i);
    }
    const lines = rows.filter((r) => r !== total);
    if (!unit) {
      unit = "tkr";
      ctx.warn("budget.no-unit", "budget", title, page, { table: title, unit }, i);
    }
    // The unit trap: a column about a thousandth of the largest, with decimals, is in a unit 1 000 times larger.
    const colUnits: MoneyUnit[] = header.columns.map(() => unit!);
    const totals = header.columns.map((_, c) => Math.abs(total!.numbers[c].value));
    const maxTotal = Math.max(...totals);
    header.columns.forEach((col, c) => {
      const hasDecimals = rows.some((r) => r.numbers[c].decimals > 0);
      if (unit !== "mnkr" && hasDecimals && totals[c] > 0 && totals[c] * 100 < maxTotal) {
        const bigger: MoneyUnit = unit === "kr" ? "tkr" : "mnkr";
        colUnits[c] = bigger;
        ctx.warn(
          "budget.unit-mixed",
          "budget",
          title,
          page,
          {
            column: col.label,
            stated: unit!,
            total: total!.numbers[c].value,
            unit: bigger,
          },
          i,
        );
      }
    });

    const id = uniqueId(slug(`${title}`));
    const measures: Measure[] = header.columns.map((col, c) => ({
      id: slug(col.label),
      label: col.label,
      kind: col.kind,
      year: col.year,
      unit: colUnits[c],
    }));
    const values = (r: (typeof rows)[number]) =>
      Object.fromEntries(measures.map((m, c) => [m.id, r.numbers[c].value]));
    const lineId = idMaker();
    budgetTables.push({
      id,
      title,
      kind: /investering/i.test(title) ? "investment" : "operating",
      ...(owner ? { owner } : {}),
      ...(unitNote ? { unitNote } : {}),
      measures,
      lines: lines.map((r): BudgetLine => {
        return { id: lineId(slug(r.label)), label: r.label, values: values(r) };
      }),
      total: { label: total.label, values: values(total) },
      page,
    });
    tables.push({
      id,
      title,
      page,
      headers: header.columns.map((c) => c.label),
      units: colUnits,
      rows: rows.map((r): DocRow => ({ label: r.label, cells: r.numbers.map(cell), page: r.page })),
    });
    i = j - 1;
  }

  recogniseAmountLists(ctx, owner, budgetTables, tables, uniqueId);
  return { budgetTables, tables };
}

/** Lists of "label amount kr" lines closed by "Summa amount kr". */
function recogniseAmountLists(
  ctx: ImportContext,
  owner: string | undefined,
  budgetTables: BudgetTable[],
  tables: DocTable[],
  uniqueId: (base: string) => string,
): void {
  const tokens = ctx.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (!TOTAL_LABEL.test(tokens[i].text)) continue;
    // "Summa 26 500 000 kr"
    let u = i + 1;
    u = numberRunEnd(tokens, u);
    const totalAmount = amountEndingAt(tokens, u);
    if (!totalAmount || totalAmount.start !== i + 1) continue;
    // Walk back over "label amount unit" lines.
    const lines: { label: string; amount: NonNullable<ReturnType<typeof amountEndingAt>>; start: number }[] =
      [];
    let end = i;
    for (;;) {
      const unitIdx = end - 1;
      const amount = amountEndingAt(tokens, unitIdx);
      if (!amount || amount.end !== end || amount.unit !== totalAmount.unit) break;
      // The label runs back to the previous amount's unit word (or a sentence end).
      let s = amount.start;
      while (s > 0 && amount.start - s < 25) {
        const prev = tokens[s - 1].text;
        if (/^(kr|kronor|tkr|mnkr)$/i.test(prev) && isNumberWord(tokens[s - 2]?.text ?? "")) break;
        if (endsSentence(prev)) break;
        s--;
      }
      lines.unshift({ label: joinTokens(tokens, s, amount.start), amount, start: s });
      end = s;
      if (s === 0 || endsSentence(tokens[s - 1].text)) break;
    }
    if (lines.length < 2) continue;
    // The first line's words begin with the list's title; a year ends the title ("Investeringsbudget … 2019").
    const first = lines[0];
    const words = first.label.split(" ");
    const yearIdx = words.findIndex((w) => /^(19|20|21)\d{2}$/.test(w));
    let title: string;
    // PDF rows settle it: the title is the first row of the block.
    const rowOf = (k: number) => tokens[k].row;
    let titleEnd = -1;
    // Only a real table (the amount in its own cell) says anything by its rows; wrapped prose lines do not.
    if (rowOf(first.start) !== undefined && tokens[first.amount.start].hard === true) {
      for (let k = first.start; k < first.amount.start; k++)
        if (rowOf(k) !== rowOf(first.start)) {
          titleEnd = k;
          break;
        }
    }
    if (titleEnd > first.start) {
      title = joinTokens(tokens, first.start, titleEnd);
      first.label = joinTokens(tokens, titleEnd, first.amount.start);
    } else if (yearIdx >= 0 && yearIdx < words.length - 1) {
      title = words.slice(0, yearIdx + 1).join(" ");
      first.label = words.slice(yearIdx + 1).join(" ");
    } else {
      title = "Belopp";
      ctx.warn("investment.title", "investment", title, tokens[first.start].page, { title }, first.start);
    }
    const year = Number(/(19|20|21)\d{2}/.exec(title)?.[0] ?? NaN);
    const page = tokens[i].page;
    const id = uniqueId(slug(title));
    const unit = totalAmount.unit;
    const mid = Number.isFinite(year) ? `budget-${year}` : "belopp";
    const measure: Measure = {
      id: mid,
      label: Number.isFinite(year) ? `Budget ${year}` : "Belopp",
      kind: "budget",
      year: Number.isFinite(year) ? year : 2000,
      unit,
    };
    const lineId = idMaker();
    budgetTables.push({
      id,
      title,
      kind: /investering/i.test(title) ? "investment" : "operating",
      ...(owner ? { owner } : {}),
      measures: [measure],
      lines: lines.map((l) => {
        return { id: lineId(slug(l.label)), label: l.label, values: { [mid]: l.amount.value } };
      }),
      total: { label: tokens[i].text, values: { [mid]: totalAmount.value } },
      page,
    });
    const toCell = (a: { value: number; decimals: number; text: string }): DocCell => ({
      text: a.text,
      value: a.value,
      decimals: a.decimals,
    });
    tables.push({
      id,
      title,
      page,
      headers: [measure.label],
      units: [unit],
      rows: [
        ...lines.map((l) => ({ label: l.label, cells: [toCell(l.amount)] })),
        { label: tokens[i].text, cells: [toCell(totalAmount)] },
      ],
    });
    i = totalAmount.end - 1;
  }
}
