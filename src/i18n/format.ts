/**
 * The one number formatter per language, for every text Plankoll shows (findings, CLI, pane, report sheet):
 * sv-SE "387 800", "-1 622", "28,0", "3,0 %"; English "387,800", "-1,622", "28.0", "3.0 %" (a no-break space before %, in both). Without fixed
 * decimals at most three, trailing zeros dropped (a computed 2/3 must not print 15 digits).
 */
import type { FigureParam } from "../model/messages";
import type { Lang } from "../plan/i18n";
import { clean, formatSvNumber } from "../plan/numbers";

export interface NumberFormat {
  /** A number, with fixed decimals or up to three. */
  num(value: number, decimals?: number): string;
  /** A percentage (already ×100) with one decimal unless told: "3,0 %" / "3.0 %". */
  percent(percent: number, decimals?: number): string;
  /** A figure with its unit after a no-break space: "387 800 tkr". */
  figure(f: FigureParam): string;
}

function en(value: number, decimals?: number): string {
  return clean(value).toLocaleString(
    "en-US",
    decimals === undefined
      ? { maximumFractionDigits: 3 }
      : { minimumFractionDigits: decimals, maximumFractionDigits: decimals },
  );
}

const withUnit = (text: string, unit: string | undefined) => (unit ? `${text}\u00a0${unit}` : text);

export const FORMATS: Record<Lang, NumberFormat> = {
  sv: {
    num: (v, d) => formatSvNumber(v, d),
    percent: (p, d = 1) => `${formatSvNumber(p, d)}\u00a0%`,
    figure: (f) => withUnit(formatSvNumber(clean(f.value), f.decimals), f.unit),
  },
  en: {
    num: en,
    percent: (p, d = 1) => `${en(p, d)}\u00a0%`,
    figure: (f) => withUnit(en(f.value, f.decimals), f.unit),
  },
};

/** A number as the language writes it ("387 800" / "387,800"). */
export function formatNumber(value: number, lang: Lang, decimals?: number): string {
  return FORMATS[lang].num(value, decimals);
}
