/**
 * Import warnings and summary texts, Swedish first. `{name}` placeholders are filled by `importText`; `{n#one|many}`
 * writes the count n with the word for one or for many ("1 number", "2 numbers").
 */
import type { Lang } from "../plan/i18n";

const MESSAGES = {
  "goal.title-number": {
    sv: "Målet har fler tal ({numbers}) än de tre värdekolumnerna; de sista tre lästes som värden och resten som en del av titeln.",
    en: "The goal has more numbers ({numbers}) than its three value columns; the last three were read as values, the rest as part of the title.",
  },
  "goal.note-number": {
    sv: "Talet {number} före anteckningen lästes som en del av titeln, inte som ett värde.",
    en: "The number {number} before the note was read as part of the title, not as a value.",
  },
  "goal.unit-guessed": {
    sv: "Enheten framgår inte (inget %-tecken, inget index eller antal i titeln); läst som {unit}.",
    en: "The unit is not stated (no % sign, no index or count in the title); read as {unit}.",
  },
  "goal.no-header": {
    sv: "Processmålstabellerna saknar kolumnrubriker; värdena lästes som {columns}.",
    en: "The goal tables have no column headers; values were read as {columns}.",
  },
  "goal.no-area": {
    sv: 'Inget område (rubrik) hittades före målet; området sattes till "{area}".',
    en: 'No area heading was found before the goal; the area was set to "{area}".',
  },
  "goal.none": {
    sv: 'Inga processmål hittades (markören "Fyraårigt processmål" saknas eller följs inte av mål med värden).',
    en: 'No goals were found (no "Fyraårigt processmål" marker followed by goals with values).',
  },
  "indicator.values": {
    sv: "Styrkortsraden har {found#tal|tal} för {expected#kolumn|kolumner}; talen lästes från höger (målkolumnen först).",
    en: "The scorecard row has {found#number|numbers} for {expected#column|columns}; they were read from the right (target column first).",
  },
  "budget.unit-mixed": {
    sv: 'Kolumnen "{column}" anges i {stated} men dess belopp är omkring en tusendel av de övriga (summa {total}); läst som {unit}.',
    en: 'Column "{column}" is stated in {stated} but its amounts are about a thousandth of the others (total {total}); read as {unit}.',
  },
  "budget.ambiguous-row": {
    sv: 'Raden "{row}" kan läsas på flera sätt ({readings}); den första användes.',
    en: 'Row "{row}" can be read in several ways ({readings}); the first was used.',
  },
  "budget.no-unit": {
    sv: 'Tabellen "{table}" anger ingen enhet; beloppen lästes som {unit}.',
    en: 'Table "{table}" states no unit; amounts were read as {unit}.',
  },
  "budget.no-total": {
    sv: 'Tabellen "{table}" har ingen summarad; den sista raden ({row}) användes som total.',
    en: 'Table "{table}" has no total row; its last row ({row}) was used as the total.',
  },
  "investment.title": {
    sv: 'Investeringslistans rubrik är osäker; läst som "{title}".',
    en: 'The investment list\'s title is uncertain; read as "{title}".',
  },
  "document.meta": {
    sv: '{field} hittades inte i dokumentet; satt till "{value}".',
    en: '{field} was not found in the document; set to "{value}".',
  },
  "document.no-text": {
    sv: "Dokumentet innehåller ingen text.",
    en: "The document contains no text.",
  },
} as const;

export type MessageCode = keyof typeof MESSAGES;

export function importText(
  lang: Lang,
  code: MessageCode,
  params: Record<string, string | number> = {},
): string {
  return MESSAGES[code][lang].replace(
    /\{(\w+)(?:#([^|}]*)\|([^}]*))?\}/g,
    (whole, k: string, one?: string, many?: string) => {
      const v = params[k];
      if (v === undefined) return whole;
      return one === undefined ? String(v) : `${v} ${Number(v) === 1 ? one : many}`;
    },
  );
}
