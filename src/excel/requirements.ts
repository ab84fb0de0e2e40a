/**
 * Which Office APIs the running host offers. The adapter needs ExcelApi 1.9 (see index.ts); newer
 * APIs are used only where `supports` says so, and degrade with a message otherwise.
 */
export type Supports = (set: string, version: string) => boolean;

/** Asks Office; without Office (tests, a bare browser) nothing beyond the baseline is assumed. */
export const officeSupports: Supports = (set, version) => {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported(set, version);
  } catch {
    return false;
  }
};

export const BASELINE = { set: "ExcelApi", version: "1.9" } as const;

/** Newer APIs the adapter uses when present. */
export const OPTIONAL = {
  /** Range.getMergedAreasOrNullObject. */
  mergedAreas: { set: "ExcelApi", version: "1.13" },
} as const;

/** The error code Office.js gives an operation, if it is one of its errors. */
export function officeErrorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}
