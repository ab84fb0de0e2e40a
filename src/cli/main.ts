/**
 * `plankoll` command line: dispatches to one module per command.
 * Every command returns its exit code; nothing here calls process.exit, so tests run it in-process.
 * A command's module is loaded only when it runs: `--version` or `fn` never load the xlsx reader, the
 * check engine or pdf.js.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CLI_TEXTS } from "../i18n/cli";
import type { Lang } from "../plan/i18n";
import { langOf } from "./args";
import { processIo, EXIT, type Io } from "./io";

// Swedish is the default, so its usage keeps the English hints a non-Swedish reader needs to find --lang en.
const USAGE: Record<Lang, string> = {
  sv: `Användning / usage:
  plankoll check FIL… [--plan P] [--format text|json] [--lang sv|en]   kontrollera arbetsböcker och rapport-PDF:er
  plankoll fn NAMN ARG… [--plan P] [--lang sv|en]                      beräkna en PLAN-funktion
  plankoll plan [--plan P] [--format text|json] [--check] [--lang sv|en]
                                                                       visa den aktiva planen
  plankoll import FIL.pdf|.txt|.json [--format text|json] [--out plan.json] [--lang sv|en]
                                                                       läs in en plan från ett dokument
  plankoll tables FIL.pdf [--page N] [--format text|json] [--lang sv|en]
                                                                       visa hur rapportens tabeller lästes
  plankoll help KOMMANDO                                               hjälp för ett kommando
  plankoll --version                                                   visa versionen
In English / på engelska: plankoll --help --lang en
`,
  en: `Usage:
  plankoll check FILE… [--plan P] [--format text|json] [--lang sv|en]  check workbooks and report PDFs
  plankoll fn NAME ARG… [--plan P] [--lang sv|en]                      evaluate a PLAN function
  plankoll plan [--plan P] [--format text|json] [--check] [--lang sv|en]
                                                                       show the active plan
  plankoll import FILE.pdf|.txt|.json [--format text|json] [--out plan.json] [--lang sv|en]
                                                                       import a plan from a document
  plankoll tables FILE.pdf [--page N] [--format text|json] [--lang sv|en]
                                                                       show how a report's tables were read
  plankoll help COMMAND                                                help on a command
  plankoll --version                                                   show the version
`,
};

type Command = (args: string[], io: Io) => Promise<number>;

const COMMANDS: ReadonlyMap<string, Command> = new Map<string, Command>([
  ["check", async (args, io) => (await import("./commands/check")).runCheck(args, io)],
  ["fn", async (args, io) => (await import("./commands/fn")).runFn(args, io)],
  ["plan", async (args, io) => (await import("./commands/plan")).runPlan(args, io)],
  ["import", async (args, io) => (await import("./commands/import")).runImport(args, io)],
  ["tables", async (args, io) => (await import("./commands/tables")).runTables(args, io)],
]);

/** Case-insensitive, and a Map so "constructor" or "toString" is no command. */
const commandNamed = (name: string): Command | undefined => COMMANDS.get(name.toLowerCase());

/** The package's version; package.json sits two folders up from both src/cli and lib/cli. */
function version(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const lang = langOf(argv);
  // Options before the command: --help, --version, --lang (handed on to the command).
  let help = false;
  let showVersion = false;
  const langArgs: string[] = [];
  let i = 0;
  for (; i < argv.length && argv[i].startsWith("-"); i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") help = true;
    else if (a === "--version" || a === "-v" || a === "-V") showVersion = true;
    else if (a === "--lang" && i + 1 < argv.length) langArgs.push(a, argv[++i]);
    else if (a.startsWith("--lang=")) langArgs.push(a);
    else {
      const msg = CLI_TEXTS[lang].unknownOption(a);
      io.stderr(`plankoll: ${msg}\n${USAGE[lang]}`);
      return EXIT.usage;
    }
  }
  const [name, ...rest] = argv.slice(i);
  if (showVersion || name === "version") {
    io.stdout(`${version()}\n`);
    return EXIT.ok;
  }
  if (help || name === "help") {
    // "plankoll help check" and "plankoll --help check" both show the command's own usage.
    const topic = name === "help" ? rest[0] : name;
    if (topic === undefined) {
      io.stdout(USAGE[lang]);
      return EXIT.ok;
    }
    const command = commandNamed(topic);
    // What follows the topic (a --lang, say) goes along; --help wins over anything else there.
    if (command) return command([...langArgs, ...rest.slice(name === "help" ? 1 : 0), "--help"], io);
    const msg = CLI_TEXTS[lang].unknownCommand(topic);
    io.stderr(`plankoll: ${msg}\n${USAGE[lang]}`);
    return EXIT.usage;
  }
  if (!name) {
    io.stderr(USAGE[lang]);
    return EXIT.usage;
  }
  const command = commandNamed(name);
  if (!command) {
    const msg = CLI_TEXTS[lang].unknownCommand(name);
    io.stderr(`plankoll: ${msg}\n${USAGE[lang]}`);
    return EXIT.usage;
  }
  return command([...langArgs, ...rest], io);
}
