/**
 * "How it was read" for a report table, in the user's language (host-free): used by `plankoll tables` and the task
 * pane's Import view alike, so both say the same about the same table.
 */
import type { Lang } from "../plan/i18n";
import type { ReportTable } from "../import/report/types";

const ROW_KIND = {
  sv: { line: "rad", total: "summa", heading: "rubrik", balance: "saldo", breakdown: "varav", ratio: "kvot" },
  en: {
    line: "line",
    total: "total",
    heading: "heading",
    balance: "balance",
    breakdown: "of which",
    ratio: "ratio",
  },
} as const;

/**
 * heading; one line per column (its header and what it is: count, percent, difference of which two); one line per
 * row (kind, label, cells as printed, for a total the lines it sums); what could not be settled.
 */
export interface TableDescription {
  heading: string;
  columns: string[];
  rows: string[];
  notes: string[];
}

export function describeTable(t: ReportTable, lang: Lang): TableDescription {
  const sv = lang === "sv";
  const pages =
    t.pages.length > 1
      ? `${sv ? "s." : "pp."} ${t.pages[0]}–${t.pages[t.pages.length - 1]}`
      : `${sv ? "s." : "p."} ${t.page}`;
  const name = (c: number) => t.columns[c].header || `${sv ? "kolumn" : "column"} ${c + 1}`;
  const columns = t.columns.map((col, c) => {
    const what: string[] = [];
    if (col.count) what.push(sv ? "antal (ingen avrundning)" : "count (no rounding)");
    if (col.reference) what.push(sv ? "notnummer (summeras inte)" : "note numbers (not summed)");
    else if (col.percent) what.push(sv ? "procent (summeras inte)" : "percent (not summed)");
    if (col.relation)
      what.push(`= ${name(col.relation.a)} ${col.relation.op === "-" ? "−" : "+"} ${name(col.relation.b)}`);
    return `${c + 1}. ${name(c)}${what.length ? ` — ${what.join(", ")}` : ""}`;
  });
  const rows = t.rows.map((r, i) => {
    const kind = ROW_KIND[lang][r.kind];
    const cells = r.cells.map((c) => c.text || "·").join(" | ");
    let sums = "";
    if (r.total) {
      const how =
        r.total.by === "label"
          ? sv
            ? "enligt rubrik"
            : "by label"
          : sv
            ? "enligt räkning"
            : "by arithmetic";
      sums = r.total.lines
        ? ` ← ${sv ? "summa av rad" : "sum of rows"} ${r.total.lines.map((x) => x + 1).join(", ")} (${how})`
        : ` ← ${sv ? "raderna kunde inte fastställas" : "lines not settled"} (${how})`;
    }
    return `${String(i + 1).padStart(3)} ${kind.padEnd(8)} ${r.label || "—"}: ${cells}${sums}`;
  });
  const unit = t.unit ? `, ${t.unit}` : "";
  return {
    heading: `${pages}: ${t.title}${unit}${t.labelHeader ? ` [${t.labelHeader}]` : ""}`,
    columns,
    rows,
    notes: t.ambiguous.map((a) => `${sv ? "Oklart" : "Ambiguous"}: ${a}`),
  };
}
