/**
 * Messages of the plan's own consistency check (`checkPlan`), Swedish first. Kept apart from the workbook
 * rules' catalogue so the two can evolve without touching each other's wording.
 */
import type { Lang } from "../plan/i18n";
import { clean, formatSvNumber } from "../plan/numbers";

type Params = Record<string, string | number>;
type Template = (p: Params) => string;

const CATALOGUE = {
  "table.total": {
    sv: (p) =>
      `${p.table} (s. ${p.page}): ${p.total} för ${p.measure} är ${p.actual} men raderna summerar till ${p.expected} (skillnad ${p.diff}, avrundning förklarar högst ${p.tolerance}).`,
    en: (p) =>
      `${p.table} (p. ${p.page}): ${p.total} for ${p.measure} is ${p.actual} but the lines add up to ${p.expected} (difference ${p.diff}, rounding explains at most ${p.tolerance}).`,
  },
  "relation.sum": {
    sv: (p) =>
      `${p.description}: ${p.terms} blir ${p.expected}, men dokumentet anger ${p.actual} (skillnad ${p.diff}).`,
    en: (p) =>
      `${p.description}: ${p.terms} makes ${p.expected}, but the document states ${p.actual} (difference ${p.diff}).`,
  },
  "relation.source": {
    sv: (p) =>
      `${p.description}: "${p.term}" anges som ${p.actual} men tabellen ${p.table} har ${p.expected}.`,
    en: (p) =>
      `${p.description}: "${p.term}" is given as ${p.actual} but table ${p.table} has ${p.expected}.`,
  },
  "relation.source.missing": {
    sv: (p) => `${p.description}: "${p.term}" hänvisar till ${p.ref}, som inte finns i planen.`,
    en: (p) => `${p.description}: "${p.term}" refers to ${p.ref}, which the plan does not have.`,
  },
  "count.goals": {
    sv: (p) => `Dokumentet anger ${p.actual} processmål men planen innehåller ${p.expected}.`,
    en: (p) => `The document states ${p.actual} process goals but the plan contains ${p.expected}.`,
  },
  "count.commitments": {
    sv: (p) => `Dokumentet anger ${p.actual} ${p.what} men planen listar ${p.expected}.`,
    en: (p) => `The document states ${p.actual} ${p.what} but the plan lists ${p.expected}.`,
  },
  "count.notReached": {
    sv: (p) =>
      `Dokumentet anger att ${p.actual} processmål ännu inte har nått målvärdet ${p.year}, men ${p.expected} av ${p.assessable} bedömbara mål har ett utfall ${p.outcomeYear}${p.asOf} som inte når målvärdet ${p.year} (${p.unassessable} mål saknar värden).${p.hint}`,
    en: (p) =>
      `The document says ${p.actual} process goals have not yet reached their ${p.year} target, but ${p.expected} of ${p.assessable} assessable goals have a ${p.outcomeYear} outcome${p.asOf} short of the ${p.year} target (${p.unassessable} goals lack values).${p.hint}`,
  },
  "count.notReached.hint": {
    sv: (p) => ` Exakt ${p.reached} mål har redan nått målvärdet – texten kan avse dem.`,
    en: (p) => ` Exactly ${p.reached} goals have already reached the target – the text may mean those.`,
  },
  "duplicate.id": {
    sv: (p) => `Id "${p.id}" används av ${p.count} ${p.what}; uppslag på id blir tvetydiga.`,
    en: (p) => `Id "${p.id}" is used by ${p.count} ${p.what}; look-ups by id become ambiguous.`,
  },
} satisfies Record<string, Record<Lang, Template>>;

export type PlanMessageKey = keyof typeof CATALOGUE;

const WORDS = {
  commitments: { sv: "åtaganden i årsplanen", en: "annual-plan commitments" },
  ownCommitments: { sv: "egna åtaganden", en: "own commitments" },
  goals: { sv: "processmål", en: "goals" },
  indicators: { sv: "styrkortsmått", en: "scorecard indicators" },
  lines: { sv: "budgetrader", en: "budget lines" },
  tables: { sv: "tabeller", en: "tables" },
} satisfies Record<string, Record<Lang, string>>;

export function planMessage(key: PlanMessageKey, lang: Lang, params: Params): string {
  return CATALOGUE[key][lang](params);
}

export function planWord(key: keyof typeof WORDS, lang: Lang): string {
  return WORDS[key][lang];
}

/** A figure for a message: sv-SE ("387 800", "28,0") or English ("387,800", "28.0"), with an optional unit. */
export function figure(value: number, lang: Lang, decimals?: number, unit?: string): string {
  const v = clean(value);
  const text =
    lang === "sv"
      ? formatSvNumber(v, decimals)
      : v.toLocaleString(
          "en-US",
          decimals === undefined
            ? { maximumFractionDigits: 3 }
            : { minimumFractionDigits: decimals, maximumFractionDigits: decimals },
        );
  return unit ? `${text}\u00a0${unit}` : text;
}
