/**
 * `plankoll import FILE.pdf|.txt|.json [--format text|json] [--out plan.json] [--lang sv|en]`: builds a plan from a
 * document (PDF text layer, or text with one line per page) and reports what was found, what is uncertain, and the
 * document's own sum errors. Exit 0 = no error/warning findings, 1 = some, 2 = usage error or unreadable input.
 * `--out` writes the plan only after it validated, through a temporary file renamed into place (never half a file).
 */
import { randomBytes } from "node:crypto";
import { readFile, rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { parseArgs } from "node:util";
import type { Finding } from "../../checks/types";
import type { Lang } from "../../plan/i18n";
import { importPlanJson } from "../../plan/import/json";
import { importCounts } from "../../plan/import/summary";
import { documentFromLayout } from "../../plan/import/layout";
import { importDocument, importPlanFromText } from "../../plan/import/text";
import type { ImportResult, ImportWarning } from "../../plan/import/types";
import { parsePlan, PlanValidationError, type Plan } from "../../plan/schema";
import { EXIT, type Io } from "../io";
import { extractPdfFile, PdfReadError } from "../pdf";

export const IMPORT_USAGE = `Användning / usage: plankoll import FIL.pdf|FIL.txt|FIL.json [--format text|json] [--out plan.json] [--lang sv|en]
  --format      text (standard) eller json / text (default) or json
  --out P       skriv den inlästa planen (JSON) till P / write the imported plan (JSON) to P
  --lang        sv (standard) eller en / sv (default) or en
`;

function usage(io: Io, message: string): number {
  io.stderr(`plankoll import: ${message}\n${IMPORT_USAGE}`);
  return EXIT.usage;
}

/** Reads the input by its extension (and, for PDFs, its content); throws an Error with a user-facing message. */
export async function importFile(path: string, lang: Lang): Promise<ImportResult> {
  const ext = extname(path).toLowerCase();
  if (![".pdf", ".txt", ".json", ""].includes(ext))
    throw new Error(`${path}: okänd filtyp "${ext}" (pdf, txt eller json) / unknown file type`);
  if (ext === ".pdf") {
    const pages = await extractPdfFile(path);
    return importDocument(documentFromLayout(pages, basename(path)), { lang, source: basename(path) });
  }
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new Error(
      `${path}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "filen finns inte / no such file" : (e as Error).message}`,
    );
  }
  if (ext === ".json") return importPlanJson(text, lang);
  if (text.startsWith("%PDF-"))
    throw new Error(`${path}: en PDF med fel filändelse / a PDF with the wrong extension`);
  if (text.includes("\u0000")) throw new Error(`${path}: ingen text / not a text file`);
  return importPlanFromText(text, { lang, source: basename(path) });
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
  return page ? `${lang === "sv" ? "s." : "p."} ${page}` : "";
}

export function renderImportText(file: string, r: ImportResult, lang: Lang): string {
  const sv = lang === "sv";
  const p = r.plan;
  const lines: string[] = [];
  lines.push(`${file}: ${p.title} (${p.organisation}, ${p.document.reference})`);
  lines.push(sv ? "Hittat:" : "Found:");
  const parts = importCounts(p, lang);
  const width = Math.max(...parts.map((x) => x.label.length));
  for (const x of parts) lines.push(`  ${x.label.padEnd(width)}  ${String(x.count).padStart(3)}`);
  if (r.warnings.length) {
    lines.push("");
    lines.push(sv ? `Att granska (${r.warnings.length}):` : `To review (${r.warnings.length}):`);
    for (const w of r.warnings) lines.push(`  ${warningLine(w, lang)}`);
  }
  lines.push("");
  const shown = r.findings;
  if (shown.length === 0) {
    lines.push(sv ? "Dokumentets egna summor: inga fel." : "The document's own sums: no errors.");
  } else {
    lines.push(
      sv
        ? `Dokumentets egna summor och uppgifter (${shown.length}):`
        : `The document's own sums and figures (${shown.length}):`,
    );
    for (const f of shown) {
      const place = [
        where(f.page, lang),
        f.row ? `${sv ? "rad" : "row"} "${f.row}"` : "",
        f.column ? `${sv ? "kolumn" : "column"} "${f.column}"` : "",
      ]
        .filter(Boolean)
        .join(", ");
      lines.push(`  ${SEVERITY[lang][f.severity]} ${f.rule}${place ? ` (${place})` : ""}: ${f.message}`);
    }
  }
  return lines.join("\n") + "\n";
}

function warningLine(w: ImportWarning, lang: Lang): string {
  const head = [where(w.page, lang), w.item ? `"${w.item}"` : ""].filter(Boolean).join(" ");
  return head ? `${head}: ${w.message}` : w.message;
}

export async function runImport(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: "string", default: "text" },
        out: { type: "string" },
        lang: { type: "string", default: "sv" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    return usage(io, (e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(IMPORT_USAGE);
    return EXIT.ok;
  }
  if (values.format !== "text" && values.format !== "json")
    return usage(io, `okänt format "${values.format}"`);
  if (values.lang !== "sv" && values.lang !== "en") return usage(io, `okänt språk "${values.lang}"`);
  if (positionals.length !== 1)
    return usage(
      io,
      positionals.length ? "en fil i taget / one file at a time" : "ange en fil / give a file",
    );
  const lang: Lang = values.lang;
  const file = positionals[0];

  let result: ImportResult;
  try {
    result = await importFile(file, lang);
  } catch (e) {
    const message =
      e instanceof PdfReadError
        ? `${file}: ${e.text[lang]}`
        : e instanceof PlanValidationError
          ? `${file}: ${e.problems.slice(0, 10).join("; ")}`
          : (e as Error).message;
    io.stderr(`plankoll import: ${message}\n`);
    return EXIT.usage;
  }

  if (values.out) {
    try {
      await writePlanAtomically(values.out, result.plan);
    } catch (e) {
      io.stderr(`plankoll import: ${values.out}: ${(e as Error).message}\n`);
      return EXIT.usage;
    }
  }

  if (values.format === "json") {
    io.stdout(
      JSON.stringify({ plan: result.plan, warnings: result.warnings, findings: result.findings }, null, 2) +
        "\n",
    );
  } else {
    io.stdout(renderImportText(file, result, lang));
    if (values.out)
      io.stdout(lang === "sv" ? `Planen skrevs till ${values.out}.\n` : `Plan written to ${values.out}.\n`);
  }
  return result.findings.some((f) => f.severity === "error" || f.severity === "warning")
    ? EXIT.findings
    : EXIT.ok;
}
