/**
 * The "Plan" table layout (host-free): a plan as rows a plan owner can fill in in Excel, one figure per row.
 * Documented in docs/plan-table.md. `importPlanTable` reads a SheetSnapshot (or a table range of it) into a Plan,
 * `planTableTemplate` gives the rows of an empty table, `planToTableRows` writes a plan in the same layout.
 *
 *   Typ | Id | Område | Titel | Enhet | Riktning | Period | Slag | Värde | Not
 */
import { checkPlan } from "../checks/planConsistency";
import { parseRange } from "../model/address";
import { isCellError, type CellValue, type SheetSnapshot } from "../model/types";
import { parseSvNumber, parseUnitWord } from "../plan/numbers";
import {
  parsePlan,
  PLAN_SCHEMA_VERSION,
  type BudgetTable,
  type Commitment,
  type Direction,
  type Fact,
  type Goal,
  type Indicator,
  type MeasureKind,
  type MoneyUnit,
  type PeriodValue,
  type Plan,
  type UnitKind,
} from "../plan/schema";
import type { ImportResult, ImportWarning, PlanPart } from "./types";
import { msg, type Message } from "../model/messages";

export const PLAN_TABLE_COLUMNS = [
  "Typ",
  "Id",
  "Område",
  "Titel",
  "Enhet",
  "Riktning",
  "Period",
  "Slag",
  "Värde",
  "Not",
] as const;
type Column = (typeof PLAN_TABLE_COLUMNS)[number];

/** English headers are accepted too. */
const HEADER_ALIASES: Record<string, Column> = {
  typ: "Typ",
  type: "Typ",
  id: "Id",
  område: "Område",
  omrade: "Område",
  area: "Område",
  titel: "Titel",
  title: "Titel",
  enhet: "Enhet",
  unit: "Enhet",
  riktning: "Riktning",
  direction: "Riktning",
  period: "Period",
  år: "Period",
  year: "Period",
  slag: "Slag",
  kind: "Slag",
  värde: "Värde",
  varde: "Värde",
  value: "Värde",
  not: "Not",
  note: "Not",
  anteckning: "Not",
};

type RowType = "plan" | "goal" | "indicator" | "budget" | "investment" | "commitment" | "fact";
const TYPES: Record<string, RowType> = {
  plan: "plan",
  mål: "goal",
  processmål: "goal",
  goal: "goal",
  nyckeltal: "indicator",
  styrkort: "indicator",
  indicator: "indicator",
  budget: "budget",
  drift: "budget",
  investering: "investment",
  investment: "investment",
  åtagande: "commitment",
  commitment: "commitment",
  uppgift: "fact",
  fact: "fact",
};

const DIRECTIONS: Record<string, Direction> = {
  högre: "higher",
  "högre är bättre": "higher",
  öka: "higher",
  higher: "higher",
  lägre: "lower",
  "lägre är bättre": "lower",
  minska: "lower",
  lower: "lower",
  minst: "min",
  min: "min",
  högst: "max",
  max: "max",
};

// "/" is not a separator: titles and areas use it ("KS/KLK", "händelser/kriser").
const AREA_SEPARATOR = /\s*[›>]\s*/;
const TOTAL_LABEL = /^(totalt|summa|total|s:a)$/i;

/** A sheet that is no Plan table: the problem as a message id, worded where it is shown. */
export class PlanTableError extends Error {
  constructor(readonly problem: Message) {
    super(problem.messageId);
    this.name = "PlanTableError";
  }
}

/** The plan's words where the table leaves a field empty; the edge passes its language's (src/i18n). */
export interface PlanTableWords {
  noValue: string;
  organisation: string;
  body: string;
  unit: string;
}

/** Swedish, the reference language, when the caller names none. */
const SWEDISH_WORDS: PlanTableWords = {
  noValue: "Värde saknas",
  organisation: "Okänd organisation",
  body: "Okänd nämnd",
  unit: "Okänd förvaltning",
};

const FACT_COUNTS: Record<string, NonNullable<Fact["counts"]>> = {
  "antal processmål": "goals",
  "ej uppnådda processmål": "goalsNotReached",
  "antal åtaganden": "commitments",
  "egna åtaganden": "ownCommitments",
};
const FACT_COUNT_LABEL = Object.fromEntries(
  Object.entries(FACT_COUNTS).map(([k, v]) => [v, k[0].toUpperCase() + k.slice(1)]),
);

