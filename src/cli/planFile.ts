/**
 * Reads a plan file for the CLI (`--plan FILE`): JSON validated by the plan schema. Every failure becomes a
 * PlanFileError whose message is one user-facing line (Swedish or English), never a stack trace.
 */
import { readFile } from "node:fs/promises";
import type { Lang } from "../plan/i18n";
import { jsonSyntaxReason, planProblems } from "../i18n/problems";
import { parsePlan, PlanValidationError, type Plan } from "../plan/schema";

export class PlanFileError extends Error {
  constructor(
    message: string,
    /** Every schema problem ("goals[3].title: …"), for a listing below the message. */
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = "PlanFileError";
  }
}

/** The error as the CLI prints it: the message, then every schema problem on its own line when there are more. */
export function planFileErrorText(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const more =
    e instanceof PlanFileError && e.problems.length > 1 ? e.problems.map((p) => `  - ${p}\n`).join("") : "";
  return `${message}\n${more}`;
}

const MSG = {
  missing: {
    sv: (f: string) => `Planfilen ${f} finns inte.`,
    en: (f: string) => `The plan file ${f} does not exist.`,
  },
  directory: {
    sv: (f: string) => `${f} är en mapp, inte en planfil.`,
    en: (f: string) => `${f} is a folder, not a plan file.`,
  },
  unreadable: {
    sv: (f: string, why: string) => `Planfilen ${f} kan inte läsas (${why}).`,
    en: (f: string, why: string) => `The plan file ${f} cannot be read (${why}).`,
  },
  notJson: {
    sv: (f: string, where: string, why: string) => `Planfilen ${f} är inte giltig JSON${where}: ${why}`,
    en: (f: string, where: string, why: string) => `The plan file ${f} is not valid JSON${where}: ${why}`,
  },
  where: {
    sv: (line: number, col: number) => ` (rad ${line}, kolumn ${col})`,
    en: (line: number, col: number) => ` (line ${line}, column ${col})`,
  },
  invalid: {
    sv: (f: string, problem: string, more: number) =>
      `Planfilen ${f} följer inte planformatet: ${problem}${more ? ` (och ${more} fel till)` : ""}`,
    en: (f: string, problem: string, more: number) =>
      `The plan file ${f} does not follow the plan format: ${problem}${more ? ` (and ${more} more)` : ""}`,
  },
  empty: { sv: (f: string) => `Planfilen ${f} är tom.`, en: (f: string) => `The plan file ${f} is empty.` },
};

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** Node's JSON.parse says "… at position 42" (Node 20) or "(line 3 column 5)" (Node 22). */
function jsonErrorWhere(text: string, error: Error, lang: Lang): string {
  const lc = /line (\d+) column (\d+)/.exec(error.message);
  if (lc) return MSG.where[lang](Number(lc[1]), Number(lc[2]));
  const pos = /at position (\d+)/.exec(error.message);
  if (pos) {
    const { line, column } = lineColumn(text, Number(pos[1]));
    return MSG.where[lang](line, column);
  }
  if (/Unexpected end of JSON input/i.test(error.message)) {
    const { line, column } = lineColumn(text, text.length);
    return MSG.where[lang](line, column);
  }
  return "";
}

/** JSON.parse's (English) reason in the user's language, so a Swedish sentence stays Swedish. */
function jsonErrorReason(error: Error, lang: Lang): string {
  return jsonSyntaxReason(error.message, lang);
}

export async function loadPlanFile(path: string, lang: Lang = "sv"): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new PlanFileError(MSG.missing[lang](path));
    if (code === "EISDIR") throw new PlanFileError(MSG.directory[lang](path));
    throw new PlanFileError(MSG.unreadable[lang](path, code ?? String((e as Error).message)));
  }
  text = text.replace(/^\uFEFF/, "");
  if (!text.trim()) throw new PlanFileError(MSG.empty[lang](path));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const error = e as Error;
    throw new PlanFileError(
      MSG.notJson[lang](path, jsonErrorWhere(text, error, lang), jsonErrorReason(error, lang)),
    );
  }
  try {
    return parsePlan(data);
  } catch (e) {
    if (e instanceof PlanValidationError) {
      const problems = planProblems(e, lang);
      throw new PlanFileError(MSG.invalid[lang](path, problems[0], problems.length - 1), problems);
    }
    throw e;
  }
}
