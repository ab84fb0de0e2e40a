/**
 * `plankoll` command line: dispatches to one module per command (DESIGN.md §3).
 * Every command returns its exit code; nothing here calls process.exit, so tests run it in-process.
 */
import { processIo, EXIT, type Io } from "./io";
import { runPlan } from "./commands/plan";
import { runFn } from "./commands/fn";
import { runCheck } from "./commands/check";
import { runImport } from "./commands/import";

const USAGE = `Användning / usage:
  plankoll check FIL… [--plan P] [--format text|json] [--lang sv|en]   kontrollera arbetsböcker
  plankoll fn NAMN ARG… [--plan P]                                     beräkna en PLAN-funktion
  plankoll plan [--plan P] [--format text|json] [--check]              visa den aktiva planen
  plankoll import FIL.pdf|.txt [--format json] [--out plan.json]       läs in en plan från ett dokument
`;

type Command = (args: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: runCheck,
  fn: runFn,
  plan: runPlan,
  import: runImport,
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    (name ? io.stdout : io.stderr)(USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`plankoll: okänt kommando "${name}" / unknown command\n${USAGE}`);
    return EXIT.usage;
  }
  return command(rest, io);
}
