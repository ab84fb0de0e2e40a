/**
 * Plan file problems in the user's language: zod's issues ("id: Invalid input: expected string, received
 * undefined") as readable Swedish or English naming the field ("goals[3].id: saknas (ska vara text)"), and
 * JSON.parse's English syntax errors as sentences of either language. Host-free: the CLI's --plan, plan and
 * import commands and the pane's import use the same words.
 */
import type { Lang } from "../plan/i18n";
import type { PlanIssue, PlanValidationError } from "../plan/schema";

const TYPE: Record<Lang, Record<string, string>> = {
  sv: {
    string: "text",
    number: "ett tal",
    boolean: "sant eller falskt",
    array: "en lista",
    object: "ett objekt",
    null: "null",
    undefined: "inget värde",
  },
  en: {
    string: "text",
    number: "a number",
    boolean: "true or false",
    array: "a list",
    object: "an object",
    null: "null",
    undefined: "no value",
  },
};

const typeName = (t: string | undefined, lang: Lang) => (t ? (TYPE[lang][t] ?? t) : "?");

/** The problem's words without the path: "saknas (ska vara text)". */
function issueText(i: PlanIssue, lang: Lang): string {
  const sv = lang === "sv";
  switch (i.code) {
    case "invalid_type":
      if (i.received === "undefined")
        return sv
          ? `saknas (ska vara ${typeName(i.expected, lang)})`
          : `is missing (should be ${typeName(i.expected, lang)})`;
      return sv
        ? `ska vara ${typeName(i.expected, lang)}, inte ${typeName(i.received, lang)}`
        : `should be ${typeName(i.expected, lang)}, not ${typeName(i.received, lang)}`;
    case "too_small":
      if (i.origin === "string" && Number(i.minimum) === 1)
        return sv ? "får inte vara tom" : "must not be empty";
      if (i.origin === "array")
        return sv ? `ska ha minst ${i.minimum} poster` : `should have at least ${i.minimum} items`;
      if (i.origin === "string")
        return sv ? `ska ha minst ${i.minimum} tecken` : `should have at least ${i.minimum} characters`;
      return sv ? `ska vara minst ${i.minimum}` : `should be at least ${i.minimum}`;
    case "too_big":
      if (i.origin === "array")
        return sv ? `får ha högst ${i.maximum} poster` : `may have at most ${i.maximum} items`;
      if (i.origin === "string")
        return sv ? `får ha högst ${i.maximum} tecken` : `may have at most ${i.maximum} characters`;
      return sv ? `får vara högst ${i.maximum}` : `should be at most ${i.maximum}`;
    case "invalid_value": {
      const values = (i.values ?? []).map((v) => JSON.stringify(v)).join(", ");
      return sv ? `ska vara ett av ${values}` : `should be one of ${values}`;
    }
    case "unrecognized_keys": {
      const keys = (i.keys ?? []).join(", ");
      return sv
        ? `okänt fält ${keys} (stavfel, eller en plan av en annan version?)`
        : `unknown field ${keys} (a typo, or a plan of another version?)`;
    }
    case "invalid_union":
      return sv ? "har inte någon av de tillåtna formerna" : "has none of the allowed shapes";
    case "invalid_format":
      return sv ? "har fel format" : "has the wrong format";
    case "custom":
      return CUSTOM[lang](i.message);
    default:
      return sv ? "ogiltigt värde" : "invalid value";
  }
}

/** The schema's own checks (superRefine) say what is wrong in English; their Swedish. */
const CUSTOM: Record<Lang, (message: string) => string> = {
  sv: (m) => {
    const dup = /^duplicate value for (.+)$/.exec(m);
    if (dup) return `har två värden för ${dup[1]}`;
    if (m === "a missing value needs a note") return "ett värde som saknas behöver en anteckning (note)";
    const measure = /^unknown measure "(.+)"$/.exec(m);
    if (measure) return `okänt mått "${measure[1]}"`;
    return m;
  },
  en: (m) => m,
};

/** "goals[3].id: saknas (ska vara text)". */
export function problemText(i: PlanIssue, lang: Lang): string {
  return `${i.path}: ${issueText(i, lang)}`;
}

/**
 * JSON.parse's reason (English, from V8) in the user's language, without its position (the caller says
 * where): "Unexpected end of JSON input" → "filen tar slut mitt i planen".
 */
export function jsonSyntaxReason(message: string, lang: Lang): string {
  const sv = lang === "sv";
  const m = message
    .replace(/\s*(in JSON )?at position \d+.*$/, "")
    .replace(/\s*\(line \d+ column \d+\).*$/, "");
  if (/Unexpected end of JSON input|Unterminated string/i.test(m))
    return sv
      ? "filen tar slut mitt i (saknas ett } eller ett citattecken?)"
      : "the file ends too early (a missing } or quote?)";
  const token = /Unexpected token '?(.)'?/i.exec(m);
  if (token) return sv ? `oväntat tecken ${token[1]}` : `unexpected character ${token[1]}`;
  if (/Expected (double-quoted )?property name/i.test(m))
    return sv
      ? "ett fältnamn inom citattecken saknas (ett komma för mycket?)"
      : "a quoted field name is missing (one comma too many?)";
  if (/Expected ',' or '[}\]]'/i.test(m))
    return sv ? "ett komma saknas mellan två värden" : "a comma is missing between two values";
  if (/Unexpected non-whitespace character after JSON/i.test(m))
    return sv ? "text efter planens slut" : "text after the end of the plan";
  if (/Bad control character|Bad escaped character/i.test(m))
    return sv ? "otillåtet tecken i en text" : "a character that is not allowed in a text";
  return sv ? "ogiltig JSON-syntax" : "invalid JSON syntax";
}

/** A plan's problems, one line each in `lang`, naming the field: "goals[3].id: saknas (ska vara text)". */
export function planProblems(e: PlanValidationError, lang: Lang): string[] {
  return e.issues.length ? e.issues.map((i) => problemText(i, lang)) : e.problems;
}