const META_FIELDS = [
  "Organisation",
  "Nämnd",
  "Förvaltning",
  "Titel",
  "År",
  "Diarienummer",
  "Dokument",
] as const;

/** The rows of an empty Plan table: the header, the plan's identity rows to fill in, one example of each kind. */
export function planTableTemplate(): (string | number | null)[][] {
  return [
    [...PLAN_TABLE_COLUMNS],
    ...META_FIELDS.map((f) => ["Plan", f, null, null, null, null, null, null, null, null]),
    [
      "Mål",
      null,
      "Perspektiv › Strategiskt mål › Processområde",
      null,
      "%",
      "Högre",
      null,
      "Målvärde",
      null,
      null,
    ],
    ["Budget", null, "Ekonomisk redovisning per avdelning", null, "tkr", null, null, "Budget", null, null],
  ];
}

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined || isCellError(v)) return "";
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v.replace(/\s+/g, " ").trim();
}

interface Ctx {
  warnings: ImportWarning[];
}

/** A row the table could not read as given: the warning's code, and its message (which names the row). */
function warn(ctx: Ctx, part: PlanPart, item: string | null, code: string, text: Message) {
  ctx.warnings.push({ code, part, item, page: null, ...text });
}

function slug(s: string): string {
  return (
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "x"
  );
}

/** "2019", 2019, "t o m augusti 2018" → period and asOf. */
function readPeriod(v: CellValue | undefined): { period: number; asOf?: string } | null {
  const t = text(v);
  const m = /\b(19|20|21)\d{2}\b/.exec(t);
  if (!m) return null;
  const period = Number(m[0]);
  return /\p{L}/u.test(t) ? { period, asOf: t } : { period };
}

/** A figure: a number cell (a % format's fraction back to percent when the unit is %), or Swedish text. */
function readValue(
  v: CellValue | undefined,
  format: string | null | undefined,
  percent: boolean,
): number | null | "bad" {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number")
    return percent && format && /%/.test(format) ? Number((v * 100).toPrecision(15)) : v;
  if (typeof v === "string") {
    const p = parseSvNumber(v);
    return p ? p.value : "bad";
  }
  return "bad";
}

function unitKind(label: string): UnitKind | null {
  const t = label.toLowerCase();
  if (!t) return null;
  if (t === "%" || t === "procent" || t === "percent") return "percent";
  if (t === "index") return "index";
  if (t === "antal" || t === "st" || t === "count") return "count";
  const u = parseUnitWord(t);
  if (u === "percent") return "percent";
  if (u) return "amount";
  return null;
}

function measureKind(slag: string): MeasureKind | null {
  const t = slag.toLowerCase();
  if (/^(budget|ram|plan)/.test(t)) return "budget";
  if (/^(utfall|bokslut|outcome)/.test(t)) return "outcome";
  if (/^(prognos|forecast)/.test(t)) return "forecast";
  return null;
}

/**
 * Reads a Plan table. `range` ("A1:J40", sheet-relative) limits it to an Excel table's range; by default the
 * header row is searched in the used range. Throws PlanTableError when the header is missing; a row it cannot read
 * is skipped with a warning naming the row.
 */
