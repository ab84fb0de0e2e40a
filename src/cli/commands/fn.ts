/**
 * `plankoll fn NAME ARG… [--plan FILE] [--lang sv|en]`: evaluates a PLAN function through the same core
 * as Excel. Prints the value (numbers in JS notation, booleans TRUE/FALSE, a spilled table
 * as tab-separated rows); an Excel error prints the error on stdout and its message on stderr, exit 1.
 */
import {
  evaluate,
  FUNCTIONS,
  resolveFunction,
  type CellArg,
  type FnValue,
  type FunctionSpec,
  type Scalar,
} from "../../functions/core";
import { embeddedPlan } from "../../plan/embedded";
import type { Lang } from "../../plan/i18n";
import { parseSvNumber } from "../../plan/numbers";
import type { Plan } from "../../plan/schema";
import { CLI_TEXTS, isLang } from "../../i18n/cli";
import { langOf } from "../args";
import { EXIT, type Io } from "../io";

const NAMES = FUNCTIONS.map((f) => `${f.sv}/${f.en}`).join(", ");

const USAGE: Record<Lang, string> = {
  sv: `Användning: plankoll fn NAMN ARG… [--plan FIL] [--lang sv|en]
  NAMN: ${NAMES}
  Argument: tal (0.03, 3,2, "64 308"), TRUE/FALSE, annars text ("Total sjukfrånvaro").
  Exempel: plankoll fn MALVARDE "Total sjukfrånvaro" 2019
`,
  en: `Usage: plankoll fn NAME ARG… [--plan FILE] [--lang sv|en]
  NAME: ${NAMES}
  Arguments: numbers (0.03, 3,2, "64 308"), TRUE/FALSE, otherwise text ("Total sjukfrånvaro").
  Example: plankoll fn TARGET "Total sjukfrånvaro" 2019
`,
};

interface Parsed {
  name?: string;
  args: string[];
  plan?: string;
  lang: Lang;
  help: boolean;
  problem?: string;
}

function parseArgs(argv: string[]): Parsed {
  // The language is known before any problem is worded, whatever the order of the flags.
  const out: Parsed = { args: [], lang: langOf(argv), help: false };
  const t = CLI_TEXTS[out.lang];
  const positional: string[] = [];
  let onlyPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyPositional || !a.startsWith("--")) {
      // "-h" is help; "-1" and "-0,5" are numbers.
      if (!onlyPositional && a === "-h") out.help = true;
      else positional.push(a);
      continue;
    }
    if (a === "--") {
      onlyPositional = true;
      continue;
    }
    const [flag, inline] = a.includes("=")
      ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
      : [a, undefined];
    if (flag === "--help") {
      out.help = true;
      continue;
    }
    if (flag !== "--plan" && flag !== "--lang") {
      out.problem ??= t.unknownOption(flag);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) {
      out.problem ??= t.needsValue(flag);
      continue;
    }
    if (flag === "--plan") {
      if (value === "") out.problem ??= t.planNeedsName;
      else out.plan = value;
    } else if (isLang(value)) out.lang = value;
    else out.problem ??= `--lang ska vara sv eller en / must be sv or en: "${value}"`;
  }
  [out.name, ...out.args] = positional;
  return out;
}

/** "MALVARDE(mål; [år])" / "TARGET(goal, [year])": how the function is written in Excel. */
export function signature(spec: FunctionSpec, lang: Lang): string {
  const params = spec.params.map((p) => (p.optional ? `[${p[lang]}]` : p[lang]));
  return `${spec[lang]}(${params.join(CLI_TEXTS[lang].argSeparator)})`;
}

/**
 * Too few or too many arguments: Excel refuses such a formula before it ever runs, so there is no error value to
 * print; it is a usage error (exit 2). An empty "" is a given argument, as an empty cell would be.
 */
function argCountProblem(spec: FunctionSpec, given: number, lang: Lang): string | undefined {
  const min = spec.params.filter((p) => !p.optional).length;
  const max = spec.params.length;
  if (given >= min && given <= max) return undefined;
  const range = min === max ? `${min}` : `${min}–${max}`;
  const name = spec[lang];
  return CLI_TEXTS[lang].argCount({ name, range, max, given, signature: signature(spec, lang) });
}

const JS_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/** A command-line word as Excel would see it in a cell: number, boolean, or text. */
export function cellFromWord(word: string): CellArg {
  const w = word.trim();
  if (/^(true|sant)$/i.test(w)) return true;
  if (/^(false|falskt)$/i.test(w)) return false;
  if (JS_NUMBER.test(w)) return Number(w);
  // sv-SE numbers without a unit ("3,2", "64 308", "−19"); "3,2 %" stays text so the core reads it as percent.
  const sv = parseSvNumber(w);
  if (sv && sv.unit === undefined) return sv.value;
  return word;
}

function formatScalar(v: Scalar): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return Object.is(v, -0) ? "0" : String(v);
  return v;
}

/** Numbers in JS notation (0.03, 64.308), booleans TRUE/FALSE, a table as tab-separated rows. */
export function formatValue(value: FnValue): string {
  if (Array.isArray(value)) return value.map((row) => row.map(formatScalar).join("\t")).join("\n");
  return formatScalar(value);
}

export async function runFn(argv: string[], io: Io): Promise<number> {
  const parsed = parseArgs(argv);
  const usage = USAGE[parsed.lang];
  if (parsed.help) {
    io.stdout(usage);
    return EXIT.ok;
  }
  if (parsed.problem) {
    io.stderr(`plankoll fn: ${parsed.problem}\n${usage}`);
    return EXIT.usage;
  }
  if (!parsed.name) {
    io.stderr(usage);
    return EXIT.usage;
  }
  const spec = resolveFunction(parsed.name);
  if (!spec) {
    const msg = CLI_TEXTS[parsed.lang].unknownFunction(parsed.name);
    io.stderr(`plankoll fn: ${msg}\n${usage}`);
    return EXIT.usage;
  }

  const countProblem = argCountProblem(spec, parsed.args.length, parsed.lang);
  if (countProblem) {
    io.stderr(`plankoll fn: ${countProblem}\n`);
    return EXIT.usage;
  }

  let plan: Plan = embeddedPlan;
  if (parsed.plan !== undefined) {
    // The schema (zod) only for a plan file: the embedded plan needs none.
    const { loadPlanFile, planFileErrorText } = await import("../planFile");
    try {
      plan = await loadPlanFile(parsed.plan, parsed.lang);
    } catch (err) {
      io.stderr(`plankoll fn: ${planFileErrorText(err)}`);
      return EXIT.usage;
    }
  }

  const result = evaluate(parsed.name, parsed.args.map(cellFromWord), plan, parsed.lang);
  if (!result.ok) {
    io.stdout(`${result.error}\n`);
    io.stderr(`${result.message}\n`);
    return EXIT.findings;
  }
  io.stdout(`${formatValue(result.value)}\n`);
  return EXIT.ok;
}
