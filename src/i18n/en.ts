/** English: every finding's text, saying what sv.ts says. */
import { counted, type Catalogue } from "./catalogue";
import type { NumberFormat } from "./format";
import type { MetaField, PlanColumnParams, RangeGapParams } from "../model/messages";
import { asOfText } from "./summary";

const more = (n: number) => (n > 0 ? ` and ${n} more` : "");

function missing(p: RangeGapParams): string {
  const why =
    p.why === "peers"
      ? ` (${p.peers.join(", ")}${p.morePeers ? " …" : ""} include them)`
      : p.why === "before"
        ? " (they stand in the same list, before the range)"
        : " (they stand between the range and the total)";
  return p.lines.join(", ") + more(p.more) + why;
}

function columnCells(p: PlanColumnParams, f: NumberFormat): string {
  const show = (v: number) => (p.percent ? f.percent(v * 100) : f.num(v));
  return p.cells.map((x) => `${x.cell} ${show(x.value)} ≠ ${show(x.expected)}`).join(", ") + more(p.more);
}

const source = (s: string | null) => (s ? ` (${s})` : "");

const WORDS = {
  commitments: "annual-plan commitments",
  ownCommitments: "own commitments",
  goals: "goals",
  indicators: "scorecard indicators",
  lines: "budget lines",
  tables: "tables",
} as const;

