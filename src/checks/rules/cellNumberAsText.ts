/**
 * cell.number-as-text: "75 %", "1 234,50", "- 6 279" stored as text where figures are expected. Plain digits
 * ("4010", "3041,3042") are codes (konto, ansvar, fund numbers) unless they stand among real numbers in a figure
 * column: a text "2000" in a column of numbers that a SUM adds is left out of it, a column or header row of
 * digit texts is a column or row of codes.
 */
import { parseSvNumber } from "../../plan/numbers";
import { isYear } from "../labels";
import { msg } from "../../model/messages";
import type { Block, SheetModel } from "../model";
import type { Finding } from "../../model/types";
import type { DocumentFinding } from "../tables/types";
import {
  cellAddress,
  documentFinding,
  finding,
  gridColumnName,
  type AnalysedTable,
  type Rule,
} from "./common";

/** Plain (signed) digits, or a list of codes ("5890/5820", "7691, 7692", "3021-3025", "3061,3062"). */
function looksLikeCode(text: string): boolean {
  return /^[-+]?\d+$/.test(text) || /^\d{3,}(\s*[,/–-]\s*\d{3,})+$/.test(text);
}

/** Headers that name a column of codes, not amounts. */
const CODE_HEADER = /\b(konto|kontonr|kod|code|account|acct|fund|object|objekt|ansvar|id|nr|no\.?|number)\b/i;

interface ColumnCounts {
  /** Real numbers (not text). */
  nums: number;
  /** Real numbers that are years. */
  years: number;
  /** Texts that look like codes. */
  codes: number;
}

/** Per column of the block: how many real numbers, years and code-like texts it holds. */
function columnCounts(m: SheetModel, block: Block): Map<number, ColumnCounts> {
  const out = new Map<number, ColumnCounts>();
  for (let r = block.first; r <= block.last; r++) {
    const row = m.values[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      let k = out.get(c);
      if (typeof v === "number") {
        if (!k) out.set(c, (k = { nums: 0, years: 0, codes: 0 }));
        k.nums++;
        if (isYear(v)) k.years++;
      } else if (typeof v === "string" && looksLikeCode(v.trim())) {
        if (!k) out.set(c, (k = { nums: 0, years: 0, codes: 0 }));
        k.codes++;
      }
    }
  }
  return out;
}

export const cellNumberAsText: Rule = ({ models }) => {
  const out: Finding[] = [];
  for (const m of models) {
    for (const block of m.blocks) {
      let counts: Map<number, ColumnCounts> | null = null;
      for (let r = block.first; r <= block.last; r++) {
        const info = m.rows[r];
        if (info.numTexts === 0) continue;
        const row = m.values[r];
        for (let c = info.labelCol + 1; c < row.length; c++) {
          const v = row[c];
          if (typeof v !== "string") continue;
          const t = v.trim();
          const p = parseSvNumber(t);
          if (!p && !looksLikeCode(t)) continue;
          if (looksLikeCode(t)) {
            if (t.startsWith("0") || info.nums === 0) continue;
            counts ??= columnCounts(m, block);
            const k = counts.get(c);
            // Among real numbers (more than twice as many as the code-like texts), not a column of years.
            if (!k || k.nums < 2 || k.nums <= 2 * k.codes || k.years * 2 > k.nums) continue;
            const header = block.columns.find((ci) => ci.col === c)?.header ?? "";
            if (CODE_HEADER.test(header)) continue;
          }
          if (!p) continue;
          const value = p.unit === "percent" ? Number((p.value / 100).toPrecision(15)) : p.value;
          const text = msg("cell.number-as-text", { text: v, value: p.value, percent: p.unit === "percent" });
          out.push(
            finding(m, "cell.number-as-text", "warning", r, c, text, value, v, {
              text: v,
              value,
              cell: cellAddress(m, r, c),
            }),
          );
        }
      }
    }
  }
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// Document tables (report PDFs): a figure printed malformed is not used, and said.

/**
 * cell.number-as-text on a document table: a malformed figure ("-7 73", a digit lost) is a warning; figures
 * printed into one another (glued) are info, the row not read in that column. Reference and code columns: none.
 */
export function tableMalformed({ grid: g, facts: t }: AnalysedTable): DocumentFinding[] {
  const out: DocumentFinding[] = [];
  g.rows.forEach((r) =>
    r.cells.forEach((cell, c) => {
      if (cell.kind !== "malformed" || t.columns[c].reference) return;
      const col = gridColumnName(g, c);
      out.push(
        documentFinding(
          cell.glued ? "info" : "warning",
          "cell.number-as-text",
          cell.glued
            ? msg("report.glued", { text: cell.text, label: r.label, column: col, parts: cell.glued })
            : msg("report.malformed", { text: cell.text, label: r.label, column: col }),
          null,
          cell.text,
          r.page ?? null,
          r.label,
          col,
          { table: g.title, kind: "malformed", lines: [], computed: null, tolerance: 0, support: "" },
        ),
      );
    }),
  );
  return out;
}
