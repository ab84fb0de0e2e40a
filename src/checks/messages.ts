/**
 * The findings' message catalogue, Swedish first. Numbers are formatted by the caller with formatSvNumber
 * (sv) or plain JS notation with grouping (en) so both languages read naturally.
 */
import type { Lang } from "../plan/i18n";
import { formatSvNumber } from "../plan/numbers";

export type Params = Record<string, string | number>;

type Template = (p: Params) => string;

const CATALOGUE: Record<string, Record<Lang, Template>> = {
  "sum.mismatch": {
    sv: (p) =>
      `${p.what} ${p.label} är ${p.actual} men raderna ${p.over} summerar till ${p.expected} (skillnad ${p.diff}).`,
    en: (p) =>
      `${p.what} ${p.label} is ${p.actual} but the lines ${p.over} add up to ${p.expected} (difference ${p.diff}).`,
  },
  "sum.mismatch.net": {
    sv: (p) =>
      `Nettot ${p.label} är ${p.actual} men intäkter − kostnader i ${p.over} blir ${p.expected} (skillnad ${p.diff}).`,
    en: (p) =>
      `The net ${p.label} is ${p.actual} but income − costs in ${p.over} come to ${p.expected} (difference ${p.diff}).`,
  },
  "sum.mismatch.diff": {
    sv: (p) => `${p.label} är ${p.actual} men ${p.a} − ${p.b} är ${p.expected}.`,
    en: (p) => `${p.label} is ${p.actual} but ${p.a} − ${p.b} is ${p.expected}.`,
  },
  "sum.range-gap": {
    sv: (p) =>
      `Summaformeln ${p.formula} lämnar utanför ${p.missing}; med alla rader blir summan ${p.expected}, inte ${p.actual}.`,
    en: (p) =>
      `The sum formula ${p.formula} leaves out ${p.missing}; with every line the total is ${p.expected}, not ${p.actual}.`,
  },
  "sum.range-gap.zero": {
    sv: (p) =>
      `Summaformeln ${p.formula} lämnar utanför ${p.missing} (tomma eller noll nu, men räknas inte om de fylls i).`,
    en: (p) =>
      `The sum formula ${p.formula} leaves out ${p.missing} (empty or zero now, but not counted once filled in).`,
  },
  "sum.double-count": {
    sv: (p) =>
      `Summaformeln ${p.formula} räknar ${p.cell} två gånger (${p.paths}); summan blir ${p.actual} i stället för ${p.expected}.`,
    en: (p) =>
      `The sum formula ${p.formula} counts ${p.cell} twice (${p.paths}); the total is ${p.actual} instead of ${p.expected}.`,
  },
  "sum.hardcoded": {
    sv: (p) =>
      `${p.label} är ett inskrivet värde (${p.actual}) där tabellens andra summor är formler; den uppdateras inte om raderna ändras.`,
    en: (p) =>
      `${p.label} is a typed value (${p.actual}) where the table's other totals are formulas; it will not update when the lines change.`,
  },
  "sum.hardcoded.table": {
    sv: (p) =>
      `Tabellens summor är inskrivna värden (${p.count} st), inga formler – troligen en export; de följer inte med om raderna ändras.`,
    en: (p) =>
      `The table's totals are typed values (${p.count}), no formulas – probably an export; they will not follow changes to the lines.`,
  },
  "cell.number-as-text": {
    sv: (p) =>
      `"${p.text}" är lagrat som text, inte som tal (${p.value}); summor och formler räknar inte med det.`,
    en: (p) => `"${p.text}" is stored as text, not as a number (${p.value}); sums and formulas ignore it.`,
  },
  "cell.error": {
    sv: (p) => `Felvärdet ${p.error} står där en siffra väntas${p.where}.`,
    en: (p) => `The error value ${p.error} stands where a figure is expected${p.where}.`,
  },
  "cell.uncomputed": {
    sv: (p) =>
      `Formeln ${p.formula} har inget sparat värde och kan inte beräknas här; cellen kunde inte kontrolleras.`,
    en: (p) =>
      `The formula ${p.formula} has no saved value and cannot be computed here; the cell could not be checked.`,
  },
  "cell.uncomputed.many": {
    sv: (p) =>
      `${p.count} formler i bladet har inget sparat värde och kan inte beräknas här (den första: ${p.formula}); de kunde inte kontrolleras. Öppna och spara filen i Excel så sparas värdena.`,
    en: (p) =>
      `${p.count} formulas on this sheet have no saved value and cannot be computed here (the first: ${p.formula}); they could not be checked. Open and save the file in Excel to store their values.`,
  },
  "plan.mismatch": {
    sv: (p) => `${p.what} är ${p.actual} men planen anger ${p.expected}${p.source}.`,
    en: (p) => `${p.what} is ${p.actual} but the plan states ${p.expected}${p.source}.`,
  },
  "plan.mismatch.column": {
    sv: (p) =>
      `Kolumnen ${p.what} stämmer inte med planen${p.source}: ${p.differing} av ${p.count} värden avviker från planens (${p.cells}).`,
    en: (p) =>
      `The column ${p.what} does not match the plan${p.source}: ${p.differing} of ${p.count} figures differ from the plan's (${p.cells}).`,
  },
  "plan.mismatch.column.note": {
    sv: (p) =>
      `Kolumnen ${p.what} har planens rader men inget av dess ${p.count} värden stämmer med planen${p.source} – visar den andra siffror än planens, eller är alla fel?`,
    en: (p) =>
      `The column ${p.what} has the plan's lines but none of its ${p.count} figures matches the plan${p.source} – does it show other figures than the plan's, or are they all wrong?`,
  },
  "plan.unit": {
    sv: (p) =>
      `${p.what} är ${p.actual}, vilket motsvarar planens ${p.planValue} bara om talet läses i ${p.foundUnit} – kolumnen är i ${p.unit} (förväxling kr/tkr/mnkr?).`,
    en: (p) =>
      `${p.what} is ${p.actual}, which equals the plan's ${p.planValue} only if read in ${p.foundUnit} – the column is in ${p.unit} (kr/tkr/mnkr mix-up?).`,
  },
  "plan.unit.outlier": {
    sv: (p) =>
      `${p.what} är ${p.actual}, ${p.ratio} gånger det största av kolumnens övriga belopp (${p.min}–${p.max} ${p.unit}). Kolumnen är i ${p.unit}: är beloppet inskrivet i ${p.smaller}? Då är det ${p.asUnit} ${p.unit}, i nivå med de andra.`,
    en: (p) =>
      `${p.what} is ${p.actual}, ${p.ratio} times the largest of the column's other amounts (${p.min}–${p.max} ${p.unit}). The column is in ${p.unit}: was the amount typed in ${p.smaller}? Then it is ${p.asUnit} ${p.unit}, in line with the others.`,
  },
};

export function message(key: string, lang: Lang, params: Params): string {
  const entry = CATALOGUE[key];
  if (!entry) return key;
  return entry[lang](params);
}

/** A number as the user reads it in the message's language. */
export function num(value: number, lang: Lang): string {
  if (lang === "sv") return formatSvNumber(value);
  const v = Number(value.toPrecision(15));
  return v.toLocaleString("en-US", { maximumFractionDigits: 3 });
}