export const en = {
  "sum.mismatch": (p, f) =>
    `The total ${p.label} is ${f.num(p.actual)} but the lines ${p.over} add up to ${f.num(p.expected)} (difference ${f.num(p.diff)}).`,
  "sum.mismatch.net": (p, f) =>
    `The net ${p.label} is ${f.num(p.actual)} but income − costs in ${p.over} come to ${f.num(p.expected)} (difference ${f.num(p.diff)}).`,
  "sum.mismatch.diff": (p, f) =>
    `${p.label} is ${f.num(p.actual)} but ${p.aName} ${p.aCell} − ${p.bName} ${p.bCell} is ${f.num(p.expected)}.`,
  "sum.range-gap": (p, f) =>
    `The sum formula ${p.formula} leaves out ${missing(p)}; with every line the total is ${f.num(p.expected)}, not ${f.num(p.actual)}.`,
  "sum.range-gap.zero": (p) =>
    `The sum formula ${p.formula} leaves out ${missing(p)} (empty or zero now, but not counted once filled in).`,
  "sum.double-count": (p, f) => {
    const through = (via: string | null) => (via === null ? "directly" : `through ${via}`);
    return `The sum formula ${p.formula} counts ${p.cell} twice (${through(p.paths[0])} and ${through(p.paths[1])}); the total is ${f.num(p.actual)} instead of ${f.num(p.expected)}.`;
  },
  "sum.hardcoded": (p, f) =>
    `${p.label} is a typed value (${f.num(p.actual)}) where the table's other totals are formulas; it will not update when the lines change.`,
  "sum.hardcoded.table": (p) =>
    `The table's totals are typed values (${p.count}), no formulas – probably an export; they will not follow changes to the lines.`,
  "cell.number-as-text": (p, f) =>
    `"${p.text}" is stored as text, not as a number (${f.num(p.value)}${p.percent ? " %" : ""}); sums and formulas ignore it.`,
  "cell.error": (p) =>
    `The error value ${p.error} stands where a figure is expected${p.inTotal ? " in a total row" : ""}.`,
  "cell.uncomputed": (p) =>
    `The formula ${p.formula} has no saved value and cannot be computed here; the cell could not be checked.`,
  "cell.uncomputed.many": (p) =>
    `${p.count} formulas on this sheet have no saved value and cannot be computed here (the first: ${p.formula}); they could not be checked. Open and save the file in Excel to store their values.`,
  "plan.mismatch": (p, f) => {
    const actual = p.percent ? f.percent(p.actual * 100) : f.num(p.actual);
    const expected = p.percent
      ? f.percent(p.expected * 100)
      : f.num(p.expected) + (p.unit ? ` ${p.unit}` : "");
    return `${p.what} is ${actual} but the plan states ${expected}${source(p.source)}.`;
  },
  "plan.mismatch.column": (p, f) =>
    `The column ${p.what} does not match the plan${source(p.source)}: ${p.differing} of ${p.count} figures differ from the plan's (${columnCells(p, f)}).`,
  "plan.mismatch.column.note": (p) =>
    `The column ${p.what} has the plan's lines but none of its ${p.count} figures matches the plan${source(p.source)} – does it show other figures than the plan's, or are they all wrong?`,
  "plan.unit": (p, f) =>
    `${p.what} is ${f.num(p.actual)}, which equals the plan's ${`${f.num(p.planValue)} ${p.planUnit ?? ""}`.trim()} only if read in ${p.foundUnit} – the column is in ${p.unit} (kr/tkr/mnkr mix-up?).`,
  "plan.unit.outlier": (p, f) =>
    `${p.what} is ${f.num(p.actual)}, ${f.num(p.ratio)} times the largest of the column's other amounts (${f.num(p.min)}–${f.num(p.max)} ${p.unit}). The column is in ${p.unit}: was the amount typed in ${p.smaller}? Then it is ${f.num(p.asUnit)} ${p.unit}, in line with the others.`,
  "table.total": (p, f) =>
    `${p.table} (p. ${p.page ?? "?"}): ${p.total} for ${p.measure} is ${f.figure(p.actual)} but the lines add up to ${f.figure(p.expected)} (difference ${f.figure(p.diff)}, rounding explains at most ${f.figure(p.tolerance)}).`,
  "relation.sum": (p, f) =>
    `${p.description}: ${p.terms.map(f.figure).join(" + ")} makes ${f.figure(p.expected)}, but the document states ${f.figure(p.actual)} (difference ${f.figure(p.diff)}).`,
  "relation.source": (p, f) =>
    `${p.description}: "${p.term}" is given as ${f.figure(p.actual)} but table ${p.table} has ${f.figure(p.expected)}.`,
  "relation.source.missing": (p) =>
    `${p.description}: "${p.term}" refers to ${p.ref}, which the plan does not have.`,
  "count.goals": (p) => `The document states ${p.actual} process goals but the plan contains ${p.expected}.`,
  "count.commitments": (p) =>
    `The document states ${p.actual} ${WORDS[p.what]} but the plan lists ${p.expected}.`,
  "count.notReached": (p) =>
    `The document says ${p.actual} process goals have not yet reached their ${p.year} target, but ${p.expected} of ${p.assessable} assessable goals have a ${p.outcomeYear} outcome${p.asOf ? ` (${asOfText(p.asOf, "en")})` : ""} short of the ${p.year} target (${p.unassessable} goals lack values).${p.reached === null ? "" : ` Exactly ${p.reached} goals have already reached the target – the text may mean those.`}`,
  "duplicate.id": (p) =>
    `Id "${p.id}" is used by ${p.count} ${WORDS[p.what]}; look-ups by id become ambiguous.`,
  "report.sum": (p, f) =>
    `The total "${p.label}" (${p.column}) is ${f.num(p.actual, p.decimals)} but its ${p.lines} lines add up to ${f.num(p.expected, p.decimals)} (difference ${f.num(p.diff, p.decimals)}).` +
    (p.uncertain ? " (uncertain reading: the column has no header or the total only one line)" : ""),
  "report.diff": (p, f) => {
    const n = (v: number) => f.num(v, p.decimals);
    return (
      `"${p.label}" (${p.column}) is ${n(p.actual)} but ${p.formula} (${n(p.a)} ${p.op} ${p.b < 0 ? `(${n(p.b)})` : n(p.b)}) = ${n(p.expected)}.` +
      (p.uncertain ? " (uncertain reading: the columns have no headers)" : "") +
      (p.caused ? " (follows from the error in the same row)" : "")
    );
  },
  "report.malformed": (p) =>
    `The number "${p.text}" in "${p.label}" (${p.column}) is malformed (a digit missing or a footnote glued to it); it was not used.`,
  "report.glued": (p) =>
    `"${p.text}" in "${p.label}" (${p.column}) is several figures, or a figure and a footnote, printed into one another (${p.parts.join(" / ")}); which one holds cannot be told, so the row was not read in that column.`,
  "report.two": (p, f) =>
    `"${p.label}" (${p.column}) is ${f.figure(p.b)} on p. ${p.pageB} but ${f.figure(p.a)} on p. ${p.pageA}.`,
  "goal.title-number": (p) =>
    `The goal has more numbers (${p.numbers}) than its three value columns; the last three were read as values, the rest as part of the title.`,
  "goal.note-number": (p) =>
    `The number ${p.number} before the note was read as part of the title, not as a value.`,
  "goal.unit-guessed": (p) =>
    `The unit is not stated (no % sign, no index or count in the title); read as ${p.unit}.`,
  "goal.no-header": (p) =>
    `The goal tables have no column headers; values were read as ${p.columns.map((c) => `${c.kind === "target" ? "Target" : "Outcome"} ${c.asOf ? asOfText(c.asOf, "en") : c.period}`).join(" | ")}.`,
  "goal.no-area": (p) => `No area heading was found before the goal; the area was set to "${p.area}".`,
  "goal.none": () => 'No goals were found (no "Fyraårigt processmål" marker followed by goals with values).',
  "indicator.values": (p) =>
    `The scorecard row has ${counted(p.found, "number", "numbers")} for ${counted(p.expected, "column", "columns")}; they were read from the right (target column first).`,
  "budget.unit-mixed": (p, f) =>
    `Column "${p.column}" is stated in ${p.stated} but its amounts are about a thousandth of the others (total ${f.num(p.total)}); read as ${p.unit}.`,
  "budget.ambiguous-row": (p) =>
    `Row "${p.row}" can be read in several ways (${p.readings}); the first was used.`,
  "budget.no-unit": (p) => `Table "${p.table}" states no unit; amounts were read as ${p.unit}.`,
  "budget.no-total": (p) =>
    `Table "${p.table}" has no total row; its last row (${p.row}) was used as the total.`,
  "investment.title": (p) => `The investment list's title is uncertain; read as "${p.title}".`,
  "document.meta": (p) => `${META_FIELDS[p.field]} was not found in the document; set to "${p.value}".`,
  "document.no-text": () => "The document contains no text.",
  "table.type": (p) => `Row ${p.row}: unknown type "${p.type}"; row skipped.`,
  "table.title": (p) => `Row ${p.row}: title missing; row skipped.`,
  "table.value": (p) => `Row ${p.row}: value "${p.value}" is not a number; row skipped.`,
  "table.value.fact": (p) => `Row ${p.row}: the fact has no value; row skipped.`,
  "table.period": (p) => `Row ${p.row}: period "${p.period}" is not a year; row skipped.`,
  "table.missing": (p) => `Row ${p.row}: value missing and no note says why.`,
  "table.unit": (p) => `Row ${p.row}: unknown unit "${p.unit}"; read as index.`,
  "table.unit.percent": (p) => `Row ${p.row}: a budget row in % cannot be read; row skipped.`,
  "table.direction": (p) => `Row ${p.row}: unknown direction "${p.direction}"; read as higher.`,
  "table.duplicate": (p) => `Row ${p.row}: ${p.period} ${p.kind} is already given for the goal; row skipped.`,
  "lookup.measure.unknown": (p) => `Unknown measure "${p.shown}": use Budget, Outcome or Forecast.`,
  "lookup.measure.missing": (p) =>
    `${p.table} has no column ${{ budget: "Budget", outcome: "Outcome", forecast: "Forecast" }[p.kind]} ${p.year}; it has ${p.available}.`,
  "json.invalid": (p) => `The file is not valid JSON: ${p.reason}`,
  "table.range": (p) => `Invalid range "${p.range}".`,
  "table.no-header": (p) =>
    `Sheet "${p.sheet}" has no Plan table: the header row (Typ | Id | Område | Titel | Enhet | Riktning | Period | Slag | Värde | Not) is missing.`,
} satisfies Catalogue;

/** The document fields an import warning names. */
export const META_FIELDS: Record<MetaField, string> = {
  title: "Title",
  organisation: "Organisation",
  body: "Committee",
  unit: "Administration",
  year: "Year",
  reference: "Reference number",
};

/** A Plan table's empty fields, as the plan then says them. */
export const PLAN_TABLE_WORDS = {
  noValue: "No value",
  organisation: "Unknown organisation",
  body: "Unknown body",
  unit: "Unknown unit",
};
