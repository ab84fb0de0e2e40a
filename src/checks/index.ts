/**
 * The check engine: a WorkbookSnapshot (+ the plan) → Finding[]. Host-free and pure; the CLI (ExcelJS) and the
 * task pane (Office.js) both call checkWorkbook with their own snapshot.
 */
import type { Plan } from "../plan/schema";
import type { Lang } from "../plan/i18n";
import { isCellError, type Finding, type RuleId, type WorkbookSnapshot } from "./types";
import { a1 } from "./address";
import { message } from "./messages";

export interface CheckOptions {
  plan?: Plan;
  lang?: Lang;
  rules?: readonly RuleId[];
}

export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions = {}): Finding[] {
  const lang = options.lang ?? "sv";
  const out: Finding[] = [];
  for (const sheet of snapshot.sheets) {
    for (let r = 0; r < sheet.values.length; r++) {
      const row = sheet.values[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v !== null && typeof v === "object" && isCellError(v)) {
          out.push({
            rule: "cell.error",
            severity: "error",
            sheet: sheet.name,
            cell: a1(sheet.origin.row + r, sheet.origin.col + c),
            message: message("cell.error", lang, { error: v.error, where: "" }),
            expected: null,
            actual: v.error,
          });
        }
      }
    }
  }
  return options.rules ? out.filter((f) => options.rules!.includes(f.rule)) : out;
}

export type { Finding, RuleId, WorkbookSnapshot } from "./types";
