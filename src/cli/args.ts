/**
 * What every command needs around its arguments: the language asked for (known before the arguments are
 * parsed, so even a bad argument is reported in that language) and Node's parseArgs errors in words a user
 * reads in Swedish or English instead of Node's English developer text.
 */
import type { Lang } from "../plan/i18n";

/** The last `--lang sv|en` / `--lang=sv|en` in the arguments (as parseArgs would take it); Swedish otherwise. */
export function langOf(args: readonly string[]): Lang {
  let lang: Lang = "sv";
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") break;
    const value = a === "--lang" ? args[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (value === "sv" || value === "en") lang = value;
  }
  return lang;
}

/** The quoted name in Node's message ("Unknown option '--bogus'. …" → --bogus). */
function quoted(message: string): string {
  const m = /'([^']*)'/.exec(message);
  return m ? m[1].replace(/ <value>$/, "") : "";
}

/** A parseArgs error as one line in the user's language. */
export function argsProblem(error: unknown, lang: Lang): string {
  const e = error as { code?: string; message?: string };
  const message = String(e?.message ?? error);
  const name = quoted(message);
  const sv = lang === "sv";
  switch (e?.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return sv ? `okänd flagga ${name}` : `unknown option ${name}`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return sv ? `oväntat argument "${name}"` : `unexpected argument "${name}"`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (/does not take an argument/.test(message))
        return sv ? `${name} tar inget värde` : `${name} takes no value`;
      return sv ? `${name} saknar värde` : `${name} needs a value`;
  }
  return message;
}
