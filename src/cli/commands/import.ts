/**
 * `plankoll import FILE.pdf|.txt|.json [--format text|json] [--out plan.json] [--lang sv|en]`: builds a plan from a
 * document (PDF text layer, or text with one line per page) and reports what was found, what is uncertain, and the
 * document's own sum errors. Exit 0 = no error/warning findings, 1 = some, 2 = usage error or unreadable input.
 * `--out` writes the plan only after it validated, through a temporary file renamed into place (never half a file).
 */
import { randomBytes } from "node:crypto";
import { readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Finding } from "../../model/types";
import { render, renderFindings, renderWarning, renderWarnings } from "../../i18n";
import { CLI_TEXTS } from "../../i18n/cli";
import { describeTable } from "../../i18n/describeTable";
import { planProblems } from "../../i18n/problems";
import { hasPlanContent } from "../../plan/content";
import type { Lang } from "../../plan/i18n";
import { importPlanJson, PlanJsonError } from "../../import/json";
import { importCounts } from "../../import/summary";
import { documentFromLayout } from "../../import/layout";
import { checkReport, withReport } from "../../import/report";
import { planSource, planSourceError, PlanSourceError } from "../../import/source";
import { importDocument, importPlanFromText } from "../../import/text";
import type { ImportResult, ImportWarning } from "../../import/types";
import { parsePlan, PlanValidationError, type Plan } from "../../plan/schema";
import { commandArgs } from "../args";
import { EXIT, type Io } from "../io";
import { extractPdfText, PdfReadError } from "../pdf";

// Swedish is the default, so its usage keeps the English hints a non-Swedish reader needs to find --lang en.
export const IMPORT_USAGE: Record<Lang, string> = {
  sv: `Användning / usage: plankoll import FIL.pdf|FIL.txt|FIL.json [--format text|json] [--out plan.json] [--lang sv|en]
  --format      text (standard) eller json / text (default) or json
  --out P       skriv den inlästa planen (JSON) till P / write the imported plan (JSON) to P
  --lang        sv (standard) eller en / sv (default) or en
`,
  en: `Usage: plankoll import FILE.pdf|FILE.txt|FILE.json [--format text|json] [--out plan.json] [--lang sv|en]
  --format      text (default) or json
  --out P       write the imported plan (JSON) to P
  --lang        sv (default) or en
`,
};

const MSG = {
  missing: { sv: "filen finns inte", en: "file not found" },
  folder: { sv: "är en mapp, inte en fil", en: "is a folder, not a file" },
  unreadable: { sv: "filen kan inte läsas", en: "the file cannot be read" },
  nothing: {
    sv: "inga planuppgifter hittades (processmål, styrkort, budgettabeller, åtaganden, uppgifter); är det rätt dokument?",
    en: "no plan content found (goals, scorecard, budget tables, commitments, facts); is it the right document?",
  },
  outFolderMissing: {
    sv: (d: string) => `mappen ${d} finns inte`,
    en: (d: string) => `the folder ${d} does not exist`,
  },
  outIsFolder: {
    sv: "är en mapp; ange ett filnamn, t.ex. plan.json",
    en: "is a folder; give a file name, e.g. plan.json",
  },
  outDenied: {
    sv: (d: string) => `kan inte skriva i ${d} (skrivskyddat eller saknar behörighet)`,
    en: (d: string) => `cannot write in ${d} (read-only or no permission)`,
  },
  outFailed: { sv: "kunde inte skrivas", en: "could not be written" },
  written: { sv: (f: string) => `Planen skrevs till ${f}.`, en: (f: string) => `Plan written to ${f}.` },
};

function usage(io: Io, lang: Lang, message: string): number {
  io.stderr(`plankoll import: ${message}\n${IMPORT_USAGE[lang]}`);
  return EXIT.usage;
}

/** An input or output problem worded for the user (no stack, no temporary file names). */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFileError";
  }
}

