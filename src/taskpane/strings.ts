/**
 * Every text the task pane shows, Swedish first, English when Office's display language is English.
 * Sentences with values are functions so word order can differ between the languages.
 */
import type { RuleId, Severity } from "../model/types";
import type { Lang } from "../plan/i18n";
import type { Message } from "../model/messages";
import { formatNumber, render } from "../i18n";
import { FORMATS } from "../i18n/format";
import { asOfText } from "../i18n/summary";

/**
 * One number formatter per language, the one the engine's messages use too: "64 308", "-1 622", "3,0 %" in
 * Swedish; "64,308", "-1,622", "3.0 %" in English.
 */
const n = (x: number, decimals?: number) => formatNumber(x, "sv", decimals);
const ne = (x: number, decimals?: number) => formatNumber(x, "en", decimals);
/** Singular or plural by count: the word after "1" differs ("1 nytt mål", "2 nya mål"). */
const pl = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** Shapes the catalogue fixes, so English must give a word for each severity and a header for each column. */
type BySeverity = Record<Severity, string>;
type ByRule = Record<RuleId, string>;
type GoalsTableRow = [string, string, string, string, string, string];
type ReportRow = [string, string, string, string, string, string, string];

const sv = {
  /** A finding's (or any catalogue message's) text. */
  message: (m: Message) => render(m, "sv"),
  num: (x: number, decimals?: number) => n(x, decimals),
  percent: (x: number, decimals = 1) => FORMATS.sv.percent(x, decimals),
  appName: "Plankoll",
  loading: "Laddar …",
  langLabel: "Språk",
  // plan header
  activePlan: "Aktiv plan",
  source: {
    embedded: "Inbyggd plan",
    file: "Planfil",
    import: "Importerad",
    workbook: "Sparad i arbetsboken",
  },
  sourceLine: (src: string, detail?: string) => (detail ? `Källa: ${src} (${detail})` : `Källa: ${src}`),
  changePlan: "Byt plan",
  useEmbedded: "Använd inbyggd plan",
  useFile: "Öppna planfil (.json) …",
  useStored: "Använd planen i arbetsboken",
  importPlan: "Importera plan (PDF/text) …",
  planStored: "Planen används nu och är sparad i arbetsboken.",
  planEmbedded: "Den inbyggda planen används nu.",
  planStoredFailed: "Planen används, men kunde inte sparas i arbetsboken.",
  replaceStoredPlan: "Arbetsboken har en sparad plan. Den ersätts. Vill du fortsätta?",
  storedPlanLoaded: "Planen som är sparad i arbetsboken används.",
  storedPlanInvalid: "Planen som är sparad i arbetsboken är ogiltig; den inbyggda planen används.",
  // tabs
  tabGoals: "Mål",
  tabValidation: "Kontroll",
  tabImport: "Import",
  tabsLabel: "Vyer",
  // goals view
  searchGoals: "Sök mål",
  searchPlaceholder: "t.ex. sjukfrånvaro",
  goalsCount: (shown: number, total: number) =>
    shown === total ? `${n(total)} mål` : `${n(shown)} av ${n(total)} mål`,
  noGoalsMatch: "Inga mål matchar sökningen.",
  target: (year: number) => `Mål ${year}`,
  outcome: (year: number) => `Utfall ${year}`,
  /** "Utfall t o m augusti 2018": an outcome for part of the year says which part. */
  outcomeAsOf: (asOf: string) => `Utfall ${asOf}`,
  formulaTarget: (year: number) => `Målvärde ${year} (MALVARDE)`,
  formulaOutcome: (year: number, asOf?: string) => `Utfall ${asOf ?? year} (UTFALL)`,
  formulaAchieved: (year: number, asOf?: string) =>
    asOf
      ? `Måluppfyllelse ${year} (utfall ${asOf} mot helårsmålet)`
      : `Måluppfyllelse ${year} (MALUPPFYLLELSE)`,
  noValue: "–",
  insertFormula: "Infoga formel",
  insertFormulaFor: (title: string) => `Infoga formel för ${title} i markerad cell`,
  insertGoals: "Infoga mål",
  insertGoalsNewSheet: "På ett nytt blad",
  insertGoalsAtSelection: "Vid markeringen",
  insertedFormula: (address: string) => `Formeln är infogad i ${address}.`,
  insertedTable: (sheet: string, address: string) =>
    `Måltabellen är infogad på bladet ${sheet} (${address}).`,
  overwriteCells: (address: string, count?: number) =>
    count
      ? `${n(count)} celler i ${address} innehåller redan data. Vill du skriva över dem?`
      : `Cellen ${address} innehåller redan data. Vill du skriva över den?`,
  goalsTableSheet: "Plankoll-mål",
  goalsTableColumns: (year: number): GoalsTableRow => [
    "Område",
    "Mål",
    `Målvärde ${year - 1}`,
    `Utfall ${year - 1}`,
    `Målvärde ${year}`,
    "Uppfyllt?",
  ],
  /** The goals table's "Uppfyllt?" header when the outcome covers part of the year only. */
  goalsTableMetPartial: (asOf: string) => `Uppfyllt? (utfall ${asOf})`,
  goalsTableOutcome: (asOf: string) => `Utfall ${asOf}`,
  shortNames: "Använd korta namn (=MALVARDE …)",
  shortNamesDone: "Namnen MALVARDE, UTFALL och BUDGET finns nu i arbetsboken.",
  shortNamesExist: (names: string[]) => `Arbetsboken har redan namnen ${names.join(", ")}; de ändras inte.`,
  // validation view
  validate: "Kontrollera arbetsboken",
  validateAgain: "Kontrollera igen",
  reading: "Läser arbetsboken …",
  readingData: (done: number, total: number) => `Läser data (${n(done)} av ${n(total)}) …`,
  checking: "Kontrollerar …",
  notValidated: "Kontrollera arbetsbokens summor, tal och planens värden med ett klick.",
  summary: (errors: number, warnings: number, infos: number) =>
    `${n(errors)} fel, ${n(warnings)} ${pl(warnings, "varning", "varningar")}, ${n(infos)} info`,
  noFindings: "Inga problem hittades.",
  severity: { error: "Fel", warning: "Varning", info: "Info" } as BySeverity,
  severityPlural: { error: "Fel", warning: "Varningar", info: "Info" } as BySeverity,
  findingsOnSheet: (sheet: string, count: number) => `${sheet}: ${n(count)} fynd`,
  goToCell: (sheet: string, cell: string) => `Gå till ${sheet}!${cell}`,
  expectedActual: (expected: string, actual: string) => `Förväntat ${expected}, faktiskt ${actual}`,
  expectedOnly: (expected: string) => `Förväntat ${expected}`,
  actualOnly: (actual: string) => `I cellen: ${actual}`,
  /** Text stored in a cell, quoted so "51 900" as text does not look like the number 51 900. */
  quoted: (text: string) => `”${text}”`,
  ruleName: {
    "sum.mismatch": "summor som inte stämmer",
    "sum.range-gap": "SUMMA-områden som missar rader",
    "sum.double-count": "delsummor som räknas två gånger",
    "sum.hardcoded": "inskrivna summor",
    "plan.mismatch": "värden som skiljer sig från planen",
    "plan.unit": "belopp i fel enhet",
    "plan.inconsistent": "motsägelser mot planen",
    "cell.number-as-text": "tal lagrade som text",
    "cell.error": "felvärden",
  } as ByRule,
  findingGroup: (count: number, what: string, column: string, range: string) =>
    `${n(count)} ${what} i kolumn ${column} (${range})`,
  showGroup: (count: number) => `Visa alla ${n(count)}`,
  hideGroup: "Dölj",
  highlight: "Markera",
  clearHighlights: "Rensa markeringar",
  createReport: "Skapa rapport",
  highlighted: (cells: number) => `${n(cells)} ${pl(cells, "cell är markerad", "celler är markerade")}.`,
  highlightSkipped: (sheets: string[]) => `Skyddade blad markerades inte: ${sheets.join(", ")}.`,
  cleared: (cells: number) =>
    `Markeringarna är borttagna; ${n(cells)} ${pl(cells, "cell har", "celler har")} sitt tidigare format.`,
  clearedMissing: (missing: number) =>
    `${n(missing)} ${pl(missing, "cell låg", "celler låg")} på blad som inte längre finns.`,
  clearedKept: (kept: number) =>
    `${n(kept)} ${pl(kept, "cell hade", "celler hade")} fått nytt format efter markeringen och behöll det.`,
  nothingToClear: "Det finns inga markeringar att rensa.",
  nothingToHighlight: "Inga fynd pekar på celler.",
  reportCreated: (sheet: string) => `Rapporten finns på bladet ${sheet}.`,
  replaceReport: (sheet: string) => `Bladet ${sheet} finns redan. Vill du ersätta det med en ny rapport?`,
  reportTitle: "Plankoll – kontrollrapport",
  reportSubtitle: (plan: string, when: string) => `Plan: ${plan}. Skapad ${when}.`,
  reportColumns: [
    "Allvarlighet",
    "Regel",
    "Blad",
    "Cell",
    "Meddelande",
    "Förväntat",
    "Faktiskt",
  ] as ReportRow,
  reportNone: "Inga problem hittades.",
  // notices
  emptyWorkbook: "Arbetsboken är tom – det finns inget att kontrollera.",
  hugeSheet: (sheet: string, cells: number, limit: number) =>
    `Bladet ${sheet} är för stort för att kontrolleras här (${n(cells)} celler, gränsen är ${n(limit)}). Använd "npx plankoll check" för filen.`,
  protectedSheet: (sheet: string) => `Bladet ${sheet} är skyddat: det kontrolleras, men kan inte markeras.`,
  mergedUnsupported:
    "Din Excel-version saknar stöd för sammanfogade celler i tillägg (ExcelApi 1.13); kontrollen fungerar ändå.",
  // results and errors
  confirm: "Fortsätt",
  cancel: "Avbryt",
  close: "Stäng",
  dismiss: "Stäng meddelandet",
  protectedTarget: (sheet: string) => `Bladet ${sheet} är skyddat. Ta bort skyddet och försök igen.`,
  missingSheet: (sheet: string) => `Bladet ${sheet} finns inte längre. Kontrollera igen.`,
  hiddenSheet: (sheet: string) => `Bladet ${sheet} är dolt. Visa bladet och försök igen.`,
  noRoom: "Tabellen får inte plats nedanför markeringen.",
  unsupported: (feature: string) =>
    feature === "LAMBDA"
      ? "Din Excel-version har inte LAMBDA; använd PLAN.MALVARDE(…) med prefix."
      : `Din Excel-version saknar ${feature}.`,
  failed: (code: string) => `Excel kunde inte utföra åtgärden (${code}). Försök igen.`,
  readFailed: (code: string) => `Arbetsboken kunde inte läsas (${code}).`,
  // import (issue 6)
  importTitle: "Importera plan",
  importIntro:
    "Läs in nästa års plan från en PDF, en textfil (en rad per sida), en planfil (JSON) eller Plan-tabellen i arbetsboken. Du granskar resultatet innan planen används.",
  importChooseFile: "Välj fil (PDF, text eller JSON) …",
  importFromTable: "Läs in från Plan-tabellen",
  createPlanTable: "Skapa tom Plan-tabell",
  planTableCreated: (sheet: string) =>
    `En tom Plan-tabell finns nu på bladet ${sheet}. Fyll i den och läs in den.`,
  planTableExists: "Arbetsboken har redan en tabell som heter Plan.",
  noPlanTable:
    "Ingen Plan-tabell hittades (en tabell eller ett blad som heter Plan, eller det aktiva bladet).",
  importFailed: (file: string) => `Filen ${file} kunde inte importeras.`,
  importProblem: (file: string, problem: string) =>
    `${problem.charAt(0).toUpperCase()}${problem.slice(1).replace(/\.$/, "")} (${file}).`,
  importNothing: (file: string) =>
    `${file} innehåller ingen plan: inga processmål, styrkort, budgettabeller, åtaganden eller uppgifter hittades. Planen används inte; är det rätt fil?`,
  notJson: (file: string, why: string) => `Filen ${file} är inte giltig JSON: ${why}.`,
  planInvalid: (file: string, problems: string[]) =>
    `Planfilen ${file} följer inte planformatet: ${problems.slice(0, 3).join("; ")}${problems.length > 3 ? ` (och ${n(problems.length - 3)} fel till)` : ""}.`,
  importing: "Läser in …",
  reviewTitle: (source: string) => `Granska importen från ${source}`,
  reviewFound: "Hittat",
  reviewWarnings: (count: number) => `Osäkra uppgifter (${n(count)})`,
  reviewFindings: (count: number) => `Dokumentets egna summor och uppgifter: ${n(count)} problem`,
  reviewNoFindings: "Dokumentets egna summor stämmer.",
  howRead: (table: string) => `Så lästes tabellen ${table}`,
  reviewDiff: "Jämfört med den aktiva planen",
  reviewSame: "Inga skillnader mot den aktiva planen.",
  reviewTargetsChanged: (count: number) => `${n(count)} ${pl(count, "målvärde ändrat", "målvärden ändrade")}`,
  reviewGoalsAdded: (count: number) => `${n(count)} ${pl(count, "nytt mål", "nya mål")}`,
  reviewGoalsRemoved: (count: number) => `${n(count)} ${pl(count, "borttaget mål", "borttagna mål")}`,
  reviewBudgetChanged: (count: number) =>
    `${n(count)} ${pl(count, "budgetsiffra ändrad", "budgetsiffror ändrade")}`,
  valueChange: (title: string, period: number, from: string, to: string) =>
    `${title} (${period}): ${from} → ${to}`,
  where: (
    page: number | null | undefined,
    row: string | null | undefined,
    column: string | null | undefined,
  ) => [page ? `s. ${page}` : "", row ?? "", column ?? ""].filter(Boolean).join(" · "),
  reviewLosses: "Den importerade planen har färre delar än den aktiva. Används den försvinner:",
  confirmLosses: (lost: string[]) =>
    `Den importerade planen saknar ${lost.join(", ")} som den aktiva planen har; PLAN-formler som hämtar dem ger #SAKNAS!. Vill du använda den ändå?`,
  diffGoalsAdded: "Nya mål",
  diffGoalsRemoved: "Borttagna mål",
  diffBudget: "Ändrade budgetsiffror",
  diffLinesRemoved: "Budgetrader som saknas",
  diffLinesAdded: "Nya budgetrader",
  diffTablesRemoved: "Budgettabeller som saknas",
  diffCommitmentsRemoved: (count: number) =>
    `${n(count)} ${pl(count, "åtagande saknas", "åtaganden saknas")} i importen`,
  diffCommitmentsAdded: (count: number) => `${n(count)} ${pl(count, "nytt åtagande", "nya åtaganden")}`,
  budgetChange: (line: string, measure: string, from: string, to: string) =>
    `${line} (${measure}): ${from} → ${to}`,
  useImported: "Använd planen och spara i arbetsboken",
  discardImport: "Avbryt",
  showMore: (count: number) => `Visa ${n(count)} till`,
};

