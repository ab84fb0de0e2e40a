/**
 * `plankoll check FILE… [--plan P] [--format text|json] [--lang sv|en]`: reads each workbook (ExcelJS), runs
 * the same engine as the task pane, and reports. Exit 0 = no error/warning, 1 = some, 2 = usage error or a file
 * that could not be read (the others are still checked and reported).
 */
import { parseArgs } from "node:util";
import { checkWorkbook } from "../../checks";
import { embeddedPlan } from "../../plan/embedded";
import type { Lang } from "../../plan/i18n";
import type { Plan } from "../../plan/schema";
import { EXIT, type Io } from "../io";
import { loadPlanFile } from "../planFile";
import { renderJson, renderText, type FileResult } from "../report";
import { readWorkbookFile, WorkbookReadError } from "../xlsx";

export const CHECK_USAGE = `Användning / usage: plankoll check FIL.xlsx… [--plan P] [--format text|json] [--lang sv|en]
  --plan P      planfil (JSON) i stället för den inbyggda planen / plan file instead of the embedded plan
  --format      text (standard) eller json / text (default) or json
  --lang        sv (standard) eller en / sv (default) or en
Slutkod / exit code: 0 inga fel eller varningar / no errors or warnings, 1 fel eller varningar / errors or
  warnings, 2 användningsfel eller fil som inte kan läsas / usage error or unreadable file
`;

function usage(io: Io, message: string): number {
  io.stderr(`plankoll check: ${message}\n${CHECK_USAGE}`);
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
    const word = this.lang === "sv" ? "Kontrollerar" : "Checking";
    const name = file.length > 50 ? "…" + file.slice(-49) : file;
    this.text = `${word} ${done + 1}/${total}: ${name}`;
    this.draw();
  }
  end(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.shown) this.io.stderr("\r\x1b[K");
  }
}

export async function checkFile(path: string, plan: Plan, lang: Lang): Promise<FileResult> {
  try {
    const snapshot = await readWorkbookFile(path);
    return { file: path, findings: checkWorkbook(snapshot, { plan, lang }), error: null };
  } catch (e) {
    if (e instanceof WorkbookReadError) return { file: path, findings: [], error: e.reason(lang) };
    const text = lang === "sv" ? "filen kunde inte kontrolleras" : "the file could not be checked";
    return { file: path, findings: [], error: `${text} (${e instanceof Error ? e.message : String(e)})` };
  }
}

export async function runCheck(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        plan: { type: "string" },
        format: { type: "string", default: "text" },
        lang: { type: "string", default: "sv" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    return usage(io, e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(CHECK_USAGE);
    return EXIT.ok;
  }
  if (values.lang !== "sv" && values.lang !== "en")
    return usage(io, `okänt språk "${values.lang}" / unknown language`);
  const lang: Lang = values.lang;
  if (values.format !== "text" && values.format !== "json")
    return usage(io, lang === "sv" ? `okänt format "${values.format}"` : `unknown format "${values.format}"`);
  if (positionals.length === 0)
    return usage(io, lang === "sv" ? "ange minst en fil" : "give at least one file");

  let plan: Plan = embeddedPlan;
  if (values.plan !== undefined) {
    try {
      plan = await loadPlanFile(values.plan, lang);
    } catch (e) {
      io.stderr(`plankoll check: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT.usage;
    }
  }

  const progress = new Progress(io, lang);
  const results: FileResult[] = [];
  for (let i = 0; i < positionals.length; i++) {
    progress.update(i, positionals.length, positionals[i]);
    results.push(await checkFile(positionals[i], plan, lang));
  }
  progress.end();

  io.stdout(values.format === "json" ? renderJson(results) : renderText(results, lang));
  if (results.some((r) => r.error !== null)) return EXIT.usage;
  const serious = results.some((r) =>
    r.findings.some((f) => f.severity === "error" || f.severity === "warning"),
  );
  return serious ? EXIT.findings : EXIT.ok;
}
