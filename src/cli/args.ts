/**
 * What every command needs around its arguments: the language asked for (known before the arguments are
 * parsed, so even a bad argument is reported in that language) and Node's parseArgs errors in words a user
 * reads in Swedish or English instead of Node's English developer text.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { CLI_TEXTS, isLang } from "../i18n/cli";
import type { Lang } from "../plan/i18n";
import { EXIT, type Io } from "./io";

/** The last `--lang sv|en` / `--lang=sv|en` in the arguments (as parseArgs would take it); Swedish otherwise. */
export function langOf(args: readonly string[]): Lang {
  let lang: Lang = "sv";
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") break;
    const value = a === "--lang" ? args[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (isLang(value)) lang = value;
  }
  return lang;
}

/** The quoted name in Node's message ("Unknown option '--bogus'. …" → --bogus). */
function quoted(message: string): string {
  const m = /'([^']*)'/.exec(message);
  return m ? m[1].replace(/ <value>$/, "") : "";
}

/** A parseArgs error as one line in the user's language. */
function argsProblem(error: unknown, lang: Lang): string {
  const e = error as { code?: string; message?: string };
  const message = String(e?.message ?? error);
  const name = quoted(message);
  const t = CLI_TEXTS[lang];
  switch (e?.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return t.unknownOption(name);
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return t.unexpectedArgument(name);
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (/does not take an argument/.test(message)) return t.takesNoValue(name);
      return t.needsValue(name);
  }
  return message;
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** What a command gets after the shared checks: its values, its positionals, and the language to speak. */
export interface CommandArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  lang: Lang;
}

/**
 * Parses a command's arguments with the flags every command shares (--lang, --help, --format text|json),
 * answering bad ones, and --help, itself: the number is the exit code to return then.
 */
export function commandArgs(
  command: string,
  args: string[],
  io: Io,
  spec: { usage: Record<Lang, string>; options: Options; positionals: boolean },
): CommandArgs | number {
  let lang = langOf(args);
  const fail = (message: string) => {
    io.stderr(`plankoll ${command}: ${message}\n${spec.usage[lang]}`);
    return EXIT.usage;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: spec.positionals,
      strict: true,
      options: {
        ...spec.options,
        lang: { type: "string", default: "sv" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    return fail(argsProblem(e, lang));
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const { positionals } = parsed;
  if (values.help) {
    io.stdout(spec.usage[lang]);
    return EXIT.ok;
  }
  if (!isLang(values.lang)) return fail(`okänt språk / unknown language "${String(values.lang)}" (sv|en)`);
  lang = values.lang;
  if ("format" in spec.options && values.format !== "text" && values.format !== "json") {
    return fail(`${CLI_TEXTS[lang].unknownFormat} "${String(values.format)}" (text|json)`);
  }
  return { values, positionals, lang };
}
