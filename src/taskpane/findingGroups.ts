/**
 * Repeated findings of one kind in one column of a sheet (400 numbers stored as text down column C) are one
 * expandable item in the pane instead of hundreds of cards. Pure: the view only renders what this returns.
 */
import type { Finding, RuleId, Severity } from "../model/types";

/** Fewer than this many alike in a column stay separate cards. */
const MIN_GROUP = 3;

export type FindingItem =
  | { kind: "one"; finding: Finding }
  | {
      kind: "group";
      rule: RuleId;
      severity: Severity;
      /** The column letters ("C"). */
      column: string;
      /** "C6:C405": the first and last cell of the group, as Excel writes a range. */
      range: string;
      findings: Finding[];
    };

const CELL = /^([A-Z]+)(\d+)$/;

/** Findings (of one sheet, in display order) as items: alike ones in one column grouped where there are many. */
export function groupFindings(findings: readonly Finding[], min = MIN_GROUP): FindingItem[] {
  const byKey = new Map<string, Finding[]>();
  const keyOf = (f: Finding) => {
    const m = f.cell ? CELL.exec(f.cell) : null;
    return m ? `${f.rule}\u0000${f.severity}\u0000${m[1]}` : null;
  };
  for (const f of findings) {
    const key = keyOf(f);
    if (key === null) continue;
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  }
  const out: FindingItem[] = [];
  const placed = new Set<string>();
  for (const f of findings) {
    const key = keyOf(f);
    const members = key === null ? undefined : byKey.get(key);
    if (!members || members.length < min) {
      out.push({ kind: "one", finding: f });
      continue;
    }
    if (placed.has(key!)) continue;
    placed.add(key!);
    const rows = members.map((x) => Number(CELL.exec(x.cell!)![2]));
    const column = CELL.exec(f.cell!)![1];
    const sorted = [...members].sort(
      (a, b) => Number(CELL.exec(a.cell!)![2]) - Number(CELL.exec(b.cell!)![2]),
    );
    out.push({
      kind: "group",
      rule: f.rule,
      severity: f.severity,
      column,
      range: `${column}${Math.min(...rows)}:${column}${Math.max(...rows)}`,
      findings: sorted,
    });
  }
  return out;
}
