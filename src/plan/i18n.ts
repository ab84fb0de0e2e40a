/** Languages Plankoll speaks: Swedish first, English where Office or `--lang` says so. */
export type Lang = "sv" | "en";

/** Picks the language for an Office display language or locale ("sv-SE" → sv, "en-US" → en, others → sv). */
export function langFromLocale(locale: string | undefined | null): Lang {
  return locale && /^en\b/i.test(locale) ? "en" : "sv";
}

/** A message in both languages. */
export type Text = Record<Lang, string>;
