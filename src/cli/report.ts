/**
 * Renders `plankoll check` results: a readable report grouped by file and sheet (Swedish by default) or the JSON
 * document, field order exactly { files: [ { file, findings: [ {rule, severity, sheet, cell,
 * message, expected, actual} ], error } ] }. Files that could not be read go to stderr (renderErrors); the
 * report's summary counts them.
 */
import type { Finding, Severity } from "../model/types";
import type { Lang } from "../plan/i18n";
import { formatNumber, render } from "../i18n";
import { CLI_TEXTS } from "../i18n/cli";

/** Why a file could not be read: a stable code (not-found, not-xlsx, encrypted, corrupt, …) and a sentence. */
export interface FileError {
  code: string;
  message: string;
}

/**
 * A file whose check failed for a reason no reader foresaw (a bug, a worker that died): said once here for the
 * workbook path, the PDF path and the worker threads, with one code.
 */
export function checkFailed(file: string, why: unknown, lang: Lang): FileResult {
  const text = CLI_TEXTS[lang].checkFailed;
  const detail = why instanceof Error ? why.message : String(why);
  return { file, findings: [], error: { code: "check-failed", message: `${text} (${detail})` } };
}

export interface FileResult {
  file: string;
  findings: Finding[];
  /** Set when the file could not be read; null otherwise. */
  error: FileError | null;
  /** Report PDFs: how many of the tables seen were read. */
  tables?: { read: number; seen: number };
}

/** Document findings (report PDFs) carry their place and evidence instead of sheet and cell. */
type DocFields = {
  page?: number | null;
  row?: string | null;
  column?: string | null;
  evidence?: unknown;
  causedBy?: unknown;
};

const WORDS = {
  severity: {
    sv: { error: "fel", warning: "varning", info: "info" },
    en: { error: "error", warning: "warning", info: "info" },
  },
  plural: {
    sv: { error: "fel", warning: "varningar", info: "info" },
    en: { error: "errors", warning: "warnings", info: "info" },
  },
  unreadable: { sv: "kan inte läsas", en: "cannot be read" },
  clean: { sv: "inga fel eller varningar", en: "no errors or warnings" },
  files: { sv: "filer", en: "files" },
  file: { sv: "fil", en: "file" },
  checked: { sv: "Kontrollerade", en: "Checked" },
  notRead: { sv: "kunde inte läsas", en: "could not be read" },
  nothingChecked: { sv: "ingen arbetsbok kontrollerades", en: "no workbook was checked" },
} as const;

/** After the contract's fields: a document finding's place, then (any finding's) evidence and causedBy. */
function extraFields(f: Finding & DocFields): DocFields {
  const out: DocFields =
    f.sheet !== null || f.page === undefined
      ? {}
      : { page: f.page ?? null, row: f.row ?? null, column: f.column ?? null };
  if (f.evidence !== undefined) out.evidence = f.evidence;
  if (f.causedBy !== undefined) out.causedBy = f.causedBy;
  return out;
}

/** JSON with the contract's field order, whatever order the objects were built in. */
export function renderJson(results: readonly FileResult[], lang: Lang): string {
  const files = results.map((r) => ({
    file: r.file,
    findings: r.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      message: render(f, lang),
      expected: f.expected,
      actual: f.actual,
      ...extraFields(f as Finding & DocFields),
    })),
    error: r.error && { code: r.error.code, message: r.error.message },
    ...(r.tables ? { tables: r.tables } : {}),
  }));
  return JSON.stringify({ files }, null, 2) + "\n";
}

/** A count as the language writes it: "1 234" (no-break space) in Swedish, "1,234" in English. */
export function formatCount(n: number, lang: Lang): string {
  return formatNumber(n, lang, 0);
}

export function counts(findings: readonly Finding[]): Record<Severity, number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** "4 fel, 2 varningar, 1 info": zero counts left out, singular/plural as the language wants. */
export function countText(c: Record<Severity, number>, lang: Lang): string {
  const parts: string[] = [];
  for (const s of ["error", "warning", "info"] as const)
    if (c[s] > 0)
      parts.push(
        `${formatCount(c[s], lang)} ${c[s] === 1 ? WORDS.severity[lang][s] : WORDS.plural[lang][s]}`,
      );
  return parts.join(", ");
}

/** One line per file that could not be read ("budget.xlsx: kan inte läsas – filen finns inte"), for stderr. */
export function renderErrors(results: readonly FileResult[], lang: Lang): string {
  return results
    .filter((r) => r.error !== null)
    .map((r) => `${r.file}: ${WORDS.unreadable[lang]} – ${r.error?.message}\n`)
    .join("");
}

const filesText = (n: number, lang: Lang) =>
  `${formatCount(n, lang)} ${n === 1 ? WORDS.file[lang] : WORDS.files[lang]}`;

/**
 * The readable report: per file, per sheet, one line per finding (cell, severity, rule, message), then a
 * summary that counts the files read and those that could not be (their reasons are in renderErrors).
 */
export function renderText(results: readonly FileResult[], lang: Lang): string {
  const lines: string[] = [];
  const total = { error: 0, warning: 0, info: 0 };
  let unreadable = 0;
  for (const r of results) {
    if (r.error !== null) {
      unreadable++;
      continue;
    }
    const c = counts(r.findings);
    total.error += c.error;
    total.warning += c.warning;
    total.info += c.info;
    const serious = c.error + c.warning;
    lines.push(
      `${r.file}: ${serious === 0 ? WORDS.clean[lang] : countText(c, lang)}${serious === 0 && c.info ? ` (${countText(c, lang)})` : ""}`,
    );
    if (r.tables) lines.push(CLI_TEXTS[lang].tablesRead(r.tables.read, r.tables.seen));
    let sheet: string | null | undefined = undefined;
    for (const f of r.findings) {
      if (f.sheet === null && f.page != null) {
        // A document finding: its page instead of a sheet, its row and column instead of a cell.
        const sev = WORDS.severity[lang][f.severity];
        const where = CLI_TEXTS[lang].page(f.page);
        lines.push(`    ${where.padEnd(6)} ${sev.padEnd(8)} ${f.rule.padEnd(20)} ${render(f, lang)}`);
        continue;
      }
      if (f.sheet !== sheet) {
        sheet = f.sheet;
        lines.push(`  ${sheet ?? ""}`);
      }
      const sev = WORDS.severity[lang][f.severity];
      lines.push(`    ${(f.cell ?? "").padEnd(6)} ${sev.padEnd(8)} ${f.rule.padEnd(20)} ${render(f, lang)}`);
    }
    lines.push("");
  }
  const read = results.length - unreadable;
  const notRead = `${filesText(unreadable, lang)} ${WORDS.notRead[lang]}`;
  let summary: string;
  if (read === 0) summary = `${notRead}; ${WORDS.nothingChecked[lang]}`;
  else {
    summary = `${WORDS.checked[lang]} ${filesText(read, lang)}: ${countText(total, lang) || WORDS.clean[lang]}`;
    if (unreadable) summary += `; ${notRead}`;
  }
  lines.push(summary.charAt(0).toUpperCase() + summary.slice(1) + ".");
  return lines.join("\n") + "\n";
}
