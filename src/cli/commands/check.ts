/**
 * `plankoll check FILE… [--plan P] [--format text|json] [--lang sv|en]`: reads each workbook (the streaming reader), runs
 * the same engine as the task pane, and reports. Exit 0 = no error/warning, 1 = some, 2 = usage error or a file
 * that could not be read (the others are still checked and reported).
 */
import { promises as fs } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { checkWorkbook } from "../../checks";
import { CLI_TEXTS } from "../../i18n/cli";
import { embeddedPlan } from "../../plan/embedded";
import type { Lang } from "../../plan/i18n";
import type { Plan } from "../../plan/schema";
import type { WorkbookSnapshot } from "../../model/types";
import { commandArgs } from "../args";
import { EXIT, type Io } from "../io";
import { checkFailed, renderErrors, renderJson, renderText, type FileResult } from "../report";
import { checkAll } from "../parallel";
import { readForCheck } from "../readBook";

// Swedish is the default, so its usage keeps the English hints a non-Swedish reader needs to find --lang en.
export const CHECK_USAGE: Record<Lang, string> = {
  sv: `Användning / usage: plankoll check FIL.xlsx|FIL.pdf… [--plan P] [--format text|json] [--lang sv|en]
  FIL           arbetsböcker (.xlsx) och rapporter (.pdf); mönster som inkommet/*.xlsx fungerar också i cmd och PowerShell
  --plan P      planfil (JSON) i stället för den inbyggda planen / plan file instead of the embedded plan
  --format      text (standard) eller json / text (default) or json
  --lang        sv (standard) eller en / sv (default) or en
Slutkod / exit code: 0 inga fel eller varningar / no errors or warnings, 1 fel eller varningar / errors or
  warnings, 2 användningsfel eller fil som inte kan läsas / usage error or unreadable file
`,
  en: `Usage: plankoll check FILE.xlsx|FILE.pdf… [--plan P] [--format text|json] [--lang sv|en]
  FILE          workbooks (.xlsx) and reports (.pdf); patterns such as inkommet/*.xlsx work in cmd and PowerShell too
  --plan P      plan file (JSON) instead of the embedded plan
  --format      text (default) or json
  --lang        sv (default) or en
Exit code: 0 no errors or warnings, 1 errors or warnings, 2 usage error or a file that cannot be read
`,
};

function usage(io: Io, lang: Lang, message: string): number {
  io.stderr(`plankoll check: ${message}\n${CHECK_USAGE[lang]}`);
  return EXIT.usage;
}

/**
 * Shows "Kontrollerar 3/20: fil.xlsx" on stderr once checking has taken more than a second, only on a terminal,
 * never on stdout (JSON stays clean). A timer so one big file also gets it.
 */
export class Progress {
  private shown = false;
  private text = "";
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor(
    private readonly io: Io,
    private readonly lang: Lang,
  ) {
    if (!io.isTTY) return;
    this.timer = setTimeout(() => {
      this.shown = true;
      this.draw();
    }, 1000);
    this.timer.unref?.();
  }
  private draw(): void {
    if (this.shown && this.text) this.io.stderr(`\r\x1b[K${this.text}`);
  }
  update(done: number, total: number, file: string): void {
    const word = CLI_TEXTS[this.lang].checking;
    const name = file.length > 50 ? "…" + file.slice(-49) : file;
    this.text = `${word} ${done + 1}/${total}: ${name}`;
    this.draw();
  }
  end(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.shown) this.io.stderr("\r\x1b[K");
  }
}

const WORDS = {
  noMatch: {
    sv: "inga filer matchar mönstret",
    en: "no files match the pattern",
  },
  lockFile: {
    sv: (f: string, book: string) => `hoppar över ${f}: Excels låsfil medan ${book} är öppen`,
    en: (f: string, book: string) => `skipping ${f}: Excel's lock file while ${book} is open`,
  },
  nothing: {
    sv: "inga arbetsböcker att kontrollera",
    en: "no workbooks to check",
  },
  noPlanName: { sv: "--plan behöver ett filnamn", en: "--plan needs a file name" },
  emptyName: { sv: "ett tomt filnamn", en: "an empty file name" },
} as const;

/** Checks one named file of any kind `check` accepts (workbooks and report PDFs: see ../readBook). */
export async function checkFile(path: string, plan: Plan, lang: Lang): Promise<FileResult> {
  const read = await readForCheck(path, lang);
  return "result" in read ? read.result : checkSnapshot(path, read.snapshot, plan, lang);
}

/** The check of a workbook already read (here or, in a batch, by a reading thread: ../parallel). */
export function checkSnapshot(path: string, snapshot: WorkbookSnapshot, plan: Plan, lang: Lang): FileResult {
  try {
    return { file: path, findings: checkWorkbook(snapshot, { plan }), error: null };
  } catch (e) {
    return checkFailed(path, e, lang);
  }
}

/** One argument after expansion: a file to check, or a pattern that matched nothing (reported as unreadable). */
export type FileArg = { file: string; error?: undefined } | { file: string; error: string };

const collator = new Intl.Collator("sv", { numeric: true });

