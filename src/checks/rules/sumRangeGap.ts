/**
 * sum.range-gap: a SUM that leaves out lines its peers include — the same total in the neighbouring columns
 * (or rows) references them and this one does not reach them, directly or through a subtotal — or lines that
 * stand between its range and the total itself. A range that merely differs from our reading of the block is
 * not one: the peers or the lines' place are the evidence.
 */
import { msg } from "../../model/messages";
import { sheetTotals, type TotalCell } from "../totals";
import type { Finding } from "../../model/types";
import { alongCells, cellAddress, finding, lineNames, type Rule } from "./common";

export const sumRangeGap: Rule = ({ models }) => {
  const out: Finding[] = [];
  for (const m of models) {
    for (const cell of sheetTotals(m).cells) {
      if (cell.status !== "range-gap" && cell.status !== "range-gap-zero") continue;
      const zero = cell.status === "range-gap-zero";
      const missing = cell.detail?.missing ?? [];
      const peers = (cell.detail?.peers ?? []).map((p) => cellAddress(m, p.r, p.c));
      const text = msg(zero ? "sum.range-gap.zero" : "sum.range-gap", {
        formula: cell.formula ?? "",
        ...lineNames(cell, missing),
        why: peers.length ? "peers" : before(cell, missing) ? "before" : "between",
        peers: peers.slice(0, 3),
        morePeers: peers.length > 3,
        expected: cell.expected,
        actual: cell.value,
      });
      out.push(
        finding(
          m,
          "sum.range-gap",
          zero ? "warning" : "error",
          cell.r,
          cell.c,
          text,
          cell.expected,
          cell.value,
          {
            formula: cell.formula,
            missing: alongCells(cell, missing),
            ...(peers.length ? { peers: peers.slice(0, 50) } : { between: true }),
            sum: cell.expected,
          },
        ),
      );
    }
  }
  return out;
};

/** The lines left out all stand before the SUM's (single) range, not between it and the total. */
function before(cell: TotalCell, missing: readonly number[]): boolean {
  const lo = cell.refs?.[0]?.[0];
  return cell.refs?.length === 1 && lo !== undefined && missing.every((i) => i < lo);
}
