/** sum.mismatch: a total that differs from its lines by more than rounding explains; a difference column that is not the difference it names. */
import { clean } from "../../plan/numbers";
import { a1 } from "../../model/address";
import { msg } from "../../model/messages";
import { sheetTotals } from "../totals";
import type { Finding } from "../../model/types";
import { cellAddress, columnCaption, finding, leafCells, linesSpan, totalName, type Rule } from "./common";

export const sumMismatch: Rule = ({ models }) => {
  const out: Finding[] = [];
  for (const m of models) {
    const { cells, diffs } = sheetTotals(m);
    for (const cell of cells) {
      if (cell.status !== "mismatch") continue;
      const text = msg(cell.net ? "sum.mismatch.net" : "sum.mismatch", {
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
          ...(cell.net ? { net: "intäkter − kostnader" } : {}),
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
