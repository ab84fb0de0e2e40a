/**
 * `plankoll plan [--plan FILE] [--format text|json] [--check] [--lang sv|en]`: shows the active plan (the embedded
 * Eskilstuna 2019 plan unless --plan), and with --check the plan's own inconsistencies as document findings.
 * Exit 0; with --check 1 when there is an error or warning; 2 for bad arguments or an unreadable plan file.
 */
import { checkPlan } from "../../checks/planConsistency";
import type { Finding, Severity } from "../../model/types";
import { render, renderFindings } from "../../i18n";
import { CLI_TEXTS } from "../../i18n/cli";
import { embeddedPlan } from "../../plan/embedded";
import type { Lang } from "../../plan/i18n";
import type { Plan } from "../../plan/schema";
import { planSummary } from "../../i18n/summary";
import { counts, countText, formatCount } from "../report";
import { commandArgs } from "../args";
import { EXIT, type Io } from "../io";
import { loadPlanFile, PlanFileError } from "../planFile";

// Swedish is the default, so its usage keeps the English hints a non-Swedish reader needs to find --lang en.
export const PLAN_USAGE: Record<Lang, string> = {
  sv: `Användning / usage: plankoll plan [--plan FIL] [--format text|json] [--check] [--lang sv|en]
  --plan FIL        planfil (JSON) i stället för den inbyggda planen / plan file instead of the embedded plan
  --format          text (standard) eller json / text (default) or json
  --check           kontrollera planens egna summor och antal / check the plan's own sums and counts
  --lang            sv (standard) eller en / sv (default) or en
`,
  en: `Usage: plankoll plan [--plan FILE] [--format text|json] [--check] [--lang sv|en]
  --plan FILE       plan file (JSON) instead of the embedded plan
  --format          text (default) or json
  --check           check the plan's own sums and counts
  --lang            sv (default) or en
`,
};

const WORDS = {
  check: { sv: "Kontroll av planen", en: "Plan check" },
  none: { sv: "inga fel eller varningar.", en: "no errors or warnings." },
  findings: { sv: ["fynd", "fynd"], en: ["finding", "findings"] },
  page: { sv: "s.", en: "p." },
  severity: {
    sv: { error: "fel", warning: "varning", info: "info" },
    en: { error: "error", warning: "warning", info: "info" },
  },
  source: { sv: "Plan", en: "Plan" },
  embedded: { sv: "inbyggd", en: "embedded" },
} as const;

function usageError(io: Io, lang: Lang, message: string): number {
  io.stderr(`plankoll plan: ${message}\n${PLAN_USAGE[lang]}`);
  return EXIT.usage;
}

/** Findings as text, grouped by nothing: one block per finding, most severe first. */
export function findingsText(findings: readonly Finding[], lang: Lang): string {
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const sev = WORDS.severity[lang];
  if (findings.length === 0) return `${WORDS.check[lang]}: ${WORDS.none[lang]}\n`;
  const head = `${WORDS.check[lang]}: ${formatCount(findings.length, lang)} ${WORDS.findings[lang][findings.length === 1 ? 0 : 1]} (${countText(counts(findings), lang)})`;
  const blocks = [...findings]
    .sort((a, b) => order[a.severity] - order[b.severity])
    .map((f) => {
      const where = [f.page ? `${WORDS.page[lang]} ${f.page}` : "", f.row ?? "", f.column ?? ""]
        .filter(Boolean)
        .join(" · ");
      return `  [${sev[f.severity]}] ${f.rule}${where ? `  ${where}` : ""}\n    ${render(f, lang)}`;
    });
  return `${head}\n${blocks.join("\n")}\n`;
}

export async function runPlan(args: string[], io: Io): Promise<number> {
  const parsed = commandArgs("plan", args, io, {
    usage: PLAN_USAGE,
    positionals: false,
    options: {
      plan: { type: "string" },
      format: { type: "string", default: "text" },
      check: { type: "boolean", default: false },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { lang } = parsed;
  const values = parsed.values as { plan?: string; format: string; check: boolean };
  if (values.plan === "") return usageError(io, lang, CLI_TEXTS[lang].planNeedsNameHinted);

  let plan: Plan = embeddedPlan;
  if (values.plan !== undefined) {
    try {
      plan = await loadPlanFile(values.plan, lang);
    } catch (e) {
      if (!(e instanceof PlanFileError)) throw e;
      const more = e.problems.length > 1 ? e.problems.map((p) => `  - ${p}\n`).join("") : "";
      io.stderr(`plankoll plan: ${e.message}\n${more}`);
      return EXIT.usage;
    }
  }

  const findings = values.check ? checkPlan(plan) : [];
  if (values.format === "json") {
    io.stdout(
      JSON.stringify(values.check ? { plan, findings: renderFindings(findings, lang) } : plan, null, 2) +
        "\n",
    );
  } else {
    const source = `${WORDS.source[lang]}: ${values.plan ?? WORDS.embedded[lang]}\n`;
    io.stdout(source + planSummary(plan, lang) + (values.check ? "\n" + findingsText(findings, lang) : ""));
  }
  const serious = findings.some((f) => f.severity === "error" || f.severity === "warning");
  return serious ? EXIT.findings : EXIT.ok;
}
