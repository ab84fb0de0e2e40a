/**
 * `plankoll tables FILE.pdf [--page N] [--format text|json] [--lang sv|en]`: shows each table of a report PDF as it
 * was read (page, title, header, rows, which row is a total of which lines, which column is a difference of which
 * two), so a controller can trust or dispute a finding. Exit 0, or 2 for a usage error or an unreadable file.
 */
import type { Lang } from "../../plan/i18n";
import { describeTable } from "../../i18n/describeTable";
import { CLI_TEXTS } from "../../i18n/cli";
import { commandArgs } from "../args";
import { EXIT, type Io } from "../io";
import { PdfReadError } from "../pdf";
import { readReportFile } from "./checkPdf";

export const TABLES_USAGE: Record<Lang, string> = {
  sv: `Användning / usage: plankoll tables FIL.pdf [--page N] [--format text|json] [--lang sv|en]
  --page N      bara tabellerna på sidan N / only the tables on page N
  --format      text (standard) eller json / text (default) or json
  --lang        sv (standard) eller en / sv (default) or en
`,
  en: `Usage: plankoll tables FILE.pdf [--page N] [--format text|json] [--lang sv|en]
  --page N      only the tables on page N
  --format      text (default) or json
  --lang        sv (default) or en
`,
};

export async function runTables(args: string[], io: Io): Promise<number> {
  const parsed = commandArgs("tables", args, io, {
    usage: TABLES_USAGE,
    positionals: true,
    options: { format: { type: "string", default: "text" }, page: { type: "string" } },
  });
  if (typeof parsed === "number") return parsed;
  const { positionals, lang } = parsed;
  const values = parsed.values as { format: string; page?: string };
  const t = CLI_TEXTS[lang];
  const fail = (m: string) => {
    io.stderr(`plankoll tables: ${m}\n${TABLES_USAGE[lang]}`);
    return EXIT.usage;
  };
  if (positionals.length !== 1) return fail(positionals.length ? t.oneFileAtATime : t.giveAPdf);
  let page: number | undefined;
  if (values.page !== undefined) {
    page = Number(values.page);
    if (!Number.isInteger(page) || page < 1) return fail(t.pageNeedsNumber(values.page));
  }
  const file = positionals[0];
  let report;
  try {
    report = await readReportFile(file, lang);
  } catch (e) {
    io.stderr(
      `plankoll tables: ${e instanceof PdfReadError ? `${file}: ${e.text[lang]}` : (e as Error).message}\n`,
    );
    return EXIT.usage;
  }
  const tables = report.tables.filter((t) => page === undefined || t.pages.includes(page));
  const unread = report.unread.filter((u) => page === undefined || u.page === page);
  if (values.format === "json") {
    io.stdout(
      JSON.stringify(
        { file, seen: tables.length + unread.length, read: tables.length, tables, unread },
        null,
        2,
      ) + "\n",
    );
    return EXIT.ok;
  }
  const lines: string[] = [];
  const seen = tables.length + unread.length;
  lines.push(t.tablesReadIn(file, tables.length, seen, page));
  for (const table of tables) {
    const d = describeTable(table, lang);
    lines.push("", d.heading, `  ${t.columns}:`, ...d.columns.map((c) => `    ${c}`));
    lines.push(`  ${t.rows}:`, ...d.rows.map((r) => `  ${r}`));
    for (const n of d.notes) lines.push(`  ${n}`);
  }
  for (const u of unread) lines.push("", `${t.page(u.page)}: ${u.title} — ${t.couldNotBeRead}: ${u.reason}`);
  io.stdout(lines.join("\n") + "\n");
  return EXIT.ok;
}