/**
 * The files the arguments name. A shell normally expands `inkommet/*.xlsx`, but cmd.exe and PowerShell pass it
 * through, and bash passes a pattern that matched nothing: a path that does not exist and holds * or ? is
 * expanded here (only its last parts, so brackets or parentheses in folder names stay literal). The same file
 * named twice is checked once.
 */
export async function expandFileArgs(
  args: readonly string[],
  lang: Lang,
  platform: NodeJS.Platform = process.platform,
): Promise<FileArg[]> {
  const out: FileArg[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(file);
    if (platform === "win32" ? seen.has(key.toLowerCase()) : seen.has(key)) return;
    seen.add(platform === "win32" ? key.toLowerCase() : key);
    out.push({ file });
  };
  for (const arg of args) {
    const exists = await fs.stat(arg).then(
      () => true,
      () => false,
    );
    if (exists || !/[*?]/.test(arg)) {
      add(arg);
      continue;
    }
    const path = platform === "win32" ? arg.replace(/\\/g, "/") : arg;
    const wild = path.search(/[*?]/);
    const cut = path.lastIndexOf("/", wild);
    const dir = cut < 0 ? "" : path.slice(0, cut + 1);
    const pattern = path.slice(dir.length);
    const { globSync } = await import("tinyglobby");
    const matches = globSync(pattern, {
      cwd: dir || ".",
      onlyFiles: true,
      expandDirectories: false,
      caseSensitiveMatch: platform !== "win32",
    }).sort(collator.compare);
    if (matches.length === 0) {
      const key = `pattern:${arg}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push({ file: arg, error: WORDS.noMatch[lang] });
      }
      continue;
    }
    for (const m of matches) add(dir + m);
  }
  return out;
}

/** Excel's owner file "~$Budget.xlsx" (a few hundred bytes, no zip) exists while Budget.xlsx is open. */
async function isExcelLockFile(path: string): Promise<boolean> {
  if (!basename(path).startsWith("~$")) return false;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile() || stat.size > 4096) return false;
    const head = await fs.readFile(path);
    return !(head[0] === 0x50 && head[1] === 0x4b);
  } catch {
    return false;
  }
}

/**
 * A check runs the engine's big functions for some tens of milliseconds a file, and V8's optimising compiler,
 * inlining up to 920 bytes of bytecode into each, spent more CPU compiling them (again in every worker thread,
 * each its own isolate) than the compiled code saved. A third of that: ~8 % fewer instructions for a check of
 * three 50 000-cell workbooks, ~15 % less CPU for a batch of twenty in two threads, the 1,5 M-cell workbook no
 * slower (without any inlining that one took ~13 % longer). The flag is the process's: the workers have it too.
 */
function compileLess(): void {
  setFlagsFromString("--max-inlined-bytecode-size-cumulative=300");
}

export async function runCheck(args: string[], io: Io): Promise<number> {
  compileLess();
  const parsed = commandArgs("check", args, io, {
    usage: CHECK_USAGE,
    positionals: true,
    options: { plan: { type: "string" }, format: { type: "string", default: "text" } },
  });
  if (typeof parsed === "number") return parsed;
  const { positionals, lang } = parsed;
  const values = parsed.values as { plan?: string; format: string };
  if (positionals.length === 0) return usage(io, lang, CLI_TEXTS[lang].giveAtLeastOneFile);
  if (values.plan === "") return usage(io, lang, WORDS.noPlanName[lang]);
  // An unset variable in a script ("$FIL") arrives as an empty name.
  if (positionals.some((p) => p.trim() === "")) return usage(io, lang, WORDS.emptyName[lang]);

  let plan: Plan = embeddedPlan;
  if (values.plan !== undefined) {
    // The schema (zod) only for a plan file: the embedded plan needs none.
    const { loadPlanFile, planFileErrorText } = await import("../planFile");
    try {
      plan = await loadPlanFile(values.plan, lang);
    } catch (e) {
      io.stderr(`plankoll check: ${planFileErrorText(e)}`);
      return EXIT.usage;
    }
  }

  const files: FileArg[] = [];
  for (const f of await expandFileArgs(positionals, lang)) {
    if (!f.error && (await isExcelLockFile(f.file))) {
      const book = join(dirname(f.file), basename(f.file).slice(2));
      io.stderr(`plankoll check: ${WORDS.lockFile[lang](f.file, book)}\n`);
    } else files.push(f);
  }
  if (files.length === 0) return usage(io, lang, WORDS.nothing[lang]);

  const progress = new Progress(io, lang);
  const results = await checkAll(files, plan, lang, { file: checkFile, snapshot: checkSnapshot }, (i, file) =>
    progress.update(i, files.length, file),
  );
  progress.end();

  // Why a file could not be read goes to stderr, in both formats; stdout carries only the report.
  io.stderr(renderErrors(results, lang));
  io.stdout(values.format === "json" ? renderJson(results, lang) : renderText(results, lang));
  if (results.some((r) => r.error !== null)) return EXIT.usage;
  const serious = results.some((r) =>
    r.findings.some((f) => f.severity === "error" || f.severity === "warning"),
  );
  return serious ? EXIT.findings : EXIT.ok;
}