export function importPlanTable(
  sheet: SheetSnapshot,
  options: { words?: PlanTableWords; range?: string } = {},
): ImportResult {
  const words = options.words ?? SWEDISH_WORDS;
  const ctx: Ctx = { warnings: [] };
  // An Excel table's range (absolute, as Office reports it: "Plan!B3:K40" or "B3:K40") narrows the used range.
  let values = sheet.values;
  let formats = sheet.numberFormats;
  let origin = sheet.origin;
  if (options.range) {
    const r = parseRange(options.range.replace(/^.*!/, "").replace(/\$/g, ""));
    if (!r) throw new PlanTableError(msg("table.range", { range: options.range }));
    const top = r.firstRow - sheet.origin.row;
    const leftCol = r.firstCol - sheet.origin.col;
    values = sheet.values
      .slice(Math.max(0, top), r.lastRow - sheet.origin.row + 1)
      .map((row) => row.slice(Math.max(0, leftCol), r.lastCol - sheet.origin.col + 1));
    formats = sheet.numberFormats
      .slice(Math.max(0, top), r.lastRow - sheet.origin.row + 1)
      .map((row) => row.slice(Math.max(0, leftCol), r.lastCol - sheet.origin.col + 1));
    origin = { row: Math.max(r.firstRow, sheet.origin.row), col: Math.max(r.firstCol, sheet.origin.col) };
  }
  // Header: the first row naming at least Typ, Titel and Värde.
  let headerRow = -1;
  let cols: Partial<Record<Column, number>> = {};
  for (let r = 0; r < Math.min(values.length, 20) && headerRow < 0; r++) {
    const found: Partial<Record<Column, number>> = {};
    values[r].forEach((v, c) => {
      const col = HEADER_ALIASES[text(v).toLowerCase()];
      if (col && found[col] === undefined) found[col] = c;
    });
    if (found.Typ !== undefined && found.Titel !== undefined && found["Värde"] !== undefined) {
      headerRow = r;
      cols = found;
    }
  }
  if (headerRow < 0) {
    throw new PlanTableError(msg("table.no-header", { sheet: sheet.name }));
  }
  const meta: Record<string, string> = {};
  const goals = new Map<string, Goal>();
  const indicators = new Map<string, Indicator>();
  const tables = new Map<string, BudgetTable>();
  const commitments: Commitment[] = [];
  const facts: Fact[] = [];

  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r];
    const cell = (c: Column) => (cols[c] === undefined ? null : row[cols[c]!]);
    const str = (c: Column) => text(cell(c));
    const fmt = (c: Column) => (cols[c] === undefined ? null : formats[r]?.[cols[c]!]);
    const rowNo = origin.row + r + 1;
    if (row.every((v) => text(v) === "")) continue;
    const typeText = str("Typ").toLowerCase();
    const type = TYPES[typeText];
    if (!type) {
      warn(ctx, "document", null, "table.type", msg("table.type", { row: rowNo, type: str("Typ") }));
      continue;
    }
    const title = str("Titel");
    const id = str("Id");
    if (type === "plan") {
      const field = id || title;
      meta[field.toLowerCase()] = field === id ? title || str("Värde") : str("Värde");
      continue;
    }
    if (!title) {
      warn(ctx, type === "budget" ? "budget" : type, null, "table.title", msg("table.title", { row: rowNo }));
      continue;
    }
    const area = str("Område").split(AREA_SEPARATOR).filter(Boolean);
    const unitText = str("Enhet");
    const note = str("Not") || undefined;
    const period = readPeriod(cell("Period"));
    const percent = unitKind(unitText) === "percent";
    const value = readValue(cell("Värde"), fmt("Värde"), percent);
    if (value === "bad") {
      warn(
        ctx,
        type === "investment" ? "investment" : type,
        title,
        "table.value",
        msg("table.value", { row: rowNo, value: str("Värde") }),
      );
      continue;
    }
    if (type === "commitment") {
      commitments.push({
        id: id || `ATG${String(commitments.length + 1).padStart(2, "0")}`,
        text: title,
        responsible: (note ?? "").split(/\s*,\s*/).filter(Boolean),
        area: area.length ? area : ["Åtaganden"],
        ...(unitText ? { owner: unitText } : {}),
        ...(/eg(et|na)|own/i.test(str("Slag"))
          ? { origin: "own" as const }
          : /årsplan|annual/i.test(str("Slag"))
            ? { origin: "annualPlan" as const }
            : {}),
      });
      continue;
    }
    if (type === "fact") {
      if (value === null) {
        warn(ctx, "fact", title, "table.value", msg("table.value.fact", { row: rowNo }));
        continue;
      }
      facts.push({
        id: id || `F${String(facts.length + 1).padStart(2, "0")}`,
        label: title,
        value,
        ...(unitText ? { unit: unitText } : {}),
        ...(str("Period") ? { period: str("Period") } : {}),
        ...(FACT_COUNTS[str("Slag").toLowerCase()] ? { counts: FACT_COUNTS[str("Slag").toLowerCase()] } : {}),
        ...(area.length ? { owner: area.join(" › ") } : {}),
        ...(note ? { note } : {}),
      });
      continue;
    }
    if (!period) {
      warn(
        ctx,
        type === "investment" ? "investment" : type,
        title,
        "table.period",
        msg("table.period", { row: rowNo, period: str("Period") }),
      );
      continue;
    }
    if (value === null && !note) {
      warn(
        ctx,
        type === "investment" ? "investment" : type,
        title,
        "table.missing",
        msg("table.missing", { row: rowNo }),
      );
    }
    if (type === "goal" || type === "indicator") {
      const kind: PeriodValue["kind"] = /^(utfall|outcome)/i.test(str("Slag")) ? "outcome" : "target";
      const pv: PeriodValue = {
        period: period.period,
        kind,
        value,
        ...(value === null ? { note: note ?? words.noValue } : note ? { note } : {}),
        ...(period.asOf ? { asOf: period.asOf } : {}),
      };
      const key = id || title;
      if (type === "goal") {
        let g = goals.get(key);
        if (!g) {
          const unit = unitKind(unitText);
          if (!unit)
            warn(ctx, "goal", title, "table.unit", msg("table.unit", { row: rowNo, unit: unitText }));
          const dir = DIRECTIONS[str("Riktning").toLowerCase()];
          if (!dir)
            warn(
              ctx,
              "goal",
              title,
              "table.direction",
              msg("table.direction", { row: rowNo, direction: str("Riktning") }),
            );
          g = {
            id: id || `PM${String(goals.size + 1).padStart(2, "0")}`,
            title,
            area: area.length ? area : ["Processmål"],
            unit: unit ?? "index",
            direction: dir ?? "higher",
            values: [],
          };
          goals.set(key, g);
        }
        if (g.values.some((v) => v.period === pv.period && v.kind === pv.kind)) {
          warn(
            ctx,
            "goal",
            title,
            "table.duplicate",
            msg("table.duplicate", { row: rowNo, period: pv.period, kind: str("Slag") }),
          );
          continue;
        }
        g.values.push(pv);
      } else {
        let ind = indicators.get(key);
        if (!ind) {
          const dir = DIRECTIONS[str("Riktning").toLowerCase()];
          ind = {
            id: id || `SK${String(indicators.size + 1).padStart(2, "0")}`,
            title,
            section: area[0] ?? "Styrkort",
            unit: unitKind(unitText) ?? "index",
            ...(unitText ? { unitLabel: unitText } : {}),
            ...(dir ? { direction: dir } : {}),
            values: [],
          };
          indicators.set(key, ind);
        }
        ind.values.push(pv);
      }
      continue;
    }
    // Budget and investment rows: Område = the table, Titel = the line (Totalt/Summa = the total), Slag + Period = the measure.
    const mk = measureKind(str("Slag")) ?? "budget";
    const moneyUnit = (parseUnitWord(unitText) as MoneyUnit | "percent" | undefined) ?? "tkr";
    if (moneyUnit === "percent") {
      warn(ctx, "budget", title, "table.unit", msg("table.unit.percent", { row: rowNo }));
      continue;
    }
    const tableTitle = area.join(" › ") || (type === "investment" ? "Investeringar" : "Budget");
    let t = tables.get(tableTitle);
    if (!t) {
      t = {
        id: slug(tableTitle),
        title: tableTitle,
        kind: type === "investment" ? "investment" : "operating",
        measures: [],
        lines: [],
        total: { label: "Totalt", values: {} },
      };
      tables.set(tableTitle, t);
    }
    const slagLabel = str("Slag") || "Budget";
    // Measure ids as the embedded plan names them (budget-2019, utfall-2017, prognos-2018); the label keeps the words.
    const label = `${slagLabel} ${period.period}`;
    const kindId = `${{ budget: "budget", outcome: "utfall", forecast: "prognos" }[mk]}-${period.period}`;
    const clash = t.measures.find((m) => m.id === kindId && m.label !== label);
    const mid = clash ? slug(label) : kindId;
    if (!t.measures.some((m) => m.id === mid))
      t.measures.push({
        id: mid,
        label: `${slagLabel} ${period.period}`,
        kind: mk,
        year: period.period,
        unit: moneyUnit,
      });
    if (TOTAL_LABEL.test(title)) {
      t.total.label = title;
      t.total.values[mid] = value;
    } else {
      const lid = id || slug(title);
      let line = t.lines.find((l) => l.id === lid);
      if (!line) {
        line = { id: lid, label: title, values: {} };
        t.lines.push(line);
      }
      line.values[mid] = value;
    }
  }

  const year = Number(meta["år"] ?? meta["year"] ?? NaN);
  const firstYear = [...goals.values()].flatMap((g) => g.values.map((v) => v.period));
  const planYear =
    Number.isFinite(year) && year > 1900 ? year : firstYear.length ? Math.max(...firstYear) : 2000;
  const plan = parsePlan({
    schemaVersion: PLAN_SCHEMA_VERSION,
    id: slug(`${meta["organisation"] ?? "plan"}-${meta["förvaltning"] ?? ""}-${planYear}`),
    organisation: meta["organisation"] || words.organisation,
    body: meta["nämnd"] || words.body,
    unit: meta["förvaltning"] || words.unit,
    title: meta["titel"] || `Plan ${planYear}`,
    year: planYear,
    document: {
      reference: meta["diarienummer"] || "-",
      title: meta["dokument"] || meta["titel"] || `Plan ${planYear}`,
      source: sheet.name,
    },
    goals: [...goals.values()],
    scorecard: [...indicators.values()],
    budgetTables: [...tables.values()].filter((t) => t.lines.length > 0 && t.measures.length > 0),
    relations: [],
    commitments,
    facts,
  });
  return { plan, warnings: ctx.warnings, findings: checkPlan(plan), tables: [] };
}