export type Strings = typeof sv;

const en: Strings = {
  message: (m: Message) => render(m, "en"),
  num: (x: number, decimals?: number) => ne(x, decimals),
  percent: (x: number, decimals = 1) => FORMATS.en.percent(x, decimals),
  appName: "Plankoll",
  loading: "Loading …",
  langLabel: "Language",
  activePlan: "Active plan",
  source: {
    embedded: "Built-in plan",
    file: "Plan file",
    import: "Imported",
    workbook: "Stored in this workbook",
  },
  sourceLine: (src: string, detail?: string) => (detail ? `Source: ${src} (${detail})` : `Source: ${src}`),
  changePlan: "Change plan",
  useEmbedded: "Use the built-in plan",
  useFile: "Open plan file (.json) …",
  useStored: "Use the plan stored in this workbook",
  importPlan: "Import plan (PDF/text) …",
  planStored: "The plan is now active and stored in this workbook.",
  planEmbedded: "The built-in plan is now active.",
  planStoredFailed: "The plan is active but could not be stored in the workbook.",
  replaceStoredPlan: "This workbook has a stored plan. It will be replaced. Continue?",
  storedPlanLoaded: "The plan stored in this workbook is active.",
  storedPlanInvalid: "The plan stored in this workbook is invalid; the built-in plan is used.",
  tabGoals: "Goals",
  tabValidation: "Check",
  tabImport: "Import",
  tabsLabel: "Views",
  searchGoals: "Search goals",
  searchPlaceholder: "e.g. sick leave",
  goalsCount: (shown: number, total: number) =>
    shown === total ? `${ne(total)} ${pl(total, "goal", "goals")}` : `${ne(shown)} of ${ne(total)} goals`,
  noGoalsMatch: "No goals match the search.",
  target: (year: number) => `Target ${year}`,
  outcome: (year: number) => `Outcome ${year}`,
  outcomeAsOf: (asOf: string) => `Outcome ${asOfText(asOf, "en")}`,
  formulaTarget: (year: number) => `Target ${year} (MALVARDE)`,
  formulaOutcome: (year: number, asOf?: string) => `Outcome ${asOf ? asOfText(asOf, "en") : year} (UTFALL)`,
  formulaAchieved: (year: number, asOf?: string) =>
    asOf
      ? `Achieved ${year} (outcome ${asOfText(asOf, "en")} against the full-year target)`
      : `Achieved ${year} (MALUPPFYLLELSE)`,
  noValue: "–",
  insertFormula: "Insert formula",
  insertFormulaFor: (title: string) => `Insert formula for ${title} into the selected cell`,
  insertGoals: "Insert goals",
  insertGoalsNewSheet: "On a new sheet",
  insertGoalsAtSelection: "At the selection",
  insertedFormula: (address: string) => `The formula was inserted in ${address}.`,
  insertedTable: (sheet: string, address: string) =>
    `The goals table was inserted on sheet ${sheet} (${address}).`,
  overwriteCells: (address: string, count?: number) =>
    count
      ? `${ne(count)} cells in ${address} already contain data. Overwrite them?`
      : `Cell ${address} already contains data. Overwrite it?`,
  goalsTableSheet: "Plankoll goals",
  goalsTableColumns: (year: number) => [
    "Area",
    "Goal",
    `Target ${year - 1}`,
    `Outcome ${year - 1}`,
    `Target ${year}`,
    "Met?",
  ],
  goalsTableMetPartial: (asOf: string) => `Met? (outcome ${asOfText(asOf, "en")})`,
  goalsTableOutcome: (asOf: string) => `Outcome ${asOfText(asOf, "en")}`,
  shortNames: "Use short names (=MALVARDE …)",
  shortNamesDone: "The names MALVARDE, UTFALL and BUDGET now exist in this workbook.",
  shortNamesExist: (names: string[]) =>
    `The workbook already has the names ${names.join(", ")}; they are left as they are.`,
  validate: "Check the workbook",
  validateAgain: "Check again",
  reading: "Reading the workbook …",
  readingData: (done: number, total: number) => `Reading data (${ne(done)} of ${ne(total)}) …`,
  checking: "Checking …",
  notValidated: "Check the workbook's totals, figures and plan values in one click.",
  summary: (errors: number, warnings: number, infos: number) =>
    `${ne(errors)} ${pl(errors, "error", "errors")}, ${ne(warnings)} ${pl(warnings, "warning", "warnings")}, ${ne(infos)} info`,
  noFindings: "No problems found.",
  severity: { error: "Error", warning: "Warning", info: "Info" },
  severityPlural: { error: "Errors", warning: "Warnings", info: "Info" },
  findingsOnSheet: (sheet: string, count: number) =>
    `${sheet}: ${ne(count)} ${pl(count, "finding", "findings")}`,
  goToCell: (sheet: string, cell: string) => `Go to ${sheet}!${cell}`,
  expectedActual: (expected: string, actual: string) => `Expected ${expected}, actual ${actual}`,
  expectedOnly: (expected: string) => `Expected ${expected}`,
  actualOnly: (actual: string) => `In the cell: ${actual}`,
  quoted: (text: string) => `"${text}"`,
  ruleName: {
    "sum.mismatch": "totals that do not add up",
    "sum.range-gap": "SUM ranges that miss rows",
    "sum.double-count": "subtotals counted twice",
    "sum.hardcoded": "typed totals",
    "plan.mismatch": "figures that differ from the plan",
    "plan.unit": "amounts in the wrong unit",
    "plan.inconsistent": "contradictions with the plan",
    "cell.number-as-text": "numbers stored as text",
    "cell.error": "error values",
  },
  findingGroup: (count: number, what: string, column: string, range: string) =>
    `${ne(count)} ${what} in column ${column} (${range})`,
  showGroup: (count: number) => `Show all ${ne(count)}`,
  hideGroup: "Hide",
  highlight: "Highlight",
  clearHighlights: "Clear highlights",
  createReport: "Create report",
  highlighted: (cells: number) => `${ne(cells)} ${pl(cells, "cell is", "cells are")} highlighted.`,
  highlightSkipped: (sheets: string[]) => `Protected sheets were not highlighted: ${sheets.join(", ")}.`,
  cleared: (cells: number) =>
    `Highlights removed; ${ne(cells)} ${pl(cells, "cell has its", "cells have their")} previous format back.`,
  clearedMissing: (missing: number) =>
    `${ne(missing)} ${pl(missing, "cell was", "cells were")} on sheets that no longer exist.`,
  clearedKept: (kept: number) =>
    `${ne(kept)} ${pl(kept, "cell was", "cells were")} re-formatted after highlighting and kept that format.`,
  nothingToClear: "There are no highlights to clear.",
  nothingToHighlight: "No findings point at cells.",
  reportCreated: (sheet: string) => `The report is on sheet ${sheet}.`,
  replaceReport: (sheet: string) => `Sheet ${sheet} already exists. Replace it with a new report?`,
  reportTitle: "Plankoll – check report",
  reportSubtitle: (plan: string, when: string) => `Plan: ${plan}. Created ${when}.`,
  reportColumns: ["Severity", "Rule", "Sheet", "Cell", "Message", "Expected", "Actual"],
  reportNone: "No problems found.",
  emptyWorkbook: "The workbook is empty – there is nothing to check.",
  hugeSheet: (sheet: string, cells: number, limit: number) =>
    `Sheet ${sheet} is too large to check here (${ne(cells)} cells, the limit is ${ne(limit)}). Use "npx plankoll check" on the file.`,
  protectedSheet: (sheet: string) => `Sheet ${sheet} is protected: it is checked but cannot be highlighted.`,
  mergedUnsupported:
    "Your Excel version does not give add-ins merged cells (ExcelApi 1.13); the check still works.",
  confirm: "Continue",
  cancel: "Cancel",
  close: "Close",
  dismiss: "Dismiss message",
  protectedTarget: (sheet: string) => `Sheet ${sheet} is protected. Unprotect it and try again.`,
  missingSheet: (sheet: string) => `Sheet ${sheet} no longer exists. Check again.`,
  hiddenSheet: (sheet: string) => `Sheet ${sheet} is hidden. Unhide it and try again.`,
  noRoom: "The table does not fit below the selection.",
  unsupported: (feature: string) =>
    feature === "LAMBDA"
      ? "Your Excel version has no LAMBDA; use PLAN.MALVARDE(…) with the prefix."
      : `Your Excel version lacks ${feature}.`,
  failed: (code: string) => `Excel could not do that (${code}). Please try again.`,
  readFailed: (code: string) => `The workbook could not be read (${code}).`,
  importTitle: "Import plan",
  importIntro:
    "Read next year's plan from a PDF, a text file (one line per page), a plan file (JSON) or the workbook's Plan table. You review the result before the plan is used.",
  importChooseFile: "Choose file (PDF, text or JSON) …",
  importFromTable: "Read the Plan table",
  createPlanTable: "Create empty Plan table",
  planTableCreated: (sheet: string) =>
    `An empty Plan table is now on sheet ${sheet}. Fill it in and read it.`,
  planTableExists: "The workbook already has a table named Plan.",
  noPlanTable: "No Plan table found (a table or sheet named Plan, or the active sheet).",
  importFailed: (file: string) => `The file ${file} could not be imported.`,
  importProblem: (file: string, problem: string) =>
    `${problem.charAt(0).toUpperCase()}${problem.slice(1).replace(/\.$/, "")} (${file}).`,
  importNothing: (file: string) =>
    `${file} holds no plan: no process goals, scorecard, budget tables, commitments or stated figures were found. It is not used; is it the right file?`,
  notJson: (file: string, why: string) => `The file ${file} is not valid JSON: ${why}.`,
  planInvalid: (file: string, problems: string[]) =>
    `The plan file ${file} does not follow the plan format: ${problems.slice(0, 3).join("; ")}${problems.length > 3 ? ` (and ${ne(problems.length - 3)} more)` : ""}.`,
  importing: "Reading …",
  reviewTitle: (source: string) => `Review the import from ${source}`,
  reviewFound: "Found",
  reviewWarnings: (count: number) => `Uncertain items (${ne(count)})`,
  reviewFindings: (count: number) =>
    `The document's own sums and figures: ${ne(count)} ${pl(count, "problem", "problems")}`,
  reviewNoFindings: "The document's own sums add up.",
  howRead: (table: string) => `How the table was read: ${table}`,
  reviewDiff: "Compared with the active plan",
  reviewSame: "No differences from the active plan.",
  reviewTargetsChanged: (count: number) => `${ne(count)} ${pl(count, "target", "targets")} changed`,
  reviewGoalsAdded: (count: number) => `${ne(count)} ${pl(count, "goal", "goals")} added`,
  reviewGoalsRemoved: (count: number) => `${ne(count)} ${pl(count, "goal", "goals")} removed`,
  reviewBudgetChanged: (count: number) => `${ne(count)} budget ${pl(count, "figure", "figures")} changed`,
  valueChange: (title: string, period: number, from: string, to: string) =>
    `${title} (${period}): ${from} → ${to}`,
  where: (
    page: number | null | undefined,
    row: string | null | undefined,
    column: string | null | undefined,
  ) => [page ? `p. ${page}` : "", row ?? "", column ?? ""].filter(Boolean).join(" · "),
  reviewLosses: "The imported plan has fewer parts than the active one. If it is used, these are lost:",
  confirmLosses: (lost: string[]) =>
    `The imported plan lacks ${lost.join(", ")} that the active plan has; PLAN formulas reading them will give #N/A. Use it anyway?`,
  diffGoalsAdded: "Goals added",
  diffGoalsRemoved: "Goals removed",
  diffBudget: "Budget figures changed",
  diffLinesRemoved: "Budget lines missing",
  diffLinesAdded: "Budget lines added",
  diffTablesRemoved: "Budget tables missing",
  diffCommitmentsRemoved: (count: number) =>
    `${ne(count)} ${pl(count, "commitment is", "commitments are")} missing from the import`,
  diffCommitmentsAdded: (count: number) => `${ne(count)} ${pl(count, "commitment", "commitments")} added`,
  budgetChange: (line: string, measure: string, from: string, to: string) =>
    `${line} (${measure}): ${from} → ${to}`,
  useImported: "Use the plan and store it in the workbook",
  discardImport: "Cancel",
  showMore: (count: number) => `Show ${ne(count)} more`,
};

export const STRINGS: Record<Lang, Strings> = { sv, en };

export function stringsFor(lang: Lang): Strings {
  return STRINGS[lang];
}