const errnoOf = (e: unknown) => (e as NodeJS.ErrnoException)?.code;

/** Reads the input; its bytes decide the importer (src/import/source.ts); throws an Error with a user-facing message. */
export async function importFile(path: string, lang: Lang): Promise<ImportResult> {
  try {
    if ((await stat(path)).isDirectory()) throw new ImportFileError(`${path}: ${MSG.folder[lang]}`);
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    const code = errnoOf(e);
    // A missing file of a type no importer reads: say which types work (its name is all there is to judge).
    const named = planSource(new Uint8Array(0), path);
    if ("problem" in named && named.problem === "unknown-type")
      throw new ImportFileError(`${path}: ${new PlanSourceError("unknown-type", named.ext).text[lang]}`);
    throw new ImportFileError(
      `${path}: ${code === "ENOENT" || code === "ENOTDIR" ? MSG.missing[lang] : `${MSG.unreadable[lang]} (${code ?? (e as Error).message})`}`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    throw new ImportFileError(`${path}: ${MSG.unreadable[lang]} (${errnoOf(e) ?? (e as Error).message})`);
  }
  const source = planSource(bytes, path);
  if ("problem" in source) {
    const error = planSourceError(source);
    throw error instanceof PlanSourceError ? new ImportFileError(`${path}: ${error.text[lang]}`) : error;
  }
  if (source.kind === "pdf") {
    const pages = await extractPdfText(bytes);
    const result = importDocument(documentFromLayout(pages, basename(path)), {
      lang,
      source: basename(path),
    });
    return withReport(result, checkReport(pages, lang));
  }
  if (source.kind === "json") return importPlanJson(source.text);
  return importPlanFromText(source.text, { lang, source: basename(path) });
}

// Shared with the pane's import review.
export { hasPlanContent };

/** A failed --out write in the user's words: the folder, not the temporary file, is what they can act on. */
export function outError(path: string, e: unknown, lang: Lang): string {
  const dir = dirname(path);
  switch (errnoOf(e)) {
    case "ENOENT":
    case "ENOTDIR":
      return `${path}: ${MSG.outFolderMissing[lang](dir)}`;
    case "EISDIR":
      return `${path}: ${MSG.outIsFolder[lang]}`;
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return `${path}: ${MSG.outDenied[lang](dir)}`;
  }
  return `${path}: ${MSG.outFailed[lang]} (${errnoOf(e) ?? (e as Error).message})`;
}

/** Writes the plan through a temporary file in the same folder, renamed into place. */
export async function writePlanAtomically(path: string, plan: Plan): Promise<void> {
  const valid = parsePlan(plan);
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, JSON.stringify(valid, null, 2) + "\n", "utf8");
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

const SEVERITY: Record<Lang, Record<Finding["severity"], string>> = {
  sv: { error: "fel", warning: "varning", info: "info" },
  en: { error: "error", warning: "warning", info: "info" },
};

function where(page: number | null | undefined, lang: Lang): string {
  return page ? CLI_TEXTS[lang].page(page) : "";
}

export function renderImportText(file: string, r: ImportResult, lang: Lang): string {
  const t = CLI_TEXTS[lang];
  const p = r.plan;
  const lines: string[] = [];
  lines.push(`${file}: ${p.title} (${p.organisation}, ${p.document.reference})`);
  lines.push(t.found);
  const parts = importCounts(p, lang);
  const width = Math.max(...parts.map((x) => x.label.length));
  for (const x of parts) lines.push(`  ${x.label.padEnd(width)}  ${String(x.count).padStart(3)}`);
  if (r.warnings.length) {
    lines.push("");
    lines.push(t.toReview(r.warnings.length));
    for (const w of r.warnings) lines.push(`  ${warningLine(w, lang)}`);
  }
  lines.push("");
  const shown = r.findings;
  if (shown.length === 0) {
    lines.push(t.ownSumsClean);
  } else {
    lines.push(t.ownSums(shown.length));
    for (const f of shown) {
      const place = [
        where(f.page, lang),
        f.row ? `${t.row} "${f.row}"` : "",
        f.column ? `${t.column} "${f.column}"` : "",
      ]
        .filter(Boolean)
        .join(", ");
      lines.push(
        `  ${SEVERITY[lang][f.severity]} ${f.rule}${place ? ` (${place})` : ""}: ${render(f, lang)}`,
      );
    }
  }
  // How each report table with a finding was read, so the finding can be trusted or disputed.
  for (const table of (r.readTables ?? []).map((x) => describeTable(x, lang))) {
    lines.push("", `${t.howRead}: ${table.heading}`);
    for (const c of table.columns) lines.push(`    ${c}`);
    for (const row of table.rows) lines.push(`  ${row}`);
    for (const n of table.notes) lines.push(`  ${n}`);
  }
  return lines.join("\n") + "\n";
}

function warningLine(warning: ImportWarning, lang: Lang): string {
  const w = renderWarning(warning, lang);
  const head = [where(w.page, lang), w.item ? `"${w.item}"` : ""].filter(Boolean).join(" ");
  return head ? `${head}: ${w.message}` : w.message;
}

/** The import's JSON document; `tables` (read/seen) only for PDFs. */
function importJson(result: ImportResult, plan: Plan | null, lang: Lang): string {
  const tables = result.tablesRead ? { tables: result.tablesRead } : {};
  return (
    JSON.stringify(
      {
        plan,
        warnings: renderWarnings(result.warnings, lang),
        findings: renderFindings(result.findings, lang),
        ...tables,
      },
      null,
      2,
    ) + "\n"
  );
}

export async function runImport(args: string[], io: Io): Promise<number> {
  const parsed = commandArgs("import", args, io, {
    usage: IMPORT_USAGE,
    positionals: true,
    options: { format: { type: "string", default: "text" }, out: { type: "string" } },
  });
  if (typeof parsed === "number") return parsed;
  const { positionals, lang } = parsed;
  const values = parsed.values as { out?: string; format: string };
  const t = CLI_TEXTS[lang];
  if (positionals.length !== 1) return usage(io, lang, positionals.length ? t.oneFileAtATime : t.giveAFile);
  if (values.out === "") return usage(io, lang, t.outNeedsName);
  const file = positionals[0];

  let result: ImportResult;
  try {
    result = await importFile(file, lang);
  } catch (e) {
    const message =
      e instanceof PdfReadError
        ? `${file}: ${e.text[lang]}`
        : e instanceof PlanValidationError
          ? `${file}: ${planProblems(e, lang).slice(0, 10).join("; ")}`
          : e instanceof PlanJsonError
            ? render(e.problem, lang)
            : (e as Error).message;
    io.stderr(`plankoll import: ${message}\n`);
    return EXIT.usage;
  }
  // A document with none of a plan's parts is the wrong document; never write it as a plan. Its own sums are still
  // reported (a report PDF holds no plan but has tables to check): the JSON document with plan null.
  if (!hasPlanContent(result.plan)) {
    io.stderr(`plankoll import: ${file}: ${MSG.nothing[lang]}\n`);
    if (values.format === "json") io.stdout(importJson(result, null, lang));
    return EXIT.usage;
  }

  if (values.out) {
    try {
      await writePlanAtomically(values.out, result.plan);
    } catch (e) {
      io.stderr(`plankoll import: ${outError(values.out, e, lang)}\n`);
      return EXIT.usage;
    }
  }

  if (values.format === "json") {
    io.stdout(importJson(result, result.plan, lang));
  } else {
    io.stdout(renderImportText(file, result, lang));
    if (values.out) io.stdout(MSG.written[lang](values.out) + "\n");
  }
  return result.findings.some((f) => f.severity === "error" || f.severity === "warning")
    ? EXIT.findings
    : EXIT.ok;
}
