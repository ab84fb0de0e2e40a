/**
 * What a finding says, without the words: a message id and its parameters. Numbers stay numbers so each language
 * formats them; places (A1 cells, row labels) and names from the workbook or document are plain strings. The texts
 * live in one catalogue per language (src/i18n), rendered where the finding is shown (CLI, pane, report sheet).
 */

/** A figure of a plan-consistency message: its value, the decimals the plan prints it with, its unit. */
export interface FigureParam {
  value: number;
  decimals?: number;
  unit?: string;
}

export interface MessageParams {
  // Workbook rules (src/checks/rules).
  "sum.mismatch": { label: string; over: string; actual: number; expected: number; diff: number };
  "sum.mismatch.net": { label: string; over: string; actual: number; expected: number; diff: number };
  /** A difference column: `a` − `b`, each a caption and its cell. */
  "sum.mismatch.diff": {
    label: string;
    aName: string;
    aCell: string;
    bName: string;
    bCell: string;
    actual: number;
    expected: number;
  };
  /** The lines left out (at most four named, `more` beyond), and why they belong: peers take them in, or where they stand. */
  "sum.range-gap": RangeGapParams;
  "sum.range-gap.zero": RangeGapParams;
  /** `paths`: the cell each path goes through after the total, null where it is direct. */
  "sum.double-count": {
    formula: string;
    cell: string;
    paths: [string | null, string | null];
    actual: number;
    expected: number;
  };
  "sum.hardcoded": { label: string; actual: number };
  "sum.hardcoded.table": { count: number };
  "cell.number-as-text": { text: string; value: number; percent: boolean };
  "cell.error": { error: string; inTotal: boolean };
  "cell.uncomputed": { formula: string };
  "cell.uncomputed.many": { count: number; formula: string };
  /** `percent`: both figures are fractions shown as percent with one decimal; else `unit` follows the plan's. */
  "plan.mismatch": {
    what: string;
    actual: number;
    expected: number;
    percent: boolean;
    unit: string | null;
    source: string | null;
  };
  "plan.mismatch.column": PlanColumnParams;
  "plan.mismatch.column.note": PlanColumnParams;
  "plan.unit": {
    what: string;
    actual: number;
    planValue: number;
    planUnit: string | null;
    foundUnit: string;
    unit: string;
  };
  "plan.unit.outlier": {
    what: string;
    actual: number;
    min: number;
    max: number;
    unit: string;
    smaller: string;
    asUnit: number;
    ratio: number;
  };
  // The plan's own consistency (src/checks/planConsistency.ts).
  "table.total": {
    table: string;
    page: number | null;
    total: string;
    measure: string;
    actual: FigureParam;
    expected: FigureParam;
    diff: FigureParam;
    tolerance: FigureParam;
  };
  "relation.sum": {
    description: string;
    terms: FigureParam[];
    expected: FigureParam;
    actual: FigureParam;
    diff: FigureParam;
  };
  "relation.source": {
    description: string;
    term: string;
    table: string;
    actual: FigureParam;
    expected: FigureParam;
  };
  "relation.source.missing": { description: string; term: string; ref: string };
  "count.goals": { actual: number; expected: number };
  "count.commitments": { actual: number; expected: number; what: "commitments" | "ownCommitments" };
  /** `asOf`: the outcomes' partial period as the plan writes it ("t o m augusti 2018"); `reached` set for the hint. */
  "count.notReached": {
    actual: number;
    expected: number;
    assessable: number;
    unassessable: number;
    year: number;
    outcomeYear: number;
    asOf: string | null;
    reached: number | null;
  };
  "duplicate.id": { id: string; count: number; what: "goals" | "indicators" | "lines" | "tables" };
  // Report PDFs' tables (src/import/report): figures with the decimals the table prints.
  "report.sum": {
    label: string;
    column: string;
    actual: number;
    expected: number;
    lines: number;
    diff: number;
    decimals: number;
    uncertain: boolean;
  };
  "report.diff": {
    label: string;
    column: string;
    actual: number;
    formula: string;
    op: "−" | "+";
    a: number;
    b: number;
    expected: number;
    decimals: number;
    uncertain: boolean;
    caused: boolean;
  };
  "report.malformed": { text: string; label: string; column: string };
  "report.glued": { text: string; label: string; column: string; parts: string[] };
  "report.two": {
    label: string;
    column: string;
    a: FigureParam;
    pageA: number;
    b: FigureParam;
    pageB: number;
  };
  // Import warnings (src/import): what the importer could not read with certainty.
  "goal.title-number": { numbers: string };
  "goal.note-number": { number: string };
  "goal.unit-guessed": { unit: string };
  /** The columns assumed: Swedish says the document's words (`label`), English its kind and period. */
  "goal.no-header": {
    columns: { label: string; kind: "target" | "outcome"; period: number; asOf?: string }[];
  };
  "goal.no-area": { area: string };
  "goal.none": Record<string, never>;
  "indicator.values": { found: number; expected: number };
  "budget.unit-mixed": { column: string; stated: string; total: number; unit: string };
  "budget.ambiguous-row": { row: string; readings: string };
  "budget.no-unit": { table: string; unit: string };
  "budget.no-total": { table: string; row: string };
  "investment.title": { title: string };
  "document.meta": { field: MetaField; value: string };
  "document.no-text": Record<string, never>;
  // Plan-table rows (src/import/planTable.ts), by their row number.
  "table.type": { row: number; type: string };
  "table.title": { row: number };
  "table.value": { row: number; value: string };
  "table.value.fact": { row: number };
  "table.period": { row: number; period: string };
  "table.missing": { row: number };
  "table.unit": { row: number; unit: string };
  "table.unit.percent": { row: number };
  "table.direction": { row: number; direction: string };
  "table.duplicate": { row: number; period: number; kind: string };
  // The functions' lookups (src/plan/lookup.ts): a budget figure's measure (column).
  "lookup.measure.unknown": { shown: string };
  "lookup.measure.missing": {
    table: string;
    kind: "budget" | "outcome" | "forecast";
    year: number;
    available: string;
  };
  /** A plan file that is not JSON (src/import/json.ts): JSON.parse's own reason. */
  "json.invalid": { reason: string };
  /** A sheet that is no Plan table (src/import/planTable.ts throws these). */
  "table.range": { range: string };
  "table.no-header": { sheet: string };
}

/** The document fields a text may lack (an import warning names them in the reader's language). */
export type MetaField = "title" | "organisation" | "body" | "unit" | "year" | "reference";

export interface RangeGapParams {
  formula: string;
  lines: string[];
  more: number;
  /** "peers": the first `peers` (at most three; `morePeers` beyond) include them; else where the lines stand. */
  why: "peers" | "before" | "between";
  peers: string[];
  morePeers: boolean;
  expected: number;
  actual: number;
}

export interface PlanColumnParams {
  what: string;
  source: string | null;
  differing: number;
  count: number;
  /** The first four differing cells: address, the sheet's figure, the plan's; `more` beyond. */
  cells: { cell: string; value: number; expected: number }[];
  more: number;
  percent: boolean;
}

export type MessageId = keyof MessageParams;

/** A message id with its parameters, correlated: the parameters are the id's. */
export type Message = { [K in MessageId]: { messageId: K; params: MessageParams[K] } }[MessageId];

/** Builds a finding's message part, checking the parameters against the id. */
export function msg<K extends MessageId>(messageId: K, params: MessageParams[K]): Message {
  return { messageId, params } as Message;
}