const UNIT_LABEL: Record<UnitKind, string> = { percent: "%", index: "index", count: "antal", amount: "tkr" };
const DIRECTION_LABEL: Record<Direction, string> = {
  higher: "Högre",
  lower: "Lägre",
  min: "Minst",
  max: "Högst",
};

/** A plan in the Plan table layout (header first), e.g. to store the active plan in the workbook. */
export function planToTableRows(plan: Plan): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [[...PLAN_TABLE_COLUMNS]];
  const metaRow = (field: string, value: string | number) =>
    rows.push(["Plan", field, null, String(value), null, null, null, null, null, null]);
  metaRow("Organisation", plan.organisation);
  metaRow("Nämnd", plan.body);
  metaRow("Förvaltning", plan.unit);
  metaRow("Titel", plan.title);
  metaRow("År", plan.year);
  metaRow("Diarienummer", plan.document.reference);
  metaRow("Dokument", plan.document.title);
  const valueRows = (
    type: string,
    id: string,
    area: string,
    title: string,
    unit: string,
    dir: string | null,
    values: PeriodValue[],
  ) => {
    for (const v of values)
      rows.push([
        type,
        id,
        area,
        title,
        unit,
        dir,
        v.asOf ?? v.period,
        v.kind === "target" ? "Målvärde" : "Utfall",
        v.value,
        v.note ?? null,
      ]);
  };
  for (const g of plan.goals)
    valueRows(
      "Mål",
      g.id,
      g.area.join(" › "),
      g.title,
      UNIT_LABEL[g.unit],
      DIRECTION_LABEL[g.direction],
      g.values,
    );
  for (const i of plan.scorecard)
    valueRows(
      "Nyckeltal",
      i.id,
      i.section,
      i.title,
      i.unitLabel ?? UNIT_LABEL[i.unit],
      i.direction ? DIRECTION_LABEL[i.direction] : null,
      i.values,
    );
  for (const t of plan.budgetTables) {
    const type = t.kind === "investment" ? "Investering" : "Budget";
    for (const l of [...t.lines, { id: null, label: t.total.label, values: t.total.values }])
      for (const m of t.measures) {
        const v = l.values[m.id];
        if (v === undefined) continue;
        const slag = m.label.replace(/\s*\b(19|20|21)\d{2}\b\s*/, " ").trim() || m.kind;
        rows.push([
          type,
          l.id,
          t.title,
          l.label,
          m.unit,
          null,
          m.year,
          slag,
          v,
          v === null ? "Värde saknas" : null,
        ]);
      }
  }
  for (const c of plan.commitments)
    rows.push([
      "Åtagande",
      c.id,
      c.area.join(" › "),
      c.text,
      c.owner ?? null,
      null,
      null,
      c.origin === "own" ? "Eget" : c.origin === "annualPlan" ? "Årsplan" : null,
      null,
      c.responsible.join(", "),
    ]);
  for (const f of plan.facts)
    rows.push([
      "Uppgift",
      f.id,
      f.owner ?? null,
      f.label,
      f.unit ?? null,
      null,
      f.period ?? null,
      f.counts ? FACT_COUNT_LABEL[f.counts] : null,
      f.value,
      f.note ?? null,
    ]);
  return rows;
}

/** Rows (e.g. from planToTableRows or an Excel range's values) as a SheetSnapshot for importPlanTable. */
export function rowsToSheet(name: string, rows: (string | number | null)[][]): SheetSnapshot {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  return {
    name,
    address: `A1:${String.fromCharCode(64 + Math.min(width, 26))}${rows.length}`,
    origin: { row: 0, col: 0 },
    values,
    formulas: values.map((r) => r.map(() => null)),
    numberFormats: values.map((r) => r.map(() => null)),
  };
}
