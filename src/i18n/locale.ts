/**
 * Each language's locale tags, where a host API wants one: the pane's `lang` attribute, the report sheet's time
 * stamp, the Office display language the workbench's fake Excel reports.
 */
import type { Lang } from "../plan/i18n";

export interface Locale {
  /** The pane's HTML `lang`. */
  html: string;
  /** Dates and times (the report sheet's "when"): 2026-12-02 07:45:40 / 02/12/2026, 07:45:40. */
  dates: string;
  /** Office's displayLanguage for this language. */
  office: string;
}

export const LOCALES: Record<Lang, Locale> = {
  sv: { html: "sv-SE", dates: "sv-SE", office: "sv-SE" },
  en: { html: "en", dates: "en-GB", office: "en-US" },
};
