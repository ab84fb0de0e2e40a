/**
 * The PLAN custom functions: a flat list of JSDoc'd declarations over core.ts.
 *
 * Metadata (for helper ADDIN-BUILD / the manifest):
 * - Default locale (sv-SE): generated at build from this file's JSDoc by custom-functions-metadata-plugin
 *   → dist/functions.json, referenced as the DefaultValue of the functions metadata bt:Url.
 * - en-US: src/functions/locales/functions.en-US.json (same ids and parameters, English names TARGET,
 *   OUTCOME, BUDGET, ACHIEVED, DEVIATION, GOAL, GOALLIST) copied to dist/functions.en-US.json and
 *   referenced by `<bt:Override Locale="en-US" Value="…/functions.en-US.json"/>` on that same bt:Url.
 *   Autogeneration cannot localize names, so that file is kept by hand; tests/functions/metadata.test.ts
 *   checks it lists the same ids and parameters as the generated default.
 *
 * Only plain `function` declarations tagged @customfunction become functions; the webpack plugin adds
 * the CustomFunctions.associate calls. Functions never write cells and are not volatile: cached values
 * stay visible in a workbook opened without the add-in. When the task pane switches plans
 * (planStore.setActivePlan) it recalculates the workbook (see planStore.ts).
 */
import { evaluate, type CellArg, type ExcelErrorCode, type FnValue, type Scalar } from "./core";
import { getActivePlan } from "./planStore";
import { langFromLocale, type Lang } from "../plan/i18n";

function displayLang(): Lang {
  try {
    return langFromLocale(Office.context.displayLanguage);
  } catch {
    // Outside Office (or before it is ready) Swedish is the default, as everywhere in Plankoll.
    return "sv";
  }
}

/** Excel's error for each core error; looked up per call, as CustomFunctions exists only inside Excel. */
function errorCode(error: ExcelErrorCode): CustomFunctions.ErrorCode {
  switch (error) {
    case "#N/A":
      return CustomFunctions.ErrorCode.notAvailable;
    case "#NUM!":
      return CustomFunctions.ErrorCode.invalidNumber;
    default:
      return CustomFunctions.ErrorCode.invalidValue;
  }
}

/** Evaluates through the same core as `plankoll fn`; an Excel error becomes a CustomFunctions.Error with its message. */
function run(id: string, args: CellArg[]): FnValue {
  const result = evaluate(id, args, getActivePlan(), displayLang());
  if (result.ok) return result.value;
  throw new CustomFunctions.Error(errorCode(result.error), result.message);
}

/**
 * Målvärdet för ett mål ett visst år. Procentmål ges som andel (3 % → 0,03).
 * @customfunction MALVARDE MALVARDE
 * @param mål Målets id, titel eller ord ur titeln, t.ex. "Total sjukfrånvaro".
 * @param [år] Året (standard: planens år).
 * @returns Målvärdet.
 */
export function malvarde(mål: string, år?: number | string): number {
  return run("MALVARDE", [mål, år]) as number;
}

/**
 * Utfallet för ett mål ett visst år. Procentmål ges som andel (3,2 % → 0,032).
 * @customfunction UTFALL UTFALL
 * @param mål Målets id, titel eller ord ur titeln.
 * @param [år] Året (standard: året före planens år).
 * @returns Utfallet.
 */
export function utfall(mål: string, år?: number | string): number {
  return run("UTFALL", [mål, år]) as number;
}

/**
 * Ett belopp ur planens budgettabeller eller ett belopp planen anger i text (Driftram 2019), i valfri enhet.
 * @customfunction BUDGET BUDGET
 * @param post Budgetpostens namn eller id, t.ex. "HR", "Totalt" eller "Driftram".
 * @param [år] Året (standard: planens år).
 * @param [mått] Budget, Utfall eller Prognos (standard: Budget).
 * @param [enhet] kr, tkr eller mnkr (standard: kolumnens eller beloppets enhet).
 * @returns Beloppet.
 */
export function budget(post: string, år?: number | string, mått?: string, enhet?: string): number {
  return run("BUDGET", [post, år, mått, enhet]) as number;
}

/**
 * SANT om värdet uppfyller målvärdet, med hänsyn till målets riktning (minst/högst).
 * @customfunction MALUPPFYLLELSE MALUPPFYLLELSE
 * @param mål Målets id, titel eller ord ur titeln.
 * @param värde Värdet att pröva; för procentmål som andel (0,032) eller procent (3,2 eller "3,2 %").
 * @param [år] Året vars målvärde gäller (standard: planens år).
 * @returns SANT om målet är uppfyllt.
 */
export function maluppfyllelse(mål: string, värde: number | string, år?: number | string): boolean {
  return run("MALUPPFYLLELSE", [mål, värde, år]) as boolean;
}

/**
 * Avvikelsen från målvärdet, positiv när värdet är bättre än målet.
 * @customfunction AVVIKELSE AVVIKELSE
 * @param mål Målets id, titel eller ord ur titeln.
 * @param värde Värdet att jämföra; för procentmål som andel (0,032) eller procent (3,2 eller "3,2 %").
 * @param [år] Året vars målvärde gäller (standard: planens år).
 * @returns Värde minus målvärde, med tecken så att positivt är bättre.
 */
export function avvikelse(mål: string, värde: number | string, år?: number | string): number {
  return run("AVVIKELSE", [mål, värde, år]) as number;
}

/**
 * Den fullständiga titeln på målet som matchar sökningen.
 * @customfunction MAL MAL
 * @param sök Målets id, titel eller ord ur titeln.
 * @returns Målets titel.
 */
export function mal(sök: string): string {
  return run("MAL", [sök]) as string;
}

/**
 * Planens mål med målvärden och utfall, som en tabell med rubrikrad.
 * @customfunction MALLISTA MALLISTA
 * @param [område] Ord ur strategiskt mål eller processområde, t.ex. "Attraktiv arbetsgivare" (standard: alla).
 * @param [år] Året (standard: planens år); tabellen visar målvärde och utfall året före och målvärdet för året.
 * @returns Tabellen.
 */
export function mallista(område?: string, år?: number | string): unknown[][] {
  return run("MALLISTA", [område, år]) as Scalar[][];
}
